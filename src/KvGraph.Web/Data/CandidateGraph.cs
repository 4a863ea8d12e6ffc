using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;

namespace KvGraph.Web.Data;

/// <summary>
/// One graph seen by a caller that walks <see cref="ICitationGraph.Nodes"/> only to pick one kind of node (Core's
/// <see cref="Motions.List"/> and <see cref="Motions.Stats"/> pick motions): <see cref="Nodes"/> are the candidates the
/// store reads by index (a superset of what the caller picks, so it picks the same), and every other query goes to the
/// graph underneath. Over the store's indexed graph, walking the candidates reads each chunk's nodes, edges and neighbours
/// in a few batched queries first (<see cref="IIndexedReads.Prefetch"/>), so the point queries the caller makes per node
/// are answered from that graph's caches, not one query each.
/// </summary>
internal sealed class CandidateGraph : ICitationGraph
{
    /// <summary>Candidates read ahead at once: enough to batch, few enough that the indexed graph's bounded caches hold a chunk.</summary>
    internal const int Chunk = 256;

    // Neighbours whose nodes and outgoing edges the per-node questions read (a unit's other half, askers, sponsors and
    // answerers with their parties, the vote records and the parties that voted).
    private static readonly HashSet<string> NeighbourTypes = new(StringComparer.Ordinal)
    {
        EdgeType.Answers, EdgeType.AskedBy, EdgeType.SubmittedBy, EdgeType.AnsweredBy, EdgeType.RecordsVote, EdgeType.Voted,
    };

    private readonly ICitationGraph inner;
    private readonly Func<IReadOnlyList<GraphNode>> candidates;
    private readonly Func<GraphNode, ReadAhead> ahead;

    /// <param name="inner">The graph every point query goes to.</param>
    /// <param name="candidates">Every node the caller may pick (read when <see cref="Nodes"/> is walked).</param>
    /// <param name="ahead">What the caller will ask about this candidate, so what to read ahead (everything by default).</param>
    public CandidateGraph(ICitationGraph inner, Func<IReadOnlyList<GraphNode>> candidates, Func<GraphNode, ReadAhead>? ahead = null)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
        this.candidates = candidates ?? throw new ArgumentNullException(nameof(candidates));
        this.ahead = ahead ?? (_ => ReadAhead.All);
    }

    /// <summary>What is read ahead of a candidate before the caller asks about it.</summary>
    internal enum ReadAhead
    {
        /// <summary>Nothing: the caller asks nothing of it, or knows it already.</summary>
        None,

        /// <summary>Its node, its edges both ways, who cites it and the people, parties and records around it.</summary>
        All,
    }

    /// <summary>
    /// Every node that can be a motion as <see cref="Motions.All"/> counts one: those labelled Motion and every target of a
    /// vote record (a cited motion whose vote a source records); null when <paramref name="graph"/> is not the store's
    /// indexed graph (then the graph's own <see cref="ICitationGraph.Nodes"/> serve).
    /// </summary>
    public static IReadOnlyList<GraphNode>? MotionCandidates(ICitationGraph graph) =>
        graph is IIndexedReads reads ? reads.NodesLabelled([NodeLabel.Motion], EdgeType.RecordsVote) : null;

    public int NodeCount => inner.NodeCount;

    public int EdgeCount => inner.EdgeCount;

    public IEnumerable<GraphNode> Nodes
    {
        get
        {
            var all = candidates();
            for (var at = 0; at < all.Count; at += Chunk)
            {
                var chunk = all.Skip(at).Take(Chunk).ToList();
                var plan = chunk.ToLookup(ahead);
                ReadAll([.. plan[ReadAhead.All].Select(n => n.Id)]);

                foreach (var node in chunk)
                {
                    yield return node;
                }
            }
        }
    }

    public IEnumerable<GraphEdge> Edges => inner.Edges;

    public GraphNode? Find(string id) => inner.Find(id);

    public void PrefetchNodes(IReadOnlyCollection<string> ids) => inner.PrefetchNodes(ids);

    public IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null) => inner.Outgoing(id, edgeType);

    public IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null) => inner.Incoming(id, edgeType);

    public IReadOnlyList<string> TargetsOf(string id, string edgeType) => inner.TargetsOf(id, edgeType);

    public TraceNode? Trace(string id, int depth = 3, bool reverse = false, int budget = NeighbourhoodGraph.TraceBudget) => inner.Trace(id, depth, reverse, budget);

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10) => inner.Related(id, limit);

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => inner.Unresolved(limit);

    public IReadOnlyList<GraphNode> ShortestPath(string fromId, string toId, int maxDepth = 6) => inner.ShortestPath(fromId, toId, maxDepth);

    // The chunk's nodes and edges in one batch, then the neighbours its questions read (nodes and outgoing edges).
    private void ReadAll(List<string> ids)
    {
        if (ids.Count == 0 || inner is not IIndexedReads reads)
        {
            return;
        }

        reads.Prefetch(ids, nodes: true, outgoing: true, incoming: true);
        var neighbours = new HashSet<string>(StringComparer.Ordinal);
        var citers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            neighbours.UnionWith(inner.Outgoing(id).Where(e => NeighbourTypes.Contains(e.Type)).Select(e => e.Target));
            foreach (var e in inner.Incoming(id))
            {
                if (NeighbourTypes.Contains(e.Type))
                {
                    neighbours.Add(e.Source);
                }
                else if (e.Type == EdgeType.Cites)
                {
                    citers.Add(e.Source);
                }
            }
        }

        // Who cites the chunk (dates and names for "cited by"), and the people, parties and records around it.
        citers.ExceptWith(neighbours);
        if (citers.Count > 0)
        {
            reads.Prefetch(citers, nodes: true, outgoing: false, incoming: false);
        }

        if (neighbours.Count > 0)
        {
            reads.Prefetch(neighbours, nodes: true, outgoing: true, incoming: false);
        }
    }
}
