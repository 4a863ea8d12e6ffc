using KvGraph.Core.Graph;

namespace KvGraph.Web.Data;

/// <summary>
/// The explorer's <see cref="IExplorerData"/>: each call runs in one <see cref="IExplorerSource.Read{T}"/> and answers from
/// an <see cref="ExplorerData"/> over that request's graph, so a view never mixes two graphs; what is kept across requests
/// (<see cref="GraphVersionState"/>) belongs to one store version, and a build that commits a new one starts it afresh.
/// </summary>
internal sealed class SnapshotExplorerData(IExplorerSource source) : IExplorerData
{
    private GraphVersionState? current;

    /// <summary>The state kept for the version last read, for the tests.</summary>
    internal GraphVersionState? Current => Volatile.Read(ref current);

    public SearchPageView Search(string query, DocumentFilter filter, int page, int pageSize) => For(d => d.Search(query, filter, page, pageSize));

    public DocumentView? Document(string id, DocumentFilter? filter = null) => For(d => d.Document(id, filter));

    public NeighbourhoodView? Neighbourhood(string id, int limit) => For(d => d.Neighbourhood(id, limit));

    public TraceView? Trace(string id, int depth, bool reverse) => For(d => d.Trace(id, depth, reverse));

    public IReadOnlyList<RelatedView>? Related(string id, int limit, DocumentFilter? filter = null) => For(d => d.Related(id, limit, filter));

    public MotionView? Motion(string id, int limit) => For(d => d.Motion(id, limit));

    public MotionListView Motions(MotionFilter filter, int page, int pageSize) => For(d => d.Motions(filter, page, pageSize));

    public MotionStatsView MotionCounts() => For(d => d.MotionCounts());

    private T For<T>(Func<ExplorerData, T> view) => source.Read((graph, version) => view(new ExplorerData(source, graph, State(ref current, version))));

    /// <summary>The state kept for <paramref name="version"/>: the one held when it is that version's, else a new one (two requests may both make one; either is right, the last stays).</summary>
    internal static GraphVersionState State(ref GraphVersionState? held, long version)
    {
        var state = Volatile.Read(ref held);
        if (state is null || state.Version != version)
        {
            state = new GraphVersionState(version);
            Volatile.Write(ref held, state);
        }

        return state;
    }
}
