using BenchmarkDotNet.Attributes;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.TestSupport;

namespace KvGraph.Benchmarks;

/// <summary>Extraction (read, recognise, settle) and graph facts per document, on the seeds and a fixture motion.</summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly Dictionary<string, SourceDocument> _sources = [];

    [Params("seed000", "seed004", "motion")]
    public string Document { get; set; } = "seed000";

    [GlobalSetup]
    public void Setup()
    {
        foreach (var (name, path) in new[] { ("seed000", TestPaths.Seed000), ("seed004", TestPaths.Seed004), ("motion", Path.Combine(TestPaths.Fixtures, "graph", "motie-21501-20-1591.txt")) })
        {
            _sources[name] = new SourceDocument(path, File.ReadAllText(path));
        }
    }

    [Benchmark]
    public int Extract() => Extractor.Default.Extract(_sources[Document]).Citations.Count;

    [Benchmark]
    public int ExtractAndFacts() => GraphFacts.Facts(Extractor.Default.Extract(_sources[Document])).Edges.Count;
}
