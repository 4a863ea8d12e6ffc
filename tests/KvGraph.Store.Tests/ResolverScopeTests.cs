using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;
using KvGraph.Pipeline;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// The commit resolves a few changed files with a resolver built by index from only what decides them
/// (<see cref="ResolverScope"/> over <see cref="SqliteResolverIndex"/>): on the real corpus and seeds, every file's resolved
/// facts from that resolver equal, node by node and edge by edge with every property, those from the whole resolver, and
/// its merges are the whole resolver's.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class ResolverScopeTests(CorpusStoreFixture corpus)
{
    [SkippableFact]
    public void Every_files_facts_resolve_by_index_as_with_the_whole_resolver()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var store = (SqliteKvStore)corpus.Store;
        var whole = store.LoadResolver();
        var index = new SqliteResolverIndex(store);
        var files = store.LoadRawFacts(null).ToList();
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in files)
        {
            var scoped = ResolverScope.For([raw], index);
            var expected = Text(FactsResolver.Resolve(raw, whole));
            var actual = Text(FactsResolver.Resolve(raw, scoped));
            Assert.Equal(expected, actual);
            Assert.Equal(Merges(whole), Merges(scoped));
            kinds.UnionWith(FactsResolver.Resolve(raw, scoped).Edges.Select(e => e.Properties.GetValueOrDefault("method") as string).OfType<string>());
        }

        // Not vacuous: hundreds of files, and citations linked by alias, by date and sender, and left unresolved among them.
        Assert.True(files.Count > 100, $"{files.Count} files");
        Assert.Contains(LinkMethod.Alias, kinds);
        Assert.Contains(LinkMethod.DateSender, kinds);
        Assert.Contains(LinkMethod.Unresolved, kinds);
    }

    [SkippableFact]
    public void Several_files_at_once_resolve_as_with_the_whole_resolver()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var store = (SqliteKvStore)corpus.Store;
        var whole = store.LoadResolver();
        var files = store.LoadRawFacts(null).ToList();

        // Every seventh file together: one resolver for a set, as a commit of several changed files builds it.
        var some = files.Where((_, i) => i % 7 == 0).ToList();
        var scoped = ResolverScope.For(some, new SqliteResolverIndex(store));
        foreach (var raw in some)
        {
            Assert.Equal(Text(FactsResolver.Resolve(raw, whole)), Text(FactsResolver.Resolve(raw, scoped)));
        }
    }

    private static List<string> Merges(Resolver r) =>
        [.. r.Merges.Select(m => $"{m.From} {m.Into} {m.Method} {m.Confidence} {m.Evidence}").Order(StringComparer.Ordinal)];

    private static List<string> Text(DocumentFacts f) =>
        [
            $"file {f.File}: {string.Join(", ", f.DocumentIds)}",
            .. f.Nodes.Select(n => $"node {n.Id} {n.Label} {n.Name} {StoreJson.TypedProps(n.Properties)}"),
            .. f.Edges.Select(e => $"edge {e.Source} {e.Target} {e.Type} {StoreJson.TypedProps(e.Properties)}"),
        ];
}

