using System.Globalization;
using System.Text;
using KvGraph.Core.Entities.People;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>The SQLite implementation of <see cref="IKvStore"/>. Reads here; writes in a <see cref="SqliteStoreWriter"/> session.</summary>
internal sealed class SqliteKvStore : IKvStore
{
    private readonly SqliteConnection _connection;
    private readonly bool _readOnly;
    private (long Version, ICitationGraph Graph)? _graph;
    private SqliteStoreWriter? _writer;
    private SqliteTransaction? _read;

    private SqliteKvStore(string path, SqliteConnection connection, bool readOnly)
    {
        Path = path;
        _connection = connection;
        _readOnly = readOnly;
    }

    public string Path { get; }

    internal SqliteConnection Connection => _connection;

    public long CurrentVersion => long.Parse(Scalar("SELECT value FROM meta WHERE key = 'version'") as string ?? "0", CultureInfo.InvariantCulture);

    public UnfinishedBuild? Unfinished
    {
        get
        {
            if (Scalar("SELECT value FROM meta WHERE key = 'build-started'") is string started)
            {
                return new UnfinishedBuild(DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? t : null);
            }

            // A store made but never built (the first build died before it could leave its mark).
            return CurrentVersion == 0 && Scalar("SELECT value FROM meta WHERE key = 'build-finished'") is null ? new UnfinishedBuild(null) : null;
        }
    }

