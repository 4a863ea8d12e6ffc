using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>Persistence: what a write session stores, how it is read back, what a rollback leaves, the change feed, the schema.</summary>
public sealed class StoreTests
{
    [Fact]
    public void A_written_file_is_read_back_by_id_and_alias_with_every_citation_and_its_evidence()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        Assert.Equal(1, StoreFixtures.WriteAll(store, dir));

        var byId = store.GetDocument("ah-tk-20202021-2302");
        Assert.NotNull(byId);
        Assert.Equal("2021Z02286", byId.Doc.Zaak);
        Assert.Contains(byId.Citations, c => c.Target == "kst-21501-20-1591" && c.Quote.Contains("1591", StringComparison.Ordinal));

        // The zaak and the question id are aliases of the same document; keys ignore case and surrounding blanks.
        Assert.Equal("ah-tk-20202021-2302", store.ResolveId("2021Z02286"));
        Assert.Equal("ah-tk-20202021-2302", store.ResolveId(" 2021z02286 "));
        Assert.Equal("ah-tk-20202021-2302", store.GetDocument("2021Z02286")!.Doc.Id);
        Assert.Equal("kv-tk-2021Z02286", store.ResolveId("kv-tk-2021Z02286"));
        Assert.Null(store.GetDocument("kst-99999-1"));
        Assert.Null(store.ResolveId("   "));

