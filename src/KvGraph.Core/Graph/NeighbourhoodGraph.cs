namespace KvGraph.Core.Graph;

/// <summary>
/// What <see cref="ICitationGraph.Related"/> needs beyond a node's neighbourhood: which documents are one case (question,
/// answers, deferrals; <see cref="Relatedness"/>) and, for the rarity of a shared thing, how many cases have anything of its
/// kind. The in-memory graph works them out from its nodes; the store keeps them in tables updated at each build.
/// </summary>
public interface IRelatednessCounts
{
    /// <summary>The number of cases among the real documents.</summary>
    int CaseCount { get; }

    /// <summary>The case a document belongs to, named by its representative (the id itself when it is a case of its own).</summary>
    string Representative(string id);

    /// <summary>The documents of the case <paramref name="representative"/> names (itself alone when it is a case of its own).</summary>
    IReadOnlySet<string> Members(string representative);

    /// <summary>The number of cases with at least one counting <paramref name="edgeType"/> edge (to a <paramref name="label"/> node).</summary>
    int Population(string edgeType, string? label);

    /// <summary>
    /// A hint that the walk is about to ask for these ids' nodes, representatives and (as flagged) edges: a store reads them
    /// in one query instead of one per id. The answers stay those of the single calls; an in-memory graph ignores it.
    /// </summary>
    void Prefetch(IReadOnlyCollection<string> ids, bool nodes, bool outgoing, bool incoming) { }

    /// <summary>Whether <paramref name="id"/> is a document in the corpus, when the counts know it without the node (else null).</summary>
    bool? IsRealDocument(string id) => null;

    /// <summary>
    /// The number of cases with a counting <paramref name="edgeType"/> edge to <paramref name="thing"/>, as
    /// <see cref="Relatedness"/> counts them (the start's own case included), but never more than <paramref name="atMost"/>,
    /// when it can be known without reading the edges (a store counts by index and stops at <paramref name="atMost"/>); else
    /// null. <see cref="Relatedness"/> asks before it reads a thing's edges, so a hub shared by 100,000 documents is skipped
    /// unread. The count may fall short of the true one, never exceed it.
    /// </summary>
    int? CasesSharing(string thing, string edgeType, int atMost) => null;

    /// <summary>
    /// For each of <paramref name="ids"/>, the distinct other ends of its edges of one type that <see cref="Relatedness"/>
    /// counts, as its merged edges hold them (no self-edge; for MENTIONS not in a minister's role): the sources of the edges
    /// into it (<paramref name="incoming"/>) or the targets of those out of it, each at its first edge in the edges' order.
    /// A store reads them by index without the edges' properties (a thing shared by 2,000 documents is 2,000 keys, not
    /// 2,000 parsed edges); else null, and <see cref="Relatedness"/> reads the edges.
    /// </summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Ends(IReadOnlyCollection<string> ids, string edgeType, bool incoming) => null;
}

/// <summary>
/// The citation graph as a neighbourhood: a node by id, its outgoing and incoming edges. Every query that walks the graph
/// (<see cref="Trace"/>, <see cref="ShortestPath"/>, <see cref="Related"/>, alias look-up in <see cref="Find"/>) is
/// implemented here once, over <see cref="Node"/>, <see cref="Out"/> and <see cref="In"/>, so the in-memory graph
/// (QuikGraph) and the store's indexed graph (point queries over SQLite) answer them with the same code.
/// </summary>
public abstract class NeighbourhoodGraph : ICitationGraph
{
    /// <summary>Upper bound on the nodes of one trace tree, so a dense graph cannot blow a deep trace up (JSON and CSV list this many).</summary>
    public const int TraceBudget = 20000;

    public abstract int NodeCount { get; }

    public abstract int EdgeCount { get; }

    public abstract IEnumerable<GraphNode> Nodes { get; }

    public abstract IEnumerable<GraphEdge> Edges { get; }