/// <summary>
/// The commit's few changed files take their persons from a directory read by index (schema step 7,
/// <see cref="SqliteKvStore.PersonDirectoryFor"/>): on the real corpus and seeds every file's facts come out of it exactly
/// as out of the whole directory, and after persons elsewhere arrive, leave or are renamed, the files that mention them
/// still do: the short forms and namesakes their mentions reach are decided as over the whole store.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class PersonDirectoryScopeTests(CorpusStoreFixture corpus)
{
    [SkippableFact]
    public void Every_files_persons_by_index_are_as_in_the_whole_directory()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var store = (SqliteKvStore)corpus.Store;
        var whole = store.LoadPersonDirectory();
        var resolver = store.LoadResolver();
        int shortened = 0, split = 0;
        foreach (var raw in store.LoadRawFacts(null))
        {
            var resolved = FactsResolver.Resolve(raw, resolver);
            var expected = Text(whole.Apply(resolved));
            Assert.Equal(expected, Text(store.PersonDirectoryFor([raw]).Apply(resolved)));
            shortened += raw.Nodes.Count(n => whole.ShortForms.ContainsKey(n.Id));
            split += raw.Nodes.Count(n => whole.Namesakes.ContainsKey(n.Id));
        }

        // Not vacuous: files whose persons are short forms of a double name, and files naming a surname several people share.
        Assert.True(shortened > 0, "no short form in the corpus's files");
        Assert.True(split > 0, "no namesakes in the corpus's files");
    }

    [SkippableFact]
    public void Persons_elsewhere_arriving_leaving_and_renamed_decide_a_files_persons_as_over_the_whole_store()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var source = (SqliteKvStore)corpus.Store;
        var pick = PersonsCase.Pick(source, "kvgraph-person-scope");
        var (shortId, full, surname, dir) = (pick.ShortId, pick.Full, pick.Surname, pick.Dir);
        var (citers, doubles, namesakes) = (pick.Citers, pick.Doubles, pick.Namesakes);
        try
        {
            using var store = (SqliteKvStore)KvStore.Open(Path.Combine(dir, "store.db"));
            var citerCopies = pick.Copies(citers);
            Assert.NotEmpty(citerCopies);
            Assert.NotEmpty(pick.Copies(doubles));
            var seen = new HashSet<string>(StringComparer.Ordinal);

            // After each change: every stored file's persons, from the directory by index, are as from the whole one.
            void Check(string step)
            {
                var directory = store.LoadPersonDirectory();
                var resolver = store.LoadResolver();
                foreach (var raw in store.LoadRawFacts(null))
                {
                    var resolved = FactsResolver.Resolve(raw, resolver);
                    Assert.Equal(Text(directory.Apply(resolved)), Text(store.PersonDirectoryFor([raw]).Apply(resolved)));
                }

                seen.Add($"{directory.ShortForms.GetValueOrDefault(shortId)?.Id} {string.Join(",", directory.Namesakes.GetValueOrDefault(surname)?.Select(n => n.Id) ?? [])}");
                Assert.True(store.LoadRawFacts(null).Any(), step);
            }

            using (var session = store.BeginWrite())
            {
                foreach (var f in Directory.GetFiles(pick.Input).Order(StringComparer.Ordinal))
                {
                    session.Write(StoreFixtures.Record(f));
                }

                session.Commit();
            }

            Check("all");
            Assert.Equal(full.Id, store.LoadPersonDirectory().ShortForms.GetValueOrDefault(shortId)?.Id);

            // The double-named person is renamed in every file that asserts it: the short form no longer reaches it.
            var fullName = full.Name!;
            var renamed = fullName[..^1] + (fullName[^1] == 'x' ? 'y' : 'x');
            using (var session = store.BeginWrite())
            {
                foreach (var f in pick.Copies(doubles).Except(citerCopies))
                {
                    File.WriteAllText(f, File.ReadAllText(f).Replace(fullName, renamed, StringComparison.OrdinalIgnoreCase));
                    session.Write(StoreFixtures.Record(f));
                }

                session.Commit();
            }

            Check("renamed");

            // The double-named person's files leave, then the namesakes' files one at a time.
            var removed = pick.Copies(doubles.Concat(namesakes)).Except(citerCopies).ToList();
            foreach (var gone in removed)
            {
                using (var session = store.BeginWrite())
                {
                    session.Remove(gone);
                    session.Commit();
                }

                Check("removed " + gone);
            }

            // And they come back.
            using (var session = store.BeginWrite())
            {
                foreach (var f in pick.Sources.Where(f => removed.Contains(Path.Combine(pick.Input, Path.GetFileName(f)))))
                {
                    var copy = Path.Combine(pick.Input, Path.GetFileName(f));
                    File.Copy(f, copy, overwrite: true);
                    session.Write(StoreFixtures.Record(copy));
                }

                session.Commit();
            }

            Check("back");
            Assert.Equal(full.Id, store.LoadPersonDirectory().ShortForms.GetValueOrDefault(shortId)?.Id);

            // Not vacuous: the short form's person and the surname's people changed along the way.
            Assert.True(seen.Count >= 3, string.Join(" | ", seen));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string> Text(DocumentFacts f) =>
        [
            $"file {f.File}: {string.Join(", ", f.DocumentIds)}",
            .. f.Nodes.Select(n => $"node {n.Id} {n.Label} {n.Name} {StoreJson.TypedProps(n.Properties)}"),
            .. f.Edges.Select(e => $"edge {e.Source} {e.Target} {e.Type} {StoreJson.TypedProps(e.Properties)}"),
        ];
}

