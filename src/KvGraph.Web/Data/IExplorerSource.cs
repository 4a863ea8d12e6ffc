using KvGraph.Core.Graph;
using KvGraph.Core.Model;

namespace KvGraph.Web.Data;

/// <summary>
/// The narrow read-only view of a store that the explorer needs. The embedded store implements it through a
/// small adapter; tests can use <see cref="InMemoryExplorerSource"/> over documents run through the real pipeline.
/// </summary>
public interface IExplorerSource
{
    /// <summary>The citation graph (nodes, edges, trace, related).</summary>
    ICitationGraph Graph { get; }

    /// <summary>The extracted document with this id (its text, items, citations), or null when it is not in the corpus.</summary>
    ExtractedDocument? GetDocument(string id);

    /// <summary>Documents matching <paramref name="query"/> by id, title or full text, best first, that pass <paramref name="filter"/>.</summary>
    /// <param name="query">What the user typed; already validated (bounded length; empty when the filter alone lists).</param>
    /// <param name="filter">Which documents may be listed (<see cref="DocumentFilter.None"/>: any).</param>
    /// <param name="offset">How many hits to skip (paging).</param>
    /// <param name="limit">How many hits to return at most.</param>
    SourceSearchResult Search(string query, DocumentFilter filter, int offset, int limit);

    /// <summary>
    /// Null when the store's last build finished (or the source is no store); else that unfinished build, which every
    /// API response and every page says (issue 11: a first build killed mid-way must not look like an empty corpus).
    /// </summary>
    StoreUnfinished? Unfinished => null;
}

/// <summary>A store whose last build did not finish: when it started (null when none left its start), the version the answers come from, and the notice to show.</summary>
public sealed record StoreUnfinished(DateTimeOffset? Started, long Version, string Notice);

/// <summary>One page of search hits from a source, with the total count over every page.</summary>
/// <param name="Ids">Node ids, best first, each once.</param>
/// <param name="Total">Total matches.</param>
/// <param name="Snippets">Optional snippet per id (a short excerpt around the match, plain text).</param>
public sealed record SourceSearchResult(IReadOnlyList<string> Ids, int Total, IReadOnlyDictionary<string, string>? Snippets = null)
{
    /// <summary>Per id, the matched words in its snippet as [start, end) offsets.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int[]>>? Highlights { get; init; }

    /// <summary>How the query was read where it was not taken as typed.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>The answer of <c>/api/status</c>: <paramref name="StoreUnfinished"/> is null when the store's last build finished.</summary>
public sealed record StatusView(StoreUnfinished? StoreUnfinished);
