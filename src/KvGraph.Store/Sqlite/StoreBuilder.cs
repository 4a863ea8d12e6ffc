using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using KvGraph.Core.Entities;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using KvGraph.Ingest;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// One build: enumerate the inputs, hash every file, extract the new and changed ones in parallel (a bounded
/// producer/consumer: extraction is CPU-bound, SQLite wants one writer), and write everything in ONE transaction.
/// A crash at any point before the commit leaves the previous build's state untouched (WAL rollback).
/// <list type="bullet">
/// <item>Unchanged: same SHA-256 of the bytes and same extractor fingerprint (the core assembly's MVID, so a new
/// recogniser re-extracts everything once) → not read, not extracted.</item>
/// <item>Changed: the file's own rows (documents, aliases, nodes, edges, full text) are replaced; nobody else's.</item>
/// <item>Files in the store but not in this build's inputs stay, unless <see cref="BuildOptions.Prune"/>.</item>
/// <item>Change feed: the build gets version = last + 1 when it changes anything; changed, failed and pruned files get it,
/// and so do files whose citations resolve differently now (they cite an id or alias that appeared or disappeared).</item>
/// </list>
/// </summary>
internal sealed class StoreBuilder
{
    private readonly SqliteKvStore _store;
    private readonly BuildOptions _options;
    private readonly IExtractor _extractor;
    private readonly string _fingerprint;
    private readonly int _jobs;

    public StoreBuilder(SqliteKvStore store, BuildOptions options)
    {
        _store = store;
        _options = options;
        _extractor = options.Extractor ?? Extractor.Default;
        _fingerprint = $"{typeof(Extractor).Assembly.ManifestModule.ModuleVersionId:N}:{_extractor.GetType().FullName}";
        _jobs = options.Jobs > 0 ? options.Jobs : Environment.ProcessorCount;
    }

    public BuildReport Run(IReadOnlyList<string> inputs, IProgress<BuildProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<FileFailure>();
        var paths = Enumerate(inputs, failures);
        var known = KnownFiles();
        var crashAfter = _options.CrashAfter ?? (int.TryParse(Environment.GetEnvironmentVariable("KVGRAPH_TEST_CRASH_AFTER"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null);
        var jobs = _jobs;

        using var results = new BlockingCollection<FileResult>(boundedCapacity: Math.Max(16, jobs * 4));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(
            () =>
            {
                try
                {
                    Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = stop.Token }, path => results.Add(Process(path, known), stop.Token));
                }
                finally
                {
                    results.CompleteAdding();
                }
            },
            CancellationToken.None);
        try
        {
            return Write(paths, known, results, producer, failures, crashAfter, clock, progress, ct);
        }
        catch
        {
            // The transaction is rolled back; stop the extractors before the queue goes away.
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }
    }

