using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// The SQLite write session (<see cref="IStoreWriter"/>): one transaction, prepared statements reused for every row
/// (parsing SQL per row costs more than the insert). A changed file's own rows are replaced; nobody else's.
/// </summary>
internal sealed class SqliteStoreWriter : IStoreWriter
{
    private readonly SqliteKvStore _store;
    private readonly SqliteConnection _c;
    private readonly SqliteTransaction _tx;
    private readonly Dictionary<string, FastStatement> _fast = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _files;
    private readonly Dictionary<string, long> _fileIds;

    // Keys (ids, aliases, unnumbered-motion ids) that appeared or disappeared: whoever cites them resolves differently now.
    /// <summary>The key under which a change to a motion of a given day reaches the other motions of that day.</summary>
    private const string MotionDayKey = "motion-day:";

    private readonly HashSet<string> _changedKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _changedSittings = new(StringComparer.Ordinal);

    // Persons: the ids whose directory rows (SqliteKvStore.PersonRow) a write or removal changed, with the short forms of
    // their names, and, by path, each such file's rows as they were before the session first changed them. At commit the
    // files that name a person the directory now decides differently are resolved anew (BumpPersons).
    private readonly bool _incremental;
    private readonly HashSet<string> _changedPersons = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SqliteKvStore.PersonRow>> _personsBefore = new(StringComparer.Ordinal);
    private bool _changed;
    private bool _done;

    // A first build (the store holds no file) loads its tables without their secondary indexes and makes them at commit,
    // each in one sorted pass: inserting every row into five or six indexes at random places was most of the write
    // path's cost, and at 100,000 files the indexes outgrow the page cache. Their definitions are the schema's, read back.
    private List<(string Name, string Sql)> _deferredRaw = [];
    private List<(string Name, string Sql)> _deferredResolved = [];

    // A first build into an empty store writes through a rollback journal instead of the WAL (see TrySetJournal).
    private bool _rollbackJournal;

    public SqliteStoreWriter(SqliteKvStore store, SqliteConnection connection)
    {
        _store = store;
        _c = connection;
        _incremental = !IsEmpty(connection);
        _rollbackJournal = !_incremental && TrySetJournal(connection, "DELETE", "FULL");
        if (_rollbackJournal)
        {
            // A first build's sorts and DISTINCT sets (index builds, the whole-graph counts) span every row: in temporary
            // files, not held in memory as the store's temp_store = MEMORY would (changed only outside a transaction).
            SetTempStore(connection, "FILE");
        }

        // Committed on its own before the build's transaction, cleared by the build's commit: a build that dies
        // leaves this mark, so readers can say the store does not hold what the last build was asked to make.
        using (var mark = connection.CreateCommand())
        {
            mark.CommandText = "INSERT INTO meta(key, value) VALUES ('build-started', $t) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
            mark.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            mark.ExecuteNonQuery();
        }

        _tx = connection.BeginTransaction();
        try
        {
            using (var cmd = Command("SELECT value FROM meta WHERE key = 'version'"))
            {
                Version = long.Parse(cmd.ExecuteScalar() as string ?? "0", CultureInfo.InvariantCulture) + 1;
            }

            (_files, _fileIds) = ReadFiles();
            if (_files.Count == 0)
            {
                _deferredRaw = DropIndexes(RawTables);
                _deferredResolved = DropIndexes(ResolvedTables);
            }
        }
        catch
        {
            _tx.Dispose();
            RestoreWal();
            throw;
        }
    }

    public long Version { get; }

    public IReadOnlyDictionary<string, StoredFile> Files => _files;