    public static SqliteKvStore Open(string path, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        if (readOnly && !File.Exists(full))
        {
            throw new StoreException($"No store at {full}. Run `kvgraph build <files-or-folders> --store {path}` first.");
        }

        if (!readOnly && System.IO.Path.GetDirectoryName(full) is { } dir && !Directory.Exists(dir))
        {
            Directory.CreateDirectory(dir);
        }

        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(cs);
        try
        {
            connection.Open();
            if (!readOnly)
            {
                // WAL: readers (the web explorer, a push) keep reading the last committed build while a build writes.
                Exec(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            }

            Exec(connection, "PRAGMA busy_timeout = 30000; PRAGMA temp_store = MEMORY;");
            Schema.Migrate(connection, full, readOnly);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{full}: cannot open the store ({e.Message.TrimEnd('.')}). Is it a KvGraph store?", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteKvStore(full, connection, readOnly);
    }

    public IStoreWriter BeginWrite()
    {
        if (_readOnly)
        {
            throw new StoreException($"{Path} is open read-only; open it with KvStore.Open to write.");
        }

        if (_writer is not null)
        {
            throw new InvalidOperationException("A write session is already open on this store; commit or dispose it first.");
        }

        _writer = new SqliteStoreWriter(this, _connection);
        return _writer;
    }

    /// <summary>A write session ended (committed or rolled back): what was cached from before it may be stale.</summary>
    internal void EndWrite(SqliteStoreWriter writer)
    {
        if (ReferenceEquals(_writer, writer))
        {
            _writer = null;
            _graph = null;
        }
    }

    public string? ResolveId(string idOrAlias) => Read(() => ResolveIdNow(idOrAlias));

    private string? ResolveIdNow(string idOrAlias)
    {
        // The index gives every document claiming a key (the column ignores case); Core's rule picks the one it stands for.
        return AliasRule.Resolve(idOrAlias, key =>
        {
            using var cmd = Command("SELECT doc_id, priority FROM aliases WHERE alias = $a", ("$a", key));
            using var r = cmd.ExecuteReader();
            var claims = new List<AliasClaim>();
            while (r.Read())
            {
                claims.Add(new AliasClaim(r.GetString(0), r.GetInt32(1)));
            }

            return claims;
        });
    }

    public ExtractedDocument? GetDocument(string id) => Read(() => GetDocumentNow(id));

    private ExtractedDocument? GetDocumentNow(string id)
    {
        if (ResolveId(id) is not { } canonical)
        {
            return null;
        }

        using var cmd = Command("""
            SELECT d.json, d.parent, d.file_id FROM documents d JOIN files f ON f.id = d.file_id
            WHERE d.id = $id ORDER BY d.is_primary DESC, d.weight DESC, f.path LIMIT 1
            """, ("$id", canonical));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        if (!r.IsDBNull(0))
        {
            return StoreJson.ReadDocument(r.GetString(0));
        }

        // A paired question: its text is in its answer's file.
        var parent = r.IsDBNull(1) ? null : r.GetString(1);
        var fileId = r.GetInt64(2);
        using var p = Command("SELECT json FROM documents WHERE file_id = $f AND id = $id AND json IS NOT NULL LIMIT 1", ("$f", fileId), ("$id", parent ?? string.Empty));
        return p.ExecuteScalar() is string json ? StoreJson.ReadDocument(json) : null;
    }

    public IReadOnlyList<SearchHit> Search(string text, int limit = 20, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(() => SearchNow(text, limit, offset));
    }

    private List<SearchHit> SearchNow(string text, int limit, int offset)
    {
        limit = Math.Clamp(limit, 0, 1000);
        offset = Math.Max(0, offset);
        var hits = new List<SearchHit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        if (ResolveId(text) is { } exact && Summary(exact) is { } s)
        {
            hits.Add(s with { Snippet = s.Title ?? s.Id, Score = double.MaxValue });
            seen.Add(exact);
        }

        var query = FtsQuery(text);
        if (query.Length > 0)
        {
            using var cmd = Command("""
                SELECT d.id, d.kind, d.title, d.date, d.askers, d.answerers,
                       snippet(documents_fts, 1, '[', ']', '…', 14), bm25(documents_fts, 5.0, 1.0)
                FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                WHERE documents_fts MATCH $q
                ORDER BY bm25(documents_fts, 5.0, 1.0), d.id
                LIMIT $n
                """, ("$q", query), ("$n", ((offset + limit) * 2) + 10));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetString(0);
                if (seen.Add(id))
                {
                    hits.Add(new SearchHit(id, r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                        StoreJson.ReadStrings(r.GetString(4)), StoreJson.ReadStrings(r.GetString(5)), r.GetString(6), Math.Round(-r.GetDouble(7), 3)));
                }
            }
        }

        return [.. hits.Skip(offset).Take(limit)];
    }

    public ICitationGraph LoadGraph() => Read(LoadGraphNow);

    private ICitationGraph LoadGraphNow()
    {
        var version = CurrentVersion;
        if (_graph is { } g && g.Version == version)
        {
            return g.Graph;
        }

        var resolver = LoadResolver();
        var graph = CitationGraphs.Assemble(LoadRawFacts(null), resolver);
        _graph = (version, graph);
        return graph;
    }

    public StoreStats Stats() => Read(StatsNow);

    private StoreStats StatsNow()
    {
        var graph = LoadGraph();
        var docs = graph.Nodes.Where(n => n.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(n.Label)).ToList();
        var cites = graph.Edges.Where(e => e.Type == EdgeType.Cites).ToList();
        var resolved = 0;
        var unresolved = 0;
        foreach (var e in cites)
        {
            var target = graph.Find(e.Target);
            if (target?.Label == NodeLabel.Placeholder)
            {
                unresolved++;
            }
            else if (target is not null && GraphFacts.IsDocumentLabel(target.Label))
            {
                resolved++;
            }
        }

        return new StoreStats
        {
            Files = Convert.ToInt32(Scalar("SELECT count(*) FROM files"), CultureInfo.InvariantCulture),
            FilesFailed = Convert.ToInt32(Scalar("SELECT count(*) FROM files WHERE status = 'failed'"), CultureInfo.InvariantCulture),
            Documents = docs.Count,
            DocumentsByKind = docs.GroupBy(n => n.Properties.GetValueOrDefault("kind") as string ?? n.Label.ToLowerInvariant())
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Citations = cites.Count,
            CitationsByKind = cites.GroupBy(e => e.Properties.GetValueOrDefault("kind") as string ?? "?")
                .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            Resolved = resolved,
            Unresolved = unresolved,
            Nodes = graph.NodeCount,
            Edges = graph.EdgeCount,
            Version = CurrentVersion,
        };
    }

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => LoadGraph().Unresolved(limit);

    public IEnumerable<DocumentFacts> FactsChangedSince(long version)
    {
        var resolver = LoadResolver();
        var people = LoadPersonDirectory();
        foreach (var raw in LoadRawFacts(version))
        {
            yield return people.Apply(FactsResolver.Resolve(raw, resolver));
        }
    }

    public IReadOnlyList<DeletedFile> DeletedSince(long version)
    {
        using var cmd = Command("SELECT path, max(version) FROM deletions WHERE version > $v GROUP BY path ORDER BY 2, 1", ("$v", version));
        using var r = cmd.ExecuteReader();
        var list = new List<DeletedFile>();
        while (r.Read())
        {
            list.Add(new DeletedFile(r.GetString(0), r.GetInt64(1)));
        }

        return list;
    }

    public IReadOnlyList<StoredFile> Files()
    {
        using var cmd = Command($"SELECT {FileColumns} FROM files ORDER BY path");
        using var r = cmd.ExecuteReader();
        var list = new List<StoredFile>();
        while (r.Read())
        {
            list.Add(ReadFile(r, 0));
        }

        return list;
    }

    /// <summary>The columns <see cref="ReadFile"/> reads, in its order.</summary>
    internal const string FileColumns = "path, hash, size, mtime, status, error, version, extractor";

    /// <summary>A <c>files</c> row selected with <see cref="FileColumns"/> starting at column <paramref name="at"/>.</summary>
    internal static StoredFile ReadFile(SqliteDataReader r, int at) =>
        new(r.GetString(at), r.GetString(at + 1), r.GetInt64(at + 2), DateTimeOffset.Parse(r.GetString(at + 3), CultureInfo.InvariantCulture),
            r.GetString(at + 4), r.IsDBNull(at + 5) ? null : r.GetString(at + 5), r.GetInt64(at + 6), r.GetString(at + 7));

    public IReadOnlyList<DocumentSummary> Documents(int limit = int.MaxValue, int offset = 0)
    {
        using var cmd = Command("""
            SELECT d.id, d.kind, d.title, d.date, f.path FROM documents d JOIN files f ON f.id = d.file_id
            WHERE d.rowid = (SELECT d2.rowid FROM documents d2 WHERE d2.id = d.id ORDER BY d2.is_primary DESC, d2.weight DESC LIMIT 1)
            ORDER BY d.id LIMIT $n OFFSET $o
            """, ("$n", (long)Math.Max(0, limit)), ("$o", (long)Math.Max(0, offset)));
        using var r = cmd.ExecuteReader();
        var list = new List<DocumentSummary>();
        while (r.Read())
        {
            list.Add(new DocumentSummary(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4)));
        }

        return list;
    }

