using System.Collections.Concurrent;
using KvGraph.Core.Graph;
using KvGraph.Store.Sqlite;

namespace KvGraph.Web.Data;

/// <summary>
/// What the explorer keeps of one store version's entities across requests and connections: the merged nodes of people,
/// parties, offices, topics, countries and organisations, and their outgoing edges (a person's party memberships). Every
/// document that names one asserts its node and edges again, so the indexed graph merges thousands of rows to read one
/// (<c>topic:de</c> on 100,000 generated documents: 66,603), on each pooled connection, after each of its cache resets.
/// Bounded by <see cref="MaxEntries"/>: past it, entities are read as any node is.
/// </summary>
internal sealed class EntityCache(long version)
{
    /// <summary>Most entities kept (the corpus names a few thousand people; the rest are tens).</summary>
    internal const int MaxEntries = 20_000;

    private static readonly HashSet<string> EntityLabels = new(StringComparer.Ordinal)
    {
        NodeLabel.Person, NodeLabel.Party, NodeLabel.Office, NodeLabel.Topic, NodeLabel.Country, NodeLabel.Organisation,
    };

    public long Version { get; } = version;

    internal ConcurrentDictionary<string, GraphNode> Nodes { get; } = new(StringComparer.Ordinal);

    internal ConcurrentDictionary<string, IReadOnlyList<GraphEdge>> Outgoing { get; } = new(StringComparer.Ordinal);

    /// <summary>Most first-edge pages kept (<see cref="FirstEdges"/>): a page is at most a neighbourhood's worth of edges.</summary>
    internal const int MaxPages = 1_024;

    /// <summary>
    /// The first edges of a type at a node as the neighbourhood view reads them (<see cref="IIndexedReads.FirstEdgesAt"/>),
    /// by node, type and how many: a hub's page is read once per version, not once per request and connection.
    /// </summary>
    internal ConcurrentDictionary<(string Id, string Type, int AtMost), (IReadOnlyList<GraphEdge> Edges, bool More)> FirstEdges { get; } = new();

    internal static bool IsEntity(GraphNode node) => EntityLabels.Contains(node.Label);

    internal void Keep<T>(ConcurrentDictionary<string, T> cache, string id, T value)
    {
        if (cache.Count < MaxEntries)
        {
            cache.TryAdd(id, value);
        }
    }
}

/// <summary>
/// The store's indexed graph for one request (<see cref="StoreExplorerSource.Read{T}"/>) with the version's
/// <see cref="EntityCache"/> in front of it: entity nodes and their outgoing edges, and the neighbourhood view's pages of
/// first edges, come from the cache once read; every other query, and the other batched reads of <see cref="IIndexedReads"/>,
/// go to the indexed graph.
/// </summary>
internal sealed class EntityCachedGraph(ICitationGraph inner, IIndexedReads reads, EntityCache cache) : ICitationGraph, IIndexedReads
{
    public int NodeCount => inner.NodeCount;

    public int EdgeCount => inner.EdgeCount;

    public IEnumerable<GraphNode> Nodes => inner.Nodes;

    public IEnumerable<GraphEdge> Edges => inner.Edges;

    public GraphNode? Find(string id)
    {
        if (cache.Nodes.TryGetValue(id, out var known))
        {
            return known;
        }

        var node = inner.Find(id);
        if (node is not null && node.Id == id && EntityCache.IsEntity(node))
        {
            cache.Keep(cache.Nodes, id, node);
        }

        return node;
    }

    public void PrefetchNodes(IReadOnlyCollection<string> ids) => inner.PrefetchNodes([.. ids.Where(id => !cache.Nodes.ContainsKey(id))]);

    public IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null)
    {
        if (!cache.Outgoing.TryGetValue(id, out var all))
        {
            if (!cache.Nodes.ContainsKey(id))
            {
                return inner.Outgoing(id, edgeType);
            }

            all = inner.Outgoing(id);
            cache.Keep(cache.Outgoing, id, all);
        }

        return edgeType is null ? all : [.. all.Where(e => e.Type == edgeType)];
    }

    public IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null) => inner.Incoming(id, edgeType);

    // From the edges kept here when there are, else the inner graph's targets alone (not read and kept whole for this).
    public IReadOnlyList<string> TargetsOf(string id, string edgeType) =>
        cache.Outgoing.TryGetValue(id, out var all)
            ? CitationGraphs.DistinctTargets(all.Where(e => e.Type == edgeType))
            : inner.TargetsOf(id, edgeType);

    public TraceNode? Trace(string id, int depth = 3, bool reverse = false, int budget = NeighbourhoodGraph.TraceBudget) => inner.Trace(id, depth, reverse, budget);

    public IReadOnlyList<RelatedDocument> Related(string id, int limit = 10) => inner.Related(id, limit);

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => inner.Unresolved(limit);

    public IReadOnlyList<GraphNode> ShortestPath(string fromId, string toId, int maxDepth = 6) => inner.ShortestPath(fromId, toId, maxDepth);

    public IReadOnlyList<GraphNode> NodesLabelled(IReadOnlyCollection<string> labels, string? targetOf = null) => reads.NodesLabelled(labels, targetOf);

    public (IReadOnlyList<GraphEdge> Edges, bool More) FirstEdgesAt(string id, string edgeType, int atMost)
    {
        if (cache.FirstEdges.TryGetValue((id, edgeType, atMost), out var known))
        {
            return known;
        }

        var page = reads.FirstEdgesAt(id, edgeType, atMost);
        if (cache.FirstEdges.Count < EntityCache.MaxPages)
        {
            cache.FirstEdges.TryAdd((id, edgeType, atMost), page);
        }

        return page;
    }

    public void Prefetch(IReadOnlyCollection<string> ids, bool nodes, bool outgoing, bool incoming) =>
        reads.Prefetch([.. ids.Where(id => !cache.Nodes.ContainsKey(id))], nodes, outgoing, incoming);
}