    private BuildReport Write(List<string> paths, Dictionary<string, KnownFile> known, BlockingCollection<FileResult> results, Task producer, ConcurrentBag<FileFailure> failures, int? crashAfter, Stopwatch clock, IProgress<BuildProgress>? progress, CancellationToken ct)
    {
        var extracted = 0;
        var unchanged = 0;
        var written = 0;
        var pruned = 0;
        var done = 0;
        long version;
        var changedKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var touched = new HashSet<long>();

        using (var tx = _store.Connection.BeginTransaction())
        {
            using var w = new Writer(_store.Connection, tx);
            version = _store.CurrentVersion + 1;
            foreach (var result in results.GetConsumingEnumerable(ct))
            {
                done++;
                if (result.Unchanged)
                {
                    unchanged++;

                    // Still broken: report it again, so every build's exit code tells the truth about the store.
                    if (known.GetValueOrDefault(result.Path)?.Error is { } error)
                    {
                        failures.Add(new FileFailure(result.Path, error));
                    }
                }
                else
                {
                    var fileId = w.WriteFile(result, _fingerprint, version, changedKeys, known.GetValueOrDefault(result.Path));
                    touched.Add(fileId);
                    written++;
                    if (result.Documents.Count > 0)
                    {
                        extracted++;
                    }

                    foreach (var f in result.Failures)
                    {
                        failures.Add(f);
                    }

                    if (crashAfter is { } limit && written >= limit)
                    {
                        // Test hook (documented on BuildOptions.CrashAfter): die without unwinding, mid-transaction.
                        Environment.FailFast($"KVGRAPH_TEST_CRASH_AFTER={limit}: crashing mid-build on purpose after {written} written files.");
                    }
                }

                progress?.Report(new BuildProgress(done, paths.Count, result.Path));
            }

            producer.GetAwaiter().GetResult();

            if (_options.Prune)
            {
                var inputSet = paths.ToHashSet(StringComparer.Ordinal);
                foreach (var (path, file) in known.Where(k => !inputSet.Contains(k.Key)))
                {
                    w.RemoveFile(file.Id, path, version, changedKeys, file.Status == "ok");
                    pruned++;
                }
            }

            // Files whose citations now resolve differently: they cite a key (an id or alias) that appeared or disappeared.
            var anything = written > 0 || pruned > 0;
            if (anything)
            {
                w.BumpCiters(changedKeys, touched, version);
                w.SetVersion(version);
            }
            else
            {
                version--;
            }

            tx.Commit();
        }

        return new BuildReport
        {
            FilesSeen = paths.Count,
            Extracted = extracted,
            Unchanged = unchanged,
            Pruned = pruned,
            Failures = [.. failures.OrderBy(f => f.File, StringComparer.Ordinal)],
            Version = version,
            Elapsed = clock.Elapsed,
            Stats = EmptyStats,
        };
    }

    private static readonly StoreStats EmptyStats = new()
    {
        Files = 0, FilesFailed = 0, Documents = 0, DocumentsByKind = new Dictionary<string, int>(), Citations = 0,
        CitationsByKind = new Dictionary<string, int>(), Resolved = 0, Unresolved = 0, Nodes = 0, Edges = 0, Version = 0,
    };

