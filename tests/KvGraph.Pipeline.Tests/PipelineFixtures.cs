using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>Temp folders with copies of the seeds and our graph fixtures, and an extractor that counts its calls.</summary>
internal static class PipelineFixtures
{
    public static string GraphFixtures => Path.Combine(TestPaths.Fixtures, "graph");

    /// <summary>A temp folder holding copies of the given files (so tests may change and delete them).</summary>
    public static string CopyToTemp(params string[] files)
    {
        var dir = TestPaths.NewTempDir("kvgraph-pipeline");
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);
        foreach (var f in files)
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        return dir;
    }

    public static string[] Seeds => [TestPaths.Seed000, TestPaths.Seed004];

    public static string Motion => Path.Combine(GraphFixtures, "motie-21501-20-1591.txt");

    public static string Fictional1 => Path.Combine(GraphFixtures, "kamervraag-2021Z99001.txt");

    public static string Fictional2 => Path.Combine(GraphFixtures, "kamervraag-2021Z99002.txt");

    public static string StorePath(string dir) => Path.Combine(dir, "kvgraph.db");
}

/// <summary>Counts extractions, so tests can prove that unchanged files are not extracted again.</summary>
internal sealed class CountingExtractor : IExtractor
{
    private int _count;

    public int Count => _count;

    public List<string> Files { get; } = [];

    public ExtractedDocument Extract(SourceDocument source)
    {
        Interlocked.Increment(ref _count);
        lock (Files)
        {
            Files.Add(Path.GetFileName(source.File));
        }

        return Extractor.Default.Extract(source);
    }
}