    public void Write(FileRecord file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Open();
        var previous = _files.GetValueOrDefault(file.Path);
        var personsBefore = _incremental && previous?.Status == "ok" && _fileIds.TryGetValue(file.Path, out var oldId) ? PersonRows(oldId) : [];
        var fileId = Upsert(file);
        _fileIds[file.Path] = fileId;
        _files[file.Path] = new StoredFile(file.Path, file.Hash, file.Size, file.Modified, file.Status, file.Error, Version, file.Extractor);
        var motionKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var motionsBefore = new List<string>();
        if (previous is not null)
        {
            motionsBefore = CollectKeys(fileId, motionKeys);
            Clear(fileId);
            if (previous.Status == "ok" && file.Status != "ok")
            {
                Fast("INSERT INTO deletions(path, version) VALUES (?1, ?2)").Run(file.Path, Version);
            }
        }

        var motionsAfter = new List<string>();
        foreach (var doc in file.Documents)
        {
            WriteDocument(fileId, doc, motionKeys, motionsAfter);
        }

        // The motions' keys reach every citer of an unnumbered motion (BumpCiters): only when the file's motion rows, as the
        // resolver reads them, differ. Rewritten the same (a motion's text edited below its title), they decide nothing anew.
        motionsBefore.Sort(StringComparer.Ordinal);
        motionsAfter.Sort(StringComparer.Ordinal);
        if (!motionsBefore.SequenceEqual(motionsAfter, StringComparer.Ordinal))
        {
            _changedKeys.UnionWith(motionKeys);
        }

        // One file, one set of facts: the records of a JSON Lines file are merged.
        var seenNodes = new HashSet<string>(StringComparer.Ordinal);
        var node = Fast("INSERT INTO nodes(file_id, id, label, name, props) VALUES (?1, ?2, ?3, ?4, ?5)");
        var edge = Fast("INSERT INTO edges(file_id, source, target, type, props) VALUES (?1, ?2, ?3, ?4, ?5)");
        foreach (var f in file.Documents.Select(d => d.Facts))
        {
            foreach (var n in f.Nodes)
            {
                if (seenNodes.Add(n.Id))
                {
                    node.Run(fileId, n.Id, n.Label, n.Name, StoreJson.TypedProps(n.Properties));

                    // The persons whose name shortens to an id (schema step 7), so a commit reads a short form's candidates by index.
                    if (n.Label == NodeLabel.Person && Schema.PersonShortForm(n.Name ?? n.Id) is { } shortId && shortId != n.Id)
                    {
                        Fast("INSERT INTO person_short(file_id, short_id, id) VALUES (?1, ?2, ?3)").Run(fileId, shortId, n.Id);
                    }
                }
            }

            foreach (var e in f.Edges)
            {
                edge.Run(fileId, e.Source, e.Target, e.Type, StoreJson.TypedProps(e.Properties));

                // Letters of one day and sender are told apart across files (LetterIdentity): other citers of the key resolve anew.
                if (e.Type == EdgeType.Cites && e.Target.StartsWith("letter:", StringComparison.Ordinal))
                {
                    _changedKeys.Add(e.Target);
                }
            }
        }

        if (_incremental)
        {
            NotePersons(file.Path, personsBefore, PersonRows(fileId));
        }

        _changed = true;
    }

