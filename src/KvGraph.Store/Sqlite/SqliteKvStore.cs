using System.Globalization;
using System.Text;
using KvGraph.Core.Entities.People;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>The SQLite implementation of <see cref="IKvStore"/>. Reads here; writes in a <see cref="SqliteStoreWriter"/> session.</summary>
internal sealed partial class SqliteKvStore : IKvStore
{
    private readonly SqliteConnection _connection;
    private readonly bool _readOnly;
    private (long Version, ICitationGraph Graph)? _graph;
    private IndexedGraph? _indexed;
    private (long Version, HashSet<string> Ids)? _sharedIds;
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

    public long CurrentVersion => VersionOn(_connection, _read);

    /// <summary>The version as <paramref name="connection"/> reads it in <paramref name="tx"/> (this store's read, or a second connection's own).</summary>
    private static long VersionOn(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = VersionSql;
        return long.Parse(cmd.ExecuteScalar() as string ?? "0", CultureInfo.InvariantCulture);
    }

    /// <summary>The store's version: the build that last changed it (every build that changes a file bumps it in its commit).</summary>
    private const string VersionSql = "SELECT value FROM meta WHERE key = 'version'";

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

        var connection = new SqliteConnection(ConnectionString(full, readOnly));
        try
        {
            Configure(connection, readOnly);
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

    private static string ConnectionString(string full, bool readOnly) => new SqliteConnectionStringBuilder
    {
        DataSource = full,
        Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>The page cache of a writing connection, in KiB (<c>PRAGMA cache_size</c> = minus this).</summary>
    internal const int CacheKiB = 262144;

    /// <summary>Opens a connection of the store and sets what every connection of it needs (the schema not yet checked).</summary>
    private static void Configure(SqliteConnection connection, bool readOnly)
    {
        connection.Open();
        if (!readOnly)
        {
            // WAL: readers (the web explorer, a push) keep reading the last committed build while a build writes.
            // A build is one transaction that inserts into several indexes at random places: with SQLite's default
            // page cache (2 MB) its pages spill to the WAL and are read back over and over; 256 MB holds them.
            Exec(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{CacheKiB};");
        }

        Exec(connection, "PRAGMA busy_timeout = 30000; PRAGMA temp_store = MEMORY;");
        if (readOnly)
        {
            // Queries read rows scattered over the file (a hub's 9,520 citers): mapped, a page is a memory read, not a
            // read() call and a copy into SQLite's 2 MB cache. As much of the file as SQLite maps at most (it lowers a
            // larger size to its build's limit, 2 GB here): the 100,000-document store is 2.0 GB, and with 1 GB mapped
            // the pages past it were read again and again through that small cache (`related`: 390 against 100 ms of
            // system CPU over the bench's 200 samples).
            Exec(connection, "PRAGMA mmap_size = 1099511627776;");
        }
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

    public IDisposable BeginRead()
    {
        if (_read is not null || _writer is not null)
        {
            // Already one read (or a write session): its reads see one state; an inner one changes nothing.
            return NoRead.Instance;
        }

        _read = _connection.BeginTransaction(deferred: true);
        return new ReadSession(this, _read);
    }

    private void EndRead(SqliteTransaction tx)
    {
        if (ReferenceEquals(_read, tx))
        {
            _read = null;
        }

        tx.Dispose();
    }

    /// <summary>A read session: disposing it ends the read transaction (a read commits nothing).</summary>
    private sealed class ReadSession(SqliteKvStore store, SqliteTransaction tx) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                store.EndRead(tx);
            }
        }
    }

    private sealed class NoRead : IDisposable
    {
        public static readonly NoRead Instance = new();

        public void Dispose()
        {
        }
    }

    /// <summary>A write session ended (committed or rolled back): what was cached from before it may be stale.</summary>
    internal void EndWrite(SqliteStoreWriter writer)
    {
        if (ReferenceEquals(_writer, writer))
        {
            _writer = null;
            _graph = null;
            _indexed = null;
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

    public ExtractedDocument? GetDocument(string id) => Read(() => StoredJson(id, "json") is { } json ? StoreJson.ReadDocument(json) : null);

    public DocumentInfo? GetDocumentInfo(string id) => Read(() => StoredJson(id, "json_extract(json, '$.doc')") is { } json ? StoreDocumentReader.ReadInfo(json) : null);

    /// <summary>
    /// The stored JSON of the document an id names (<paramref name="column"/>: the whole <c>json</c> column, or a part of it
    /// SQLite extracts), from its best row: primary, heaviest, first path. A paired question has none of its own: its text
    /// is in its answer's file, whose document is read.
    /// </summary>
    private string? StoredJson(string id, string column)
    {
        if (ResolveId(id) is not { } canonical)
        {
            return null;
        }

        using var cmd = Command($"""
            SELECT {column}, d.parent, d.file_id FROM documents d JOIN files f ON f.id = d.file_id
            WHERE d.id = $id ORDER BY d.is_primary DESC, d.weight DESC, f.path LIMIT 1
            """, ("$id", canonical));
        using var r = cmd.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }

        if (!r.IsDBNull(0))
        {
            return r.GetString(0);
        }

        var parent = r.IsDBNull(1) ? null : r.GetString(1);
        var fileId = r.GetInt64(2);
        using var p = Command($"SELECT {column} FROM documents WHERE file_id = $f AND id = $id AND json IS NOT NULL LIMIT 1", ("$f", fileId), ("$id", parent ?? string.Empty));
        return p.ExecuteScalar() as string;
    }

    public IReadOnlyList<SearchHit> Search(string text, int limit = 20, int offset = 0) => Search(text, DocumentFilter.None, limit, offset).Hits;

    public SearchResults Search(string text, DocumentFilter filter, int limit, int offset, ICitationGraph? graph = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(filter);
        return Read(() => SearchNow(SearchQuery.Parse(text), filter, Math.Clamp(limit, 0, QueryLimits.MaxSearchPage), Math.Clamp(offset, 0, QueryLimits.MaxSearchOffset), graph));
    }

    // Exact id/alias hits first (any node: documents, cited documents not in the corpus, people, dossiers), then the
    // full-text hits best first, each id once; the filter over both; the true total; snippets only for the page shown.
    private SearchResults SearchNow(SearchQuery query, DocumentFilter filter, int limit, int offset, ICitationGraph? graph)
    {
        var notes = query.Notes.ToList();
        if (query.IsEmpty && filter.IsEmpty)
        {
            notes.Add("Give words to find, an id, or a filter.");
            return new SearchResults(0, [], notes);
        }

        // The graph is needed for filters and for ids of nodes that are not documents in the corpus; plain words do without
        // it. Ids, names and counts are point queries on the indexed graph; a filter still walks every document (in memory).
        if (graph is null && !filter.IsEmpty)
        {
            graph = LoadGraph();
        }
        else if (graph is null && query.IdCandidate is { } c && c.Any(ch => char.IsDigit(ch) || ch == ':'))
        {
            graph = GraphNow();
        }

        var ordered = new List<(string Id, string Match)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (query.IdCandidate is { } candidate && ExactNode(candidate, IndexedNow() ?? graph) is { } exact && seen.Add(exact))
        {
            ordered.Add((exact, "id"));
        }

        // A person's name as typed ("Leijten", "kaag") lists the person too, right after an exact id. The raw
        // facts say cheaply whether any person has that name; only then is the graph needed for the merged person.
        if (PersonNameCandidate(query.Text) is { } typedName && HasPersonNamed(typedName))
        {
            graph ??= GraphNow();
            foreach (var person in PeopleNamed(IndexedNow() ?? graph, typedName))
            {
                if (seen.Add(person.Id))
                {
                    ordered.Add((person.Id, "name"));
                }
            }
        }

        // Without a filter, the page and the total need not list every full-text match: the best matches up to the page's
        // end, and a count (both through the narrow rowid/id index, not the documents rows, which hold each text).
        int? total = null;
        Dictionary<string, long>? bestRows = null;
        if (query.Fts is { } paged && filter.IsEmpty && HasSearchIdIndex())
        {
            var head = ordered.Select(h => h.Id).ToList();
            bestRows = new Dictionary<string, long>(StringComparer.Ordinal);
            var matches = MatchingRows(paged);
            ordered.AddRange(BestTextHits(paged, offset + limit - head.Count, seen, bestRows, matches).Select(id => (id, "text")));
            total = head.Count + CountTextHits(paged, head, matches);
        }
        else if (query.Fts is { } fts)
        {
            // bm25 ranks; a document stored from several files (or a question with its answer's text) is listed once.
            using var cmd = Command("""
                SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                WHERE documents_fts MATCH $q ORDER BY bm25(documents_fts, 5.0, 1.0), d.id
                """, ("$q", fts));
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetString(0);
                if (seen.Add(id))
                {
                    ordered.Add((id, "text"));
                }
            }
        }

        if (!filter.IsEmpty)
        {
            ordered = query.IsEmpty
                ? [.. filter.Documents(graph!).Select(n => (n.Id, "filter"))]
                : [.. ordered.Where(h => graph!.Find(h.Id) is { } n && filter.Matches(graph, n))];
        }

        var page = ordered.Skip(offset).Take(limit).ToList();
        var snippets = query.Fts is { } q2 ? Snippets(q2, page.Where(h => h.Match == "text").Select(h => h.Id).ToList(), bestRows) : [];
        var hits = new List<SearchHit>();
        foreach (var (id, match) in page)
        {
            var hit = Summary(id);
            var node = graph?.Find(id);
            if (hit is null && node is null)
            {
                continue;
            }

            var citedBy = node is not null && graph is not null ? graph.CitedBy(node.Id).Count : (int?)null;
            hit ??= new SearchHit(node!.Id, DocumentFilter.KindOf(node), node.Name is { } name && name != node.Id ? name : null,
                CitedByQuery.DateOf(node) is { Length: > 0 } date ? date : null, [], [], string.Empty, 0);
            var inCorpus = node is null ? hit.Kind != "placeholder" : node.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(node.Label);
            var snippet = snippets.GetValueOrDefault(id);
            hits.Add(hit with
            {
                Snippet = snippet?.Text ?? (node?.Label == NodeLabel.Placeholder ? $"not in corpus — cited by {citedBy}" : hit.Title ?? hit.Id),
                Highlights = snippet?.Highlights ?? [],
                Match = match,
                InCorpus = inCorpus,
                CitedBy = citedBy,
                Label = node?.Label ?? hit.Kind,
            });
        }

        return new SearchResults(total ?? ordered.Count, hits, notes);
    }

    /// <summary>Whether the store has the narrow rowid/id index of schema step 5 (a store an older KvGraph wrote, opened read-only, has not).</summary>
    private bool HasSearchIdIndex()
    {
        using var cmd = Command("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'documents_rowid_id'");
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>
    /// The first <paramref name="count"/> full-text hits as the full list orders them (bm25, then id; each id once, none of
    /// <paramref name="seen"/>, which it extends), from the best matches only: bm25 is computed for every match, but only
    /// the best <c>n</c> rowids are kept and turned into ids. Rows tied with the n-th are not all kept, so only those ranked
    /// strictly better are taken, and n doubles until enough are. <paramref name="bestRows"/> gets each hit's full-text row
    /// that ranks it (its best row; of rows ranked equal, the first), whose snippet the page shows. Those rows are a prefix
    /// of the full list's order whatever n is, so n changes only how often the pass runs, never the hits: it starts at
    /// <see cref="TieMargin"/> rows or the count again past the count (see there).
    /// </summary>
    private List<string> BestTextHits(string fts, int count, HashSet<string> seen, Dictionary<string, long> bestRows, int matches)
    {
        var hits = new List<string>();
        for (var n = Math.Max(count, 0) + Math.Max(count, TieMargin); count > 0; n *= 2)
        {
            var rows = BestRows(fts, n, matches);
            var complete = rows.Count < n;
            var taken = new HashSet<string>(seen, StringComparer.Ordinal);
            hits.Clear();
            bestRows.Clear();
            foreach (var (id, rank, row) in rows)
            {
                if (!complete && rank >= rows[^1].Rank)
                {
                    break;
                }

                if (taken.Add(id))
                {
                    hits.Add(id);
                    bestRows[id] = row;
                }
            }

            if (complete || hits.Count >= count)
            {
                break;
            }
        }

        var kept = hits.Take(Math.Max(count, 0)).ToList();
        seen.UnionWith(kept);
        return kept;
    }

    /// <summary>
    /// Rows ranked past a page's end at the first pass, at least. A word in most rows (bm25's idf then its floor, 1e-6)
    /// scores by its count and the row's length only, so rows tie in groups of tens: with 16 rows past the end, the second
    /// page of "Vragen" (100,000 documents) cut inside a group of 23, had only 35 rows strictly better than its 56th, and
    /// ran the whole bm25 pass twice (80,000 rows each). The pass costs the same for a LIMIT of 36 or 200 (every match is
    /// scored either way), so a wider margin is free.
    /// </summary>
    private const int TieMargin = 64;

    /// <summary>
    /// How many documents the full text matches, each once, leaving out <paramref name="listed"/> (listed above them as an
    /// id or a name). Every documents row has its one full-text row (the writer adds and deletes them together), so the
    /// count is the full-text index's own count of matching rows, less the rows of the listed ids and the second and later
    /// rows of an id stored in several rows: only those ids' rows are looked up, one by one, not every match's id (a
    /// common word matches 60,000 documents; turning each into its id and counting them distinct was half a search's time).
    /// </summary>
    private int CountTextHits(string fts, List<string> listed, int matches)
    {
        var shared = SharedDocumentIds();
        if (shared.Count > MaxSharedIds)
        {
            using var distinct = Command("""
                SELECT count(DISTINCT d.id) FROM documents_fts JOIN documents d INDEXED BY documents_rowid_id ON d.rowid = documents_fts.rowid
                WHERE documents_fts MATCH $q AND d.id NOT IN (SELECT value FROM json_each($listed))
                """, ("$q", fts), ("$listed", StoreJson.SqlList(listed)));
            return Convert.ToInt32(distinct.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        var count = matches;
        var left = new HashSet<string>(listed, StringComparer.Ordinal);
        var check = left.Concat(shared).Distinct(StringComparer.Ordinal).ToList();
        if (check.Count == 0)
        {
            return count;
        }

        using var cmd = Command("""
            SELECT d.id, count(*) FROM documents d INDEXED BY documents_id
            WHERE d.id IN (SELECT value FROM json_each($ids)) AND EXISTS (SELECT 1 FROM documents_fts f WHERE f.rowid = d.rowid AND f.documents_fts MATCH $q)
            GROUP BY d.id
            """, ("$ids", StoreJson.SqlList(check)), ("$q", fts));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var n = r.GetInt32(1);
            count -= left.Contains(r.GetString(0)) ? n : n - 1;
        }

        return count;
    }

    /// <summary>How many full-text rows the query matches (the index's own count, no row read).</summary>
    private int MatchingRows(string fts)
    {
        using var rows = Command("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH $q", ("$q", fts));
        return Convert.ToInt32(rows.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Past this many ids stored in several rows, <see cref="CountTextHits"/> counts the matches' ids distinct instead.</summary>
    private const int MaxSharedIds = 1000;

    /// <summary>The ids stored in more than one documents row (by the id index), read once per store version.</summary>
    private HashSet<string> SharedDocumentIds()
    {
        var version = CurrentVersion;
        if (_sharedIds is { } known && known.Version == version)
        {
            return known.Ids;
        }

        using var cmd = Command("SELECT id FROM documents INDEXED BY documents_id GROUP BY id HAVING count(*) > 1");
        using var r = cmd.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            ids.Add(r.GetString(0));
        }

        _sharedIds = (version, ids);
        return ids;
    }

    /// <summary>The query as a person's name: one to four plain words (no operators, quotes or wildcards), else null.</summary>
    private static string? PersonNameCandidate(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length is >= 1 and <= 4 && words.All(w => w is not ("OR" or "NOT" or "AND") && w.All(ch => char.IsLetter(ch) || ch is '-' or '\'' or '.'))
            ? string.Join(' ', words)
            : null;
    }

    private bool HasPersonNamed(string name)
    {
        using var cmd = Command("SELECT 1 FROM nodes WHERE label = $l AND name = $n COLLATE NOCASE LIMIT 1", ("$l", NodeLabel.Person), ("$n", name));
        return cmd.ExecuteScalar() is not null;
    }

    /// <summary>The node an id or alias names: a document (its aliases too), a cited document not in the corpus, a person, a dossier, … (case ignored).</summary>
    private string? ExactNode(string candidate, ICitationGraph? graph)
    {
        if (ResolveIdNow(candidate) is { } doc)
        {
            return doc;
        }

        if (graph is null)
        {
            return null;
        }

        if (graph.Find(candidate) is { } node)
        {
            return node.Id;
        }

        if (graph is IndexedGraph)
        {
            using var cmd = Command("SELECT id FROM rnodes WHERE id = $c COLLATE NOCASE ORDER BY rowid LIMIT 1", ("$c", candidate));
            return cmd.ExecuteScalar() as string;
        }

        return graph.Nodes.FirstOrDefault(n => string.Equals(n.Id, candidate, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    // The people of the graph whose (merged) name is this one; the indexed graph asks its name index for the candidates
    // (a merged name is one of its rows' names), the loaded graph looks at every node.
    private IEnumerable<GraphNode> PeopleNamed(ICitationGraph graph, string name)
    {
        IEnumerable<GraphNode> candidates = graph.Nodes;
        if (graph is IndexedGraph)
        {
            using var cmd = Command("SELECT DISTINCT id FROM rnodes WHERE label = $l AND name = $n COLLATE NOCASE", ("$l", NodeLabel.Person), ("$n", name));
            using var r = cmd.ExecuteReader();
            var ids = new List<string>();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }

            candidates = ids.Select(graph.Find).OfType<GraphNode>();
        }

        return candidates.Where(n => n.Label == NodeLabel.Person && string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase)).OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The best snippet of each listed document, with highlights as offsets into the plain text (no markup left in it): the
    /// snippet of its best-ranked full-text row. When the ranking already named those rows (<paramref name="bestRows"/>, from
    /// <see cref="BestTextHits"/>), only they are read, by rowid; else every matching row of the ids is ranked by bm25 here,
    /// which costs a pass over every match of the query (bm25 counts the documents that hold each word: 80,000 for "vragen").
    /// </summary>
    private Dictionary<string, SearchSnippet> Snippets(string fts, IReadOnlyList<string> ids, Dictionary<string, long>? bestRows)
    {
        var result = new Dictionary<string, SearchSnippet>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }

        if (bestRows is not null && ids.All(bestRows.ContainsKey))
        {
            var byRow = ids.ToDictionary(id => bestRows[id], id => id);
            using var rows = Command("""
                SELECT documents_fts.rowid, snippet(documents_fts, -1, char(2), char(3), '…', 16)
                FROM json_each($rows) j CROSS JOIN documents_fts ON documents_fts.rowid = j.value WHERE documents_fts MATCH $q
                """, ("$rows", StoreJson.SqlList(byRow.Keys)), ("$q", fts));
            using var rr = rows.ExecuteReader();
            while (rr.Read())
            {
                if (!rr.IsDBNull(1))
                {
                    result[byRow[rr.GetInt64(0)]] = SearchSnippet.FromMarked(rr.GetString(1), '\u0002', '\u0003');
                }
            }

            return result;
        }

        var names = ids.Select((_, i) => $"$i{i}").ToList();
        var args = ids.Select((id, i) => (names[i], (object?)id)).Prepend(("$q", fts)).ToArray();
        using var cmd = Command($"""
            SELECT d.id, snippet(documents_fts, -1, char(2), char(3), '…', 16) FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
            WHERE documents_fts MATCH $q AND documents_fts.rowid IN (SELECT rowid FROM documents WHERE id IN ({string.Join(", ", names)}))
            ORDER BY bm25(documents_fts, 5.0, 1.0)
            """, args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            if (!result.ContainsKey(r.GetString(0)) && !r.IsDBNull(1))
            {
                result[r.GetString(0)] = SearchSnippet.FromMarked(r.GetString(1), '\u0002', '\u0003');
            }
        }

        return result;
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

    public ICitationGraph Graph() => Read(GraphNow);

    /// <summary>The indexed graph when the resolved tables hold the current version, else (a store an older KvGraph built, not rebuilt since) the loaded one.</summary>
    private ICitationGraph GraphNow() => IndexedNow() ?? LoadGraphNow();

    private IndexedGraph? IndexedNow()
    {
        var version = CurrentVersion;
        if (_indexed is { } g && g.Version == version)
        {
            return g;
        }

        if (Schema.UserVersion(_connection) < 4 || Meta(ResolvedFacts.VersionKey) != version.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        var counts = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = Command("SELECT key, value FROM rcounts"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                counts[r.GetString(0)] = r.GetString(1);
            }
        }

        _indexed = new IndexedGraph(this, version, counts);
        return _indexed;
    }

    public StoreStats Stats() => Read(StatsNow);

    private StoreStats StatsNow()
    {
        // The graph's counts are Core's (Profiles.Counts), the same the explorer's start page shows; the indexed graph keeps
        // them from its last commit.
        var counts = IndexedNow() is { } indexed ? indexed.Counts : Profiles.Counts(LoadGraph());
        return new StoreStats
        {
            Files = Convert.ToInt32(Scalar("SELECT count(*) FROM files"), CultureInfo.InvariantCulture),
            FilesFailed = Convert.ToInt32(Scalar("SELECT count(*) FROM files WHERE status = 'failed'"), CultureInfo.InvariantCulture),
            Documents = counts.Documents,
            DocumentsByKind = counts.DocumentsByKind,
            Citations = counts.Citations,
            CitationsByKind = counts.CitationsByKind,
            Resolved = counts.Resolved,
            Unresolved = counts.Unresolved,
            Nodes = counts.Nodes,
            Edges = counts.Edges,
            Version = CurrentVersion,
        };
    }

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => Graph().Unresolved(limit);

    public IEnumerable<DocumentFacts> FactsChangedSince(long version)
    {
        var (resolver, raw) = ResolverFor(version);
        return FactsChangedSince(version, resolver, raw);
    }

    /// <summary><see cref="FactsChangedSince(long)"/> with the resolver already loaded (and the raw facts, when <see cref="ResolverFor"/> read them).</summary>
    internal IEnumerable<DocumentFacts> FactsChangedSince(long version, Resolver resolver, IReadOnlyList<DocumentFacts>? raw = null)
    {
        var (facts, people) = RawFactsChangedSince(version, raw);
        foreach (var f in facts)
        {
            yield return Resolve(f(), resolver, people);
        }
    }

    /// <summary>
    /// The change feed in two halves: the raw facts of the files changed after <paramref name="version"/>, in the feed's
    /// order (<paramref name="raw"/> when <see cref="ResolverFor"/> read them; otherwise the rows read from the store as
    /// enumerated, each file's properties parsed when it is asked for), and the person directory they are resolved with
    /// (<see cref="Resolve"/>). Asking for a file's facts and resolving them read only what was read, not the store.
    /// </summary>
    internal (IEnumerable<Func<DocumentFacts>> Raw, PersonDirectory People) RawFactsChangedSince(long version, IReadOnlyList<DocumentFacts>? raw)
    {
        // The scoped resolver's few files (raw read) read only the persons they can reach; a first build, or a store opened
        // read-only before schema step 7 (no person indexes), the whole directory.
        var people = raw is null || Schema.UserVersion(_connection) < 7 ? LoadPersonDirectory() : PersonDirectoryFor(raw);
        return (raw is null ? LoadRawRows(version).Select(r => (Func<DocumentFacts>)r.ToFacts) : raw.Select(f => (Func<DocumentFacts>)(() => f)), people);
    }

    /// <summary>One file's resolved facts, as the change feed gives them: a function of the raw facts, the resolver and the person directory alone.</summary>
    internal static DocumentFacts Resolve(DocumentFacts raw, Resolver resolver, PersonDirectory people) =>
        people.Apply(FactsResolver.Resolve(raw, resolver));

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
        // One statement: it reads one state of the table whether or not a read or write transaction is open.
        var list = new List<StoredFile>();
        var read = new FileRows();
        using var rows = Fast($"SELECT {FileColumns} FROM files ORDER BY path");
        rows.ForEachRow(r => list.Add(read.Read(r, 0)));
        return list;
    }

    /// <summary>The columns <see cref="FileRows.Read"/> reads, in its order.</summary>
    internal const string FileColumns = "path, hash, size, mtime, status, error, version, extractor";

    /// <summary>
    /// The one reader of <c>files</c> rows (the store's <see cref="Files"/> and a write session's own list), by direct column
    /// reads: every build reads all of them (100,000 at a time), and through <see cref="SqliteDataReader"/> (each value's type
    /// probed, the time parsed by the general "O" pattern) that was a third of a build in which one file changed. A status or
    /// extractor equal to the previous row's (nearly all are) is the same string, not a new one per row.
    /// </summary>
    internal sealed class FileRows
    {
        private readonly char[] _time = new char[64];
        private string _status = string.Empty, _extractor = string.Empty;
        private byte[] _statusBytes = [], _extractorBytes = [];

        /// <summary>A row selected with <see cref="FileColumns"/> starting at column <paramref name="at"/>.</summary>
        public StoredFile Read(FastStatement r, int at) => new(
            r.Text(at),
            r.Text(at + 1),
            r.Int64(at + 2),
            Mtime(r.Utf8(at + 3)),
            Same(r.Utf8(at + 4), ref _status, ref _statusBytes),
            r.IsNull(at + 5) ? null : r.Text(at + 5),
            r.Int64(at + 6),
            Same(r.Utf8(at + 7), ref _extractor, ref _extractorBytes));

        private DateTimeOffset Mtime(ReadOnlySpan<byte> utf8) =>
            utf8.Length <= _time.Length && System.Text.Ascii.ToUtf16(utf8, _time, out var n) == System.Buffers.OperationStatus.Done
                ? ReadMtime(_time.AsSpan(0, n))
                : ReadMtime(System.Text.Encoding.UTF8.GetString(utf8));

        private static string Same(ReadOnlySpan<byte> utf8, ref string last, ref byte[] lastBytes)
        {
            if (!utf8.SequenceEqual(lastBytes))
            {
                lastBytes = utf8.ToArray();
                last = System.Text.Encoding.UTF8.GetString(utf8);
            }

            return last;
        }
    }

    /// <summary>
    /// A stored modification time. The writer stores them in the round-trip form ("O") of a UTC time,
    /// <c>yyyy-MM-ddTHH:mm:ss.fffffff+00:00</c>, and every build reads all of them (100,000 at a time): that exact shape is
    /// read digit by digit (the general parse of the "O" pattern, per row, was a large part of reading the <c>files</c> table); anything else
    /// an older store holds is parsed as before.
    /// </summary>
    internal static DateTimeOffset ReadMtime(ReadOnlySpan<char> stored) =>
        RoundTripUtc(stored) is { } fast ? fast
        : DateTimeOffset.TryParseExact(stored, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact) ? exact
        : DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture);

    /// <summary>The UTC time <c>yyyy-MM-ddTHH:mm:ss.fffffff+00:00</c> (the "O" form of an offset-zero time) denotes, or null when <paramref name="s"/> is not exactly that, with a valid date and time.</summary>
    private static DateTimeOffset? RoundTripUtc(ReadOnlySpan<char> s)
    {
        if (s.Length != 33 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' || !s[27..].SequenceEqual("+00:00"))
        {
            return null;
        }

        static int Digits(ReadOnlySpan<char> d)
        {
            var n = 0;
            foreach (var c in d)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return -1;
                }

                n = (n * 10) + (c - '0');
            }

            return n;
        }

        int year = Digits(s[..4]), month = Digits(s[5..7]), day = Digits(s[8..10]), hour = Digits(s[11..13]), minute = Digits(s[14..16]), second = Digits(s[17..19]), fraction = Digits(s[20..27]);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59 || fraction < 0)
        {
            return null;
        }

        return new DateTimeOffset(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction), TimeSpan.Zero);
    }

    /// <remarks>
    /// Which file owns a document, and so which are copies, is decided among that document's own rows alone
    /// (<see cref="Resolver.Create"/>), so only the ids more than one row asserts are read, by index: a build's report
    /// asks this after every build that wrote a file, and loading every document's aliases for it was O(corpus).
    /// </remarks>
    public IReadOnlyList<DocumentCopies> Copies() => Read(() => (IReadOnlyList<DocumentCopies>)[.. Resolver.Create(
        LoadDocumentAliases("IN (SELECT id FROM documents GROUP BY id HAVING count(*) > 1)")).Copies]);

    public IReadOnlyList<DocumentCopies> Copies(IReadOnlyCollection<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count > IndexChunk)
        {
            return Copies();
        }

        // Which file owns a document is decided among that id's own rows: the ids the files assert, those more than one row asserts.
        var args = files.Select((p, i) => ($"$f{i}", (object?)p)).ToArray();
        var paths = string.Join(", ", args.Select(a => a.Item1));
        var shared = $"""
            SELECT d2.id FROM documents d2 WHERE d2.id IN (
                SELECT d1.id FROM documents d1 JOIN files f1 ON f1.id = d1.file_id WHERE f1.path IN ({paths}))
            GROUP BY d2.id HAVING count(*) > 1
            """;
        return Read<IReadOnlyList<DocumentCopies>>(() =>
        {
            // Usually no such id (a build after an edit): then the aliases, which have no index by document and are read
            // by a scan of the table (23 MB at 100,000 documents), are not read at all.
            using (var any = Command($"SELECT EXISTS({shared})", args))
            {
                if (Convert.ToInt64(any.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
                {
                    return [];
                }
            }

            return [.. Resolver.Create(LoadDocumentAliases($"IN ({shared})", null, args)).Copies];
        });
    }

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

    public void Dispose()
    {
        _side?.Dispose();
        _connection.Dispose();
    }

    /// <summary>
    /// Who each person mention is, over every file's people, person mentions (with their initials and first names) and
    /// memberships (<see cref="PersonDirectory"/>): the same directory <see cref="CitationGraphs.Assemble"/> builds.
    /// </summary>
    internal PersonDirectory LoadPersonDirectory()
    {
        var people = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        PersonNodes("1", people);
        PersonEdges("edges e", $"(e.type = '{EdgeType.MemberOf}' OR e.target LIKE 'person:%')", edges);
        return PersonDirectory.Of(people, edges);
    }

    /// <summary>
    /// The directory <see cref="LoadPersonDirectory"/> gives, exact for every person id <paramref name="raw"/>'s facts name
    /// (what <see cref="PersonDirectory.Apply"/> looks up for them), read by index (schema step 7): a person's short form
    /// is decided by the persons whose name shortens to its id (<c>person_short</c>) and the memberships of both, its
    /// namesakes by every mention of the surname and of its short form. So the ids read are closed under "shortens to" both
    /// ways (each id's own short form and the persons whose name shortens to it), and every person node, membership and
    /// mention of those ids is read: the directory over them answers for each of them as over the whole corpus.
    /// </summary>
    internal PersonDirectory PersonDirectoryFor(IEnumerable<DocumentFacts> raw)
    {
        var people = new List<GraphNode>();
        var ids = PersonClosure(raw.SelectMany(f => f.Nodes.Select(n => n.Id).Concat(f.Edges.SelectMany(e => new[] { e.Source, e.Target }))), people);
        return PersonDirectory.Of(people, PersonEdgesOf(ids, null));
    }

    /// <summary>
    /// The person ids of <paramref name="start"/> and every id reachable from them by "shortens to", either way (a
    /// person's own short form, the persons whose name shortens to it), over the files read well; their person nodes are
    /// added to <paramref name="people"/>.
    /// </summary>
    private HashSet<string> PersonClosure(IEnumerable<string> start, List<GraphNode> people)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frontier = start.Where(id => id.StartsWith(PersonIdentity.Prefix, StringComparison.Ordinal) && seen.Add(id)).ToList();
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var chunk in frontier.Chunk(IndexChunk))
            {
                var args = chunk.Select((id, i) => ($"$p{i}", (object?)id)).ToArray();
                var idsIn = $"IN ({string.Join(", ", args.Select(a => a.Item1))})";
                var found = people.Count;
                DistinctPersonNodes($"n.id {idsIn}", null, people, args);
                next.AddRange(people.Skip(found).Select(n => Schema.PersonShortForm(n.Name ?? n.Id)).OfType<string>().Where(seen.Add));
                using var cmd = Command($"SELECT p.id FROM person_short p JOIN files f ON f.id = p.file_id WHERE f.status = 'ok' AND p.short_id {idsIn}", args);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    if (seen.Add(r.GetString(0)))
                    {
                        next.Add(r.GetString(0));
                    }
                }
            }