    public IPushLedger PushLedger(string target) => new SqlitePushLedger(this, target);

    /// <summary>
    /// A small write of bookkeeping that is not part of any build (the push ledger): its own immediate transaction,
    /// committed at once. Refused on a read-only store and inside a write session (which would hold the connection's transaction).
    /// </summary>
    internal void WriteOutsideBuild(Action<SqliteTransaction> write)
    {
        if (_readOnly)
        {
            throw new StoreException($"{Path} is open read-only; open it with KvStore.Open to record a push.");
        }

        if (_writer is not null || _read is not null)
        {
            throw new InvalidOperationException("The store is in a write session or a read; record the push outside it.");
        }

        using var tx = _connection.BeginTransaction(deferred: false);
        write(tx);
        tx.Commit();
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// Who each person mention is, over every file's people, person mentions (with their initials and first names) and
    /// memberships (<see cref="PersonDirectory"/>): the same directory <see cref="CitationGraphs.Assemble"/> builds.
    /// </summary>
    internal PersonDirectory LoadPersonDirectory()
    {
        var people = new List<GraphNode>();
        using (var cmd = Command($"SELECT n.id, n.name FROM nodes n JOIN files f ON f.id = n.file_id WHERE f.status = 'ok' AND n.label = '{NodeLabel.Person}'"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                people.Add(new GraphNode(r.GetString(0), NodeLabel.Person, r.IsDBNull(1) ? null : r.GetString(1), new Dictionary<string, object?>()));
            }
        }

        var edges = new List<GraphEdge>();
        using (var cmd = Command($"""
            SELECT e.source, e.target, e.type, json_extract(e.props, '$.{PersonMention.InitialsProperty}'), json_extract(e.props, '$.{PersonMention.FirstNameProperty}'), json_extract(e.props, '$.date')
            FROM edges e JOIN files f ON f.id = e.file_id WHERE f.status = 'ok' AND (e.type = '{EdgeType.MemberOf}' OR e.target LIKE 'person:%')
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var props = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (!r.IsDBNull(3))
                {
                    props[PersonMention.InitialsProperty] = r.GetString(3);
                }

                if (!r.IsDBNull(4))
                {
                    props[PersonMention.FirstNameProperty] = r.GetString(4);
                }

                if (!r.IsDBNull(5))
                {
                    props["date"] = r.GetString(5);
                }

                edges.Add(new GraphEdge(r.GetString(0), r.GetString(1), r.GetString(2), props));
            }
        }

        return PersonDirectory.Of(people, edges);
    }

    /// <summary>Every document's aliases, for resolution. O(documents).</summary>
    internal Resolver LoadResolver()
    {
        var aliases = new Dictionary<(long File, string Doc), List<AliasEntry>>();
        using (var cmd = Command("SELECT file_id, doc_id, alias, priority FROM aliases WHERE priority > 0"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (r.GetInt64(0), r.GetString(1));
                if (!aliases.TryGetValue(key, out var list))
                {
                    aliases[key] = list = [];
                }

                list.Add(new AliasEntry(r.GetString(2), r.GetInt32(3)));
            }
        }

        var docs = new List<DocumentAliases>();
        using (var cmd = Command("SELECT d.file_id, d.id, d.kind, f.path, d.is_primary, d.weight, d.date, d.sponsors, d.title FROM documents d JOIN files f ON f.id = d.file_id"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (r.GetInt64(0), r.GetString(1));
                docs.Add(new DocumentAliases(key.Item2, ParseKind(r.GetString(2)), r.GetString(3), r.GetInt64(4) != 0, r.GetInt32(5),
                    aliases.GetValueOrDefault(key) ?? [], r.IsDBNull(6) ? null : r.GetString(6), StoreJson.ReadStrings(r.GetString(7)))
                {
                    Title = r.IsDBNull(8) ? null : r.GetString(8),
                });
            }
        }

        // Letter mentions, so the resolver can tell letters of one day and sender apart (LetterIdentity).
        var letters = new List<LetterMention>();
        using (var cmd = Command("""
            SELECT e.target, json_extract(e.props, '$.reference'), json_extract(e.props, '$.subject'), e.source
            FROM edges e JOIN files f ON f.id = e.file_id
            WHERE f.status = 'ok' AND e.type = 'CITES' AND e.target >= 'letter:' AND e.target < 'letter;'
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                letters.Add(new LetterMention(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)));
            }
        }

        return Resolver.Create(docs, letters);
    }

