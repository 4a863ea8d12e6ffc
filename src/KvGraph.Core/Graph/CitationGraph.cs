using KvGraph.Core.Resolution;
using QuikGraph;

namespace KvGraph.Core.Graph;

/// <summary>
/// The in-memory citation graph on QuikGraph (a bidirectional graph, so "who cites X" is as cheap as "what X cites").
/// Build it with <see cref="CitationGraphs"/>.
/// <para>
/// Related documents (<see cref="Related"/>) walk outward from the document only, never over all pairs: from its cited
/// targets to their other citers (bibliographic coupling), from its citers to what else they cite (co-citation), and
/// from its askers, answerers, countries and topics to the other documents that have them. A question and its answer
/// count as one: features of both are used and a candidate question is reported as its answer when the corpus has one.
/// Each shared thing contributes <c>weight × 1/log2(1 + n)</c>, n = the number of other documents sharing it, so rare
/// shared things count more; things shared by more than <see cref="HubLimit"/> documents are skipped. Weights:
/// coupling 3, co-citation 2, asker 1.5, answerer 1, topic 1, country 0.5.
/// </para>
/// </summary>
internal sealed class CitationGraph : ICitationGraph
{
    /// <summary>Features shared by more documents than this say nothing about relatedness (and would make a query slow).</summary>
    public const int HubLimit = 2000;

    /// <summary>Upper bound on the nodes of one trace tree, so a dense graph cannot blow a deep trace up.</summary>
    public const int TraceBudget = 20000;

    private static readonly (string Kind, string EdgeType, string? TargetLabel, double Weight)[] SharedFeatures =
    [
        ("asker", EdgeType.AskedBy, NodeLabel.Person, 1.5),
        ("answerer", EdgeType.AnsweredBy, NodeLabel.Person, 1.0),
        ("topic", EdgeType.About, NodeLabel.Topic, 1.0),
        ("country", EdgeType.Mentions, NodeLabel.Country, 0.5),
    ];

    private const double CouplingWeight = 3.0;
    private const double CocitationWeight = 2.0;

    private readonly Dictionary<string, GraphNode> _nodes;
    private readonly BidirectionalGraph<string, TaggedEdge<string, GraphEdge>> _graph = new(allowParallelEdges: true);
    private readonly Resolver _resolver;

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

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10)
    {
        if (Find(id) is not { } start)
        {
            return [];
        }

        var group = Group(start.Id);
        var groupReps = group.Select(Representative).ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<string, Dictionary<(string Kind, string Detail), double>>(StringComparer.Ordinal);

        void Add(string candidate, string kind, string detail, double score)
        {
            var rep = Representative(candidate);
            if (groupReps.Contains(rep) || !_nodes.TryGetValue(rep, out var node) || !IsRealDocument(node))
            {
                return;
            }

            if (!scores.TryGetValue(rep, out var reasons))
            {
                scores[rep] = reasons = [];
            }

            // One shared thing counts once per candidate, however many edges express it.
            reasons.TryAdd((kind, detail), score);
        }

        // Bibliographic coupling: what we cite, who else cites it.
        foreach (var target in Targets(group, EdgeType.Cites, null))
        {
            var citers = Sources(target, EdgeType.Cites).Select(Representative).Where(r => !groupReps.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
            if (citers.Count is 0 or > HubLimit)
            {
                continue;
            }

            var score = CouplingWeight * Idf(citers.Count);
            foreach (var c in citers)
            {
                Add(c, "coupling", target, score);
            }
        }

        // Co-citation: who cites us, what else they cite.
        foreach (var citer in group.SelectMany(g => Sources(g, EdgeType.Cites)).Distinct(StringComparer.Ordinal).ToList())
        {
            var others = Targets([citer], EdgeType.Cites, null).Where(t => !group.Contains(t)).ToList();
            if (others.Count is 0 or > HubLimit)
            {
                continue;
            }

            var score = CocitationWeight * Idf(others.Count);
            foreach (var t in others)
            {
                Add(t, "cocitation", citer, score);
            }
        }

        foreach (var (kind, edgeType, label, weight) in SharedFeatures)
        {
            foreach (var feature in Targets(group, edgeType, label))
            {
                var sharers = Sources(feature, edgeType).Select(Representative).Where(r => !groupReps.Contains(r)).Distinct(StringComparer.Ordinal).ToList();
                if (sharers.Count is 0 or > HubLimit)
                {
                    continue;
                }

                var score = weight * Idf(sharers.Count);
                var detail = _nodes.TryGetValue(feature, out var fn) ? fn.Name ?? feature : feature;
                foreach (var s in sharers)
                {
                    Add(s, kind, detail, score);
                }
            }
        }

        return [.. scores
            .Select(kv => new RelatedDocument(
                _nodes[kv.Key],
                Math.Round(kv.Value.Values.Sum(), 3),
                [.. kv.Value.Select(r => new RelatedReason(r.Key.Kind, r.Key.Detail, Math.Round(r.Value, 3)))
                    .OrderByDescending(r => r.Score).ThenBy(r => r.Kind, StringComparer.Ordinal).ThenBy(r => r.Detail, StringComparer.Ordinal)]))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Node.Id, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))];
    }

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

    /// <summary>The document and its pair (question ↔ answer).</summary>
    private HashSet<string> Group(string id)
    {
        var group = new HashSet<string>(StringComparer.Ordinal) { id };
        group.UnionWith(Targets([id], EdgeType.Answers, null));
        group.UnionWith(Sources(id, EdgeType.Answers));
        return group;
    }

    /// <summary>A question is represented by its answer when the corpus has one (the answer carries the questions).</summary>
    private string Representative(string id) =>
        _nodes.TryGetValue(id, out var n) && n.Label == NodeLabel.Question && Sources(id, EdgeType.Answers).Order(StringComparer.Ordinal).FirstOrDefault() is { } answer
            ? answer
            : id;

    private IEnumerable<string> Targets(IEnumerable<string> sources, string edgeType, string? label) =>
        sources.SelectMany(s => _graph.TryGetOutEdges(s, out var es) ? es : [])
            .Where(e => e.Tag.Type == edgeType && (label is null || (_nodes.TryGetValue(e.Target, out var t) && t.Label == label)))
            .Select(e => e.Target)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private IEnumerable<string> Sources(string target, string edgeType) =>
        _graph.TryGetInEdges(target, out var es) ? es.Where(e => e.Tag.Type == edgeType).Select(e => e.Source) : [];

    private static bool IsRealDocument(GraphNode n) => n.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(n.Label);

    private static double Idf(int n) => 1.0 / Math.Log2(1 + n);

    private void AddMissing(string id)
    {
        _nodes[id] = FactsResolver.Placeholder(id, null, null);
        _graph.AddVertex(id);
    }
}
