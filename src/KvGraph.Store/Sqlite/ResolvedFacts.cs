using System.Globalization;
using System.Text.Json;
using KvGraph.Core.Entities.People;
using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;
using Microsoft.Data.Sqlite;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// Keeps the store's resolved graph tables (schema step 4: <c>rnodes</c>, <c>redges</c>, <c>rfeatures</c>, <c>rcases</c>,
/// <c>rcounts</c>) in step with the raw facts, inside the build's transaction, so queries read the graph by index
/// (<see cref="IndexedGraph"/>) instead of assembling it. Per file they hold exactly what the change feed
/// (<see cref="SqliteKvStore.FactsChangedSince(long)"/>) gives for it, the facts pushed to Neo4j; only the files the feed marks
/// since the tables were last brought up to date are rewritten, and the rows of removed or failed files dropped. Then
/// the few whole-graph figures are brought up to date: the cases and populations <see cref="Relatedness"/> ranks with, and
/// the counts <c>stats</c> prints; recomputed over every row, or, when the rewritten files' documents, answers and features
/// are as they were, only the counts moved by those files' rows (<c>CountsAfter</c>).
/// </summary>
internal static class ResolvedFacts
{
    /// <summary>The meta key holding the store version the tables reflect.</summary>
    public const string VersionKey = "resolved-version";

    /// <summary>rcounts key of the case count.</summary>
    public const string CasesKey = "cases";

    /// <summary>rcounts key of the <see cref="CorpusCounts"/> (JSON).</summary>
    public const string CountsKey = "counts";

    /// <summary>The labels of the nodes that are documents (the cases and the document counts read their rows).</summary>
    private static readonly string[] DocumentLabelList =
        [NodeLabel.Document, NodeLabel.Question, NodeLabel.Answer, NodeLabel.Letter, NodeLabel.Motion, NodeLabel.Kamerstuk, NodeLabel.Handelingen, NodeLabel.Deferral];

    private static readonly string DocumentLabels = string.Join(", ", DocumentLabelList.Select(l => $"'{l}'"));

    private static readonly HashSet<string> DocumentLabelSet = new(DocumentLabelList, StringComparer.Ordinal);

    /// <summary>rcounts key of one population.</summary>
    public static string PopulationKey(string edgeType, string? label) => $"population:{edgeType}:{label}";

    /// <summary>
    /// Brings the tables to <paramref name="version"/> (the version the build commits). Called once, from the writer's
    /// commit, after it marked the files whose resolved facts changed. <paramref name="beforeLabelLookup"/> runs before
    /// each look-up of a node's label by id in <c>rnodes</c> (a first build makes <c>rnodes_keys</c> there, only if one
    /// is needed); <paramref name="filled"/> once the resolved rows are written, before the whole-graph figures read
    /// them (a first build makes the resolved tables' indexes there, so those reads, DISTINCT ids among them, use them).
    /// </summary>
    public static void Update(SqliteKvStore store, SqliteTransaction tx, long version, Action beforeLabelLookup, Action filled) =>
        store.Within(tx, () => UpdateNow(store, version, beforeLabelLookup, filled));