    /// <summary>The raw facts of every file (or of files changed after <paramref name="sinceVersion"/>), file by file.</summary>
    internal IEnumerable<DocumentFacts> LoadRawFacts(long? sinceVersion)
    {
        var files = new Dictionary<long, (string Path, List<string> Docs, List<GraphNode> Nodes, List<GraphEdge> Edges)>();
        var filter = sinceVersion is null ? string.Empty : " AND f.version > $v";
        (string Name, object? Value)[] args = sinceVersion is { } v ? [("$v", v)] : [];
        using (var cmd = Command($"SELECT f.id, f.path FROM files f WHERE f.status = 'ok'{filter}", args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                files[r.GetInt64(0)] = (r.GetString(1), [], [], []);
            }
        }

        using (var cmd = Command($"SELECT d.file_id, d.id FROM documents d JOIN files f ON f.id = d.file_id WHERE f.status = 'ok'{filter} ORDER BY d.rowid", args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (files.TryGetValue(r.GetInt64(0), out var f))
                {
                    f.Docs.Add(r.GetString(1));
                }
            }
        }

        using (var cmd = Command($"SELECT n.file_id, n.id, n.label, n.name, n.props FROM nodes n JOIN files f ON f.id = n.file_id WHERE f.status = 'ok'{filter} ORDER BY n.rowid", args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (files.TryGetValue(r.GetInt64(0), out var f))
                {
                    f.Nodes.Add(new GraphNode(r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), StoreJson.ReadProps(r.GetString(4))));
                }
            }
        }

