using KvGraph.Core.Graph;

namespace KvGraph.Store.Sqlite;

/// <summary>
/// The citation graph read from the store's resolved tables by index (<see cref="ResolvedFacts"/>), without loading it:
/// a node is the merge of its rows in file order (<see cref="CitationGraphs.MergeNode"/>), a node's edges those of its rows
/// by source or target, merged as the assembled graph merges them (<see cref="CitationGraphs.MergeEdges"/>). Trace, related
/// and shortest path are <see cref="NeighbourhoodGraph"/>'s, the same code as the in-memory graph's. Bound to one store
/// version: the store hands out a new one after a build. Each point query runs in its own read transaction.
/// <para>
/// <see cref="Nodes"/> and <see cref="Edges"/> read the whole graph (for the few callers that truly need it, such as an
/// export); <see cref="NodeCount"/>, <see cref="EdgeCount"/>, <see cref="Unresolved"/> and the relatedness counts are
/// aggregates kept at commit or read by index.
/// </para>
/// </summary>
internal sealed class IndexedGraph : NeighbourhoodGraph, IRelatednessCounts, IIndexedReads, ICitationKeys
{
    /// <summary>Nodes kept per instance, at most, before the cache starts afresh (the web explorer keeps an instance long).</summary>
    private const int CacheLimit = 200_000;

    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    private readonly SqliteKvStore _store;
    private readonly Dictionary<string, GraphNode?> _nodes = new(StringComparer.Ordinal);

