namespace KvGraph.Core.Graph;

/// <summary>One step of a citation chain: the edge taken and the subtree below it.</summary>
/// <param name="Node">The node reached.</param>
/// <param name="Via">The CITES edge that led here (null at the root).</param>
/// <param name="Children">What this node cites (or, reversed, who cites it), in a defined order: date, then id.</param>
/// <param name="Cycle">True when the node was already on the path; its children are not expanded again.</param>
public sealed record TraceNode(GraphNode Node, GraphEdge? Via, IReadOnlyList<TraceNode> Children, bool Cycle = false)
{
    /// <summary>Steps from this node left out of <see cref="Children"/> because the trace's budget of nodes ran out.</summary>
    public int Omitted { get; init; }
}

/// <summary>A reason why two documents are related, with its share of the score.</summary>
/// <param name="Kind">cites, citedby (one cites the other), coupling (a shared citation), cocitation (cited together), topic,
/// organisation, person (named in both), country, asker, answerer; see <see cref="Relatedness"/> for their weights.</param>
/// <param name="Detail">What is shared: the cited id, the person, the country…</param>
/// <param name="Score">This reason's contribution.</param>
public sealed record RelatedReason(string Kind, string Detail, double Score);

/// <summary>A related document, ranked by <see cref="Score"/> (descending; ties by citation reasons, date closeness, id).</summary>
public sealed record RelatedDocument(GraphNode Node, double Score, IReadOnlyList<RelatedReason> Reasons);

/// <summary>A cited target that is not in the corpus, with how often and by whom it is cited.</summary>
public sealed record UnresolvedTarget(string Id, string Label, int CitationCount, IReadOnlyList<string> CitedBy)
{
    /// <summary>The placeholder's display name ("motie Simons c.s.").</summary>
    public string? Name { get; init; }

    /// <summary>For an unresolved mention (an unnumbered motion no motion matched well enough): the best candidates with their scores.</summary>
    public string? Candidates { get; init; }
}

/// <summary>
/// Read-only queries over the citation graph. The in-memory implementation is QuikGraph; Neo4j answers
/// the same questions with the statements in <c>cypher/queries</c>, and tests compare the two.
/// </summary>
public interface ICitationGraph
{
    int NodeCount { get; }

    int EdgeCount { get; }

    IEnumerable<GraphNode> Nodes { get; }

    IEnumerable<GraphEdge> Edges { get; }

    /// <summary>The node, or null. Cited ids not in the corpus come back as <see cref="NodeLabel.Placeholder"/>.</summary>
    GraphNode? Find(string id);

    /// <summary>
    /// A hint that <see cref="Find"/> is about to be asked for each of these (canonical) ids: a store reads their nodes in one
    /// query instead of one per id (a hub's 2,000 citers). The answers stay those of the single calls; by default nothing.
    /// </summary>
    void PrefetchNodes(IReadOnlyCollection<string> ids) { }

    IReadOnlyList<GraphEdge> Outgoing(string id, string? edgeType = null);

    IReadOnlyList<GraphEdge> Incoming(string id, string? edgeType = null);

    /// <summary>
    /// The distinct targets of the node's outgoing edges of one type, in the order <see cref="Outgoing"/> lists them (each at
    /// its first edge): a motion's sponsors, a document's dossier. A store answers this from the targets alone: a motion cited
    /// by 9,000 files has a SUBMITTED_BY row from each, of one or two people.
    /// </summary>
    IReadOnlyList<string> TargetsOf(string id, string edgeType) => CitationGraphs.DistinctTargets(Outgoing(id, edgeType));

    /// <summary>
    /// The citation chain from <paramref name="id"/>: what it cites transitively, or with <paramref name="reverse"/> who cites
    /// it; at most <paramref name="budget"/> nodes, the first in depth-first order (<see cref="TraceNode.Omitted"/> counts the
    /// steps left out below each node).
    /// </summary>
    TraceNode? Trace(string id, int depth = 3, bool reverse = false, int budget = NeighbourhoodGraph.TraceBudget);

    /// <summary>Related documents ranked by direct and shared citations, co-citation, then rare shared topics, organisations, people and countries (<see cref="Relatedness"/>).</summary>
    IReadOnlyList<RelatedDocument> Related(string id, int limit = 10);

    /// <summary>Cited targets not in the corpus, most cited first.</summary>
    IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50);

    /// <summary>The shortest CITES path between two documents (either direction), or empty.</summary>
    IReadOnlyList<GraphNode> ShortestPath(string fromId, string toId, int maxDepth = 6);
}