        using (var cmd = Command($"SELECT e.file_id, e.source, e.target, e.type, e.props FROM edges e JOIN files f ON f.id = e.file_id WHERE f.status = 'ok'{filter} ORDER BY e.rowid", args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                if (files.TryGetValue(r.GetInt64(0), out var f))
                {
                    f.Edges.Add(new GraphEdge(r.GetString(1), r.GetString(2), r.GetString(3), StoreJson.ReadProps(r.GetString(4))));
                }
            }
        }

        return files.OrderBy(kv => kv.Value.Path, StringComparer.Ordinal).Select(kv => new DocumentFacts(kv.Value.Path, kv.Value.Docs, kv.Value.Nodes, kv.Value.Edges));
    }

    internal SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _read;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    /// <summary>
    /// Runs a read of several statements in one deferred transaction, so all of them see the same committed build (a WAL
    /// snapshot) even while a build commits in another process: a document and its aliases, a graph and its version.
    /// Inside a write session, or a read already under way, it just runs.
    /// </summary>
    private T Read<T>(Func<T> read)
    {
        if (_read is not null || _writer is not null)
        {
            return read();
        }

        using var tx = _connection.BeginTransaction(deferred: true);
        _read = tx;
        try
        {
            var result = read();
            tx.Commit();
            return result;
        }
        finally
        {
            _read = null;
        }
    }

    private object? Scalar(string sql)
    {
        using var cmd = Command(sql);
        return cmd.ExecuteScalar();
    }

    private SearchHit? Summary(string id)
    {
        using var cmd = Command("SELECT id, kind, title, date, askers, answerers FROM documents WHERE id = $id ORDER BY is_primary DESC, weight DESC LIMIT 1", ("$id", id));
        using var r = cmd.ExecuteReader();
        return r.Read()
            ? new SearchHit(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                StoreJson.ReadStrings(r.GetString(4)), StoreJson.ReadStrings(r.GetString(5)), string.Empty, 0)
            : null;
    }

    /// <summary>The user's text as FTS5 words: each word quoted, so operators and punctuation in the text cannot break the query.</summary>
    internal static string FtsQuery(string text)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                words.Add($"\"{sb}\"");
                sb.Clear();
            }
        }

        return string.Join(' ', words.Take(32));
    }

    private static DocumentKind ParseKind(string kind) => kind switch
    {
        "question" => DocumentKind.Question,
        "answer" => DocumentKind.Answer,
        "letter" => DocumentKind.Letter,
        "motion" => DocumentKind.Motion,
        "kamerstuk" => DocumentKind.Kamerstuk,
        "handelingen" => DocumentKind.Handelingen,
        "deferral" => DocumentKind.Deferral,
        "placeholder" => DocumentKind.Placeholder,
        _ => DocumentKind.Unknown,
    };

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
