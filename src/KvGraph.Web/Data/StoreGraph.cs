using KvGraph.Core.Graph;
using KvGraph.Store;

namespace KvGraph.Web.Data;

/// <summary>
/// The served graph of one store version (<see cref="StoreExplorerSource.Graph"/>): every query (find, edges, trace,
/// related, shortest path, unresolved, counts) runs on the store's indexed graph (<see cref="IKvStore.Graph"/>) over a
/// pooled read-only connection, one connection per call, so concurrent calls never share one. Nothing is loaded or kept
/// here: <see cref="Nodes"/> and <see cref="Edges"/> read every row each time they are walked (no explorer view walks them;
/// the views list motions and documents by label through <see cref="CandidateGraph"/>).
/// </summary>
internal sealed class StoreGraph(long version, Func<Func<IKvStore, object>, object> use) : ICitationGraph
{
    public long Version { get; } = version;

    public int NodeCount => Use(g => g.NodeCount);

    public int EdgeCount => Use(g => g.EdgeCount);

    public IEnumerable<GraphNode> Nodes => Use(g => g.Nodes.ToList());

    public IEnumerable<GraphEdge> Edges => Use(g => g.Edges.ToList());

    public GraphNode? Find(string id) => Use(g => g.Find(id));

    public IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null) => Use(g => g.Outgoing(id, edgeType));

    public IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null) => Use(g => g.Incoming(id, edgeType));

    public IReadOnlyList<string> TargetsOf(string id, string edgeType) => Use(g => g.TargetsOf(id, edgeType));

    public TraceNode? Trace(string id, int depth = 3, bool reverse = false, int budget = NeighbourhoodGraph.TraceBudget) => Use(g => g.Trace(id, depth, reverse, budget));

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10) => Use(g => g.Related(id, limit));

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => Use(g => g.Unresolved(limit));

    public IReadOnlyList<GraphNode> ShortestPath(string fromId, string toId, int maxDepth = 6) => Use(g => g.ShortestPath(fromId, toId, maxDepth));

    private T Use<T>(Func<ICitationGraph, T> query) => (T)use(store => query(store.Graph())!)!;
}
