using KvGraph.Core.Graph;

namespace KvGraph.Web.Data;

/// <summary>
/// The explorer's <see cref="IExplorerData"/>: each call takes the source's graph once and answers from the
/// <see cref="ExplorerData"/> of that snapshot, so a view never mixes two graphs, and a graph the source reloaded after a
/// rebuild (see <see cref="StoreExplorerSource"/>) is used from the next request on, its motion counts computed anew.
/// </summary>
internal sealed class SnapshotExplorerData(IExplorerSource source) : IExplorerData
{
    private volatile ExplorerData? current;

    public SearchPageView Search(string query, DocumentFilter filter, int page, int pageSize) => For().Search(query, filter, page, pageSize);

    public DocumentView? Document(string id, DocumentFilter? filter = null) => For().Document(id, filter);

    public NeighbourhoodView? Neighbourhood(string id, int limit) => For().Neighbourhood(id, limit);

    public TraceView? Trace(string id, int depth, bool reverse) => For().Trace(id, depth, reverse);

    public IReadOnlyList<RelatedView>? Related(string id, int limit, DocumentFilter? filter = null) => For().Related(id, limit, filter);

    public MotionView? Motion(string id, int limit) => For().Motion(id, limit);

    public MotionListView Motions(MotionFilter filter, int page, int pageSize) => For().Motions(filter, page, pageSize);

    public MotionStatsView MotionCounts() => For().MotionCounts();

    private ExplorerData For()
    {
        var graph = source.Graph;
        var data = current;
        if (data is null || !ReferenceEquals(data.Graph, graph))
        {
            // Two requests may both build one for a new graph; either is right, the last stays.
            data = new ExplorerData(source, graph);
            current = data;
        }

        return data;
    }
}
