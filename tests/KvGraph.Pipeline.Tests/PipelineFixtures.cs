using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>Temp folders with copies of the seeds and our graph fixtures, and an extractor that counts its calls.</summary>
internal static class PipelineFixtures
{
    /// <summary>A temp folder holding copies of the given files (so tests may change and delete them).</summary>
    public static string CopyToTemp(params string[] files) => TestFixtures.CopyToTemp("kvgraph-pipeline", files);
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