    private static List<string> Enumerate(IReadOnlyList<string> inputs, ConcurrentBag<FileFailure> failures)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            try
            {
                foreach (var f in FileSource.Enumerate([full]))
                {
                    var p = Path.GetFullPath(f);
                    if (seen.Add(p))
                    {
                        list.Add(p);
                    }
                }
            }
            catch (DocumentFormatException e)
            {
                failures.Add(new FileFailure(input, e.Reason));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new FileFailure(input, e.Message));
            }
        }

        return list;
    }

    private Dictionary<string, KnownFile> KnownFiles()
    {
        var known = new Dictionary<string, KnownFile>(StringComparer.Ordinal);
        using var cmd = _store.Command("SELECT id, path, hash, extractor, status, error FROM files");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            known[r.GetString(1)] = new KnownFile(r.GetInt64(0), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5));
        }

        return known;
    }

    private FileResult Process(string path, Dictionary<string, KnownFile> known)
    {
        string hash;
        long size;
        DateTimeOffset mtime;
        try
        {
            var info = new FileInfo(path);
            size = info.Length;
            mtime = info.LastWriteTimeUtc;
            using (var stream = File.OpenRead(path))
            {
                hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileResult.Failed(path, string.Empty, 0, DateTimeOffset.UnixEpoch, $"cannot read the file ({e.Message})");
        }

        if (!_options.Force && known.TryGetValue(path, out var k) && k.Hash == hash && k.Extractor == _fingerprint)
        {
            return new FileResult(path, hash, size, mtime, true, [], [], null);
        }

        IReadOnlyList<SourceDocument> sources;
        try
        {
            sources = FileSource.ReadAll(path);
        }
        catch (DocumentFormatException e)
        {
            return FileResult.Failed(path, hash, size, mtime, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return FileResult.Failed(path, hash, size, mtime, $"cannot read the file ({e.Message})");
        }

        // A JSON Lines file holds thousands of records: extract them in parallel too, keeping their order.
        var slots = new Prepared?[sources.Count];
        var slotFailures = new FileFailure?[sources.Count];
        void ExtractOne(int i)
        {
            var source = sources[i];
            try
            {
                slots[i] = Prepared.Of(_extractor.Extract(source));
            }
            catch (DocumentFormatException e)
            {
                slotFailures[i] = new FileFailure(source.File, e.Reason);
            }
#pragma warning disable CA1031 // A bug in one recogniser must not stop the build; the file is reported with the reason.
            catch (Exception e)
#pragma warning restore CA1031
            {
                slotFailures[i] = new FileFailure(source.File, $"extraction failed ({e.GetType().Name}: {e.Message})");
            }
        }

        if (sources.Count > 8)
        {
            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = _jobs }, ExtractOne);
        }
        else
        {
            for (var i = 0; i < sources.Count; i++)
            {
                ExtractOne(i);
            }
        }

        var docs = slots.OfType<Prepared>().ToList();
        var failures = slotFailures.OfType<FileFailure>().ToList();

        var error = failures.Count == 0 ? null
            : docs.Count == 0 && failures.Count == 1 ? failures[0].Reason
            : $"{failures.Count} of {sources.Count} documents failed; first: {failures[0].File}: {failures[0].Reason}";
        return new FileResult(path, hash, size, mtime, false, docs, failures, error);
    }

    private sealed record KnownFile(long Id, string Hash, string Extractor, string Status, string? Error);

    /// <summary>A document with everything the writer needs computed on the worker thread (JSON, aliases, facts).</summary>
    private sealed record Prepared(ExtractedDocument Document, string Json, IReadOnlyList<DocumentAliases> Aliases, DocumentFacts Facts)
    {
        public static Prepared Of(ExtractedDocument d) => new(d, StoreJson.Document(d), DocumentAliases.For(d), GraphFacts.Facts(d));
    }

    private sealed record FileResult(string Path, string Hash, long Size, DateTimeOffset Modified, bool Unchanged, IReadOnlyList<Prepared> Documents, IReadOnlyList<FileFailure> Failures, string? Error)
    {
        public static FileResult Failed(string path, string hash, long size, DateTimeOffset mtime, string reason) =>
            new(path, hash, size, mtime, false, [], [new FileFailure(path, reason)], reason);

        public string Status => Documents.Count > 0 ? "ok" : "failed";
    }

    /// <summary>The single writer: prepared statements reused for every row.</summary>
    private sealed class Writer : IDisposable
    {
        private readonly SqliteConnection _c;
        private readonly SqliteTransaction _tx;
        private readonly Dictionary<string, SqliteCommand> _cache = new(StringComparer.Ordinal);

        public Writer(SqliteConnection connection, SqliteTransaction tx)
        {
            _c = connection;
            _tx = tx;
        }

        public long WriteFile(FileResult r, string fingerprint, long version, HashSet<string> changedKeys, KnownFile? previous)
        {
            var fileId = Upsert(r, fingerprint, version);
            if (previous is not null)
            {
                CollectKeys(fileId, changedKeys);
                Clear(fileId);
                if (previous.Status == "ok" && r.Status != "ok")
                {
                    Exec("INSERT INTO deletions(path, version) VALUES ($p, $v)", ("$p", r.Path), ("$v", version));
                }
            }

            foreach (var doc in r.Documents)
            {
                WriteDocument(fileId, doc, changedKeys);
            }

            // One file, one set of facts: the records of a JSON Lines file are merged.
            var facts = r.Documents.Select(d => d.Facts).ToList();
            var seenNodes = new HashSet<string>(StringComparer.Ordinal);
            var node = Prepare("INSERT INTO nodes(file_id, id, label, name, props) VALUES ($f, $id, $l, $n, $p)", "$f", "$id", "$l", "$n", "$p");
            var edge = Prepare("INSERT INTO edges(file_id, source, target, type, props) VALUES ($f, $s, $t, $ty, $p)", "$f", "$s", "$t", "$ty", "$p");
            foreach (var f in facts)
            {
                foreach (var n in f.Nodes)
                {
                    if (seenNodes.Add(n.Id))
                    {
                        Run(node, fileId, n.Id, n.Label, n.Name, StoreJson.Props(n.Properties));
                    }
                }

                foreach (var e in f.Edges)
                {
                    Run(edge, fileId, e.Source, e.Target, e.Type, StoreJson.Props(e.Properties));
                }
            }

            return fileId;
        }

        public void RemoveFile(long fileId, string path, long version, HashSet<string> changedKeys, bool hadFacts)
        {
            CollectKeys(fileId, changedKeys);
            Clear(fileId);
            Exec("DELETE FROM files WHERE id = $id", ("$id", fileId));
            if (hadFacts)
            {
                Exec("INSERT INTO deletions(path, version) VALUES ($p, $v)", ("$p", path), ("$v", version));
            }
        }

        public void BumpCiters(HashSet<string> keys, HashSet<long> touched, long version)
        {
            foreach (var chunk in keys.Chunk(400))
            {
                var names = string.Join(", ", chunk.Select((_, i) => $"$k{i}"));
                var args = chunk.Select((k, i) => ($"$k{i}", (object?)k)).ToArray();
                ExecOnce($"""
                    UPDATE files SET version = $v WHERE version < $v AND status = 'ok' AND id IN (
                        SELECT file_id FROM edges WHERE target IN ({names})
                        UNION SELECT file_id FROM documents WHERE id IN ({names}))
                    """, [("$v", version), .. args]);
            }

            _ = touched;
        }

        public void SetVersion(long version) =>
            Exec("UPDATE meta SET value = $v WHERE key = 'version'", ("$v", version.ToString(CultureInfo.InvariantCulture)));

        private long Upsert(FileResult r, string fingerprint, long version)
        {
            var cmd = Cached("""
                INSERT INTO files(path, hash, size, mtime, status, error, extractor, version) VALUES ($p, $h, $s, $m, $st, $e, $x, $v)
                ON CONFLICT(path) DO UPDATE SET hash = $h, size = $s, mtime = $m, status = $st, error = $e, extractor = $x, version = $v
                RETURNING id
                """, ("$p", r.Path), ("$h", r.Hash), ("$s", r.Size), ("$m", r.Modified.ToString("O", CultureInfo.InvariantCulture)),
                ("$st", r.Status), ("$e", r.Error), ("$x", fingerprint), ("$v", version));
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        private void WriteDocument(long fileId, Prepared prepared, HashSet<string> changedKeys)
        {
            var doc = prepared.Document;
            foreach (var a in prepared.Aliases)
            {
                var primary = a.Primary;
                var cmd = Cached("""
                    INSERT INTO documents(file_id, id, kind, title, date, is_primary, weight, sponsors, askers, answerers, parent, json)
                    VALUES ($f, $id, $k, $t, $d, $pr, $w, $sp, $as, $an, $pa, $j) RETURNING rowid
                    """,
                    ("$f", fileId), ("$id", a.Id), ("$k", Core.Extraction.ExtractionJson.Name(a.Kind)), ("$t", doc.Doc.Title), ("$d", a.Date),
                    ("$pr", primary ? 1 : 0), ("$w", a.Weight), ("$sp", StoreJson.Strings(a.Sponsors)),
                    ("$as", StoreJson.Strings(doc.Doc.Askers.Select(x => x.Party is null ? x.Name : $"{x.Name} ({Parties.DisplayName(x.Party)})"))),
                    ("$an", StoreJson.Strings(primary ? doc.Doc.Answerers.Select(x => x.Party is null ? x.Name : $"{x.Name} ({Parties.DisplayName(x.Party)})") : [])),
                    ("$pa", primary ? null : doc.Doc.Id), ("$j", primary ? prepared.Json : null));
                var rowid = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (primary)
                {
                    Exec("INSERT INTO documents_fts(rowid, title, text) VALUES ($r, $t, $x)", ("$r", rowid), ("$t", doc.Doc.Title ?? a.Id), ("$x", doc.Text));
                }

                Exec("INSERT INTO aliases(alias, doc_id, file_id, priority) VALUES ($a, $d, $f, 0)", ("$a", a.Id), ("$d", a.Id), ("$f", fileId));
                changedKeys.Add(a.Id);
                foreach (var alias in a.Aliases)
                {
                    Exec("INSERT INTO aliases(alias, doc_id, file_id, priority) VALUES ($a, $d, $f, $p)", ("$a", alias.Alias), ("$d", a.Id), ("$f", fileId), ("$p", alias.Priority));
                    changedKeys.Add(alias.Alias);
                }

                if (a.Kind == DocumentKind.Motion)
                {
                    foreach (var s in a.Sponsors)
                    {
                        changedKeys.Add(NodeIds.UnnumberedMotion(s));
                    }
                }
            }
        }

        private void CollectKeys(long fileId, HashSet<string> keys)
        {
            using (var cmd = Command("SELECT alias FROM aliases WHERE file_id = $f", ("$f", fileId)))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    keys.Add(r.GetString(0));
                }
            }

            using (var cmd = Command("SELECT sponsors FROM documents WHERE file_id = $f AND kind = 'motion'", ("$f", fileId)))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    foreach (var s in StoreJson.ReadStrings(r.GetString(0)))
                    {
                        keys.Add(NodeIds.UnnumberedMotion(s));
                    }
                }
            }
        }

        private void Clear(long fileId)
        {
            Exec("DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE file_id = $f)", ("$f", fileId));
            Exec("DELETE FROM documents WHERE file_id = $f", ("$f", fileId));
            Exec("DELETE FROM aliases WHERE file_id = $f", ("$f", fileId));
            Exec("DELETE FROM nodes WHERE file_id = $f", ("$f", fileId));
            Exec("DELETE FROM edges WHERE file_id = $f", ("$f", fileId));
        }

        private SqliteCommand Prepare(string sql, params string[] names)
        {
            if (_cache.TryGetValue(sql, out var cached))
            {
                return cached;
            }

            var cmd = _c.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = sql;
            foreach (var n in names)
            {
                cmd.Parameters.Add(new SqliteParameter(n, null));
            }

            cmd.Prepare();
            _cache[sql] = cmd;
            return cmd;
        }

        /// <summary>A prepared statement, reused for every row of the build (parsing SQL per row costs more than the insert).</summary>
        private SqliteCommand Cached(string sql, params (string Name, object? Value)[] parameters)
        {
            var cmd = Prepare(sql, [.. parameters.Select(p => p.Name)]);
            foreach (var (name, value) in parameters)
            {
                cmd.Parameters[name].Value = value ?? DBNull.Value;
            }

            return cmd;
        }

        private static void Run(SqliteCommand cmd, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            cmd.ExecuteNonQuery();
        }

        private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
        {
            var cmd = _c.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            return cmd;
        }

        private void Exec(string sql, params (string Name, object? Value)[] parameters) => Cached(sql, parameters).ExecuteNonQuery();

        private void ExecOnce(string sql, params (string Name, object? Value)[] parameters)
        {
            using var cmd = Command(sql, parameters);
            cmd.ExecuteNonQuery();
        }

        public void Dispose()
        {
            foreach (var cmd in _cache.Values)
            {
                cmd.Dispose();
            }

            _cache.Clear();
        }
    }
}