        // The round trip keeps every citation and its evidence.
        Assert.Equal(byId.Citations.Count, byId.Citations.Select(c => (c.Target, c.Start)).Distinct().Count());
        Assert.All(byId.Citations, c => Assert.Equal(byId.Text[c.Start..c.End], c.Quote));
        Assert.All(store.Files(), f => Assert.Equal(StoreFixtures.Extractor, f.Extractor));
    }

    [Fact]
    public void Document_dates_are_stored_as_the_iso_text_earlier_stores_hold_and_read_back_as_dates()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        Assert.Equal(1, StoreFixtures.WriteAll(store, dir));
        var read = store.GetDocument("ah-tk-20202021-2302");
        Assert.NotNull(read);
        Assert.Equal(new DateOnly(2021, 2, 4), read.Doc.Submitted);
        Assert.Equal(new DateOnly(2021, 4, 12), read.Doc.Answered);

        // The stored JSON keeps the dates as the "yyyy-MM-dd" strings stores written before DateOnly hold, so
        // reading such a store gives the same dates back.
        var json = Sqlite.StoreJson.Document(read);
        Assert.Contains("\"submitted\":\"2021-02-04\"", json, StringComparison.Ordinal);
        Assert.Contains("\"answered\":\"2021-04-12\"", json, StringComparison.Ordinal);
        var again = Sqlite.StoreJson.ReadDocument(json);
        Assert.NotNull(again);
        Assert.Equal(read.Doc.Submitted, again.Doc.Submitted);
        Assert.Equal(read.Doc.Answered, again.Doc.Answered);
        Assert.Equal(read.Citations.Select(c => c.Date), again.Citations.Select(c => c.Date));
    }

    [Fact]
    public void The_store_resolves_every_id_and_alias_exactly_as_cores_resolver_does()
    {
        var dir = StoreFixtures.CopyToTemp([.. TestFixtures.Seeds, TestFixtures.Motion, TestFixtures.Fictional1, TestFixtures.Fictional2]);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        StoreFixtures.WriteAll(store, dir);
        var records = Directory.GetFiles(Path.Combine(dir, "input")).Select(StoreFixtures.Record).ToList();
        var resolver = Resolver.Create(records.SelectMany(r => r.Documents).SelectMany(d => d.Aliases));

        // Every key a document can be cited by, the kv-tk- form of every zaak, other case, and ids nobody claims.
        var keys = records.SelectMany(r => r.Documents).SelectMany(d => d.Aliases)
            .SelectMany(a => a.Aliases.Select(x => x.Alias).Append(a.Id))
            .SelectMany(k => new[] { k, k.ToUpperInvariant(), k.ToLowerInvariant(), "kv-tk-" + k })
            .Concat(["kv-tk-", "kst-99999-1", "2019Z10940", "kv-tk-2019Z10940"])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.True(keys.Count > 40, $"only {keys.Count} keys");
        Assert.All(keys, k => Assert.Equal(resolver.Resolve(k), store.ResolveId(k)));
        Assert.Contains(keys, k => store.ResolveId(k) is null);
        Assert.Equal("kst-21501-20-1591", store.ResolveId("KST-21501-20-1591"));
    }

    /// <summary>
    /// A first build loads its tables without their secondary indexes and makes them at commit (SqliteStoreWriter): the
    /// committed store has exactly the indexes a new store has, with the same definitions, and a first build that is
    /// rolled back leaves them too; the next build, which keeps its indexes throughout, answers from them as before.
    /// </summary>
    [Fact]
    public void A_first_build_ends_with_every_index_of_the_schema_committed_or_rolled_back()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        var path = TestFixtures.StorePath(dir);
        IReadOnlyList<string> schema;
        using (var fresh = KvStore.Open(path))
        {
            schema = Indexes(path);
            Assert.Contains(schema, i => i.Contains("edges_target", StringComparison.Ordinal));
            Assert.Contains(schema, i => i.Contains("redges_source", StringComparison.Ordinal));

            // Rolled back: the indexes dropped inside the session's transaction come back with it.
            using (var session = fresh.BeginWrite())
            {
                session.Write(StoreFixtures.Record(TestFixtures.Motion));
                Assert.Equal("delete", JournalMode(path));
            }

            Assert.Equal(schema, Indexes(path));
            Assert.Empty(fresh.Files());

            // The session wrote through a rollback journal (an empty store) and gave the store back in WAL mode.
            Assert.Equal("wal", JournalMode(path));

            StoreFixtures.WriteAll(fresh, dir);
            Assert.Equal("wal", JournalMode(path));
        }

        Assert.Equal(schema, Indexes(path));

        // A second build (files already stored: nothing deferred) finds a cited motion through the indexes.
        using var store = KvStore.Open(path);
        using (var session = store.BeginWrite())
        {
            session.Write(StoreFixtures.Record(TestFixtures.Motion));
            session.Commit();
        }

        Assert.Equal(schema, Indexes(path));
        Assert.Equal("kst-21501-20-1591", store.ResolveId("kst-21501-20-1591"));
        Assert.Contains(store.Graph().Incoming("kst-21501-20-1591"), e => e.Source == "ah-tk-20202021-2302");
    }

    private static string? JournalMode(string path)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        return cmd.ExecuteScalar() as string;
    }

    private static List<string> Indexes(string path)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    [Fact]
    public void A_session_disposed_without_commit_leaves_the_previous_state()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        StoreFixtures.WriteAll(store, dir);
        var before = store.Stats();

        using (var session = store.BeginWrite())
        {
            Assert.Equal(2, session.Version);
            session.Write(StoreFixtures.Record(TestFixtures.Motion));
            Assert.True(session.Remove(Path.Combine(dir, "input", Path.GetFileName(TestPaths.Seed004))));
            Assert.False(session.Remove(Path.Combine(dir, "input", "never-stored.txt")));
        }

        Assert.Equal(1, store.CurrentVersion);
        Assert.Equal(2, store.Files().Count);
        Assert.Null(store.ResolveId("kst-21501-20-1591"));
        Assert.Equal(NodeLabel.Placeholder, store.LoadGraph().Find("kst-21501-20-1591")!.Label);
        Assert.Equal(before.Edges, store.Stats().Edges);

        // One session at a time; a committed session is closed.
        using var open = store.BeginWrite();
        Assert.Throws<InvalidOperationException>(() => store.BeginWrite());
        Assert.Equal(1, open.Commit());
        Assert.Throws<ObjectDisposedException>(() => open.Write(StoreFixtures.Record(TestFixtures.Motion)));
    }

    [Fact]
    public void Writing_and_removing_files_feeds_the_change_feed_and_bumps_the_files_that_cite_them()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var v1 = StoreFixtures.WriteAll(store, dir);
        var seed000 = Path.Combine(input, Path.GetFileName(TestPaths.Seed000));
        var seed004 = Path.Combine(input, Path.GetFileName(TestPaths.Seed004));

        // The cited motion arrives: seed 000 cites it, so its facts resolve differently and it is re-sent; seed 004 is not.
        var motion = Path.Combine(input, "motie.txt");
        File.Copy(TestFixtures.Motion, motion);
        long v2;
        using (var session = store.BeginWrite())
        {
            session.Write(StoreFixtures.Record(motion));
            v2 = session.Commit();
        }

        Assert.Equal(v1 + 1, v2);
        var files = store.Files().ToDictionary(f => f.Path);
        Assert.Equal(v2, files[motion].Version);
        Assert.Equal(v2, files[seed000].Version);
        Assert.Equal(v1, files[seed004].Version);
        var changed = store.FactsChangedSince(v1).ToList();
        Assert.Equal([seed000, motion], changed.Select(f => f.File).Order(StringComparer.Ordinal));
        Assert.Contains(changed.Single(f => f.File == seed000).Edges, e => e.Type == EdgeType.Cites && e.Target == "kst-21501-20-1591");
        Assert.DoesNotContain(changed.Single(f => f.File == seed000).Nodes, n => n.Id == "kst-21501-20-1591");

        // It leaves again: a deletion, and seed 000 is re-sent with the placeholder.
        long v3;
        using (var session = store.BeginWrite())
        {
            Assert.True(session.Remove(motion));
            v3 = session.Commit();
        }

        Assert.Equal([motion], store.DeletedSince(v2).Select(d => d.Path));
        var resent = Assert.Single(store.FactsChangedSince(v2));
        Assert.Equal(seed000, resent.File);
        Assert.Contains(resent.Nodes, n => n.Id == "kst-21501-20-1591" && n.Label == NodeLabel.Placeholder);

        // A session that changes nothing leaves the version as it was.
        using (var session = store.BeginWrite())
        {
            Assert.Equal(v3, session.Commit());
        }

        Assert.Equal(v3, store.CurrentVersion);
    }

    [Fact]
    public void The_change_feed_gives_back_every_property_with_the_clr_type_the_graph_computed_it_with()
    {
        // Seed 000 has positioned edges (start/end are longs) and vote or confidence figures; before one typed reader,
        // the feed read every integer back as a double, so a pushed or exported `start` was 12.0, not 12.
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        StoreFixtures.WriteAll(store, dir);
        var seed000 = Path.Combine(dir, "input", Path.GetFileName(TestPaths.Seed000));
        var computed = StoreFixtures.Record(seed000).Documents.SelectMany(d => d.Facts.Edges).ToList();
        var fed = Assert.Single(store.FactsChangedSince(0), f => f.File == seed000).Edges;

        var numbers = 0;
        foreach (var edge in fed.Where(e => e.Properties.ContainsKey("start")))
        {
            var same = computed.Where(c => c.Type == edge.Type && Equals(c.Properties.GetValueOrDefault("start"), edge.Properties["start"])
                && c.Properties.GetValueOrDefault("quote") as string == edge.Properties.GetValueOrDefault("quote") as string).ToList();
            Assert.NotEmpty(same);
            foreach (var (key, value) in edge.Properties.Where(p => p.Value is long or double))
            {
                Assert.Equal(same[0].Properties[key]!.GetType(), value!.GetType());
                numbers++;
            }
        }

        Assert.True(numbers > 10, $"only {numbers} numeric properties were compared");
    }

    [Fact]
    public void A_failed_file_is_stored_with_its_reason_and_a_read_only_store_refuses_to_write()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        var path = TestFixtures.StorePath(dir);
        var broken = Path.Combine(dir, "input", "broken.pdf");
        using (var store = KvStore.Open(path))
        {
            StoreFixtures.WriteAll(store, dir);
            using var session = store.BeginWrite();
            session.Write(new FileRecord(broken, "00", 2, DateTimeOffset.UnixEpoch, StoreFixtures.Extractor, [], "not a PDF"));
            session.Commit();
            var failed = Assert.Single(store.Files(), f => f.Status == "failed");
            Assert.Equal((broken, "not a PDF"), (failed.Path, failed.Error));
            Assert.Equal(1, store.Stats().FilesFailed);
        }

        Assert.Throws<ArgumentException>(() => new FileRecord(broken, "00", 2, DateTimeOffset.UnixEpoch, StoreFixtures.Extractor, [], null));
        Assert.Throws<ArgumentException>(() => new FileRecord("relative.txt", "00", 2, DateTimeOffset.UnixEpoch, StoreFixtures.Extractor, [], "x"));
        using var readOnly = KvStore.OpenReadOnly(path);
        Assert.Throws<StoreException>(() => readOnly.BeginWrite());
    }

    [Fact]
    public void Search_finds_words_ranks_an_exact_id_first_and_survives_fts_syntax()
    {
        var dir = StoreFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        StoreFixtures.WriteAll(store, dir);

        var hits = store.Search("Oeigoerse vrouwen");
        Assert.Equal("ah-tk-20202021-2302", hits[0].Id);
        Assert.NotEmpty(hits[0].Highlights); // the matched words are offsets, not brackets in the text
        Assert.Contains(hits[0].Askers, a => a.Contains("Van Ojik", StringComparison.OrdinalIgnoreCase));

        var exact = store.Search("2021Z02286");
        Assert.Equal("ah-tk-20202021-2302", exact[0].Id);

        // Quotes, operators and brackets are words, not query syntax.
        var odd = store.Search("\"Xinjiang\" AND (NEAR OR *");
        Assert.NotNull(odd);
        Assert.Empty(store.Search("qqqzzzxxx"));
    }

    [Fact]
    public void A_store_from_a_newer_kvgraph_is_refused_and_a_foreign_database_is_left_alone()
    {
        var dir = TestPaths.NewTempDir("kvgraph-schema");
        var path = Path.Combine(dir, "newer.db");
        using (var store = KvStore.Open(path))
        {
            Assert.Equal(0, store.CurrentVersion);
        }

        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM migrations WHERE version = 1; ";
            Assert.Equal(1L, cmd.ExecuteScalar());
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }

        var e = Assert.Throws<StoreException>(() => KvStore.Open(path));
        Assert.Contains("newer", e.Message, StringComparison.Ordinal);
        Assert.Contains("99", e.Message, StringComparison.Ordinal);

        var foreign = Path.Combine(dir, "foreign.db");
        using (var c = new SqliteConnection($"Data Source={foreign};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t(x)";
            cmd.ExecuteNonQuery();
        }

        Assert.Contains("not a KvGraph store", Assert.Throws<StoreException>(() => KvStore.Open(foreign)).Message, StringComparison.Ordinal);
        Assert.Throws<StoreException>(() => KvStore.OpenReadOnly(Path.Combine(dir, "missing.db")));
    }
}
