namespace KvGraph.TestSupport;

/// <summary>
/// Where the tests find their documents. The seeds and our own fixtures live in the repository;
/// the real corpus is read from <c>../shared/corpus</c> beside the clone and is never copied in.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);

    /// <summary>The repository root (the folder that holds KvGraph.sln).</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The <c>seeds/</c> folder.</summary>
    public static string Seeds => Path.Combine(RepoRoot, "seeds");

    /// <summary>The seed openkamer page (000_…).</summary>
    public static string Seed000 => Directory.GetFiles(Seeds, "000_*.txt").Single();

    /// <summary>The seed OCR'd answer letter (004_…).</summary>
    public static string Seed004 => Directory.GetFiles(Seeds, "004_*.txt").Single();

    /// <summary>The <c>cypher/</c> folder.</summary>
    public static string Cypher => Path.Combine(RepoRoot, "cypher");

    /// <summary>Fixtures we wrote ourselves, under <c>tests/fixtures</c>.</summary>
    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    /// <summary>
    /// The raw corpus: <c>KVGRAPH_CORPUS</c> when set, else <c>../shared/corpus/raw</c> beside the clone.
    /// </summary>
    public static string CorpusRaw =>
        Environment.GetEnvironmentVariable("KVGRAPH_CORPUS") is { Length: > 0 } env
            ? env
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus", "raw"));

    /// <summary>True when the real corpus is there (CI always has it).</summary>
    public static bool CorpusAvailable => Directory.Exists(CorpusRaw);

    /// <summary>
    /// Every real text a recogniser's equal-to-definition spec walks: the corpus's .txt and .xml files and the seeds' .txt
    /// (more than 100 when the corpus is there, which the caller checks with <see cref="CorpusAvailable"/> first).
    /// </summary>
    public static IReadOnlyList<string> RealTexts() =>
    [
        .. Directory.GetFiles(CorpusRaw, "*.txt", SearchOption.AllDirectories),
        .. Directory.GetFiles(CorpusRaw, "*.xml", SearchOption.AllDirectories),
        .. Directory.GetFiles(Seeds, "*.txt"),
    ];

    /// <summary>A path inside the corpus.</summary>
    public static string Corpus(params string[] parts) => Path.Combine([CorpusRaw, .. parts]);

    /// <summary>A fresh, empty temporary folder for one test.</summary>
    public static string NewTempDir(string prefix = "kvgraph-test")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    // The test binary normally sits under the clone; with --artifacts-path it does not, so the working
    // directory and KVGRAPH_REPO are tried too.
    private static string FindRepoRoot()
    {
        if (Environment.GetEnvironmentVariable("KVGRAPH_REPO") is { Length: > 0 } repo && File.Exists(Path.Combine(repo, "KvGraph.sln")))
        {
            return Path.GetFullPath(repo);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KvGraph.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"KvGraph.sln not found above {AppContext.BaseDirectory} or the working directory; run the tests from a clone of the repository or set KVGRAPH_REPO.");
    }
}
