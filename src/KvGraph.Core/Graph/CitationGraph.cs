using KvGraph.Core.Resolution;
using QuikGraph;

namespace KvGraph.Core.Graph;

/// <summary>
/// The in-memory citation graph on QuikGraph (a bidirectional graph, so "who cites X" is as cheap as "what X cites").
/// Build it with <see cref="CitationGraphs"/>. The walks (trace, related, shortest path) are <see cref="NeighbourhoodGraph"/>'s,
/// shared with the store's indexed graph; related documents are ranked by <see cref="Relatedness"/>, which walks outward
/// from the document only, never over all pairs.
/// </summary>
internal sealed class CitationGraph : NeighbourhoodGraph
{
    private readonly Dictionary<string, GraphNode> _nodes;
    private readonly BidirectionalGraph<string, TaggedEdge<string, GraphEdge>> _graph = new(allowParallelEdges: true);
    private readonly Resolver _resolver;
    private readonly Lazy<IRelatednessCounts> _counts;

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

        _counts = new(() => Relatedness.CountsOf(_nodes, Out));
    }

    public override int NodeCount => _nodes.Count;

    public override int EdgeCount => _graph.EdgeCount;

    public override IEnumerable<GraphNode> Nodes => _nodes.Values;

    public override IEnumerable<GraphEdge> Edges => _graph.Edges.Select(e => e.Tag);

    protected override IRelatednessCounts RelatednessCounts => _counts.Value;

    public override GraphNode? Node(string id) => _nodes.GetValueOrDefault(id);

    public override IReadOnlyList<GraphEdge> Out(string id) => _graph.TryGetOutEdges(id, out var edges) ? [.. edges.Select(e => e.Tag)] : [];

    public override IReadOnlyList<GraphEdge> In(string id) => _graph.TryGetInEdges(id, out var edges) ? [.. edges.Select(e => e.Tag)] : [];

    protected override string? Canonical(string alias) => _resolver.Resolve(alias);

    public override IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) =>
        [.. _nodes.Values
            .Where(n => n.Label == NodeLabel.Placeholder)
            .Select(n =>
            {
                var citers = _graph.TryGetInEdges(n.Id, out var ins) ? ins.Where(e => e.Tag.Type == EdgeType.Cites).ToList() : [];
                return UnresolvedTargets.Of(n, citers.Count, citers.Select(e => e.Source));
            })
            .Where(u => u.CitationCount > 0)
            .OrderBy(u => u, UnresolvedTargets.Order)
            .Take(Math.Max(0, limit))];

    private void AddMissing(string id)
    {
        _nodes[id] = FactsResolver.Placeholder(id, null, null);
        _graph.AddVertex(id);
    }
}

/// <summary>One cited target not in the corpus as <see cref="ICitationGraph.Unresolved"/> lists it, and the list's order.</summary>
public static class UnresolvedTargets
{
    /// <summary>Most cited first, then most citers, then id.</summary>
    public static IComparer<UnresolvedTarget> Order { get; } = Comparer<UnresolvedTarget>.Create((a, b) =>
        b.CitationCount != a.CitationCount ? b.CitationCount.CompareTo(a.CitationCount)
        : b.CitedBy.Count != a.CitedBy.Count ? b.CitedBy.Count.CompareTo(a.CitedBy.Count)
        : string.CompareOrdinal(a.Id, b.Id));

    /// <summary>The entry for placeholder <paramref name="node"/>, cited <paramref name="citations"/> times by <paramref name="citers"/>.</summary>
    public static UnresolvedTarget Of(GraphNode node, int citations, IEnumerable<string> citers)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(citers);
        var kind = node.Properties.GetValueOrDefault("kind") as string ?? NodeLabel.Placeholder;
        return new UnresolvedTarget(node.Id, kind, citations, [.. citers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])
        {
            Name = node.Name,
            Candidates = node.Properties.GetValueOrDefault("candidates") as string,
        };
    }
}
