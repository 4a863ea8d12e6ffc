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

    /// <summary>
    /// The whole graph of the current version, for the views that walk every node or sum over many (the start page, the
    /// person, party and dossier pages, filters over every document, motion lists by sponsor party or dossier). The
    /// embedded store loads it once per version, on the first such view; by default, <see cref="Graph"/>.
    /// </summary>
    ICitationGraph WholeGraph => Graph;

    /// <summary>
    /// Runs one request's reads of the graph: <paramref name="read"/> gets one graph of one version and that version, and
    /// every view it builds comes from that graph. The embedded store hands it the store's indexed graph on one pooled
    /// connection of its own (its point queries share that connection's caches and batches); by default, <see cref="Graph"/>
    /// as version 0.
    /// </summary>
    T Read<T>(Func<ICitationGraph, long, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read(Graph, 0);
    }

    /// <summary>The extracted document with this id (its text, items, citations), or null when it is not in the corpus.</summary>
    ExtractedDocument? GetDocument(string id);

    /// <summary>The <see cref="ExtractedDocument.Doc"/> of <see cref="GetDocument"/>: a source that can reads it alone (a search hit's summary).</summary>
    DocumentInfo? GetDocumentInfo(string id) => GetDocument(id)?.Doc;

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
