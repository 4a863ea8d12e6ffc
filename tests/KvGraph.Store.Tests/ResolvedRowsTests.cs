using System.Globalization;
using KvGraph.Store.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// Issue 9: a build's commit parses and resolves the files' facts on another thread, batch after batch, while it reads the
/// next files from the store and inserts the last ones' rows (<c>ResolvedFacts.Resolved</c>). What it writes must be
/// exactly the change feed (<see cref="IKvStore.FactsChangedSince"/>, which resolves one file after the other on the
/// calling thread): every file, every node and edge with its properties, in the feed's order.
/// </summary>
public sealed class ResolvedRowsTests(SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [Fact]
    public void A_first_builds_resolved_rows_are_the_change_feeds_in_its_order()
    {
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var feed = store.FactsChangedSince(0).ToList();

        // Many batches of the hand-over (256 files each), so their order across threads is tested, not one batch alone.
        Assert.True(feed.Count > 2_000, $"{feed.Count} files");

        var nodes = new List<string>();
        var edges = new List<string>();
        foreach (var f in feed)
        {
            nodes.AddRange(f.Nodes.Select((n, seq) => Row(f.File, seq, n.Id, n.Label, n.Name ?? "(null)", StoreJson.TypedProps(n.Properties))));
            edges.AddRange(f.Edges.Select((e, seq) => Row(f.File, seq, e.Source, e.Target, e.Type, e.Properties.ContainsKey("start") ? "1" : "0", StoreJson.TypedProps(e.Properties))));
        }

        // In the order the commit inserted them (rowid), which is the order the indexed graph reads a node's rows in.
        var storedNodes = StoreRows.Of(synth.StorePath, "SELECT f.path, n.seq, n.id, n.label, n.name, n.props FROM rnodes n JOIN files f ON f.id = n.file_id ORDER BY n.rowid");
        var storedEdges = StoreRows.Of(synth.StorePath, "SELECT f.path, e.seq, e.source, e.target, e.type, e.positioned, e.props FROM redges e JOIN files f ON f.id = e.file_id ORDER BY e.rowid");
        Assert.True(nodes.Count > 10_000 && edges.Count > 10_000, $"{nodes.Count} nodes, {edges.Count} edges");
        Assert.Equal(nodes.Count, storedNodes.Count);
        Assert.Equal(edges.Count, storedEdges.Count);
        Assert.Equal(nodes, storedNodes);
        Assert.Equal(edges, storedEdges);
    }

    private static string Row(params object[] values) => string.Join(StoreRows.Separator, values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)));
}
