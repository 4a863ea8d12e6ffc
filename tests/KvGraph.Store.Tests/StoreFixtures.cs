using System.Security.Cryptography;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;
using KvGraph.Ingest;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>Temp folders with copies of the seeds and our graph fixtures, and those real files extracted into store records.</summary>
internal static class StoreFixtures
{
    /// <summary>A temp folder holding copies of the given files (so tests may change and delete them).</summary>
    public static string CopyToTemp(params string[] files) => TestFixtures.CopyToTemp("kvgraph-store", files);

    /// <summary>The extractor fingerprint these tests store (the store keeps it; only the pipeline compares it).</summary>
    public const string Extractor = "store-tests";

    /// <summary>A real file read and extracted into the record the store persists (what the pipeline hands it).</summary>
    public static FileRecord Record(string path)
    {
        var full = Path.GetFullPath(path);
        var docs = FileSource.ReadAll(full)
            .Select(KvGraph.Core.Extraction.Extractor.Default.Extract)
            .Select(d => new DocumentRecord(d, DocumentAliases.For(d), GraphFacts.Facts(d)))
            .ToList();
        var info = new FileInfo(full);
        return new FileRecord(full, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(full))), info.Length, info.LastWriteTimeUtc, Extractor, docs, null);
    }

    /// <summary>The corpus's Limburg question and answer texts, in name order (read from ../shared, never copied into the repository).</summary>
    public static IReadOnlyList<string> CorpusQuestions() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.CorpusRaw, "kamervragen-limburg", "docs")).Order(StringComparer.Ordinal)];

    /// <summary>The corpus's motion texts, in name order.</summary>
    public static IReadOnlyList<string> CorpusMotions() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.CorpusRaw, "moties-toegelicht", "motions")).Order(StringComparer.Ordinal)];

    /// <summary>A new temp folder with an <c>input</c> folder holding copies of <paramref name="files"/>; returns both paths.</summary>
    public static (string Dir, string Input) CopyToInput(string name, IEnumerable<string> files)
    {
        var dir = TestPaths.NewTempDir(name);
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);
        foreach (var f in files)
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        return (dir, input);
    }

    /// <summary>Writes the files under <paramref name="dir"/>/input in one committed session; returns the version.</summary>
    public static long WriteAll(IKvStore store, string dir)
    {
        using var session = store.BeginWrite();
        foreach (var f in Directory.GetFiles(Path.Combine(dir, "input")).Order(StringComparer.Ordinal))
        {
            session.Write(Record(f));
        }

        return session.Commit();
    }
}