    // A node's edges by one end (outgoing: it is the source), of one type or, keyed null, of every type.
    private readonly Dictionary<(string Id, bool Outgoing, string? Type), IReadOnlyList<GraphEdge>> _edges = [];
    private readonly Dictionary<string, string> _reps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _real = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Thing, string EdgeType, int AtMost), int> _sharing = [];
    private readonly Dictionary<(string Id, string EdgeType), IReadOnlyList<string>> _targets = [];
    private readonly Dictionary<(string Id, bool Incoming, string EdgeType), IReadOnlyList<string>> _ends = [];
    private readonly Dictionary<string, string> _counts;
    private readonly Lazy<CorpusCounts> _corpusCounts;

    public IndexedGraph(SqliteKvStore store, long version, Dictionary<string, string> counts)
    {
        _store = store;
        Version = version;
        _counts = counts;
        _corpusCounts = new(() => ResolvedFacts.ReadCounts(_counts[ResolvedFacts.CountsKey]));
    }

    public long Version { get; }

    /// <summary>The counts <c>stats</c> prints (<see cref="Profiles.Counts"/> of the assembled graph), as kept at commit.</summary>
    public CorpusCounts Counts => _corpusCounts.Value;

    public override int NodeCount => Counts.Nodes;

    public override int EdgeCount => Counts.Edges;

    public override IEnumerable<GraphNode> Nodes => _store.ReadIndexed(() => AllNodes().ToList());

    public override IEnumerable<GraphEdge> Edges => _store.ReadIndexed(() => CitationGraphs.MergeEdges(ReadEdges(
        "SELECT e.source, e.target, e.type, e.props, e.positioned FROM redges e JOIN files f ON f.id = e.file_id ORDER BY f.path, e.file_id, e.seq")).ToList());

    public int CaseCount => int.Parse(_counts[ResolvedFacts.CasesKey], System.Globalization.CultureInfo.InvariantCulture);

    protected override IRelatednessCounts RelatednessCounts => this;

    public override GraphNode? Node(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!_nodes.TryGetValue(id, out var node))
        {
            Prefetch([id], nodes: true, outgoing: false, incoming: false);
            node = _nodes[id];
        }

        return node;
    }

    public override IReadOnlyList<GraphEdge> Out(string id) => EdgesOf(id, outgoing: true, edgeType: null);

    public override IReadOnlyList<GraphEdge> In(string id) => EdgesOf(id, outgoing: false, edgeType: null);

    protected override IReadOnlyList<GraphEdge> OutOfType(string id, string edgeType) => EdgesOf(id, outgoing: true, edgeType);

    protected override IReadOnlyList<GraphEdge> InOfType(string id, string edgeType) => EdgesOf(id, outgoing: false, edgeType);

    protected override void PrefetchNeighbours(IReadOnlyCollection<string> ids, bool outgoing, bool incoming, string? edgeType = null) =>
        Prefetch(ids, nodes: true, outgoing, incoming, edgeType);

    /// <summary>From the case table: every document in the corpus has a row marked real.</summary>
    public bool? IsRealDocument(string id)
    {
        _ = Representative(id);
        return _real.Contains(id);
    }

    // A MENTIONS row of a person in a minister's role, which Relatedness does not count (Relatedness.CountsForRelatedness), in SQL
    // over redges e: the one place the store's narrow reads say it.
    private const string MinisterRole = "json_extract(e.props, '$.role') IS 'minister'";

    /// <summary>
    /// By index: the cases of the real documents with an edge of this type to <paramref name="thing"/> as
    /// <see cref="Relatedness"/> counts them (no self-edge; for MENTIONS only rows that always stay and count: with a
    /// <c>start</c>, not in a minister's role), reading no further than the first <paramref name="atMost"/>, however many
    /// documents share the thing; kept per instance, since the same hubs come up in query after query. A real document's
    /// representative is real (a case is named by one of its documents), so only the source's row is read.
    /// </summary>
    public int? CasesSharing(string thing, string edgeType, int atMost)
    {
        ArgumentNullException.ThrowIfNull(thing);
        var key = (thing, edgeType, atMost);
        if (_sharing.TryGetValue(key, out var known))
        {
            return known;
        }

        var mentions = edgeType == EdgeType.Mentions
            ? $" AND json_extract(e.props, '$.start') IS NOT NULL AND NOT {MinisterRole}"
            : string.Empty;
        var count = _store.ReadIndexed(() =>
        {
            using var cmd = _store.Command($"""
                SELECT count(*) FROM (SELECT DISTINCT c.rep FROM redges e JOIN rcases c ON c.id = e.source AND c.real <> 0
                WHERE e.target = $thing AND e.type = $type AND e.source <> e.target{mentions} LIMIT $n)
                """, ("$thing", thing), ("$type", edgeType), ("$n", Math.Max(0, atMost)));
            return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        });
        if (_sharing.Count >= CacheLimit)
        {
            _sharing.Clear();
        }

        _sharing[key] = count;
        return count;
    }

    /// <summary>
    /// By index, keys only: for each id, the distinct other ends of its counting edges of one type (<see cref="Relatedness"/>
    /// counts them), each at its first edge in merge order. The rows are walked in merge order as <see cref="In"/> and
    /// <see cref="Out"/> merge them (<see cref="CitationGraphs.KeptInMerge"/>: a structural row after the first of its
    /// source, target and type is dropped), without self-edges, and for MENTIONS without a kept row in a minister's role
    /// (SQLite reads the role out of the row's JSON); no row's properties are parsed. Kept per instance, as the edges are.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Ends(IReadOnlyCollection<string> ids, string edgeType, bool incoming)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(edgeType);
        var ends = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (!ends.ContainsKey(id))
            {
                if (_ends.TryGetValue((id, incoming, edgeType), out var known))
                {
                    ends[id] = known;
                }
                else
                {
                    ends[id] = [];
                    missing.Add(id);
                }
            }
        }

        if (missing.Count == 0)
        {
            return ends;
        }

        var (column, other) = incoming ? ("target", "source") : ("source", "target");
        var minister = edgeType == EdgeType.Mentions ? MinisterRole : "0";
        var read = _store.ReadIndexed(() =>
        {
            using var cmd = _store.Command($"""
                SELECT e.{column}, e.{other}, e.positioned, {minister} FROM redges e JOIN files f ON f.id = e.file_id
                WHERE e.{column} IN (SELECT value FROM json_each($ids)) AND e.type = $type AND e.source <> e.target
                ORDER BY e.{column}, f.path, e.file_id, e.seq
                """, ("$ids", Json(missing)), ("$type", edgeType));
            using var r = cmd.ExecuteReader();
            var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var seen = new HashSet<(string, string)>();
            var structural = new HashSet<(string, string, string)>();
            while (r.Read())
            {
                var (id, end) = (r.GetString(0), r.GetString(1));
                var (source, target) = incoming ? (end, id) : (id, end);
                if (CitationGraphs.KeptInMerge(structural, source, target, edgeType, r.GetInt64(2) != 0) && r.GetInt64(3) == 0 && seen.Add((id, end)))
                {
                    if (!lists.TryGetValue(id, out var list))
                    {
                        lists[id] = list = [];
                    }

                    list.Add(end);
                }
            }

            return lists;
        });
        foreach (var id in missing)
        {
            ends[id] = read.TryGetValue(id, out var list) ? list : [];
            _ends[(id, incoming, edgeType)] = ends[id];
        }

        return ends;
    }

    /// <summary>
    /// Reads the nodes, case representatives and (as asked) edges of every id not read yet, in one query each (the ids as a
    /// JSON array through <c>json_each</c>), grouped per id and merged as the single reads merge them. The caches start
    /// afresh past <see cref="CacheLimit"/> entries.
    /// </summary>
    public void Prefetch(IReadOnlyCollection<string> ids, bool nodes, bool outgoing, bool incoming) => Prefetch(ids, nodes, outgoing, incoming, null);

    /// <summary>As <see cref="Prefetch(IReadOnlyCollection{string}, bool, bool, bool)"/>, the edges of one type only when <paramref name="edgeType"/> is given.</summary>
    private void Prefetch(IReadOnlyCollection<string> ids, bool nodes, bool outgoing, bool incoming, string? edgeType)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (_nodes.Count + _edges.Count + _reps.Count + _ends.Count > CacheLimit)
        {
            _nodes.Clear();
            _edges.Clear();
            _reps.Clear();
            _real.Clear();
            _targets.Clear();
            _ends.Clear();
        }

        var missing = nodes ? ids.Where(id => !_nodes.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList() : [];
        var reps = ids.Where(id => !_reps.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        var outs = outgoing ? ids.Where(id => !HasEdges(id, outgoing: true, edgeType)).Distinct(StringComparer.Ordinal).ToList() : [];
        var ins = incoming ? ids.Where(id => !HasEdges(id, outgoing: false, edgeType)).Distinct(StringComparer.Ordinal).ToList() : [];
        if (missing.Count + reps.Count + outs.Count + ins.Count == 0)
        {
            return;
        }

        _store.ReadIndexed(() =>
        {
            if (missing.Count > 0)
            {
                var merged = MergedNodes(missing, RowProps.Whole);
                foreach (var id in missing)
                {
                    _nodes[id] = merged.GetValueOrDefault(id);
                }
            }

            if (reps.Count > 0)
            {
                foreach (var id in reps)
                {
                    _reps[id] = id;
                }

                using var cmd = _store.Command("SELECT id, rep, real FROM rcases WHERE id IN (SELECT value FROM json_each($ids))", ("$ids", Json(reps)));
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    _reps[r.GetString(0)] = r.GetString(1);
                    if (r.GetInt64(2) != 0)
                    {
                        _real.Add(r.GetString(0));
                    }
                }
            }

            ReadEdgesOf(outs, outgoing: true, edgeType);
            ReadEdgesOf(ins, outgoing: false, edgeType);
            return 0;
        });
    }

    /// <summary>The document an alias names (the store's alias index), or the one that document was merged into (<c>rmerged</c>).</summary>
    protected override string? Canonical(string alias) =>
        _store.ResolveId(alias) is { } id
            ? _store.ReadIndexed(() =>
            {
                using var cmd = _store.Command("SELECT into_id FROM rmerged WHERE id = $id", ("$id", id));
                return cmd.ExecuteScalar() as string ?? id;
            })
            : null;

    /// <summary>Cited targets whose every node row is a placeholder, by the number of CITES rows aimed at them (index on target).</summary>
    public override IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50)
    {
        var top = _store.ReadIndexed(() =>
        {
            using var cmd = _store.Command($"""
                SELECT e.target, count(*) AS c, count(DISTINCT e.source) AS s FROM redges e
                WHERE e.type = 'CITES' AND NOT EXISTS (SELECT 1 FROM rnodes n WHERE n.id = e.target AND n.label <> '{NodeLabel.Placeholder}')
                GROUP BY e.target ORDER BY c DESC, s DESC, e.target LIMIT $limit
                """, ("$limit", Math.Max(0, limit)));
            using var r = cmd.ExecuteReader();
            var ids = new List<string>();
            while (r.Read())
            {
                ids.Add(r.GetString(0));
            }

            return ids;
        });
        return [.. top.Select(id =>
            {
                var citers = In(id).Where(e => e.Type == EdgeType.Cites).ToList();
                return UnresolvedTargets.Of(NodeOrPlaceholder(id), citers.Count, citers.Select(e => e.Source));
            })
            .Where(u => u.CitationCount > 0)
            .Order(UnresolvedTargets.Order)];
    }

    public string Representative(string id)
    {
        if (!_reps.TryGetValue(id, out var rep))
        {
            Prefetch([id], nodes: false, outgoing: false, incoming: false);
            rep = _reps[id];
        }

        return rep;
    }

    public IReadOnlySet<string> Members(string representative)
    {
        var members = _store.ReadIndexed(() =>
        {
            using var cmd = _store.Command("SELECT id FROM rcases WHERE rep = $rep", ("$rep", representative));
            using var r = cmd.ExecuteReader();
            var set = new HashSet<string>(StringComparer.Ordinal);
            while (r.Read())
            {
                set.Add(r.GetString(0));
            }

            return set;
        });
        members.Add(representative);
        return members;
    }

    public int Population(string edgeType, string? label) =>
        _counts.TryGetValue(ResolvedFacts.PopulationKey(edgeType, label), out var n) ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>
    /// By index (<c>rnodes</c> by label, <c>redges</c> by type): the merged nodes with a row labelled one of
    /// <paramref name="labels"/>, or that are the target of an edge of type <paramref name="targetOf"/>, each merged from
    /// all its rows as <see cref="Nodes"/> merges it, by id. Not cached: the caller keeps what it needs.
    /// </summary>
    public IReadOnlyList<GraphNode> NodesLabelled(IReadOnlyCollection<string> labels, string? targetOf = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var targets = targetOf is null ? string.Empty : " UNION SELECT target FROM redges WHERE type = $type";
        (string, object?)[] args = targetOf is null ? [("$labels", Json([.. labels]))] : [("$labels", Json([.. labels])), ("$type", targetOf)];
        return _store.ReadIndexed(() =>
        {
            var rows = ReadNodes($"""
                SELECT n.id, n.label, n.name, n.props FROM rnodes n JOIN files f ON f.id = n.file_id
                WHERE n.id IN (SELECT id FROM rnodes WHERE label IN (SELECT value FROM json_each($labels)){targets})
                ORDER BY n.id, f.path, n.file_id, n.seq
                """, args);
            var merged = new List<GraphNode>();
            var start = 0;
            for (var i = 1; i <= rows.Count; i++)
            {
                if (i == rows.Count || rows[i].Id != rows[start].Id)
                {
                    merged.Add(CitationGraphs.MergeNode(rows.GetRange(start, i - start))!);
                    start = i;
                }
            }

            return merged;
        });
    }

    /// <summary>
    /// The first <paramref name="atMost"/> edges of one type at <paramref name="id"/>: its outgoing then its incoming edges
    /// of that type, each list as <see cref="Out"/> and <see cref="In"/> merge it, sorted stably by source, then target;
    /// and whether more follow. One pass over the index's keys (row, source, target) per end, merged as
    /// <see cref="CitationGraphs.MergeEdges"/> merges them, then the properties of the chosen rows only: the first page of a
    /// motion cited by 9,000 documents parses a page of quotes, not 9,000. MEMBER_OF, which folds all its rows, is read
    /// whole. Not cached.
    /// </summary>
    public (IReadOnlyList<GraphEdge> Edges, bool More) FirstEdgesAt(string id, string edgeType, int atMost)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(edgeType);
        atMost = Math.Max(0, atMost);
        if (edgeType == EdgeType.MemberOf)
        {
            var folded = OutOfType(id, edgeType).Concat(InOfType(id, edgeType))
                .OrderBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal).ToList();
            return ([.. folded.Take(atMost)], folded.Count > atMost);
        }

        return _store.ReadIndexed(() =>
        {
            var keys = EdgeKeys(id, "source", edgeType).Concat(EdgeKeys(id, "target", edgeType))
                .OrderBy(k => k.Source, StringComparer.Ordinal).ThenBy(k => k.Target, StringComparer.Ordinal).ToList();
            var chosen = keys.Take(atMost).ToList();
            var props = new Dictionary<long, string>();
            if (chosen.Count > 0)
            {
                using var cmd = _store.Command("SELECT rowid, props FROM redges WHERE rowid IN (SELECT value FROM json_each($rows))",
                    ("$rows", StoreJson.SqlList(chosen.Select(k => k.Row))));
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    props[r.GetInt64(0)] = r.GetString(1);
                }
            }

            IReadOnlyList<GraphEdge> edges = [.. chosen.Select(k => new GraphEdge(k.Source, k.Target, edgeType, StoreJson.ReadTypedProps(props[k.Row])))];
            return (edges, keys.Count > chosen.Count);
        });
    }

    /// <summary>
    /// By the target index: the CITES rows into <paramref name="id"/> in merge order, without those <see cref="In"/>'s merge
    /// drops (<see cref="CitationGraphs.KeptInMerge"/>), each an edge with only its <c>start</c> (SQLite reads it out of the
    /// row's JSON): a hub's 9,520 citations without their quotes, from the covering index <c>redges_cites_keys</c> (schema
    /// step 8) where the store has it. Not cached (partial edges).
    /// </summary>
    public IReadOnlyList<GraphEdge> CitesKeysInto(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _store.ReadIndexed(() =>
        {
            using var cmd = _store.Command(CitesKeysSql, ("$id", id));
            using var r = cmd.ExecuteReader();
            var edges = new List<GraphEdge>();
            var structural = new HashSet<(string, string, string)>();
            while (r.Read())
            {
                var source = r.GetString(0);
                if (CitationGraphs.KeptInMerge(structural, source, id, EdgeType.Cites, r.GetInt64(1) != 0))
                {
                    IReadOnlyDictionary<string, object?> start = r.IsDBNull(2) ? NoProperties : new Dictionary<string, object?>(StringComparer.Ordinal) { ["start"] = r.GetValue(2) };
                    edges.Add(new GraphEdge(source, id, EdgeType.Cites, start));
                }
            }

            return edges;
        });
    }

    /// <summary>
    /// By the id index: the nodes of <paramref name="ids"/>, each merged from all its rows as <see cref="Node"/> merges it
    /// (<see cref="CitationGraphs.MergeNode"/>, which merges property by property), but of each row's properties only
    /// <see cref="ICitationKeys.Keys"/>, each picked out of the JSON by SQLite (<see cref="RowProps.Keys"/>): read from the
    /// covering index <c>rnodes_keys</c> (schema step 8) where the store has it, not from the rows (a hub's 8,785 citers'
    /// rows lie all over the table). Not cached (partial nodes).
    /// </summary>
    public IReadOnlyList<GraphNode> NodeKeys(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return _store.ReadIndexed(() => MergedNodes(ids, RowProps.Keys).Values.OrderBy(n => n.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// The nodes read whole already, and the others narrowly (<see cref="NodeKeys"/>: their dates among a few keys), for
    /// <see cref="Relatedness"/>'s ties at the cut (1,700 documents sharing one topic are ordered by date, and 10 kept).
    /// </summary>
    protected override IReadOnlyList<GraphNode> DatedNodes(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var whole = new List<GraphNode>();
        var rest = new List<string>();
        foreach (var id in ids)
        {
            if (!_nodes.TryGetValue(id, out var node))
            {
                rest.Add(id);
            }
            else if (node is not null)
            {
                whole.Add(node);
            }
        }

        return rest.Count == 0 ? whole : [.. whole, .. NodeKeys(rest)];
    }

    /// <summary>
    /// <see cref="CitesKeysInto"/>'s read: the type written out, not bound, as only then is the partial index
    /// <c>redges_cites_keys</c> (schema step 8) usable, and the start by the expression it indexes.
    /// </summary>
    internal static readonly string CitesKeysSql = $"""
        SELECT e.source, e.positioned, {Schema.KeyColumn("e.props", "start")} FROM redges e JOIN files f ON f.id = e.file_id
        WHERE e.target = $id AND e.type = '{EdgeType.Cites}' ORDER BY f.path, e.file_id, e.seq
        """;

    /// <summary><see cref="NodeKeys"/>' read of the distinct rows of the ids in <c>$ids</c>, each with its keys' columns.</summary>
    internal static string NodeKeysSql => DistinctRows(RowProps.Keys.Columns);

    /// <summary>The CITES rows into a node narrowly (<see cref="CitesKeysInto"/>), unless its edges are read whole already.</summary>
    protected override IReadOnlyList<GraphEdge>? NarrowCitesIn(string id) => HasEdges(id, outgoing: false, EdgeType.Cites) ? null : CitesKeysInto(id);

    /// <summary>
    /// By the source index, the targets alone, without the rows' properties: the distinct targets first (one target, as a
    /// motion's sponsor from 9,000 citing files mostly is, needs no order), and only for several each target at its first row
    /// in merge order (files by path, then row), the order <see cref="Out"/>'s merge lists them in, since the merge drops only
    /// later rows. MEMBER_OF, which folds its rows, and edges read whole already are left to Core's way. Kept per instance.
    /// </summary>
    protected override IReadOnlyList<string> OutTargets(string id, string edgeType)
    {
        if (edgeType == EdgeType.MemberOf || HasEdges(id, outgoing: true, edgeType))
        {
            return base.OutTargets(id, edgeType);
        }

        if (_targets.TryGetValue((id, edgeType), out var known))
        {
            return known;
        }

        var targets = _store.ReadIndexed(() =>
        {
            var distinct = Strings("SELECT DISTINCT target FROM redges WHERE source = $id AND type = $type", id, edgeType);
            return distinct.Count < 2 ? distinct : Strings("""
                SELECT target FROM (SELECT e.target, f.path, e.file_id, e.seq,
                    row_number() OVER (PARTITION BY e.target ORDER BY f.path, e.file_id, e.seq) AS first
                    FROM redges e JOIN files f ON f.id = e.file_id WHERE e.source = $id AND e.type = $type)
                WHERE first = 1 ORDER BY path, file_id, seq
                """, id, edgeType);
        });
        if (_targets.Count >= CacheLimit)
        {
            _targets.Clear();
        }

        _targets[(id, edgeType)] = targets;
        return targets;
    }

    public IReadOnlyList<GraphEdge> MembershipsOf(string id) => OutOfType(id, EdgeType.MemberOf);

    public void PrefetchCites(IReadOnlyCollection<string> ids) => Prefetch(ids, nodes: true, outgoing: true, incoming: false, EdgeType.Cites);

    // The rows of one type at id by one end (column source or target) in merge order, keys only, without those MergeEdges
    // drops (CitationGraphs.KeptInMerge): a structural row (no start) after the first of its source and target.
    private List<(long Row, string Source, string Target)> EdgeKeys(string id, string column, string edgeType)
    {
        using var cmd = _store.Command($"""
            SELECT e.rowid, e.source, e.target, e.positioned FROM redges e JOIN files f ON f.id = e.file_id
            WHERE e.{column} = $id AND e.type = $type ORDER BY f.path, e.file_id, e.seq
            """, ("$id", id), ("$type", edgeType));
        using var r = cmd.ExecuteReader();
        var keys = new List<(long, string, string)>();
        var structural = new HashSet<(string, string, string)>();
        while (r.Read())
        {
            var (source, target) = (r.GetString(1), r.GetString(2));
            if (CitationGraphs.KeptInMerge(structural, source, target, edgeType, r.GetInt64(3) != 0))
            {
                keys.Add((r.GetInt64(0), source, target));
            }
        }

        return keys;
    }

    private IEnumerable<GraphNode> AllNodes()
    {
        var rows = ReadNodes("SELECT n.id, n.label, n.name, n.props FROM rnodes n JOIN files f ON f.id = n.file_id ORDER BY n.id, f.path, n.file_id, n.seq");
        var group = new List<GraphNode>();
        foreach (var n in rows)
        {
            if (group.Count > 0 && group[0].Id != n.Id)
            {
                yield return CitationGraphs.MergeNode(group)!;
                group.Clear();
            }

            group.Add(n);
        }

        if (group.Count > 0)
        {
            yield return CitationGraphs.MergeNode(group)!;
        }
    }

    private List<string> Strings(string sql, string id, string edgeType)
    {
        using var cmd = _store.Command(sql, ("$id", id), ("$type", edgeType));
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    // The ids as a JSON array for json_each, through the store's compiled JSON metadata (StoreJson): the default options
    // built System.Text.Json's reflection metadata and every default converter on a CLI call's first read (89 methods JIT-compiled).
    private static string Json(List<string> ids) => StoreJson.Strings(ids);

    // Out, In, OutOfType and InOfType: one type's edges are taken from the node's edges of every type when those are read
    // already (MergeEdges merges each type on its own, so one type's merge is the whole merge's edges of that type).
    private IReadOnlyList<GraphEdge> EdgesOf(string id, bool outgoing, string? edgeType)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_edges.TryGetValue((id, outgoing, edgeType), out var edges))
        {
            return edges;
        }

        if (edgeType is not null && _edges.TryGetValue((id, outgoing, null), out var all))
        {
            return [.. all.Where(e => e.Type == edgeType)];
        }

        Prefetch([id], nodes: false, outgoing, incoming: !outgoing, edgeType);
        return _edges[(id, outgoing, edgeType)];
    }

    private bool HasEdges(string id, bool outgoing, string? edgeType) =>
        _edges.ContainsKey((id, outgoing, null)) || (edgeType is not null && _edges.ContainsKey((id, outgoing, edgeType)));

    // The edges of ids by one end (outgoing: by source, else by target), of one type or all, merged per id as Out and In merge them.
    private void ReadEdgesOf(List<string> ids, bool outgoing, string? edgeType)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var column = outgoing ? "source" : "target";
        var rows = ReadEdges($"""
            SELECT e.source, e.target, e.type, e.props, e.positioned FROM redges e JOIN files f ON f.id = e.file_id
            WHERE e.{column} IN (SELECT value FROM json_each($ids)){(edgeType is null ? string.Empty : " AND e.type = $type")} ORDER BY e.{column}, f.path, e.file_id, e.seq
            """, ("$ids", Json(ids)), ("$type", edgeType));
        foreach (var id in ids)
        {
            _edges[(id, outgoing, edgeType)] = [];
        }

        foreach (var group in rows.GroupBy(e => outgoing ? e.Source : e.Target, StringComparer.Ordinal))
        {
            _edges[(group.Key, outgoing, edgeType)] = [.. CitationGraphs.MergeEdges(group)];
        }
    }

    /// <summary>Rows of <c>rnodes</c> the node reads (<see cref="MergedNodes"/>) have handed over so far, for the tests.</summary>
    internal long NodeRowsRead { get; private set; }

    /// <summary>Whether this instance holds <paramref name="id"/>'s node read whole (with all its properties), for the tests.</summary>
    internal bool HoldsWholeNode(string id) => _nodes.ContainsKey(id);

    // The merged node of each of ids that has rows (CitationGraphs.MergeNode of its rows in merge order), each row giving the
    // properties the SQL expression props picks (n.props, or part of it). First the distinct rows of every id, without the files
    // join and the path order: an id whose rows are all equal (a person named alike in 17,552 files, a dossier in 27,000) is
    // that one row, as a row equal to an earlier one changes nothing in the merge (ReadNodes), so which row is first does not
    // matter. Only the ids whose rows differ (about 1 in 170 at 100,000 documents) are read again, every row in merge order.
    private Dictionary<string, GraphNode> MergedNodes(IReadOnlyCollection<string> ids, RowProps props)
    {
        var rows = new Dictionary<string, (string Label, string? Name, string Props, Dictionary<string, object?>? Bag)>(StringComparer.Ordinal);
        var several = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = _store.Command(DistinctRows(props.Columns), ("$ids", Json([.. ids]))))
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                NodeRowsRead++;
                var id = r.GetString(0);
                var bag = props.Bag(r);
                if (!rows.TryAdd(id, (r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), bag is null ? props.Text(r) : string.Empty, bag)))
                {
                    several.Add(id);
                }
            }
        }

        var merged = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var (id, row) in rows)
        {
            if (!several.Contains(id))
            {
                merged[id] = CitationGraphs.MergeNode([new GraphNode(id, row.Label, row.Name, row.Bag ?? StoreJson.ReadTypedProps(row.Props))])!;
            }
        }

        if (several.Count > 0)
        {
            var ordered = ReadNodes($"""
                SELECT n.id, n.label, n.name, {props.Columns} FROM rnodes n JOIN files f ON f.id = n.file_id
                WHERE n.id IN (SELECT value FROM json_each($ids)) ORDER BY n.id, f.path, n.file_id, n.seq
                """, props, ("$ids", Json([.. several])));
            foreach (var group in ordered.GroupBy(n => n.Id, StringComparer.Ordinal))
            {
                merged[group.Key] = CitationGraphs.MergeNode(group)!;
            }
        }

        return merged;
    }

    // The distinct rows of the ids in $ids (a JSON array), each with the property columns given after its id, label and name.
    private static string DistinctRows(string columns) =>
        $"SELECT DISTINCT n.id, n.label, n.name, {columns} FROM rnodes n WHERE n.id IN (SELECT value FROM json_each($ids))";

    // Rows in merge order, grouped by id. A row equal to an earlier row of its node is skipped before its properties are
    // parsed: it changes nothing in the merge (a document's later rows only fill missing properties; the other nodes'
    // rule is order-free and keeps a value it already has). A person named in 13,000 files is then one parse, not 13,000;
    // a node of one row (most documents) is not compared at all.
    private List<GraphNode> ReadNodes(string sql, params (string Name, object? Value)[] args) => ReadNodes(sql, RowProps.Whole, args);

    private List<GraphNode> ReadNodes(string sql, RowProps rowProps, params (string Name, object? Value)[] args)
    {
        using var cmd = _store.Command(sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<GraphNode>();
        (string Label, string? Name, string Props) first = default;
        HashSet<(string, string?, string)>? group = null;
        string? current = null;
        while (r.Read())
        {
            NodeRowsRead++;
            var (id, label, name, props) = (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), rowProps.Text(r));
            if (id != current)
            {
                (current, first, group) = (id, (label, name, props), null);
            }
            else if (!(group ??= [first]).Add((label, name, props)))
            {
                continue;
            }

            list.Add(new GraphNode(id, label, name, rowProps.Bag(r) ?? StoreJson.ReadTypedProps(props)));
        }

        return list;
    }

    // What a node read takes of each row's properties: the SQL columns after id, label and name; from them a text equal for
    // equal properties (ReadNodes compares a node's rows by it before parsing any) and, where the columns are not one JSON
    // text, the properties themselves (else they are StoreJson.ReadTypedProps of the text).
    private sealed class RowProps(string columns, Func<Microsoft.Data.Sqlite.SqliteDataReader, string> text, Func<Microsoft.Data.Sqlite.SqliteDataReader, Dictionary<string, object?>?> bag)
    {
        /// <summary>The whole property bag (<see cref="StoreJson.TypedProps"/>'s JSON), parsed only when used.</summary>
        public static readonly RowProps Whole = new("n.props", r => r.GetString(3), _ => null);

        /// <summary>
        /// Of the properties only <see cref="ICitationKeys.Keys"/>, each by <see cref="Schema.KeyColumn"/>: the expressions
        /// schema step 8 indexes with the id, label and name, so that the read is the index's alone (SQLite does not put an
        /// indexed value into json_object, so the bag is put together here). A key the row lacks is left out, as before;
        /// json_extract gives a string, integer or real back as such (dates and kinds are strings).
        /// </summary>
        public static readonly RowProps Keys = new(
            string.Join(", ", ICitationKeys.Keys.Select(k => Schema.KeyColumn("n.props", k))),
            r =>
            {
                var text = new System.Text.StringBuilder();
                for (var i = 0; i < ICitationKeys.Keys.Count; i++)
                {
                    var value = r.IsDBNull(3 + i) ? null : r.GetValue(3 + i);
                    text.Append(value switch { null => '-', long => 'l', double => 'd', _ => 's' })
                        .Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                }

                return text.ToString();
            },
            r =>
            {
                var bag = new Dictionary<string, object?>(ICitationKeys.Keys.Count, StringComparer.Ordinal);
                for (var i = 0; i < ICitationKeys.Keys.Count; i++)
                {
                    if (!r.IsDBNull(3 + i))
                    {
                        bag[ICitationKeys.Keys[i]] = r.GetValue(3 + i);
                    }
                }

                return bag;
            });

        public string Columns => columns;

        /// <summary>The row's properties as one text, equal for equal properties.</summary>
        public string Text(Microsoft.Data.Sqlite.SqliteDataReader r) => text(r);

        /// <summary>The row's properties when the columns are not one JSON text (else null: parse <see cref="Text"/>).</summary>
        public Dictionary<string, object?>? Bag(Microsoft.Data.Sqlite.SqliteDataReader r) => bag(r);
    }

    // Rows (source, target, type, props, positioned) in merge order, without those MergeEdges would drop or that add
    // nothing to its fold, skipped before their properties are parsed: a structural edge (no start) after the first of
    // its source, target and type, and a MEMBER_OF row equal to an earlier one (the fold takes the earliest and latest
    // date). A motion cited by 9,000 files that each name its sponsor is then one SUBMITTED_BY parse, not 9,000.
    private List<GraphEdge> ReadEdges(string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = _store.Command(sql, args);
        using var r = cmd.ExecuteReader();
        var list = new List<GraphEdge>();
        var structural = new HashSet<(string, string, string)>();
        var memberships = new HashSet<(string, string, string)>();
        while (r.Read())
        {
            var (source, target, type, props) = (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3));
            var keep = type == EdgeType.MemberOf ? memberships.Add((source, target, props)) : CitationGraphs.KeptInMerge(structural, source, target, type, r.GetInt64(4) != 0);
            if (keep)
            {
                list.Add(new GraphEdge(source, target, type, StoreJson.ReadTypedProps(props)));
            }
        }

        return list;
    }
}

/// <summary>
/// Reads of the store's indexed graph beyond <see cref="ICitationGraph"/>'s point queries, for a caller that lists one kind
/// of node (the explorer's motions lists) without loading the whole graph, and that
/// batches the point queries of many ids.
/// </summary>
public interface IIndexedReads
{
    /// <summary>The merged nodes with a row labelled one of <paramref name="labels"/>, or that are the target of an edge of type <paramref name="targetOf"/>, by id.</summary>
    IReadOnlyList<GraphNode> NodesLabelled(IReadOnlyCollection<string> labels, string? targetOf = null);

    /// <summary>
    /// The first <paramref name="atMost"/> edges of one type at <paramref name="id"/> (outgoing, then incoming, sorted stably
    /// by source, then target) and whether more follow, reading the properties of those only.
    /// </summary>
    (IReadOnlyList<GraphEdge> Edges, bool More) FirstEdgesAt(string id, string edgeType, int atMost);

    /// <summary>Reads the nodes and (as asked) edges of <paramref name="ids"/> in one query each, kept for the point queries that follow.</summary>
    void Prefetch(IReadOnlyCollection<string> ids, bool nodes, bool outgoing, bool incoming);
}
