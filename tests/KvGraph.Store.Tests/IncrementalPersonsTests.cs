using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Tests;

/// <summary>
/// A person added, removed or renamed in some files changes how other, unchanged files' mentions resolve (a short form
/// that reaches, or no longer reaches, a double-named person; a surname that several people share, or no longer do).
/// After every incremental commit the store's resolved facts (what queries read and a push sends, file by file) are
/// those a from-scratch build of the same files makes: the unchanged files that mention such a person are resolved again.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class IncrementalPersonsTests(CorpusStoreFixture corpus)
{
    [SkippableFact]
    public void Persons_changed_in_some_files_re_resolve_the_other_files_that_mention_them_as_a_build_from_scratch()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var source = (SqliteKvStore)corpus.Store;
        var pick = PersonsCase.Pick(source, "kvgraph-incremental-persons");
        var (shortId, full, surname, dir) = (pick.ShortId, pick.Full, pick.Surname, pick.Dir);
        var (citers, doubles, namesakes) = (pick.Citers, pick.Doubles, pick.Namesakes);
        try
        {
            var path = Path.Combine(dir, "store.db");
            using var store = (SqliteKvStore)KvStore.Open(path);
            var citerCopies = pick.Copies(citers);
            Assert.NotEmpty(citerCopies);
            Assert.NotEmpty(pick.Copies(doubles));

            var previous = new Dictionary<string, string>(StringComparer.Ordinal);
            var reResolved = new List<string>();
            var step = 0;

            // After each commit: the store's resolved rows, file by file, are a fresh build's of the same files; and the
            // files whose rows changed without being written this time are counted (the re-resolved ones).
            void Check(string what, IReadOnlyCollection<string> written)
            {
                var fresh = Path.Combine(dir, $"fresh-{step++}.db");
                using (var scratch = KvStore.Open(fresh))
                {
                    StoreFixtures.WriteAll(scratch, dir);
                }

                var expected = Resolved(fresh);
                var actual = Resolved(path);
                Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
                foreach (var (file, rows) in expected)
                {
                    Assert.True(rows == actual[file], $"{what}: {file} resolved as\n{actual[file]}\nnot as from scratch\n{rows}");
                }

                Assert.Equal(Counts(fresh), Counts(path));
                reResolved.AddRange(actual.Where(kv => !written.Contains(kv.Key) && previous.TryGetValue(kv.Key, out var before) && before != kv.Value).Select(kv => $"{what}: {kv.Key}"));
                previous = actual;
                SqliteConnection.ClearAllPools();
                File.Delete(fresh);
            }

            using (var session = store.BeginWrite())
            {
                foreach (var f in pick.Copied.Order(StringComparer.Ordinal))
                {
                    session.Write(StoreFixtures.Record(f));
                }

                session.Commit();
            }

            Check("all", pick.Copied);

            // The double-named person is renamed in the files that assert it: the short form no longer reaches it.
            var fullName = full.Name!;
            var renamed = fullName[..^1] + (fullName[^1] == 'x' ? 'y' : 'x');
            var renamedFiles = pick.Copies(doubles).Except(citerCopies).ToList();
            using (var session = store.BeginWrite())
            {
                foreach (var f in renamedFiles)
                {
                    File.WriteAllText(f, File.ReadAllText(f).Replace(fullName, renamed, StringComparison.OrdinalIgnoreCase));
                    session.Write(StoreFixtures.Record(f));
                }

                session.Commit();
            }

            Check("renamed", renamedFiles);

            // Back to the name, one file at a time.
            foreach (var f in renamedFiles)
            {
                File.Copy(pick.Sources.Single(a => Path.GetFileName(a) == Path.GetFileName(f)), f, overwrite: true);
                using (var session = store.BeginWrite())
                {
                    session.Write(StoreFixtures.Record(f));
                    session.Commit();
                }

                Check("name back in " + f, [f]);
            }

            // The double-named person's and the namesakes' files leave one at a time, then come back together.
            var removed = pick.Copies(doubles.Concat(namesakes)).Except(citerCopies).ToList();
            foreach (var gone in removed)
            {
                using (var session = store.BeginWrite())
                {
                    session.Remove(gone);
                    session.Commit();
                }

                File.Move(gone, Path.Combine(dir, Path.GetFileName(gone)));
                Check("removed " + gone, []);
            }

            using (var session = store.BeginWrite())
            {
                foreach (var f in removed)
                {
                    File.Move(Path.Combine(dir, Path.GetFileName(f)), f);
                    session.Write(StoreFixtures.Record(f));
                }

                session.Commit();
            }

            Check("back", removed);

            // Not vacuous: files no commit wrote resolved differently after it (the short form's citers, the namesakes' mentions).
            Assert.Contains(reResolved, r => citerCopies.Any(c => r.EndsWith(": " + c, StringComparison.Ordinal)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Each stored file's resolved rows (nodes, edges, features) as text, by path.</summary>
    private static Dictionary<string, string> Resolved(string path)
    {
        var rows = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        foreach (var sql in new[]
        {
            "SELECT f.path, 'node ' || n.seq || ' ' || n.id || ' ' || n.label || ' ' || coalesce(n.name, '-') || ' ' || coalesce(n.props, '-') FROM rnodes n JOIN files f ON f.id = n.file_id",
            "SELECT f.path, 'edge ' || e.seq || ' ' || e.source || ' ' || e.target || ' ' || e.type || ' ' || e.positioned || ' ' || coalesce(e.props, '-') FROM redges e JOIN files f ON f.id = e.file_id",
            "SELECT f.path, 'feature ' || r.doc || ' ' || r.type || ' ' || r.label FROM rfeatures r JOIN files f ON f.id = r.file_id",
        })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (!rows.TryGetValue(r.GetString(0), out var list))
                {
                    rows[r.GetString(0)] = list = [];
                }

                list.Add(r.GetString(1));
            }
        }

        return rows.ToDictionary(kv => kv.Key, kv => string.Join("\n", kv.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal);
    }

    /// <summary>The whole-graph figures the commit keeps (counts, cases, populations).</summary>
    private static List<string> Counts(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT key || ' ' || value FROM rcounts ORDER BY key";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}

/// <summary>
/// A build's report names the copies among the documents of the files it wrote, read by index
/// (<see cref="IKvStore.Copies(IReadOnlyCollection{string})"/>): on the real corpus, for each file and for sets of files, exactly
/// what the whole store's list (<see cref="IKvStore.Copies()"/>) gives for them.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class CopiesOfFilesTests(CorpusStoreFixture corpus)
{
    [SkippableFact]
    public void The_copies_of_some_files_are_the_whole_lists_entries_that_involve_them()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var all = corpus.Store.Copies();
        var files = corpus.Store.Files().Where(f => f.Status == "ok").Select(f => f.Path).ToList();
        static string Text(DocumentCopies c) =>
            $"{c.Id} kept {c.Kept.File} | {string.Join(" | ", c.Merged.Select(m => $"{m.Copy.File} {m.Why}"))}";
        List<string> Expected(IReadOnlyCollection<string> paths) =>
            [.. all.Where(c => paths.Contains(c.Kept.File) || c.Merged.Any(m => paths.Contains(m.Copy.File))).Select(Text).Order(StringComparer.Ordinal)];

        var involved = all.SelectMany(c => c.Merged.Select(m => m.Copy.File).Append(c.Kept.File)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in files.Where(involved.Contains).Concat(files.Where(f => !involved.Contains(f)).Take(20)))
        {
            Assert.Equal(Expected([path]), [.. corpus.Store.Copies([path]).Select(Text).Order(StringComparer.Ordinal)]);
        }

        var some = files.Where((_, i) => i % 5 == 0).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Expected(some), [.. corpus.Store.Copies(some).Select(Text).Order(StringComparer.Ordinal)]);

        // Not vacuous: the corpus holds copies (its PDFs beside their texts).
        Assert.NotEmpty(all);
        Assert.NotEmpty(involved);
    }
}