    /// <summary>The node with exactly this canonical id, or null.</summary>
    public abstract GraphNode? Node(string id);

    /// <summary>Every edge leaving <paramref name="id"/> (an exact id), in the graph's order.</summary>
    public abstract IReadOnlyList<GraphEdge> Out(string id);

    /// <summary>Every edge arriving at <paramref name="id"/> (an exact id), in the graph's order.</summary>
    public abstract IReadOnlyList<GraphEdge> In(string id);

    /// <summary>
    /// The edges of one type leaving <paramref name="id"/>, as <see cref="Out"/> holds them (the same edges in the same
    /// order). A store reads only that type's rows: a motion's CITES are a few, its SUBMITTED_BY rows one per file naming it.
    /// </summary>
    protected virtual IReadOnlyList<GraphEdge> OutOfType(string id, string edgeType) => [.. Out(id).Where(e => e.Type == edgeType)];

    /// <summary>The edges of one type arriving at <paramref name="id"/>, as <see cref="In"/> holds them (see <see cref="OutOfType"/>).</summary>
    protected virtual IReadOnlyList<GraphEdge> InOfType(string id, string edgeType) => [.. In(id).Where(e => e.Type == edgeType)];

    /// <summary>The canonical id an alias (zaak, kv-tk-…, other id forms) stands for, or null.</summary>
    protected abstract string? Canonical(string alias);

    /// <summary>The case and population counts <see cref="Related"/> ranks with.</summary>
    protected abstract IRelatednessCounts RelatednessCounts { get; }

