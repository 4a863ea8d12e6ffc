using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Graph;

/// <summary>The seeds and our fictional graph fixtures (tests/fixtures/graph), extracted once.</summary>
internal static class GraphTestData
{
    private static readonly Lazy<IReadOnlyDictionary<string, ExtractedDocument>> Docs = new(() =>
        new[]
        {
            ("000", TestPaths.Seed000),
            ("004", TestPaths.Seed004),
            ("motion", Path.Combine(TestPaths.Fixtures, "graph", "motie-21501-20-1591.txt")),
            ("f1", Path.Combine(TestPaths.Fixtures, "graph", "kamervraag-2021Z99001.txt")),
            ("f2", Path.Combine(TestPaths.Fixtures, "graph", "kamervraag-2021Z99002.txt")),
        }.ToDictionary(x => x.Item1, x => Extractor.Default.Extract(new SourceDocument(x.Item2, File.ReadAllText(x.Item2)))));

    public static ExtractedDocument Seed000 => Docs.Value["000"];

    public static ExtractedDocument Seed004 => Docs.Value["004"];

    public static ExtractedDocument Motion => Docs.Value["motion"];

    public static ExtractedDocument Fictional1 => Docs.Value["f1"];

    public static ExtractedDocument Fictional2 => Docs.Value["f2"];

    public static IReadOnlyList<ExtractedDocument> All => [.. Docs.Value.Values];
}
