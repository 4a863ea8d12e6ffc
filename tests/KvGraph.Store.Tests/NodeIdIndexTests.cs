using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// Schema step 9: <c>rnodes_id</c> (id, label) is dropped, as <c>rnodes_keys</c> (id, label, name, the citation keys)
/// leads with the same columns. A store of schema 8 (which has it) is migrated, its reads by node id are then answered
/// from <c>rnodes_keys</c> (SQLite's plan, this build's SQLite), and the graph answers the same as before the migration.
/// </summary>
public sealed class NodeIdIndexTests(SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    // Reads of rnodes by node id that schema 8 answered from rnodes_id: the label look-up of the commit's fill and the
    // unresolved targets' test of a citation target (IndexedGraph.Unresolved).
    private const string LabelById = "SELECT label FROM rnodes WHERE id = 'x' ORDER BY label LIMIT 1";
    private const string AssertedById = "SELECT EXISTS(SELECT 1 FROM rnodes n WHERE n.id = 'x' AND n.label <> 'Placeholder')";

    [Fact]
    public void A_store_of_schema_8_is_migrated_without_rnodes_id_and_answers_the_same()
    {
        var dir = TestPaths.NewTempDir("kvgraph-step9-migration");
        try
        {
            var path = Path.Combine(dir, "store.db");
            StoreRows.Exec(synth.StorePath, $"VACUUM INTO '{path}'", readOnly: true);

            // What schema 8 had: rnodes_id beside rnodes_keys.
            StoreRows.Exec(path, "CREATE INDEX rnodes_id ON rnodes(id, label); DELETE FROM migrations WHERE version = 9; PRAGMA user_version = 8;");
            Assert.Contains(StoreRows.Plan(path, LabelById), p => p.Contains("rnodes_id", StringComparison.Ordinal));
            Assert.Contains(StoreRows.Plan(path, AssertedById), p => p.Contains("rnodes_id", StringComparison.Ordinal));
            var hubs = StoreRows.Of(path, "SELECT target FROM redges WHERE type = 'CITES' GROUP BY target ORDER BY count(*) DESC, target LIMIT 5");
            var someIds = StoreRows.Of(path, "SELECT id FROM rnodes WHERE rowid % 97 = 0 ORDER BY rowid");
            List<string> before;
            using (var old = KvStore.OpenReadOnly(path))
            {
                before = Answers(old.Graph(), hubs, someIds);
            }

            using (var migrated = KvStore.Open(path))
            {
                Assert.Equal(9L, (long)Schema.Current);
                Assert.Equal(["9"], StoreRows.Of(path, "PRAGMA user_version"));
                Assert.Equal(["9\u0001one-node-id-index"], StoreRows.Of(path, "SELECT version, name FROM migrations WHERE version = 9"));
                Assert.Empty(StoreRows.Of(path, "SELECT name FROM sqlite_master WHERE name = 'rnodes_id'"));
                Assert.Contains(StoreRows.Plan(path, LabelById), p => p.Contains("USING COVERING INDEX rnodes_keys (id=?)", StringComparison.Ordinal));
                Assert.Contains(StoreRows.Plan(path, AssertedById), p => p.Contains("USING COVERING INDEX rnodes_keys (id=?)", StringComparison.Ordinal));
                Assert.Equal(before, Answers(migrated.Graph(), hubs, someIds));
            }

            Assert.Equal(["ok"], StoreRows.Of(path, "PRAGMA integrity_check"));
            Assert.True(before.Count > 500, $"{before.Count} answers");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_new_store_has_no_rnodes_id()
    {
        Assert.Equal(["9"], StoreRows.Of(synth.StorePath, "PRAGMA user_version"));
        Assert.Empty(StoreRows.Of(synth.StorePath, "SELECT name FROM sqlite_master WHERE name = 'rnodes_id'"));
        Assert.Equal(["rnodes_keys"], StoreRows.Of(synth.StorePath, "SELECT name FROM sqlite_master WHERE name = 'rnodes_keys'"));
    }

    // The nodes by id, the hubs' in- and out-edges, and the unresolved targets with their counts.
    private static List<string> Answers(ICitationGraph graph, List<string> hubs, List<string> ids) =>
    [
        .. ids.Select(id => graph.Find(id) is { } n ? $"{n.Id} {n.Label} {n.Name} {string.Join(",", n.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}" : $"{id} -"),
        .. hubs.SelectMany(h => graph.Incoming(h).Select(e => $"in {h} {e.Source} {e.Type} {e.Properties.GetValueOrDefault("start")}")),
        .. hubs.SelectMany(h => graph.Outgoing(h).Select(e => $"out {h} {e.Target} {e.Type}")),
        .. graph.Unresolved(200).Select(u => $"unresolved {u.Id} {u.Label} {u.CitationCount} {string.Join(",", u.CitedBy)}"),
    ];
}