            frontier = next;
        }

        return seen;
    }

    /// <summary>
    /// The memberships and the mentions with initials of <paramref name="ids"/> in the files read well (and, when
    /// <paramref name="except"/> is given, a condition over <c>f</c>, only in the files it keeps): what the directory reads of them.
    /// </summary>
    private List<GraphEdge> PersonEdgesOf(HashSet<string> ids, string? except)
    {
        var edges = new List<GraphEdge>();
        var also = except is null ? string.Empty : $" AND {except}";
        foreach (var chunk in ids.Chunk(IndexChunk))
        {
            var args = chunk.Select((id, i) => ($"$p{i}", (object?)id)).ToArray();
            var idsIn = $"IN ({string.Join(", ", args.Select(a => a.Item1))})";
            // A person's parties (the short-form rule) are a set: each (person, party) once. Only a mention with initials
            // counts towards namesakes (PersonDirectory.Of skips the others), and so only those are read whole.
            using (var cmd = Command($"""
                SELECT DISTINCT e.source, e.target FROM edges e INDEXED BY edges_member_of JOIN files f ON f.id = e.file_id
                WHERE f.status = 'ok' AND e.type = '{EdgeType.MemberOf}' AND e.source {idsIn}{also}
                """, args))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    edges.Add(new GraphEdge(r.GetString(0), r.GetString(1), EdgeType.MemberOf, new Dictionary<string, object?>()));
                }
            }

            PersonEdges("edges e INDEXED BY edges_member_of_initials", $"e.type = '{EdgeType.MemberOf}' AND {WithInitials} AND e.source {idsIn}{also}", edges, args);
            PersonEdges("edges e INDEXED BY edges_person_initials", $"e.type <> '{EdgeType.MemberOf}' AND {WithInitials} AND e.target {idsIn}{also}", edges, args);
        }

        return edges;
    }

    /// <summary>
    /// One row the person directory reads, under the person id it is read by: a person node (id, name), a membership (by
    /// its person) or a mention with initials (by the person it names), with what the directory reads of its properties.
    /// </summary>
    internal sealed record PersonRow(string Id, GraphNode? Node, GraphEdge? Edge)
    {
        /// <summary>The row as text: two rows with one key tell the directory the same.</summary>
        public string Key => Node is { } n
            ? $"node\u0001{n.Id}\u0001{n.Name}"
            : $"edge\u0001{Edge!.Type}\u0001{Edge.Source}\u0001{Edge.Target}\u0001{Prop(PersonMention.InitialsProperty)}\u0001{Prop(PersonMention.FirstNameProperty)}\u0001{Prop("date")}";

        private string Prop(string key) => Edge!.Properties.GetValueOrDefault(key) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty : "\u0002";
    }

    /// <summary>The rows of one file (when read well) that the person directory reads (<see cref="PersonRow"/>).</summary>
    internal List<PersonRow> PersonRowsOf(long fileId)
    {
        var nodes = new List<GraphNode>();
        var edges = new List<GraphEdge>();
        PersonNodes("n.file_id = $f", nodes, ("$f", fileId));
        PersonEdges("edges e", $"e.file_id = $f AND (e.type = '{EdgeType.MemberOf}' OR {WithInitials})", edges, ("$f", fileId));
        bool IsPerson(string id) => id.StartsWith(PersonIdentity.Prefix, StringComparison.Ordinal);
        return
        [
            .. nodes.Select(n => new PersonRow(n.Id, n, null)),
            .. edges.Where(e => e.Type == EdgeType.MemberOf ? IsPerson(e.Source) : IsPerson(e.Target))
                .Select(e => new PersonRow(e.Type == EdgeType.MemberOf ? e.Source : e.Target, null, e)),
        ];
    }

    /// <summary>
    /// The person ids, among those <paramref name="changed"/> can reach (<see cref="PersonClosure"/>), whose mentions the
    /// directory now puts on someone else than before the write session changed some files' person rows: before, those
    /// files (<paramref name="rewritten"/>, by their current ids) held <paramref name="before"/> (nothing, for a new one).
    /// <paramref name="changed"/> holds every id whose rows differ and the short forms of their names before and after,
    /// so the ids reached now are closed under "shortens to" before the change as well, and both directories, each over
    /// the rows of those ids, answer for each of them as over the whole store (<see cref="PersonDirectoryFor"/>).
    /// </summary>
    internal List<string> PersonsDecidedAnew(IEnumerable<string> changed, IReadOnlyCollection<long> rewritten, IEnumerable<PersonRow> before)
    {
        var people = new List<GraphNode>();
        var ids = PersonClosure(changed, people);
        var now = PersonDirectory.Of(people, PersonEdgesOf(ids, null));

        using (var cmd = Command("CREATE TEMP TABLE IF NOT EXISTS person_rewritten(file_id INTEGER PRIMARY KEY)"))
        {
            cmd.ExecuteNonQuery();
        }

        using (var cmd = Command("DELETE FROM temp.person_rewritten"))
        {
            cmd.ExecuteNonQuery();
        }

        foreach (var id in rewritten)
        {
            using var cmd = Command("INSERT OR IGNORE INTO temp.person_rewritten(file_id) VALUES ($f)", ("$f", id));
            cmd.ExecuteNonQuery();
        }

        const string Kept = "f.id NOT IN (SELECT file_id FROM temp.person_rewritten)";
        var oldPeople = new List<GraphNode>();
        foreach (var chunk in ids.Chunk(IndexChunk))
        {
            var args = chunk.Select((id, i) => ($"$p{i}", (object?)id)).ToArray();
            DistinctPersonNodes($"n.id IN ({string.Join(", ", args.Select(a => a.Item1))})", Kept, oldPeople, args);
        }

        var oldEdges = PersonEdgesOf(ids, Kept);
        foreach (var row in before.Where(r => ids.Contains(r.Id)))
        {
            if (row.Node is { } n)
            {
                oldPeople.Add(n);
            }
            else
            {
                oldEdges.Add(row.Edge!);
            }
        }

        var then = PersonDirectory.Of(oldPeople, oldEdges);
        return [.. ids.Where(id => then.Describe(id) != now.Describe(id)).Order(StringComparer.Ordinal)];
    }

    /// <summary>The condition of schema step 7's partial indexes of the edges with initials (written as they are, so the planner matches them).</summary>
    private const string WithInitials = $"json_extract(e.props, '$.{PersonMention.InitialsProperty}') IS NOT NULL";

    /// <summary>The person nodes (id, name) of files read well that <paramref name="where"/> (over <c>n</c>) picks, added to <paramref name="into"/>; distinct pairs: <see cref="DistinctPersonNodes"/>.</summary>
    private void PersonNodes(string where, List<GraphNode> into, params (string Name, object? Value)[] args)
    {
        using var cmd = Command($"SELECT n.id, n.name FROM nodes n JOIN files f ON f.id = n.file_id WHERE f.status = 'ok' AND n.label = '{NodeLabel.Person}' AND {where}", args);
        ReadPersonNodes(cmd, into);
    }

    // Person nodes selected as (id, name).
    private static void ReadPersonNodes(SqliteCommand cmd, List<GraphNode> into)
    {
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            into.Add(new GraphNode(r.GetString(0), NodeLabel.Person, r.IsDBNull(1) ? null : r.GetString(1), new Dictionary<string, object?>()));
        }
    }

    /// <summary>
    /// The distinct person nodes (id, name) that <paramref name="ids"/> (over <c>n</c>) picks and that a file read well
    /// holds (and, when <paramref name="onFile"/> is given, a condition over <c>f</c>, a file it keeps), added to
    /// <paramref name="into"/> in the index's order, as <c>SELECT DISTINCT</c> over the rows joined with their files gave
    /// them: the pairs are read from <c>nodes_person</c> alone, and each is kept when one of its rows is in such a file.
    /// A person named in most files (the minister who answers) has a row in each: testing every row's file was 0.09 s of
    /// each commit at 100,000 documents, and one file of the pair is usually the first row's.
    /// </summary>
    private void DistinctPersonNodes(string ids, string? onFile, List<GraphNode> into, params (string Name, object? Value)[] args)
    {
        var also = onFile is null ? string.Empty : $" AND {onFile}";
        using var cmd = Command($"""
            SELECT d.id, d.name FROM (SELECT DISTINCT n.id, n.name FROM nodes n INDEXED BY nodes_person WHERE n.label = '{NodeLabel.Person}' AND {ids}) d
            WHERE EXISTS (SELECT 1 FROM nodes n INDEXED BY nodes_person JOIN files f ON f.id = n.file_id
                WHERE n.label = '{NodeLabel.Person}' AND n.id = d.id AND n.name IS d.name AND f.status = 'ok'{also})
            """, args);
        ReadPersonNodes(cmd, into);
    }

    /// <summary>The edges of files read well that <paramref name="where"/> (over <c>e</c>, read from <paramref name="from"/>) picks, with what the directory reads of their properties, added to <paramref name="into"/>.</summary>
    private void PersonEdges(string from, string where, List<GraphEdge> into, params (string Name, object? Value)[] args)
    {
        using var cmd = Command($"""
            SELECT e.source, e.target, e.type, json_extract(e.props, '$.{PersonMention.InitialsProperty}'), json_extract(e.props, '$.{PersonMention.FirstNameProperty}'), json_extract(e.props, '$.date')
            FROM {from} JOIN files f ON f.id = e.file_id WHERE f.status = 'ok' AND {where}
            """, args);
        using var r = cmd.ExecuteReader();
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

            into.Add(new GraphEdge(r.GetString(0), r.GetString(1), r.GetString(2), props));
        }
    }

    /// <summary>Every document's aliases, for resolution. O(documents).</summary>
    internal Resolver LoadResolver()
    {
        var docs = LoadDocumentAliases(null);

        // Letter mentions, so the resolver can tell letters of one day and sender apart (LetterIdentity).
        var letters = new List<LetterMention>();
        LetterMentions("e.target >= 'letter:' AND e.target < 'letter;'", letters);
        return Resolver.Create(docs, letters);
    }

    /// <summary>The letter mentions (CITES edges of files read well) whose target <paramref name="where"/> picks, added to <paramref name="into"/>.</summary>
    internal void LetterMentions(string where, List<LetterMention> into, params (string Name, object? Value)[] args)
    {
        using var cmd = Command($"""
            SELECT e.target, json_extract(e.props, '$.reference'), json_extract(e.props, '$.subject'), e.source
            FROM edges e JOIN files f ON f.id = e.file_id
            WHERE f.status = 'ok' AND e.type = 'CITES' AND {where}
            """, args);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            into.Add(new LetterMention(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)));
        }
    }

    /// <summary>
    /// The resolver the change feed resolves the files changed after <paramref name="version"/> with: for a few files, one
    /// of only the documents and mentions that decide them (<see cref="ResolverScope"/>, read by index), with their raw
    /// facts; for many (a first build), the whole one (<see cref="LoadResolver"/>), whose reads are scans in one pass each.
    /// </summary>
    internal (Resolver Resolver, IReadOnlyList<DocumentFacts>? Raw) ResolverFor(long version)
    {
        var changed = Convert.ToInt64(Scalar($"SELECT count(*) FROM files WHERE status = 'ok' AND version > {version.ToString(CultureInfo.InvariantCulture)}"), CultureInfo.InvariantCulture);
        var all = Convert.ToInt64(Scalar("SELECT count(*) FROM files WHERE status = 'ok'"), CultureInfo.InvariantCulture);
        if (changed > ScopedFiles && changed * 20 > all)
        {
            return (LoadResolver(), null);
        }

        var raw = LoadRawFacts(version).ToList();
        return (ResolverScope.For(raw, new SqliteResolverIndex(this)), raw);
    }

    /// <summary>Up to how many changed files (or a twentieth of the files) the commit resolves with a scoped resolver.</summary>
    internal const int ScopedFiles = 64;

    /// <summary>
    /// Every document row with its aliases, or (<paramref name="idsIn"/>, an SQL <c>IN (…)</c> over ids with its
    /// <paramref name="args"/>) those of some ids; <paramref name="fileIdsIn"/> (an <c>IN (…)</c> over the files that hold
    /// those rows) lets the aliases be read through their index by file instead of a scan.
    /// </summary>
    private List<DocumentAliases> LoadDocumentAliases(string? idsIn, string? fileIdsIn = null, params (string Name, object? Value)[] args)
    {
        var aliases = new Dictionary<(long File, string Doc), List<AliasEntry>>();
        using (var cmd = Command("SELECT file_id, doc_id, alias, priority FROM aliases WHERE priority > 0"
            + (idsIn is null ? string.Empty : " AND doc_id " + idsIn) + (fileIdsIn is null ? string.Empty : " AND file_id " + fileIdsIn), args))
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
        using (var cmd = Command("SELECT d.file_id, d.id, d.kind, f.path, d.is_primary, d.weight, d.date, d.sponsors, d.title FROM documents d JOIN files f ON f.id = d.file_id"
            + (idsIn is null ? string.Empty : " WHERE d.id " + idsIn), args))
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

        return docs;
    }

    /// <summary>Every document row of <paramref name="ids"/>, of every file, with its aliases: by index (documents_id, then aliases_file).</summary>
    internal List<DocumentAliases> DocumentAliasesOf(IReadOnlyCollection<string> ids)
    {
        var docs = new List<DocumentAliases>();
        foreach (var chunk in ids.Chunk(IndexChunk))
        {
            var args = chunk.Select((id, i) => ($"$k{i}", (object?)id)).ToArray();
            var idsIn = $"IN ({string.Join(", ", args.Select(a => a.Item1))})";
            var files = new List<long>();
            using (var cmd = Command($"SELECT DISTINCT file_id FROM documents WHERE id {idsIn}", args))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    files.Add(r.GetInt64(0));
                }
            }

            if (files.Count > 0)
            {
                docs.AddRange(LoadDocumentAliases(idsIn, $"IN ({string.Join(", ", files.Select(f => f.ToString(CultureInfo.InvariantCulture)))})", args));
            }
        }

        return docs;
    }

    /// <summary>How many keys one indexed lookup of the commit binds at most.</summary>
    internal const int IndexChunk = 400;

    /// <summary>
    /// The raw facts of every file (or of files changed after <paramref name="sinceVersion"/>), file by file in path
    /// order, read <see cref="RawFactsChunk"/> files at a time: a first build's commit resolves every file, and holding
    /// all their facts at once was most of its peak memory (3.4 GB at 100,000 files).
    /// </summary>
    internal IEnumerable<DocumentFacts> LoadRawFacts(long? sinceVersion) => LoadRawRows(sinceVersion).Select(r => r.ToFacts());

    /// <summary>One file's raw rows as stored, its nodes' and edges' properties still JSON (<see cref="StoreJson.TypedProps"/>).</summary>
    internal sealed record RawRows(string Path, List<string> Docs, List<(string Id, string Label, string? Name, string Props)> Nodes, List<(string Source, string Target, string Type, string Props)> Edges)
    {
        /// <summary>The file's raw facts, its properties parsed (<see cref="StoreJson.ReadTypedProps"/>).</summary>
        public DocumentFacts ToFacts() => new(
            Path,
            Docs,
            [.. Nodes.Select(n => new GraphNode(n.Id, n.Label, n.Name, StoreJson.ReadTypedProps(n.Props)))],
            [.. Edges.Select(e => new GraphEdge(e.Source, e.Target, e.Type, StoreJson.ReadTypedProps(e.Props)))]);
    }

    /// <summary>The rows of <see cref="LoadRawFacts"/>, their properties not parsed yet.</summary>
    internal IEnumerable<RawRows> LoadRawRows(long? sinceVersion)
    {
        var filter = sinceVersion is null ? string.Empty : " AND f.version > $v";
        (string Name, object? Value)[] args = sinceVersion is { } v ? [("$v", v)] : [];
        var paths = new List<(long Id, string Path)>();
        using (var cmd = Command($"SELECT f.id, f.path FROM files f WHERE f.status = 'ok'{filter}", args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                paths.Add((r.GetInt64(0), r.GetString(1)));
            }
        }

        paths.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        foreach (var chunk in paths.Chunk(RawFactsChunk))
        {
            foreach (var rows in LoadRawRowsOf(chunk))
            {
                yield return rows;
            }
        }
    }

    /// <summary>How many files' raw facts <see cref="LoadRawFacts(long?)"/> holds at once.</summary>
    internal const int RawFactsChunk = 512;

    /// <remarks>
    /// Read through <see cref="FastStatement"/> (the column values straight from SQLite, no per-value type probing and
    /// no handle reference count per call as <see cref="SqliteDataReader"/> does): a first build's commit reads every raw
    /// row of the store back here, on the thread the commit waits on.
    /// </remarks>
    private List<RawRows> LoadRawRowsOf((long Id, string Path)[] chunk)
    {
        var files = new Dictionary<long, RawRows>();
        foreach (var (id, path) in chunk)
        {
            files[id] = new RawRows(path, [], [], []);
        }

        var ids = string.Join(", ", chunk.Select(f => f.Id.ToString(CultureInfo.InvariantCulture)));
        using (var docs = Fast($"SELECT d.file_id, d.id FROM documents d WHERE d.file_id IN ({ids}) ORDER BY d.rowid"))
        {
            docs.ForEachRow(r => files[r.Int64(0)].Docs.Add(r.Text(1)));
        }

        using (var nodes = Fast($"SELECT n.file_id, n.id, n.label, n.name, n.props FROM nodes n WHERE n.file_id IN ({ids}) ORDER BY n.rowid"))
        {
            nodes.ForEachRow(r => files[r.Int64(0)].Nodes.Add((r.Text(1), r.Text(2), r.IsNull(3) ? null : r.Text(3), r.Text(4))));
        }

        using (var edges = Fast($"SELECT e.file_id, e.source, e.target, e.type, e.props FROM edges e WHERE e.file_id IN ({ids}) ORDER BY e.rowid"))
        {
            edges.ForEachRow(r => files[r.Int64(0)].Edges.Add((r.Text(1), r.Text(2), r.Text(3), r.Text(4))));
        }

        return [.. chunk.Select(f => files[f.Id])];
    }

    /// <summary>Runs <paramref name="action"/> with this store's reads inside the writer's transaction <paramref name="tx"/>.</summary>
    internal void Within(SqliteTransaction tx, Action action)
    {
        var outer = _read;
        _read = tx;
        try
        {
            action();
        }
        finally
        {
            _read = outer;
        }
    }

    /// <summary>One read of the indexed graph, in a read transaction of its own unless one is under way.</summary>
    internal T ReadIndexed<T>(Func<T> read) => Read(read);

    internal string? Meta(string key)
    {
        using var cmd = Command("SELECT value FROM meta WHERE key = $k", ("$k", key));
        return cmd.ExecuteScalar() as string;
    }

    internal void SetMeta(string key, string value)
    {
        using var cmd = Command("INSERT INTO meta(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", ("$k", key), ("$v", value));
        cmd.ExecuteNonQuery();
    }

    /// <summary>A statement run many times inside the current transaction, values bound by position (<see cref="FastStatement"/>).</summary>
    internal FastStatement Fast(string sql) => new(_connection, sql);

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
