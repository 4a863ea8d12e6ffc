using KvGraph.Core.Graph;

namespace KvGraph.Web.Data;

/// <summary>
/// The questions the explorer's pages and JSON API answer. Every result is bounded; a null result means the id is unknown.
/// </summary>
public interface IExplorerData
{
    /// <summary>Search by id, title and full text, only documents that pass <paramref name="filter"/>, one page at a time (page counts from 1), with the true total.</summary>
    SearchPageView Search(string query, DocumentFilter filter, int page, int pageSize);

    /// <summary>A document (or placeholder) with its text, citations inline and who cites it (the citers that pass <paramref name="filter"/>).</summary>
    DocumentView? Document(string id, DocumentFilter? filter = null);

    /// <summary>The node, its neighbours and the edges between them, at most <paramref name="limit"/> edges.</summary>
    NeighbourhoodView? Neighbourhood(string id, int limit);

    /// <summary>The citation chain from the node (or, reversed, into it), <paramref name="depth"/> levels deep.</summary>
    TraceView? Trace(string id, int depth, bool reverse);

    /// <summary>Related questions and answers, best first; with a filter, the best that pass it.</summary>
    IReadOnlyList<RelatedView>? Related(string id, int limit, DocumentFilter? filter = null);

    /// <summary>A motion: its fate, sponsors with their parties, and its timeline (at most <paramref name="limit"/> steps).</summary>
    MotionView? Motion(string id, int limit);

    /// <summary>One page of the motions that pass <paramref name="filter"/>, newest first; a bad date throws <see cref="ArgumentException"/>.</summary>
    MotionListView Motions(MotionFilter filter, int page, int pageSize);

    /// <summary>Adopted, rejected, … counts over every motion, and the cabinet advice values that occur.</summary>
    MotionStatsView MotionCounts();
}