/// <summary>
/// Schema steps 6 (documents by kind and date, which the scoped resolver reads motions through) and 7 (the persons by
/// short form, person nodes by id and memberships by person, which the scoped person directory reads): a store from
/// before either answers read-only as it is, and opened for writing it is migrated and answers the same.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class MotionsByDateMigrationTests(CorpusStoreFixture corpus)
{
    [SkippableFact]
    public void A_store_from_before_step_6_is_migrated_and_answers_the_same()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var dir = TestPaths.NewTempDir("kvgraph-step6-migration");
        try
        {
            var path = Path.Combine(dir, "store.db");
            Sql(corpus.Store.Path, $"VACUUM INTO '{path}'", readOnly: true);

            // What schema 5 had: no step 6 or 7, none of their indexes and tables.
            Sql(path, """
                DROP INDEX documents_kind_date; DROP TABLE person_short; DROP INDEX nodes_person; DROP INDEX edges_member_of;
                DELETE FROM migrations WHERE version >= 6; PRAGMA user_version = 5;
                """);
            List<string> before;
            using (var old = KvStore.OpenReadOnly(path))
            {
                before = Answers(old);
            }

            using var migrated = KvStore.Open(path);
            Assert.Equal((long)Schema.Current, Sql(path, "PRAGMA user_version", readOnly: true));
            Assert.Equal(1L, Sql(path, "SELECT count(*) FROM sqlite_master WHERE name = 'documents_kind_date'", readOnly: true));
            Assert.Equal(before, Answers(migrated));
            Assert.True(before.Count > 50, $"{before.Count} answers");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void A_store_from_before_step_7_is_migrated_to_the_person_rows_a_build_writes_and_answers_the_same()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var dir = TestPaths.NewTempDir("kvgraph-step7-migration");
        try
        {
            var path = Path.Combine(dir, "store.db");
            Sql(corpus.Store.Path, $"VACUUM INTO '{path}'", readOnly: true);
            var built = Rows(path);

            // What schema 6 had: no person_short, no person indexes.
            Sql(path, "DROP TABLE person_short; DROP INDEX nodes_person; DROP INDEX edges_member_of; DELETE FROM migrations WHERE version >= 7; PRAGMA user_version = 6;");
            List<string> before;
            using (var old = KvStore.OpenReadOnly(path))
            {
                before = Answers(old);
            }

            using var migrated = KvStore.Open(path);
            Assert.Equal((long)Schema.Current, Sql(path, "PRAGMA user_version", readOnly: true));
            Assert.Equal(2L, Sql(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('nodes_person', 'edges_member_of')", readOnly: true));
            Assert.Equal(built, Rows(path));
            Assert.NotEmpty(built);
            Assert.Equal(before, Answers(migrated));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string> Rows(string path)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT file_id, short_id, id FROM person_short ORDER BY 1, 2, 3";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add($"{r.GetInt64(0)} {r.GetString(1)} {r.GetString(2)}");
        }

        return rows;
    }

    // The stats, the unresolved list and, for every document, its summary and what cites it.
    private static List<string> Answers(IKvStore store)
    {
        var stats = store.Stats();
        var graph = store.Graph();
        return
        [
            $"stats {stats.Files} {stats.Documents} {stats.Citations} {stats.Resolved} {stats.Unresolved} {stats.Nodes} {stats.Edges}",
            .. store.Unresolved(500).Select(u => $"unresolved {u.Id} {u.CitationCount} {string.Join(",", u.CitedBy)}"),
            .. store.Documents().Select(d => $"doc {d.Id} {d.Kind} {d.Title} {string.Join(",", graph.Incoming(d.Id).Select(e => e.Source).Order(StringComparer.Ordinal))}"),
        ];
    }

    private static long Sql(string path, string sql, bool readOnly = false)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};{(readOnly ? "Mode=ReadOnly;" : string.Empty)}Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// A motion's file rewritten with the same motion rows (blank lines added: read again, with the same id, date, sponsors,
/// title, aliases and weight) changes no unnumbered mention's candidates or word rarities, so the files citing an unnumbered motion
/// are not resolved again; a motion that leaves still makes them resolve again (IndexedGraphIncrementalTests covers its return).
/// </summary>
public sealed class MotionRewriteTests
{
    [SkippableFact]
    public void A_motion_rewritten_with_the_same_rows_leaves_the_unnumbered_citers_alone()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");

        // The answer cites "de motie-Van Dijk" (motion:van-dijk@ah-tk-20242025-546), weighed against the corpus's motions.
        var answer = Path.Combine(TestPaths.CorpusRaw, "kamervragen-limburg", "docs", "004_Antwoord_op_vragen_van_de_leden_Van_Nisp.pdf.txt");
        const string Candidate = "kst-31016-367";
        var motions = StoreFixtures.CorpusMotions();
        var (dir, input) = StoreFixtures.CopyToInput("kvgraph-motion-rewrite", motions.Append(answer));
        try
        {
            using var store = KvStore.Open(Path.Combine(dir, "store.db"));
            Assert.Empty(BuildPipeline.Run(store, [input]).Failures);
            var citer = Path.Combine(input, Path.GetFileName(answer));
            var motion = Path.Combine(input, Path.GetFileName(motions.Single(f => StoreFixtures.Record(f).Documents.Any(d => d.Document.Doc.Id == Candidate))));
            var before = store.Graph().Find("motion:van-dijk@ah-tk-20242025-546")?.Properties.GetValueOrDefault("candidates");
            Assert.NotNull(before);

            // Blank lines added at the end: the file changes (size, hash; it is read again), its rows as the resolver reads them do not.
            var version = store.CurrentVersion;
            File.AppendAllText(motion, "\n\n\n");
            Assert.Empty(BuildPipeline.Run(store, [input]).Failures);
            var changed = store.FactsChangedSince(version).Select(f => f.File).ToList();
            Assert.Contains(motion, changed);
            Assert.DoesNotContain(citer, changed);
            Assert.Equal(before, store.Graph().Find("motion:van-dijk@ah-tk-20242025-546")?.Properties.GetValueOrDefault("candidates"));

            // The motion leaves: its sponsors' mentions are weighed anew.
            version = store.CurrentVersion;
            File.Move(motion, Path.Combine(dir, Path.GetFileName(motion)));
            Assert.Empty(BuildPipeline.Run(store, [input], new BuildOptions { Prune = true }).Failures);
            Assert.Contains(citer, store.FactsChangedSince(version).Select(f => f.File));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
