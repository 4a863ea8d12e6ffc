using KvGraph.Core.Resolution;
using QuikGraph;

namespace KvGraph.Core.Graph;

/// <summary>
/// The in-memory citation graph on QuikGraph (a bidirectional graph, so "who cites X" is as cheap as "what X cites").
/// Build it with <see cref="CitationGraphs"/>.
/// Related documents are ranked by <see cref="Relatedness"/>, which walks outward from the document only, never over all pairs.
/// </summary>
internal sealed class CitationGraph : ICitationGraph
{
    /// <summary>Upper bound on the nodes of one trace tree, so a dense graph cannot blow a deep trace up.</summary>
    public const int TraceBudget = 20000;

    private readonly Dictionary<string, GraphNode> _nodes;
    private readonly BidirectionalGraph<string, TaggedEdge<string, GraphEdge>> _graph = new(allowParallelEdges: true);
    private readonly Resolver _resolver;
    private readonly Relatedness _relatedness;

    public CitationGraph(Dictionary<string, GraphNode> nodes, List<GraphEdge> edges, Resolver resolver)
    {
        _nodes = nodes;
        _resolver = resolver;
        _graph.AddVertexRange(nodes.Keys);
        foreach (var e in edges)
        {
            // Every edge end has a node (FactsResolver adds placeholders); guard anyway so a bad fact cannot break loading.
            if (!_nodes.ContainsKey(e.Source))
            {
                AddMissing(e.Source);
            }

            if (!_nodes.ContainsKey(e.Target))
            {
                AddMissing(e.Target);
            }

            _graph.AddEdge(new TaggedEdge<string, GraphEdge>(e.Source, e.Target, e));
        }

        _relatedness = new Relatedness(
            _nodes,
            v => _graph.TryGetOutEdges(v, out var outs) ? outs.Select(e => e.Tag) : [],
            v => _graph.TryGetInEdges(v, out var ins) ? ins.Select(e => e.Tag) : []);
    }

    public int NodeCount => _nodes.Count;

    public int EdgeCount => _graph.EdgeCount;

    public IEnumerable<GraphNode> Nodes => _nodes.Values;

    public IEnumerable<GraphEdge> Edges => _graph.Edges.Select(e => e.Tag);

    public GraphNode? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_nodes.TryGetValue(id.Trim(), out var n))
        {
            return n;
        }

        return _resolver.Resolve(id) is { } canonical && _nodes.TryGetValue(canonical, out n) ? n : null;
    }

    public IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null) =>
        Find(id) is { } n && _graph.TryGetOutEdges(n.Id, out var edges)
            ? [.. edges.Select(e => e.Tag).Where(e => edgeType is null || e.Type == edgeType)]
            : [];

    public IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null) =>
        Find(id) is { } n && _graph.TryGetInEdges(n.Id, out var edges)
            ? [.. edges.Select(e => e.Tag).Where(e => edgeType is null || e.Type == edgeType)]
            : [];

    public TraceNode? Trace(string id, int depth = 3, bool reverse = false)
    {
        if (Find(id) is not { } root)
        {
            return null;
        }

        var budget = TraceBudget;
        var path = new HashSet<string>(StringComparer.Ordinal);
        return TraceFrom(root, null, Math.Max(0, depth), reverse, path, ref budget);
    }

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10) =>
        Find(id) is { } start ? _relatedness.Rank(start, limit) : [];

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) =>
        [.. _nodes.Values
            .Where(n => n.Label == NodeLabel.Placeholder)
            .Select(n =>
            {
                var citers = _graph.TryGetInEdges(n.Id, out var ins) ? ins.Where(e => e.Tag.Type == EdgeType.Cites).ToList() : [];
                var kind = n.Properties.GetValueOrDefault("kind") as string ?? NodeLabel.Placeholder;
                return new UnresolvedTarget(n.Id, kind, citers.Count, [.. citers.Select(e => e.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])
                {
                    Name = n.Name,
                    Candidates = n.Properties.GetValueOrDefault("candidates") as string,
                };
            })
            .Where(u => u.CitationCount > 0)
            .OrderByDescending(u => u.CitationCount)
            .ThenByDescending(u => u.CitedBy.Count)
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))];

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
                            path.Add(_nodes[x]);
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

    private IEnumerable<string> Neighbours(string v)
    {
        var outs = _graph.TryGetOutEdges(v, out var o) ? o.Where(e => e.Tag.Type == EdgeType.Cites).Select(e => e.Target) : [];
        var ins = _graph.TryGetInEdges(v, out var i) ? i.Where(e => e.Tag.Type == EdgeType.Cites).Select(e => e.Source) : [];
        return outs.Concat(ins).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    private TraceNode TraceFrom(GraphNode node, GraphEdge? via, int depth, bool reverse, HashSet<string> path, ref int budget)
    {
        budget--;
        if (path.Contains(node.Id))
        {
            return new TraceNode(node, via, [], Cycle: true);
        }

        if (depth == 0 || budget <= 0)
        {
            return new TraceNode(node, via, []);
        }

        IEnumerable<TaggedEdge<string, GraphEdge>> edges = reverse
            ? (_graph.TryGetInEdges(node.Id, out var ins) ? ins : [])
            : (_graph.TryGetOutEdges(node.Id, out var outs) ? outs : []);

        // One child per cited document: the first citation (by position in the text) stands for the edge.
        var steps = edges
            .Where(e => e.Tag.Type == EdgeType.Cites && (reverse ? e.Source : e.Target) != node.Id)
            .GroupBy(e => reverse ? e.Source : e.Target, StringComparer.Ordinal)
            .Select(g => (Node: _nodes[g.Key], Edge: g.OrderBy(e => Start(e.Tag)).First().Tag))
            .OrderBy(s => s.Node.Properties.GetValueOrDefault("date") as string ?? "9999", StringComparer.Ordinal)
            .ThenBy(s => s.Node.Id, StringComparer.Ordinal)
            .ToList();

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
        return new TraceNode(node, via, children);
    }

    private static long Start(GraphEdge e) => e.Properties.GetValueOrDefault("start") is long l ? l : e.Properties.GetValueOrDefault("start") is int i ? i : long.MaxValue;

    private void AddMissing(string id)
    {
        _nodes[id] = FactsResolver.Placeholder(id, null, null);
        _graph.AddVertex(id);
    }
}