    public IReadOnlyList<ExtractedDocument> StoredDocuments(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Open();
        if (!_fileIds.TryGetValue(path, out var fileId))
        {
            return [];
        }

        var documents = new List<ExtractedDocument>();
        using var cmd = Command("SELECT json FROM documents WHERE file_id = $f AND is_primary = 1 AND json IS NOT NULL ORDER BY rowid", ("$f", fileId));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (StoreJson.ReadDocument(r.GetString(0)) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public bool Restat(string path, long size, DateTimeOffset modified)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Open();
        if (!_fileIds.TryGetValue(path, out var fileId))
        {
            return false;
        }

        Fast("UPDATE files SET size = ?1, mtime = ?2 WHERE id = ?3").Run(size, Mtime(modified), fileId);
        _files[path] = _files[path] with { Size = size, Modified = modified };
        return true;
    }

    public bool Remove(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Open();
        if (!_fileIds.TryGetValue(path, out var fileId))
        {
            return false;
        }

        var motionKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        CollectKeys(fileId, motionKeys);
        _changedKeys.UnionWith(motionKeys);
        if (_incremental && _files[path].Status == "ok")
        {
            NotePersons(path, PersonRows(fileId), []);
        }

        Clear(fileId);
        Fast("DELETE FROM files WHERE id = ?1").Run(fileId);
        if (_files[path].Status == "ok")
        {
            Fast("INSERT INTO deletions(path, version) VALUES (?1, ?2)").Run(path, Version);
        }

        _fileIds.Remove(path);
        _files.Remove(path);
        _changed = true;
        return true;
    }

    public long Commit()
    {
        Open();
        if (_changed)
        {
            BumpCiters();
            BumpSittings();
            BumpPersons();
            Fast("UPDATE meta SET value = ?1 WHERE key = 'version'").Run(Version.ToString(CultureInfo.InvariantCulture));
        }

        // The commit's own reads (the resolver, each file's facts) want the raw tables' indexes; the resolved tables'
        // are made once they are filled. rnodes_keys too (its prefix is the node id): the fill looks a node's label up by
        // id only for a counting edge to a node its file does not assert, which the corpora here never have, so it is made
        // at the first such look-up (kept throughout, it was a random insert into an index of every resolved node for each node row).
        CreateIndexes(ref _deferredRaw);
        ResolvedFacts.Update(_store, _tx, _changed ? Version : Version - 1,
            beforeLabelLookup: () => CreateIndexes(ref _deferredResolved, ResolvedLabelIndex),
            filled: () => CreateIndexes(ref _deferredResolved));
        CreateIndexes(ref _deferredResolved);

        Fast("DELETE FROM meta WHERE key = 'build-started'").Run();
        Fast("INSERT INTO meta(key, value) VALUES ('build-finished', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
            .Run(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        _tx.Commit();
        _done = true;
        return _changed ? Version : Version - 1;
    }

    public void Dispose()
    {
        foreach (var statement in _fast.Values)
        {
            statement.Dispose();
        }

        _fast.Clear();

        // Not committed: rolled back, the previous state stays.
        _tx.Dispose();
        _done = true;
        RestoreWal();
        _store.EndWrite(this);
    }

    /// <summary>Whether the store holds no file at all: a first build (or one after every file was removed).</summary>
    private static bool IsEmpty(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT NOT EXISTS(SELECT 1 FROM files)";
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    /// <summary>
    /// Switches the store's journal (outside any transaction), true when it took. A first build writes every page of the
    /// store anew: in WAL mode each page went to the WAL and was copied into the database again at the checkpoint after
    /// the commit (at 1,000,000 documents a WAL of 18.7 GB and growing beside a database as large). A rollback journal
    /// holds only the pages that existed before the build (an empty store's few), the new pages are written to the
    /// database once, and a build that dies is rolled back from that journal at the next open: the empty store stays.
    /// synchronous = FULL while it lasts, as a rollback journal needs to survive a power cut. Readers wait (busy timeout)
    /// while such a build holds the store; an empty store has nothing to read. Another connection holding the store keeps
    /// it in WAL mode (the switch is refused) and the build goes on as before.
    /// </summary>
    private static bool TrySetJournal(SqliteConnection connection, string mode, string synchronous)
    {
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"PRAGMA journal_mode = {mode}";
            var took = string.Equals(cmd.ExecuteScalar() as string, mode, StringComparison.OrdinalIgnoreCase);
            if (took)
            {
                cmd.CommandText = $"PRAGMA synchronous = {synchronous}";
                cmd.ExecuteNonQuery();
            }

            return took;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    /// <summary>
    /// Back to WAL, synchronous = NORMAL and temp_store = MEMORY (as <see cref="SqliteKvStore.Open"/> sets them) when a first build's session
    /// ends, its statements finalized (a switch needs none in progress). A session never disposed leaves the rollback
    /// journal until the store is next opened, which sets WAL again.
    /// </summary>
    private void RestoreWal()
    {
        if (_rollbackJournal)
        {
            _rollbackJournal = false;
            TrySetJournal(_c, "WAL", "NORMAL");
            SetTempStore(_c, "MEMORY");
        }
    }

    private static void SetTempStore(SqliteConnection connection, string where)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA temp_store = {where}";
        cmd.ExecuteNonQuery();
    }

    private void Open() => ObjectDisposedException.ThrowIf(_done, this);

    /// <summary>The tables a file's write fills.</summary>
    private static readonly string[] RawTables = ["documents", "aliases", "nodes", "edges", "person_short"];

    /// <summary>The tables <see cref="ResolvedFacts"/> fills at commit.</summary>
    private static readonly string[] ResolvedTables = ["rnodes", "redges", "rfeatures"];

    /// <summary>The index <see cref="ResolvedFacts"/> looks a node's label up by its id with (id and label lead it; schema step 9).</summary>
    private const string ResolvedLabelIndex = "rnodes_keys";

    /// <summary>Drops the secondary indexes of <paramref name="tables"/> (inside the session's transaction: a rollback restores them) and gives their names and definitions.</summary>
    private List<(string Name, string Sql)> DropIndexes(string[] tables)
    {
        var names = string.Join(", ", tables.Select(t => $"'{t}'"));
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = Command($"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names}) ORDER BY name"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                indexes.Add((r.GetString(0), r.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            using var cmd = Command($"DROP INDEX \"{name}\"");
            cmd.ExecuteNonQuery();
        }

        return indexes;
    }

    /// <summary>
    /// The memory (KiB) one of SQLite's sorted runs may take while a first build makes its deferred indexes: SQLite sorts
    /// an index's keys in memory up to the page cache's size (256 MB here, so every index of 100,000 documents was one
    /// run, sorted on the writer thread alone), and only runs that spill to temporary files are sorted by its worker
    /// threads (<c>PRAGMA threads</c>). With runs of 8 MB the other cores sort while the writer reads the next rows, and
    /// the writer's share of the index builds about halved at 100,000 documents (sqlite3 shell: 16.9 → 7.6 CPU-s of the
    /// main thread for the resolved tables' indexes, 13.6 CPU-s in all instead of 16.9).
    /// </summary>
    private const int SortRunKiB = 8192;

    /// <summary>
    /// Makes the deferred indexes (only <paramref name="name"/> when given) and takes them off the list. When the session
    /// sorts in temporary files (a first build, <see cref="SetTempStore"/>), SQLite's sorter gets worker threads and runs of
    /// <see cref="SortRunKiB"/> while they are made (the page cache shrinks with it, which costs the sequential reads and
    /// appends of an index build nothing), and the cache is set back after.
    /// </summary>
    private void CreateIndexes(ref List<(string Name, string Sql)> deferred, string? name = null)
    {
        var now = deferred.Where(i => name is null || i.Name == name).ToList();
        var parallel = _rollbackJournal && now.Count > 0;
        if (parallel)
        {
            Execute($"PRAGMA threads = {Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)}; PRAGMA cache_size = -{SortRunKiB.ToString(CultureInfo.InvariantCulture)}");
        }

        try
        {
            foreach (var (_, sql) in now)
            {
                Execute(sql);
            }
        }
        finally
        {
            if (parallel)
            {
                Execute($"PRAGMA threads = 0; PRAGMA cache_size = -{SqliteKvStore.CacheKiB.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        deferred = [.. deferred.Except(now)];
    }

    private void Execute(string sql)
    {
        using var cmd = Command(sql);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Every <c>files</c> row, by path, and its id (<see cref="SqliteKvStore.FileRows"/>, the one reader of a row).</summary>
    private (Dictionary<string, StoredFile> Files, Dictionary<string, long> Ids) ReadFiles()
    {
        var files = new Dictionary<string, StoredFile>(StringComparer.Ordinal);
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var read = new SqliteKvStore.FileRows();
        using var rows = new FastStatement(_c, $"SELECT id, {SqliteKvStore.FileColumns} FROM files");
        rows.ForEachRow(r =>
        {
            var file = read.Read(r, 1);
            files[file.Path] = file;
            ids[file.Path] = r.Int64(0);
        });
        return (files, ids);
    }

    /// <summary>Files whose citations now resolve differently: they cite a key that appeared or disappeared, or assert a document with that id.</summary>
    /// <remarks>
    /// The motion days are asked apart from the other keys: that lookup cannot use an index (it scans the documents), so
    /// asking it once per chunk of 400 keys made a first build of 100,000 documents scan the documents table over a
    /// thousand times in its commit; the days of a build are few, so it is now one scan per 400 days.
    /// </remarks>
    private void BumpCiters()
    {
        if (!AnyFileBefore())
        {
            return;
        }

        var days = _changedKeys.Where(k => k.StartsWith(MotionDayKey, StringComparison.Ordinal)).Select(k => k[MotionDayKey.Length..]).ToList();

        // A motion with sponsors arrived, changed or left (its sponsors' motion:<sponsor> keys were collected): every
        // unnumbered motion mention is weighed against all motions (MotionIdentity), matching sponsors as people ("motie-Van
        // Dijk" against a motion signed "Diederik van Dijk", whose key is motion:diederik-van-dijk) and scoring subject
        // words by their rarity over all motions, so each file citing one (a raw CITES target motion:<sponsor>) resolves anew.
        if (_changedKeys.Any(NodeIds.IsUnnumberedMotion))
        {
            // The placeholder ids are the range [prefix, prefix with its last character raised), so the index on target serves it.
            var prefix = NodeIds.UnnumberedMotionPrefix;
            using var cmd = Command("""
                UPDATE files SET version = $v WHERE version < $v AND status = 'ok' AND id IN (
                    SELECT file_id FROM edges WHERE target >= $lo AND target < $hi AND type = 'CITES')
                """, ("$v", Version), ("$lo", prefix), ("$hi", prefix[..^1] + (char)(prefix[^1] + 1)));
            cmd.ExecuteNonQuery();
        }

        foreach (var chunk in _changedKeys.Where(k => !k.StartsWith(MotionDayKey, StringComparison.Ordinal) && !NodeIds.IsUnnumberedMotion(k)).Chunk(400))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"$k{i}"));
            var args = chunk.Select((k, i) => ($"$k{i}", (object?)k)).ToArray();
            using var cmd = Command($"""
                UPDATE files SET version = $v WHERE version < $v AND status = 'ok' AND id IN (
                    SELECT file_id FROM edges WHERE target IN ({names})
                    UNION SELECT file_id FROM documents WHERE id IN ({names}))
                """, [("$v", Version), .. args]);
            cmd.ExecuteNonQuery();
        }

        foreach (var chunk in days.Chunk(400))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"$k{i}"));
            var args = chunk.Select((k, i) => ($"$k{i}", (object?)k)).ToArray();
            using var cmd = Command($"""
                UPDATE files SET version = $v WHERE version < $v AND status = 'ok' AND id IN (
                    SELECT file_id FROM documents WHERE kind = 'motion' AND date IN ({names}))
                """, [("$v", Version), .. args]);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Whether the store holds a file with facts that this session did not write: only such a file can be marked. A first
    /// build, or one that re-extracts every file, has none, and its change set (every key of every document) need not be
    /// looked up at all: at 20,000 files that lookup was 4 s of the commit.
    /// </summary>
    private bool AnyFileBefore()
    {
        using var cmd = Command("SELECT EXISTS(SELECT 1 FROM files WHERE version < $v AND status = 'ok')", ("$v", Version));
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) != 0;
    }

    private List<SqliteKvStore.PersonRow> PersonRows(long fileId)
    {
        List<SqliteKvStore.PersonRow> rows = [];
        _store.Within(_tx, () => rows = _store.PersonRowsOf(fileId));
        return rows;
    }

    /// <summary>
    /// Notes the person ids whose rows differ between <paramref name="before"/> and <paramref name="after"/> (one file's),
    /// with the short forms of their names then and now, and the file's rows from before the session's first change to them.
    /// A file rewritten with the same persons, memberships and initials (most edits) notes nothing.
    /// </summary>
    private void NotePersons(string path, List<SqliteKvStore.PersonRow> before, List<SqliteKvStore.PersonRow> after)
    {
        static Dictionary<string, HashSet<string>> ById(List<SqliteKvStore.PersonRow> rows) =>
            rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var (then, now) = (ById(before), ById(after));
        var differ = then.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Where(id => !(then.TryGetValue(id, out var a) && now.TryGetValue(id, out var b) && a.SetEquals(b)))
            .ToHashSet(StringComparer.Ordinal);
        if (differ.Count == 0)
        {
            return;
        }

        _personsBefore.TryAdd(path, before);
        _changedPersons.UnionWith(differ);
        foreach (var row in before.Concat(after).Where(r => r.Node is not null && differ.Contains(r.Id)))
        {
            if (Schema.PersonShortForm(row.Node!.Name ?? row.Node.Id) is { } shortId)
            {
                _changedPersons.Add(shortId);
            }
        }
    }

    /// <summary>
    /// Files whose persons now resolve differently: they name a person whose short form or namesakes (the directory's
    /// answer for that id) changed with the persons this session added, removed or renamed. Unchanged files naming a
    /// person otherwise kept their old resolution until they changed themselves, unlike a build from scratch.
    /// </summary>
    private void BumpPersons()
    {
        if (_changedPersons.Count == 0 || !AnyFileBefore())
        {
            return;
        }

        var rewritten = _personsBefore.Keys.Select(p => _fileIds.GetValueOrDefault(p)).Where(id => id != 0).ToList();
        List<string> anew = [];
        _store.Within(_tx, () => anew = _store.PersonsDecidedAnew(_changedPersons, rewritten, _personsBefore.Values.SelectMany(r => r)));
        foreach (var chunk in anew.Chunk(400))
        {
            var names = string.Join(", ", chunk.Select((_, i) => $"$k{i}"));
            var args = chunk.Select((k, i) => ($"$k{i}", (object?)k)).ToArray();
            using var cmd = Command($"""
                UPDATE files SET version = $v WHERE version < $v AND status = 'ok' AND id IN (
                    SELECT file_id FROM nodes WHERE label = '{NodeLabel.Person}' AND id IN ({names})
                    UNION SELECT file_id FROM edges WHERE target IN ({names})
                    UNION SELECT file_id FROM edges WHERE type = '{EdgeType.MemberOf}' AND source IN ({names}))
                """, [("$v", Version), .. args]);
            cmd.ExecuteNonQuery();
        }
    }

    // A sitting id is h-tk-<digits>-<digits> (Resolver.SittingOf), so it needs no LIKE escaping.
    private void BumpSittings()
    {
        if (!AnyFileBefore())
        {
            return;
        }

        foreach (var sitting in _changedSittings)
        {
            using var cmd = Command("""
                UPDATE files SET version = $v WHERE version < $v AND status = 'ok' AND id IN (
                    SELECT file_id FROM documents WHERE kind = 'handelingen' AND id LIKE $p)
                """, ("$v", Version), ("$p", sitting + "-%"));
            cmd.ExecuteNonQuery();
        }
    }

    private static string? Sitting(string id) => Core.Resolution.Resolver.SittingOf(id);

    private long Upsert(FileRecord r)
    {
        return Fast("""
            INSERT INTO files(path, hash, size, mtime, status, error, extractor, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
            ON CONFLICT(path) DO UPDATE SET hash = ?2, size = ?3, mtime = ?4, status = ?5, error = ?6, extractor = ?7, version = ?8
            RETURNING id
            """).RunScalar(r.Path, r.Hash, r.Size, Mtime(r.Modified), r.Status, r.Error, r.Extractor, Version);
    }

    /// <summary>The stored form of a modification time: round-trip, to the 100 ns tick (the build compares it exactly).</summary>
    private static string Mtime(DateTimeOffset modified) => modified.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes one document's rows; its motions' keys go to <paramref name="motionKeys"/> and their rows, as the resolver
    /// reads them (<see cref="MotionRow"/>), to <paramref name="motionRows"/>.
    /// </summary>
    private void WriteDocument(long fileId, DocumentRecord record, HashSet<string> motionKeys, List<string> motionRows)
    {
        var doc = record.Document;
        foreach (var a in record.Aliases)
        {
            var primary = a.Primary;
            var rowid = Fast("""
                INSERT INTO documents(file_id, id, kind, title, date, is_primary, weight, sponsors, askers, answerers, parent, json)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING rowid
                """).RunScalar(
                fileId, a.Id, Core.Extraction.ExtractionJson.Name(a.Kind), doc.Doc.Title, a.Date,
                primary ? 1 : 0, a.Weight, StoreJson.Strings(a.Sponsors),
                StoreJson.Strings(doc.Doc.Askers.Select(x => x.Party is null ? x.Name : $"{x.Name} ({KvGraph.Core.Entities.Parties.DisplayName(x.Party)})")),
                StoreJson.Strings(primary ? doc.Doc.Answerers.Select(x => x.Party is null ? x.Name : $"{x.Name} ({KvGraph.Core.Entities.Parties.DisplayName(x.Party)})") : []),
                primary ? null : doc.Doc.Id, primary ? record.Json : null);
            if (primary)
            {
                Fast("INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)").Run(rowid, doc.Doc.Title ?? a.Id, doc.Text);
            }

            var aliasRow = Fast("INSERT INTO aliases(alias, doc_id, file_id, priority) VALUES (?1, ?2, ?3, ?4)");
            aliasRow.Run(a.Id, a.Id, fileId, AliasEntry.Exact);
            _changedKeys.Add(a.Id);
            foreach (var alias in a.Aliases)
            {
                aliasRow.Run(alias.Alias, a.Id, fileId, alias.Priority);
                _changedKeys.Add(alias.Alias);
            }

            // The items of a sitting take its day from the dated item (Resolver.SittingDate): the others resolve anew.
            if (a.Kind == DocumentKind.Handelingen && Sitting(a.Id) is { } sitting)
            {
                _changedSittings.Add(sitting);
            }

            if (a.Kind == DocumentKind.Motion)
            {
                motionRows.Add(MotionRow(a.Id, primary, a.Weight, a.Date, StoreJson.Strings(a.Sponsors), doc.Doc.Title, a.Aliases.Where(x => x.Priority > 0).Select(x => (x.Alias, (long)x.Priority))));
                foreach (var s in a.Sponsors)
                {
                    motionKeys.Add(NodeIds.UnnumberedMotion(s));
                }

                // A motion's records merge by date (MotionIdentity.Merges): the other records of that day resolve anew.
                if (a.Date is { } day)
                {
                    motionKeys.Add(MotionDayKey + day);
                }
            }
        }
    }

    /// <summary>
    /// One motion row as the resolver reads it (<see cref="SqliteKvStore.LoadResolver"/>: id, primary, weight, date,
    /// sponsors, title, aliases): MotionIdentity's candidates, subject-word counts and merges are functions of these rows.
    /// </summary>
    private static string MotionRow(string id, bool primary, long weight, string? date, string sponsors, string? title, IEnumerable<(string Alias, long Priority)> aliases) =>
        string.Join('\u0001', id, primary ? "1" : "0", weight.ToString(CultureInfo.InvariantCulture), date ?? "\u0002", sponsors, title ?? "\u0002",
            string.Join('\u0003', aliases.Select(a => $"{a.Alias}\u0004{a.Priority.ToString(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal)));

    /// <summary>Collects the keys of a file's stored rows before they are cleared; its motions' keys go to <paramref name="motionKeys"/>, and its motion rows (<see cref="MotionRow"/>) are returned.</summary>
    private List<string> CollectKeys(long fileId, HashSet<string> motionKeys)
    {
        using (var cmd = Command("SELECT alias FROM aliases WHERE file_id = $f", ("$f", fileId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                _changedKeys.Add(r.GetString(0));
            }
        }

        using (var cmd = Command("SELECT target FROM edges WHERE file_id = $f AND type = 'CITES' AND target >= 'letter:' AND target < 'letter;'", ("$f", fileId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                _changedKeys.Add(r.GetString(0));
            }
        }

        using (var cmd = Command("SELECT id FROM documents WHERE file_id = $f AND kind = 'handelingen'", ("$f", fileId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (Sitting(r.GetString(0)) is { } sitting)
                {
                    _changedSittings.Add(sitting);
                }
            }
        }

        var aliases = new Dictionary<string, List<(string, long)>>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT doc_id, alias, priority FROM aliases WHERE file_id = $f AND priority > 0", ("$f", fileId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (!aliases.TryGetValue(r.GetString(0), out var list))
                {
                    aliases[r.GetString(0)] = list = [];
                }

                list.Add((r.GetString(1), r.GetInt64(2)));
            }
        }

        var rows = new List<string>();
        using (var cmd = Command("SELECT sponsors, date, id, is_primary, weight, title FROM documents WHERE file_id = $f AND kind = 'motion'", ("$f", fileId)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                foreach (var s in StoreJson.ReadStrings(r.GetString(0)))
                {
                    motionKeys.Add(NodeIds.UnnumberedMotion(s));
                }

                if (!r.IsDBNull(1))
                {
                    motionKeys.Add(MotionDayKey + r.GetString(1));
                }

                var id = r.GetString(2);
                rows.Add(MotionRow(id, r.GetInt64(3) != 0, r.GetInt64(4), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(0), r.IsDBNull(5) ? null : r.GetString(5),
                    (IEnumerable<(string, long)>?)aliases.GetValueOrDefault(id) ?? []));
            }
        }

        return rows;
    }

    private void Clear(long fileId)
    {
        Fast("DELETE FROM documents_fts WHERE rowid IN (SELECT rowid FROM documents WHERE file_id = ?1)").Run(fileId);
        Fast("DELETE FROM documents WHERE file_id = ?1").Run(fileId);
        Fast("DELETE FROM aliases WHERE file_id = ?1").Run(fileId);
        Fast("DELETE FROM nodes WHERE file_id = ?1").Run(fileId);
        Fast("DELETE FROM edges WHERE file_id = ?1").Run(fileId);
        Fast("DELETE FROM person_short WHERE file_id = ?1").Run(fileId);
    }

    /// <summary>A statement of the write path, prepared once per session and bound by position (<see cref="FastStatement"/>).</summary>
    private FastStatement Fast(string sql)
    {
        if (!_fast.TryGetValue(sql, out var statement))
        {
            statement = new FastStatement(_c, sql);
            _fast[sql] = statement;
        }

        return statement;
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
}
