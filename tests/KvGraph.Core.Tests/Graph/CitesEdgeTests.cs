using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Graph;

/// <summary>CITES edges are typed records; the property bag the stores keep is their one mapping, and it round-trips.</summary>
public sealed class CitesEdgeTests
{
    [Fact]
    public void Every_cites_edge_of_the_seeds_round_trips_through_the_typed_record()
    {
        var docs = new[] { TestPaths.Seed000, TestPaths.Seed004 }
            .Select(f => Extractor.Default.Extract(new SourceDocument(f, File.ReadAllText(f)))).ToList();
        var graph = CitationGraphs.FromDocuments(docs);
        var cites = graph.Edges.Where(e => e.Type == EdgeType.Cites).ToList();
        Assert.NotEmpty(cites);
        foreach (var e in cites)
        {
            var typed = CitesEdge.From(e);
            var back = typed.ToEdge();
            Assert.Equal(e.Source, back.Source);
            Assert.Equal(e.Target, back.Target);
            Assert.Equal(e.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal), back.Properties.OrderBy(kv => kv.Key, StringComparer.Ordinal));
            Assert.False(string.IsNullOrEmpty(typed.Method));
            Assert.InRange(typed.Confidence, 0, 1);
        }

        // Seed 004's letter is linked on date and sender; seed 000's motions on their explicit numbers.
        Assert.Contains(cites.Select(CitesEdge.From), c => c.Kind == "letter" && c.Method == LinkMethod.DateSender && c.Cited is not null);
        Assert.Contains(cites.Select(CitesEdge.From), c => c.Target == "kst-21501-20-1591" && c.Method == LinkMethod.ExplicitId);
    }

    [Fact]
    public void Properties_the_record_has_no_field_for_are_kept_in_the_edges_order_and_round_trip()
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["zeta"] = "last letter", ["kind"] = "motion", ["start"] = 12L, ["alpha"] = 3L, ["end"] = 20L, ["quote"] = "motie", ["note"] = null,
        };
        var typed = CitesEdge.From(new GraphEdge("a", "b", EdgeType.Cites, props));
        Assert.Equal(["zeta", "alpha", "note"], typed.Other.Keys);
        Assert.Equal("last letter", typed.Other["zeta"]);
        Assert.Equal(3L, typed.Other["alpha"]);
        Assert.Null(typed.Other["note"]);
        Assert.Equal(("motion", 12L, 20L), (typed.Kind, typed.Start, typed.End));
        var back = typed.ToEdge().Properties;
        Assert.Equal("last letter", back["zeta"]);
        Assert.Equal(3L, back["alpha"]);
    }

    [Fact]
    public void A_non_cites_edge_is_refused() =>
        Assert.Throws<ArgumentException>(() => CitesEdge.From(new GraphEdge("a", "b", EdgeType.Mentions, new Dictionary<string, object?>())));
}
