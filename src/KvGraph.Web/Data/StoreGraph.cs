using KvGraph.Core.Graph;
using KvGraph.Store;

namespace KvGraph.Web.Data;

/// <summary>
/// The explorer's graph of one store version: every point query (find, edges, trace, related, shortest path, unresolved,
/// counts) runs on the store's indexed graph (<see cref="IKvStore.Graph"/>) over a pooled read-only connection, one
/// connection per call, so concurrent requests never share one. Only <see cref="Nodes"/> and <see cref="Edges"/> (the start
/// page's lists, motion lists, party pages, filters over every document) need the whole graph; it is loaded on first such
/// use, and from then on answers this version's point queries too.
/// </summary>
internal sealed class StoreGraph(long version, Func<Func<IKvStore, object>, object> use, Func<ICitationGraph> whole) : ICitationGraph
{
    private readonly Lazy<ICitationGraph> _whole = new(whole, LazyThreadSafetyMode.ExecutionAndPublication);

    public long Version { get; } = version;

    public int NodeCount => Use(g => g.NodeCount);

    public int EdgeCount => Use(g => g.EdgeCount);

    public IEnumerable<GraphNode> Nodes => _whole.Value.Nodes;

    public IEnumerable<GraphEdge> Edges => _whole.Value.Edges;

    public GraphNode? Find(string id) => Use(g => g.Find(id));

    public IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null) => Use(g => g.Outgoing(id, edgeType));

    public IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null) => Use(g => g.Incoming(id, edgeType));

    public TraceNode? Trace(string id, int depth = 3, bool reverse = false, int budget = NeighbourhoodGraph.TraceBudget) => Use(g => g.Trace(id, depth, reverse, budget));

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10) => Use(g => g.Related(id, limit));

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => Use(g => g.Unresolved(limit));

    public IReadOnlyList<GraphNode> ShortestPath(string fromId, string toId, int maxDepth = 6) => Use(g => g.ShortestPath(fromId, toId, maxDepth));

    // Once something loaded the whole graph (a motion list, a party page walks every motion), the rest of this version's
    // queries answer from it: the same answers, and those pages make thousands of point queries.
    private T Use<T>(Func<ICitationGraph, T> query) =>
        _whole.IsValueCreated ? query(_whole.Value) : (T)use(store => query(store.Graph())!)!;
}