    public abstract IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50);

    public GraphNode? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Node(id.Trim()) is { } n)
        {
            return n;
        }

        return Canonical(id) is { } canonical ? Node(canonical) : null;
    }

    public void PrefetchNodes(IReadOnlyCollection<string> ids) => PrefetchNeighbours(ids, outgoing: false, incoming: false);

    public IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null) =>
        Find(id) is { } n ? [.. edgeType is null ? Out(n.Id) : OutOfType(n.Id, edgeType)] : [];

    public IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null) =>
        Find(id) is { } n ? [.. edgeType is null ? In(n.Id) : InOfType(n.Id, edgeType)] : [];

    public IReadOnlyList<string> TargetsOf(string id, string edgeType)
    {
        ArgumentNullException.ThrowIfNull(edgeType);
        return Find(id) is { } n ? OutTargets(n.Id, edgeType) : [];
    }

    public TraceNode? Trace(string id, int depth = 3, bool reverse = false, int budget = TraceBudget)
    {
        if (Find(id) is not { } root)
        {
            return null;
        }

        budget = Math.Clamp(budget, 1, TraceBudget);
        var path = new HashSet<string>(StringComparer.Ordinal);
        return TraceFrom(root, null, Math.Max(0, depth), reverse, path, ref budget);
    }

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10) =>
        Find(id) is { } start ? new Relatedness(Node, Out, In, RelatednessCounts, DatedNodes).Rank(start, limit) : [];

    public IReadOnlyList<GraphNode> ShortestPath(string fromId, string toId, int maxDepth = 6)
    {
        if (Find(fromId) is not { } from || Find(toId) is not { } to)
        {
            return [];
        }

        if (from.Id == to.Id)
        {
            return [from];
        }

        // Breadth-first over CITES in both directions, neighbours in id order so the path found is deterministic.
        var parent = new Dictionary<string, string>(StringComparer.Ordinal) { [from.Id] = from.Id };
        var frontier = new List<string> { from.Id };
        for (var depth = 0; depth < maxDepth && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var v in frontier)
            {
                foreach (var w in Neighbours(v))
                {
                    if (!parent.TryAdd(w, v))
                    {
                        continue;
                    }

                    if (w == to.Id)
                    {
                        var path = new List<GraphNode>();
                        for (var x = w; ; x = parent[x])
                        {
                            path.Add(NodeOrPlaceholder(x));
                            if (x == from.Id)
                            {
                                break;
                            }
                        }

                        path.Reverse();
                        return path;
                    }

                    next.Add(w);
                }
            }

            frontier = next;
        }

        return [];
    }

    /// <summary>
    /// A hint that a walk will read these ids' nodes and edges next (see <see cref="IRelatednessCounts.Prefetch"/>), of one
    /// type when <paramref name="edgeType"/> is given (<see cref="OutOfType"/>); nothing by default.
    /// </summary>
    protected virtual void PrefetchNeighbours(IReadOnlyCollection<string> ids, bool outgoing, bool incoming, string? edgeType = null)
    {
    }

    /// <summary>
    /// The CITES edges into <paramref name="id"/> (an exact id) for ordering a reverse trace's steps, each with at least its
    /// <c>start</c>, when reading them narrowly saves work (a store whose graph is an <see cref="ICitationKeys"/> and has not
    /// read them whole yet); else null, and the trace takes <see cref="InOfType"/>'s.
    /// </summary>
    protected virtual IReadOnlyList<GraphEdge>? NarrowCitesIn(string id) => null;

    /// <summary>
    /// The nodes of <paramref name="ids"/> that exist, each with at least its <c>date</c> property as <see cref="Node"/> has
    /// it, when a store reads them without the rest of their properties; else null, and <see cref="Node"/> is asked
    /// (<see cref="Relatedness"/> breaks the ties at its cut by date).
    /// </summary>
    protected virtual IReadOnlyList<GraphNode>? DatedNodes(IReadOnlyCollection<string> ids) => null;

    /// <summary>
    /// <see cref="TargetsOf"/> of an exact id: the distinct targets of <see cref="OutOfType"/>, each at its first edge. A store
    /// may read the targets alone, in the same order.
    /// </summary>
    protected virtual IReadOnlyList<string> OutTargets(string id, string edgeType) => CitationGraphs.DistinctTargets(OutOfType(id, edgeType));

    /// <summary>An edge end with no node of its own stands as a placeholder (resolved facts always add one; a guard).</summary>
    protected GraphNode NodeOrPlaceholder(string id) => Node(id) ?? Resolution.FactsResolver.Placeholder(id, null, null);

    private IEnumerable<string> Neighbours(string v)
    {
        var outs = OutOfType(v, EdgeType.Cites).Select(e => e.Target);
        var ins = InOfType(v, EdgeType.Cites).Select(e => e.Source);
        return outs.Concat(ins).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    private TraceNode TraceFrom(GraphNode node, GraphEdge? via, int depth, bool reverse, HashSet<string> path, ref int budget)
    {
        budget--;
        if (path.Contains(node.Id))
        {
            return new TraceNode(node, via, [], Cycle: true);
        }

        if (depth == 0)
        {
            return new TraceNode(node, via, []);
        }

        // A step is a CITES edge: only those are read (a cited motion's other edges can be one per file that names it). Into a
        // node whose citations are not read yet, a store reads them narrowly (positions only, NarrowCitesIn).
        var narrow = reverse ? NarrowCitesIn(node.Id) : null;
        var edges = narrow ?? (reverse ? InOfType(node.Id, EdgeType.Cites) : OutOfType(node.Id, EdgeType.Cites));
        if (budget <= 0)
        {
            // The budget ran out here: this node's steps are left out, and counted.
            return new TraceNode(node, via, []) { Omitted = edges.Where(e => IsStep(e, node, reverse)).Select(e => reverse ? e.Source : e.Target).Distinct(StringComparer.Ordinal).Count() };
        }

        // Every step's node is read (the steps are ordered by date), but only the steps the budget lets the walk take are
        // walked on, so only their edges are read: a hub cited 9,520 times shows 500 citers, not 9,520 citers' edges. Read
        // narrowly, each step's node holds its date (ICitationKeys.NodeKeys) until the walk reads the steps it takes whole.
        var ends = edges.Select(e => reverse ? e.Source : e.Target).Distinct(StringComparer.Ordinal).ToList();
        if (narrow is not null && ends.Count <= 2 * budget)
        {
            // The walk may take most steps (a JSON trace's budget is 20,000): reading them whole twice would cost more
            // than reading the citations whole once.
            (narrow, edges) = (null, InOfType(node.Id, EdgeType.Cites));
        }

        Dictionary<string, GraphNode>? light = null;
        if (narrow is not null && this is ICitationKeys keys)
        {
            light = keys.NodeKeys(ends).ToDictionary(n => n.Id, StringComparer.Ordinal);
        }
        else
        {
            PrefetchNodes(ends);
        }

        // One child per cited document: the first citation (by position in the text) stands for the edge.
        var steps = edges
            .Where(e => IsStep(e, node, reverse))
            .GroupBy(e => reverse ? e.Source : e.Target, StringComparer.Ordinal)
            .Select(g => new TraceStep(light?.GetValueOrDefault(g.Key) ?? NodeOrPlaceholder(g.Key), FirstByStart(g)))
            .OrderBy(s => s.Node.Properties.GetValueOrDefault("date") as string ?? "9999", StringComparer.Ordinal)
            .ThenBy(s => s.Node.Id, StringComparer.Ordinal)
            .ToList();
        if (light is not null && this is ICitationKeys whole)
        {
            // The steps the walk may take, whole: their nodes, and the first citation of the node from their own CITES
            // edges (the same edge: a source's edges keep their order whichever end they are read by).
            var taken = steps.Take(budget).Select(s => s.Node.Id).ToList();
            whole.PrefetchCites(taken);
            for (var i = 0; i < taken.Count; i++)
            {
                var id = taken[i];
                steps[i] = new TraceStep(NodeOrPlaceholder(id), FirstByStart(OutOfType(id, EdgeType.Cites).Where(e => e.Target == node.Id)));
            }
        }
        if (depth > 1)
        {
            PrefetchNeighbours([.. steps.Take(budget).Select(s => s.Node.Id)], !reverse, reverse, EdgeType.Cites);
        }

        path.Add(node.Id);
        var children = new List<TraceNode>(steps.Count);
        foreach (var (child, edge) in steps)
        {
            if (budget <= 0)
            {
                break;
            }

            children.Add(TraceFrom(child, edge, depth - 1, reverse, path, ref budget));
        }

        path.Remove(node.Id);
        return new TraceNode(node, via, children) { Omitted = steps.Count - children.Count };
    }

    private static bool IsStep(GraphEdge e, GraphNode node, bool reverse) => e.Type == EdgeType.Cites && (reverse ? e.Source : e.Target) != node.Id;

    /// <summary>
    /// The edge with the smallest start, the first of equals (what <c>OrderBy(Start).First()</c> gives) without the sort:
    /// LINQ's ordering over a <c>long</c> key is generic code the ReadyToRun image cannot hold, so every trace paid its JIT.
    /// </summary>
    private static GraphEdge FirstByStart(IEnumerable<GraphEdge> edges)
    {
        GraphEdge? first = null;
        var least = long.MaxValue;
        foreach (var e in edges)
        {
            var start = Start(e);
            if (first is null || start < least)
            {
                (first, least) = (e, start);
            }
        }

        return first ?? throw new InvalidOperationException("A step has at least one citation.");
    }

    /// <summary>
    /// A step of a trace: a class, not a value tuple, so the LINQ and list code over the steps is the shared (reference
    /// type) code precompiled in the framework's images, not an instantiation over a value tuple compiled at run time.
    /// </summary>
    private sealed record TraceStep(GraphNode Node, GraphEdge Edge);

    private static long Start(GraphEdge e) => e.Properties.GetValueOrDefault("start") is long l ? l : e.Properties.GetValueOrDefault("start") is int i ? i : long.MaxValue;
}
