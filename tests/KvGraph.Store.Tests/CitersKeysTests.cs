using KvGraph.Core.Graph;
using KvGraph.Pipeline;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// Schema step 8: a hub's cited-by list (show, trace --reverse) reads its citers' dates and kinds and its citations'
/// positions from two covering indexes (<c>rnodes_keys</c>, <c>redges_cites_keys</c>) instead of thousands of rows
/// scattered over the tables. A store of schema 7 is migrated to them and answers the same; the reads are the indexes'
/// alone (SQLite's plan, this build's SQLite); and after incremental builds that remove a citer and add a second copy of
/// another, the indexes hold what the rows hold and the hubs' narrow cited-by lists are still the assembled graph's.
/// </summary>
public sealed class CitersKeysTests(SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [Fact]
    public void A_store_of_schema_7_is_migrated_to_the_citers_keys_and_answers_the_same()
    {
        var dir = TestPaths.NewTempDir("kvgraph-step8-migration");
        try
        {
            var path = Path.Combine(dir, "store.db");
            StoreRows.Exec(synth.StorePath, $"VACUUM INTO '{path}'", readOnly: true);

            // What schema 7 had: neither index, and rnodes_id (dropped by step 9).
            StoreRows.Exec(path, "DROP INDEX rnodes_keys; DROP INDEX redges_cites_keys; CREATE INDEX rnodes_id ON rnodes(id, label); DELETE FROM migrations WHERE version >= 8; PRAGMA user_version = 7;");
            var hubs = Hubs(path);
            List<string> before;
            using (var old = KvStore.OpenReadOnly(path))
            {
                Assert.DoesNotContain(Plan(path, IndexedGraph.NodeKeysSql), p => p.Contains("rnodes_keys", StringComparison.Ordinal));
                before = Answers(old.Graph(), hubs);
            }

            using var migrated = KvStore.Open(path);
            Assert.Equal((long)Schema.Current, long.Parse(Assert.Single(StoreRows.Of(path, "PRAGMA user_version")), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(["redges_cites_keys", "rnodes_keys"], StoreRows.Of(path, "SELECT name FROM sqlite_master WHERE name IN ('rnodes_keys', 'redges_cites_keys') ORDER BY name"));
            Assert.Contains(Plan(path, IndexedGraph.NodeKeysSql), p => p.Contains("USING COVERING INDEX rnodes_keys", StringComparison.Ordinal));
            Assert.Contains(Plan(path, IndexedGraph.CitesKeysSql), p => p.Contains("USING COVERING INDEX redges_cites_keys", StringComparison.Ordinal));
            Assert.Equal(before, Answers(migrated.Graph(), hubs));
            Assert.Empty(NarrowCitedBy.Problems(migrated.LoadGraph(), migrated.Graph(), hubs));
            Assert.True(before.Count > 500, $"{before.Count} citers");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Incremental_builds_keep_the_citers_keys_as_the_rows_are()
    {
        var dir = TestPaths.NewTempDir("kvgraph-step8-incremental");
        try
        {
            var docs = Path.Combine(dir, "docs");
            KvGraph.Pipeline.Synth.SynthCorpus.Write(docs, new KvGraph.Pipeline.Synth.SynthOptions(600, 7));
            var path = Path.Combine(dir, "store.db");
            using var store = KvStore.Open(path);
            Assert.Empty(BuildPipeline.Run(store, [docs]).Failures);
            var hub = Hubs(path)[0];

            // A citer's file removed, another citer's file copied (its document then has two rows), and built again.
            var citers = StoreRows.Of(path, $"""
                SELECT DISTINCT f.path FROM redges e JOIN files f ON f.id = e.file_id WHERE e.target = '{hub}' AND e.type = 'CITES' ORDER BY f.path LIMIT 2
                """);
            Assert.Equal(2, citers.Count);
            File.Delete(citers[0]);
            var copies = Path.Combine(docs, "copies");
            Directory.CreateDirectory(copies);
            File.Copy(citers[1], Path.Combine(copies, Path.GetFileName(citers[1])));
            var report = BuildPipeline.Run(store, [docs], new BuildOptions { Prune = true });
            Assert.Empty(report.Failures);
            Assert.Equal(1, report.Pruned);

            Assert.Equal(["ok"], StoreRows.Of(path, "PRAGMA integrity_check"));
            var keys = string.Join(", ", ICitationKeys.Keys.Select(k => Schema.KeyColumn("props", k)));
            Assert.Equal(
                StoreRows.Of(path, $"SELECT id, label, name, {keys} FROM rnodes NOT INDEXED ORDER BY 1, 2, 3, 4, 5, 6, 7"),
                StoreRows.Of(path, $"SELECT id, label, name, {keys} FROM rnodes INDEXED BY rnodes_keys ORDER BY 1, 2, 3, 4, 5, 6, 7"));
            var start = Schema.KeyColumn("props", "start");
            Assert.Equal(
                StoreRows.Of(path, $"SELECT target, source, file_id, seq, positioned, {start} FROM redges NOT INDEXED WHERE type = 'CITES' ORDER BY 1, 2, 3, 4"),
                StoreRows.Of(path, $"SELECT target, source, file_id, seq, positioned, {start} FROM redges INDEXED BY redges_cites_keys WHERE type = 'CITES' ORDER BY 1, 2, 3, 4"));
            Assert.Empty(NarrowCitedBy.Problems(store.LoadGraph(), store.Graph(), Hubs(path)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    // The five most cited documents.
    private static List<string> Hubs(string path) =>
        StoreRows.Of(path, "SELECT target FROM redges WHERE type = 'CITES' GROUP BY target ORDER BY count(*) DESC, target LIMIT 5");

    // Each hub's narrow cited-by list: every citer with its label, name, kind, date and mentions' positions.
    private static List<string> Answers(ICitationGraph graph, IEnumerable<string> hubs) =>
        [.. hubs.SelectMany(h => graph.CitedByKeys(h).Select(c =>
            $"{h} {c.Source.Id} {c.Source.Label} {c.Source.Name} {c.Source.Properties.GetValueOrDefault("kind")} {c.Date} [{string.Join(",", c.Mentions.Select(m => m.Properties.GetValueOrDefault("start")))}]"))];

    private static List<string> Plan(string path, string sql) =>
        StoreRows.Plan(path, sql.Replace("$ids", "'[\"x\"]'", StringComparison.Ordinal).Replace("$id", "'x'", StringComparison.Ordinal));
}