    private static void UpdateNow(SqliteKvStore store, long version, Action beforeLabelLookup, Action filled)
    {
        var done = store.Meta(VersionKey) is { } v ? long.Parse(v, CultureInfo.InvariantCulture) : (long?)null;
        if (done == version)
        {
            return;
        }

        var since = done ?? 0;
        if (done is null)
        {
            foreach (var table in new[] { "rnodes", "redges", "rfeatures", "rfiles" })
            {
                Exec(store, $"DELETE FROM {table}");
            }
        }

        // Files rewritten since, and files gone or failed.
        Exec(store, StaleTable);
        Exec(store, "DELETE FROM rstale");
        Exec(store, "INSERT OR IGNORE INTO rstale SELECT file_id FROM rfiles WHERE file_id NOT IN (SELECT id FROM files WHERE status = 'ok')");
        Exec(store, "INSERT OR IGNORE INTO rstale SELECT id FROM files WHERE version > $s", ("$s", since));
        var before = done is null ? null : WholeGraphInputs(store);
        var beforeCases = done is null ? null : CaseInputs(store);
        var beforeRows = beforeCases is null || Scalar(store, "SELECT count(*) FROM rstale") > DeltaFiles ? null : StaleRows.Read(store);
        foreach (var table in new[] { "rnodes", "redges", "rfeatures", "rfiles" })
        {
            Exec(store, $"DELETE FROM {table} WHERE file_id IN (SELECT file_id FROM rstale)");
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = store.Command("SELECT id, path FROM files WHERE status = 'ok' AND version > $s", ("$s", since)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                ids[r.GetString(1)] = r.GetInt64(0);
            }
        }

        using var node = store.Fast("INSERT INTO rnodes(file_id, seq, id, label, name, props) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        using var edge = store.Fast("INSERT INTO redges(file_id, seq, source, target, type, positioned, props) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        using var feature = store.Fast("INSERT INTO rfeatures(file_id, doc, type, label) VALUES (?1, ?2, ?3, ?4)");
        using var file = store.Fast("INSERT OR IGNORE INTO rfiles(file_id) VALUES (?1)");
        // A few changed files are resolved against only what decides them (SqliteKvStore.ResolverFor): its merges are
        // still the whole corpus's (ResolverScope), so rmerged below is rewritten from them as from the whole resolver.
        var (resolver, raw) = store.ResolverFor(since);
        var (feed, people) = store.RawFactsChangedSince(since, raw);

        // Every file rewritten (a first build): the whole-graph figures are computed from the rows as they are written.
        var tally = done is null ? new WholeGraphTally(ids, DocumentLabelSet) : null;
        foreach (var (facts, nodeProps, edgeProps) in Resolved(feed, resolver, people, tally))
        {
            if (!ids.TryGetValue(facts.File, out var fileId))
            {
                continue;
            }

            file.Run(fileId);
            var seq = 0;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var n in facts.Nodes)
            {
                labels.TryAdd(n.Id, n.Label);
                node.Run(fileId, seq, n.Id, n.Label, n.Name, nodeProps[seq]);
                seq++;
            }

            seq = 0;
            var features = new HashSet<(string, string, string)>();
            foreach (var e in facts.Edges)
            {
                edge.Run(fileId, seq, e.Source, e.Target, e.Type, e.Properties.ContainsKey("start") ? 1 : 0, edgeProps[seq]);
                seq++;
                if (e.Source == e.Target || !Relatedness.CountsForRelatedness(e))
                {
                    continue;
                }

                foreach (var (type, label) in Relatedness.PopulationKeys.Where(k => k.EdgeType == e.Type))
                {
                    if (label is null || (labels.GetValueOrDefault(e.Target) ?? LabelOf(store, e.Target, beforeLabelLookup)) == label)
                    {
                        features.Add((e.Source, type, label ?? string.Empty));
                    }
                }
            }

            foreach (var (doc, type, label) in features)
            {
                feature.Run(fileId, doc, type, label);
                tally?.AddFeature(doc, type, label);
            }
        }

        Exec(store, "DELETE FROM rmerged");
        using (var merged = store.Fast("INSERT OR REPLACE INTO rmerged(id, into_id) VALUES (?1, ?2)"))
        {
            foreach (var m in resolver.Merges)
            {
                merged.Run(m.From, m.Into);
            }
        }

        // A first build's figures from the tally need nothing of the store but the files' path order: they are computed
        // on another core while this thread makes the resolved tables' indexes (filled), where the other core had idled.
        Task<WholeGraphFigures>? fromTally = null;
        if (before is null && tally is { Usable: true })
        {
            var rank = FileRanks(store);
            fromTally = Task.Run(() => Figures(store, rank, tally));
        }

        filled();
        if (fromTally is not null)
        {
            WriteFigures(store, fromTally.GetAwaiter().GetResult());
        }

        // The whole-graph figures are functions of the rows WholeGraphInputs reads, summed over every file: when the
        // rewritten files' rows are the same as before (a change to a document's text, not to its identity, answers or
        // citations), every figure is too, and the scans of the whole graph are skipped.
        else if (before is null || before != WholeGraphInputs(store))
        {
            // When what the cases, populations and document counts read is the same (a citation added to or dropped
            // from a text, the usual edit), only the counts of edges, citations and nodes move: by the rewritten
            // files' rows before and after, and an index look-up of each key they gain or lose elsewhere.
            var delta = beforeRows is not null && beforeCases == CaseInputs(store) ? CountsAfter(store, beforeRows) : null;
            if (delta is not null)
            {
                Exec(store, "UPDATE rcounts SET value = $v WHERE key = $k", ("$k", CountsKey), ("$v", delta));
            }
            else
            {
                WriteFigures(store, Figures(store, FileRanks(store), null));
            }
        }

        store.SetMeta(VersionKey, version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>One file's resolved facts with the JSON of each node's and edge's properties (<see cref="StoreJson.TypedProps"/>), in their order.</summary>
    private readonly record struct ResolvedFile(DocumentFacts Facts, string[] NodeProps, string[] EdgeProps);

    /// <summary>How many files one hand-over of <see cref="Resolved"/> holds.</summary>
    private const int ResolveBatch = 256;

    /// <summary>
    /// The files of <paramref name="feed"/> parsed and resolved (<see cref="SqliteKvStore.Resolve"/>) with their properties
    /// as JSON, in the feed's order. That work needs only the file's raw rows, the resolver and the person directory, which
    /// it only reads; the store is read (the feed) and written (the caller) on this thread alone. So batches of files are resolved
    /// on one other thread, one batch after the other (never two at once), while this thread reads the next batch from the
    /// store and inserts the rows of the last: a first build's commit did the four in turn on one core while the other
    /// stood idle. At most three batches are held. <paramref name="tally"/>, when given, is handed each resolved file on
    /// that thread too (the batches one after the other, so it is never touched by two at once).
    /// </summary>
    private static IEnumerable<ResolvedFile> Resolved(IEnumerable<Func<DocumentFacts>> feed, Resolver resolver, PersonDirectory people, WholeGraphTally? tally)
    {
        static ResolvedFile[] Prepare(Func<DocumentFacts>[] batch, Resolver resolver, PersonDirectory people, WholeGraphTally? tally) =>
        [
            .. batch.Select(raw => SqliteKvStore.Resolve(raw(), resolver, people)).Select(f =>
            {
                tally?.AddFile(f);
                return new ResolvedFile(f, [.. f.Nodes.Select(n => StoreJson.TypedProps(n.Properties))], [.. f.Edges.Select(e => StoreJson.TypedProps(e.Properties))]);
            }),
        ];

        var pending = new Queue<Task<ResolvedFile[]>>();
        Task<ResolvedFile[]>? last = null;
        foreach (var batch in feed.Chunk(ResolveBatch))
        {
            last = last is null
                ? Task.Run(() => Prepare(batch, resolver, people, tally))
                : last.ContinueWith(_ => Prepare(batch, resolver, people, tally), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            pending.Enqueue(last);
            while (pending.Count > 2)
            {
                foreach (var f in pending.Dequeue().GetAwaiter().GetResult())
                {
                    yield return f;
                }
            }
        }

        while (pending.Count > 0)
        {
            foreach (var f in pending.Dequeue().GetAwaiter().GetResult())
            {
                yield return f;
            }
        }
    }

    /// <summary>
    /// A digest of the rewritten files' (<c>rstale</c>) rows that the whole-graph figures read: document nodes with the
    /// properties the cases read, node ids and labels, edges with the properties the counts read, and features.
    /// </summary>
    private static string WholeGraphInputs(SqliteKvStore store) => Digest(store,
        "SELECT n.file_id, n.seq, n.id, n.label, json_extract(n.props, '$.zaak'), json_extract(n.props, '$.kind') FROM rnodes n WHERE n.file_id IN (SELECT file_id FROM rstale) ORDER BY n.file_id, n.seq",
        "SELECT e.file_id, e.seq, e.source, e.target, e.type, e.positioned, json_extract(e.props, '$.kind') FROM redges e WHERE e.file_id IN (SELECT file_id FROM rstale) ORDER BY e.file_id, e.seq",
        StaleFeatures);

    // The rewritten files' features in a fixed order: both digests read them (every figure but the counts reads them).
    private const string StaleFeatures = "SELECT f.file_id, f.doc, f.type, f.label FROM rfeatures f WHERE f.file_id IN (SELECT file_id FROM rstale) ORDER BY f.file_id, f.doc, f.type, f.label";

    /// <summary>
    /// The most rewritten files whose rows a commit keeps in memory to move the counts by delta; above it the counts
    /// are recomputed whole (a large change touches so many keys that the look-ups would cost more than the scans).
    /// </summary>
    private const int DeltaFiles = 1000;

    /// <summary>
    /// A digest of the rewritten files' (<c>rstale</c>) rows that everything but the edge, citation and node counts
    /// reads: the document nodes in file order with the properties the cases and kinds read (so the real documents,
    /// their kinds and whether a citation is resolved), the ANSWERS edges and the features. Equal before and after:
    /// the cases, the populations, the case count and the document counts are as they were.
    /// The label test is kept off the indexes (<c>+n.label</c>): offered <c>rnodes_label_name</c>, SQLite read every
    /// document row of the corpus (180,000 at 100,000 documents, each a look-up of its row for the file) to keep the few
    /// of the rewritten files, 0.4 s per digest and two digests per commit; by <c>rnodes_file</c> it reads those files' rows.
    /// </summary>
    private static string CaseInputs(SqliteKvStore store) => Digest(store,
        StaleDocuments,
        "SELECT e.file_id, e.source, e.target FROM redges e WHERE e.file_id IN (SELECT file_id FROM rstale) AND e.type = 'ANSWERS' ORDER BY e.file_id, e.seq",
        StaleFeatures);

    /// <summary>
    /// Whether a file other than the rewritten ones has an edge counted once under the key (source ?1, type ?2, target ?3).
    /// Read by the source (<c>redges_source</c>; <c>+target</c> keeps SQLite off <c>redges_target</c>): the source of such
    /// an edge is its specific end (a document, a cited text, a person) and the target the shared one (a dossier, a party, a
    /// person who answers), so by the target a citation added to a text of a large dossier looked up the row of every
    /// edge into that dossier (34,529 at 100,000 documents: 0.3 s), by the source those of the cited text alone.
    /// </summary>
    internal const string EdgeElsewhere = "SELECT EXISTS(SELECT 1 FROM redges WHERE source = ?1 AND type = ?2 AND +target = ?3 AND (positioned = 0 OR type = 'MEMBER_OF') AND file_id NOT IN (SELECT file_id FROM rstale))";

    /// <summary>The temporary table of the files a commit rewrites (or drops), by id.</summary>
    internal const string StaleTable = "CREATE TEMP TABLE IF NOT EXISTS rstale(file_id INTEGER PRIMARY KEY)";

    /// <summary><see cref="CaseInputs"/>' document rows of the rewritten files, in file order.</summary>
    internal static readonly string StaleDocuments =
        $"SELECT n.file_id, n.id, n.label, json_extract(n.props, '$.zaak'), json_extract(n.props, '$.kind') FROM rnodes n WHERE n.file_id IN (SELECT file_id FROM rstale) AND +n.label IN ({DocumentLabels}) ORDER BY n.file_id, n.seq";

    private static string Digest(SqliteKvStore store, params string[] queries)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var sql in queries)
        {
            using var cmd = store.Command(sql);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var value = r.IsDBNull(i) ? "\u0001" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
                    hash.AppendData(System.Text.Encoding.UTF8.GetBytes(value + "\u0000"));
                }

                hash.AppendData("\n"u8);
            }

            hash.AppendData("\u0002"u8);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The rewritten files' (<c>rstale</c>) edges, node ids and asserted (non-placeholder) node ids, as the counts read them.</summary>
    private sealed class StaleRows
    {
        public List<(string Source, string Target, string Type, bool Positioned, string? Kind)> Edges { get; } = [];

        public HashSet<string> NodeIds { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Asserted { get; } = new(StringComparer.Ordinal);

        public static StaleRows Read(SqliteKvStore store)
        {
            var rows = new StaleRows();
            using (var cmd = store.Command("SELECT source, target, type, positioned, CASE WHEN type = 'CITES' THEN json_extract(props, '$.kind') END FROM redges WHERE file_id IN (SELECT file_id FROM rstale)"))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    rows.Edges.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3) == 1, r.IsDBNull(4) ? null : r.GetString(4)));
                }
            }

            using (var cmd = store.Command($"SELECT id, label <> '{NodeLabel.Placeholder}' FROM rnodes WHERE file_id IN (SELECT file_id FROM rstale)"))
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    rows.NodeIds.Add(r.GetString(0));
                    if (r.GetInt64(1) == 1)
                    {
                        rows.Asserted.Add(r.GetString(0));
                    }
                }
            }

            return rows;
        }

        /// <summary>
        /// The key an edge is counted once under in <c>Counts</c>' edge count: MEMBER_OF once per person and party, another
        /// structural (unpositioned) edge once per source, target and type; null for a positioned edge, counted each.
        /// </summary>
        public static (string Source, string Target, string Type)? EdgeKey((string Source, string Target, string Type, bool Positioned, string? Kind) e) =>
            e.Type == EdgeType.MemberOf || !e.Positioned ? (e.Source, e.Target, e.Type) : null;
    }

    /// <summary>
    /// The counts JSON after the rewritten files' rows went from <paramref name="before"/> to what the tables hold now, the
    /// real documents being the same (<see cref="CaseInputs"/>): the stored counts moved by what those rows add and
    /// drop, a key counted once (an unpositioned edge, a MEMBER_OF pair, a node id) moving only when no other file has
    /// it. Null when it cannot be said so: no stored counts, an unpositioned CITES edge among the rows (the whole count
    /// keeps the first of such duplicates' kinds), or an id other files cite that became asserted or stopped being so.
    /// </summary>
    private static string? CountsAfter(SqliteKvStore store, StaleRows before)
    {
        using var stored = store.Command("SELECT value FROM rcounts WHERE key = $k", ("$k", CountsKey));
        if (stored.ExecuteScalar() is not string json)
        {
            return null;
        }

        var after = StaleRows.Read(store);
        if (before.Edges.Concat(after.Edges).Any(e => e.Type == EdgeType.Cites && !e.Positioned))
        {
            return null;
        }

        var counts = ReadCounts(json);
        var byKind = new SortedDictionary<string, int>(counts.CitationsByKind.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal);
        int citations = counts.Citations, resolved = counts.Resolved, unresolved = counts.Unresolved, edges = counts.Edges, nodes = counts.Nodes;
        using var isReal = store.Fast($"SELECT EXISTS(SELECT 1 FROM rnodes WHERE id = ?1 AND label IN ({DocumentLabels}))");
        using var assertedElsewhere = store.Fast($"SELECT EXISTS(SELECT 1 FROM rnodes WHERE id = ?1 AND label <> '{NodeLabel.Placeholder}' AND file_id NOT IN (SELECT file_id FROM rstale))");
        foreach (var (rows, sign) in new[] { (before, -1), (after, 1) })
        {
            foreach (var e in rows.Edges)
            {
                if (e.Type != EdgeType.MemberOf && e.Positioned)
                {
                    edges += sign;
                }

                if (e.Type != EdgeType.Cites)
                {
                    continue;
                }

                citations += sign;
                var kind = e.Kind ?? "?";
                byKind[kind] = byKind.GetValueOrDefault(kind) + sign;
                if (isReal.RunScalar(e.Target) == 1)
                {
                    resolved += sign;
                }
                else if (!rows.Asserted.Contains(e.Target) && assertedElsewhere.RunScalar(e.Target) == 0)
                {
                    unresolved += sign;
                }
            }
        }

        // An id that stopped (or started) being asserted only by these files while other files cite it (a dossier cited
        // by a Handelingen text and named by a document's IN_DOSSIER): those citations move in or out of the unresolved.
        // That is rare, and the whole recompute says it (no test builds it, so the delta does not guess at it).
        using var citedElsewhere = store.Fast("SELECT EXISTS(SELECT 1 FROM redges WHERE target = ?1 AND type = 'CITES' AND file_id NOT IN (SELECT file_id FROM rstale))");
        foreach (var id in before.Asserted.Except(after.Asserted).Concat(after.Asserted.Except(before.Asserted)))
        {
            if (isReal.RunScalar(id) == 0 && assertedElsewhere.RunScalar(id) == 0 && citedElsewhere.RunScalar(id) == 1)
            {
                return null;
            }
        }

        // A key counted once moves when one side has it and no other file does.
        var (keysBefore, keysAfter) = (Keys(before), Keys(after));
        using var edgeElsewhere = store.Fast(EdgeElsewhere);
        foreach (var key in keysBefore.Except(keysAfter).Concat(keysAfter.Except(keysBefore)))
        {
            if (edgeElsewhere.RunScalar(key.Source, key.Type, key.Target) == 0)
            {
                edges += keysAfter.Contains(key) ? 1 : -1;
            }
        }

        using var nodeElsewhere = store.Fast("SELECT EXISTS(SELECT 1 FROM rnodes WHERE id = ?1 AND file_id NOT IN (SELECT file_id FROM rstale))");
        foreach (var id in before.NodeIds.Except(after.NodeIds).Concat(after.NodeIds.Except(before.NodeIds)))
        {
            if (nodeElsewhere.RunScalar(id) == 0)
            {
                nodes += after.NodeIds.Contains(id) ? 1 : -1;
            }
        }

        return WriteCounts(counts with
        {
            DocumentsByKind = counts.DocumentsByKind.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Citations = citations,
            CitationsByKind = byKind.Where(kv => kv.Value != 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            Resolved = resolved,
            Unresolved = unresolved,
            Nodes = nodes,
            Edges = edges,
        });

        static HashSet<(string Source, string Target, string Type)> Keys(StaleRows rows) =>
            rows.Edges.Select(StaleRows.EdgeKey).OfType<(string, string, string)>().ToHashSet();
    }

    /// <summary>
    /// The whole-graph figures as stored: the <c>rcases</c> rows wanted (by id: representative, kind, real) and the
    /// <c>rcounts</c> rows (by key).
    /// </summary>
    private sealed record WholeGraphFigures(Dictionary<string, (string Rep, string? Kind, long Real)> Cases, List<(string Key, object Value)> Counts);

    /// <summary>
    /// Each file's rank in path order (the merge order of an id's rows, and the documents' order), read from the path
    /// index: the document rows are sorted by (rank, seq) in <see cref="Figures"/>, which SQLite did by sorting every row
    /// with its path in a temp B-tree.
    /// </summary>
    private static Dictionary<long, int> FileRanks(SqliteKvStore store)
    {
        var rank = new Dictionary<long, int>();
        using var cmd = store.Command("SELECT id FROM files ORDER BY path");
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rank[r.GetInt64(0)] = rank.Count;
        }

        return rank;
    }

    /// <summary>Writes the figures: <c>rcases</c> brought to the wanted rows (<see cref="WriteCases"/>), <c>rcounts</c> rewritten.</summary>
    private static void WriteFigures(SqliteKvStore store, WholeGraphFigures figures)
    {
        WriteCases(store, figures.Cases);
        Exec(store, "DELETE FROM rcounts");
        foreach (var (key, value) in figures.Counts)
        {
            SetCount(store, key, value);
        }
    }

    // The cases (Relatedness.Cases, over every real document and the ANSWERS edges), the populations and the counts: their
    // inputs read from the tables, or, when every file was just rewritten, taken from the tally of the rows written, and
    // then the store is not touched (ResolvedFacts runs this on another thread while the writer makes indexes).
    private static WholeGraphFigures Figures(SqliteKvStore store, Dictionary<long, int> rank, WholeGraphTally? tally)
    {
        var read = tally?.DocumentRows(rank) ?? [];
        if (tally is null)
        {
            using var cmd = store.Command($"""
                SELECT n.file_id, n.seq, n.id, n.label, json_extract(n.props, '$.zaak'), json_extract(n.props, '$.kind')
                FROM rnodes n WHERE n.label IN ({DocumentLabels})
                """);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                if (rank.TryGetValue(r.GetInt64(0), out var at))
                {
                    read.Add((at, r.GetInt64(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
                }
            }
        }

        read.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Seq.CompareTo(b.Seq));
        var rows = new Dictionary<string, List<GraphNode>>(StringComparer.Ordinal);
        foreach (var (_, _, id, label, zaak, kind) in read)
        {
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (zaak is not null)
            {
                props["zaak"] = zaak;
            }

            if (kind is not null)
            {
                props["kind"] = kind;
            }

            if (!rows.TryGetValue(id, out var list))
            {
                rows[id] = list = [];
            }

            list.Add(new GraphNode(id, label, null, props));
        }

        var documents = rows.Values.Select(l => CitationGraphs.MergeNode(l)!).ToList();
        var answers = new Dictionary<string, List<GraphEdge>>(StringComparer.Ordinal);
        foreach (var (source, target) in tally?.Answers() ?? Rows(store, "SELECT source, target FROM redges WHERE type = 'ANSWERS'", r => (r.GetString(0), r.GetString(1))))
        {
            if (!answers.TryGetValue(source, out var list))
            {
                answers[source] = list = [];
            }

            list.Add(new GraphEdge(source, target, EdgeType.Answers, new Dictionary<string, object?>()));
        }

        var cases = Relatedness.Cases(documents, id => answers.GetValueOrDefault(id) ?? []);
        var (wanted, reps) = CaseRows(documents, cases);

        // The case count and the populations are counts of distinct case representatives over rcases' real rows (every
        // real document's row, which WriteCases writes from reps): counted from reps in memory instead of over the
        // table (the populations were a join of every feature with rcases by key, grouped and de-duplicated in temp
        // B-trees; 0.3 CPU-s at 100,000 documents).
        List<(string Key, object Value)> counts = [(CasesKey, reps.Values.Distinct(StringComparer.Ordinal).LongCount())];
        var populations = new Dictionary<(string, string), HashSet<string>>();
        foreach (var (doc, type, label) in (IEnumerable<(string, string, string)>?)tally?.Features ?? Rows(store, "SELECT doc, type, label FROM rfeatures", r => (r.GetString(0), r.GetString(1), r.GetString(2))))
        {
            if (!reps.TryGetValue(doc, out var rep))
            {
                continue;
            }

            var key = (type, label);
            if (!populations.TryGetValue(key, out var set))
            {
                populations[key] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(rep);
        }

        foreach (var (type, label) in Relatedness.PopulationKeys)
        {
            counts.Add((PopulationKey(type, label), (long)(populations.GetValueOrDefault((type, label ?? string.Empty))?.Count ?? 0)));
        }

        counts.Add((CountsKey, Counts(store, documents, tally)));
        return new WholeGraphFigures(wanted, counts);
    }

    /// <summary>The rows of a query, each made by <paramref name="row"/>, as they are read.</summary>
    private static IEnumerable<T> Rows<T>(SqliteKvStore store, string sql, Func<SqliteDataReader, T> row)
    {
        using var cmd = store.Command(sql);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return row(r);
        }
    }

    /// <summary>
    /// The <c>rcases</c> rows the cases give: a document's own row first (a member row of the same id is ignored, as the
    /// table's key keeps the first), then the members of each case; and the real rows (each real document's id and its
    /// case's representative).
    /// </summary>
    private static (Dictionary<string, (string Rep, string? Kind, long Real)> Wanted, Dictionary<string, string> Reps) CaseRows(List<GraphNode> documents, IRelatednessCounts cases)
    {
        var wanted = new Dictionary<string, (string Rep, string? Kind, long Real)>(documents.Count, StringComparer.Ordinal);
        var reps = new Dictionary<string, string>(documents.Count, StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var rep = cases.Representative(d.Id);
            if (wanted.TryAdd(d.Id, (rep, Profiles.KindOf(d), 1)))
            {
                reps[d.Id] = rep;
            }
        }

        foreach (var (id, rep) in Relatedness.CaseMembers(cases))
        {
            wanted.TryAdd(id, (rep, null, 0));
        }

        return (wanted, reps);
    }

    /// <summary>
    /// Brings <c>rcases</c> to the <paramref name="wanted"/> rows (<see cref="CaseRows"/>). Only the rows that differ from
    /// the stored ones are deleted or written: after one changed file most cases are as they were, and rewriting every row
    /// (180,000 at 100,000 documents, in the order of their files, so at random places in the key and the rep index)
    /// was the largest write of an incremental commit.
    /// </summary>
    private static void WriteCases(SqliteKvStore store, Dictionary<string, (string Rep, string? Kind, long Real)> wanted)
    {
        var gone = new List<string>();
        using (var cmd = store.Command("SELECT id, rep, kind, real FROM rcases"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetString(0);
                var row = (r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3));
                if (!wanted.TryGetValue(id, out var want))
                {
                    gone.Add(id);
                }
                else if (want == row)
                {
                    wanted.Remove(id);
                }
            }
        }

        using (var delete = store.Fast("DELETE FROM rcases WHERE id = ?1"))
        {
            foreach (var id in gone)
            {
                delete.Run(id);
            }
        }

        using var upsert = store.Fast("INSERT OR REPLACE INTO rcases(id, rep, kind, real) VALUES (?1, ?2, ?3, ?4)");
        foreach (var (id, (rep, kind, real)) in wanted.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            upsert.Run(id, rep, kind, real);
        }
    }

    // Profiles.Counts over the tables: documents by kind, CITES edges by kind (MergeEdges' de-duplication), resolved
    // (target a document in the corpus) and unresolved (target a placeholder), nodes and edges.
    // The tally, when given, holds what the queries read (WholeGraphTally, the same rules).
    private static string Counts(SqliteKvStore store, List<GraphNode> documents, WholeGraphTally? tally)
    {
        var real = documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var asserted = tally?.Asserted ?? Rows(store, $"SELECT DISTINCT id FROM rnodes WHERE label <> '{NodeLabel.Placeholder}'", r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int citations = 0, resolved = 0, unresolved = 0;
        foreach (var (target, kind) in tally?.CountedCitations() ?? CountedCitations(store))
        {
            citations++;
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            if (real.Contains(target))
            {
                resolved++;
            }
            else if (!asserted.Contains(target))
            {
                unresolved++;
            }
        }

        var edges = tally?.Edges
            ?? Scalar(store, "SELECT count(*) FROM redges WHERE positioned = 1 AND type <> 'MEMBER_OF'")
            + Scalar(store, "SELECT count(*) FROM (SELECT DISTINCT source, target, type FROM redges WHERE positioned = 0 AND type <> 'MEMBER_OF')")
            + Scalar(store, "SELECT count(*) FROM (SELECT DISTINCT source, target FROM redges WHERE type = 'MEMBER_OF')");
        var counts = new CorpusCounts(
            documents.Count,
            documents.GroupBy(Profiles.KindOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            citations,
            byKind.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            resolved,
            unresolved,
            tally?.NodeIds.Count ?? (int)Scalar(store, "SELECT count(DISTINCT id) FROM rnodes"),
            (int)edges);
        return WriteCounts(counts);
    }

    /// <summary>The CITES edges the counts count, with their kind ("?" without one): every positioned one, and an unpositioned (source, target) pair once (MergeEdges' de-duplication), the first as read.</summary>
    private static IEnumerable<(string Target, string Kind)> CountedCitations(SqliteKvStore store)
    {
        var unpositioned = new HashSet<(string, string)>();
        foreach (var (source, target, positioned, kind) in Rows(store, "SELECT source, target, positioned, json_extract(props, '$.kind') FROM redges WHERE type = 'CITES'",
            r => (r.GetString(0), r.GetString(1), r.GetInt64(2), r.IsDBNull(3) ? "?" : r.GetString(3))))
        {
            if (positioned == 0 && !unpositioned.Add((source, target)))
            {
                continue;
            }

            yield return (target, kind);
        }
    }

    /// <summary>The counts as stored (JSON, <see cref="CountsJsonContext"/>).</summary>
    private static string WriteCounts(CorpusCounts counts) => JsonSerializer.Serialize(counts, CountsJsonContext.Default.CorpusCounts);

    /// <summary>The counts saved at the last commit.</summary>
    public static CorpusCounts ReadCounts(string json) =>
        JsonSerializer.Deserialize(json, CountsJsonContext.Default.CorpusCounts) ?? throw new StoreException("The store's counts are unreadable; rebuild it with `kvgraph build --force`.");

    // A target the file does not assert itself: FactsResolver gives every endpoint that is neither asserted by the file
    // nor a document of the corpus a placeholder in the file, so only a corpus document elsewhere gets here (none of the
    // generated corpus's 233,114 counting edges at 20,000 documents did).
    private static string? LabelOf(SqliteKvStore store, string id, Action beforeLookup)
    {
        beforeLookup();
        using var cmd = store.Command("SELECT label FROM rnodes WHERE id = $id ORDER BY label LIMIT 1", ("$id", id));
        return cmd.ExecuteScalar() as string;
    }

    private static void SetCount(SqliteKvStore store, string key, object value) =>
        Exec(store, "INSERT INTO rcounts(key, value) VALUES ($k, $v)", ("$k", key), ("$v", Convert.ToString(value, CultureInfo.InvariantCulture)));

    private static long Scalar(SqliteKvStore store, string sql)
    {
        using var cmd = store.Command(sql);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Exec(SqliteKvStore store, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = store.Command(sql, parameters);
        cmd.ExecuteNonQuery();
    }
}
