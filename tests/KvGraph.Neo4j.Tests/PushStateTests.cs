using KvGraph.Neo4j.Push;
using KvGraph.Store;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;

namespace KvGraph.Neo4j.Tests;

/// <summary>The push state in the store: the ledger table, the migration of version-1 stores, the old JSON file taken over once.</summary>
public sealed class PushStateTests
{
    [Fact]
    public void A_version_1_store_is_migrated_and_its_facts_are_kept_and_the_ledger_records_per_file()
    {
        var path = Path.Combine(TestPaths.NewTempDir(), "kv.db");
        using (var store = KvStore.Open(path))
        {
            KvGraph.Pipeline.BuildPipeline.Run(store, [Repo.Seeds]);
        }

        // Make it a version-1 store as an earlier KvGraph wrote it: no push table, user_version 1.
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE push_files; DELETE FROM migrations WHERE version > 1; PRAGMA user_version = 1;";
            cmd.ExecuteNonQuery();
        }

        // Read-only commands (stats, search, serve) read a version-1 store as it is: reads need only step 1's tables.
        using (var old = KvStore.OpenReadOnly(path))
        {
            Assert.Equal(2, old.Files().Count(f => f.Status == "ok"));
            Assert.True(old.Stats().Documents > 0);
        }

        using var migrated = KvStore.Open(path);
        Assert.Equal(2, migrated.Files().Count(f => f.Status == "ok"));
        var ledger = migrated.PushLedger("http://127.0.0.1:7474/|neo4j");
        Assert.Empty(ledger.Load());
        ledger.Apply([new PushedFileRecord("a.txt", null, ["n1", "n2"], ["s1"]), new PushedFileRecord("b.txt", "7", ["n3"], [])], []);
        ledger.Apply([new PushedFileRecord("a.txt", "8", ["n1"], [])], ["b.txt"]);
        var loaded = ledger.Load();
        var a = Assert.Single(loaded.Values);
        Assert.Equal(("a.txt", "8", false), (a.File, a.Version, a.Pending));
        Assert.Equal(["n1"], a.Nodes);
        Assert.Empty(migrated.PushLedger("another|neo4j").Load());

        using var readOnly = KvStore.OpenReadOnly(path);
        Assert.Throws<StoreException>(() => readOnly.PushLedger("x").Apply([new PushedFileRecord("c.txt", "1", [], [])], []));
    }

    [Fact]
    public void An_old_state_file_of_the_same_target_is_taken_over_once_and_one_of_another_target_is_left()
    {
        var dir = TestPaths.NewTempDir();
        using var store = KvStore.Open(Path.Combine(dir, "kv.db"));
        var file = Path.Combine(dir, "kv.db.neo4j-push.json");
        File.WriteAllText(file, """{"target":"http://127.0.0.1:7474/|neo4j","files":{"seeds/000.txt":{"v":"3","n":["ah-tk-20202021-2302"],"s":[]}}}""");

        Assert.Equal(0, PushState.MigrateLegacyFile(file, store.PushLedger("http://elsewhere:7474/|neo4j")));
        Assert.True(File.Exists(file));

        var ledger = store.PushLedger("http://127.0.0.1:7474/|neo4j");
        Assert.Equal(1, PushState.MigrateLegacyFile(file, ledger));
        Assert.False(File.Exists(file));
        Assert.True(File.Exists(file + ".migrated"));
        var state = PushState.Open(ledger);
        Assert.Equal("3", state.Files["seeds/000.txt"].Version);
        Assert.Equal(1, state.Done);
        Assert.Equal(0, PushState.MigrateLegacyFile(file, ledger));
    }
}
