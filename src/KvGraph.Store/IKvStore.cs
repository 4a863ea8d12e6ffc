using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;

namespace KvGraph.Store;

/// <summary>
/// The embedded store: one SQLite file (WAL, FTS5) that holds every ingested file, its extracted documents and its
/// graph facts. Open it with <see cref="KvStore.Open"/> (read/write, creates the file) or <see cref="KvStore.OpenReadOnly"/>.
/// <para>
/// Change feed for the Neo4j push: every build that changes anything bumps <see cref="CurrentVersion"/>; each file
/// whose facts changed in that build (re-extracted, or whose citations now resolve differently because a cited
/// document arrived or left) gets that version. <see cref="FactsChangedSince"/> returns, per such file, its complete
/// current facts, already resolved (alias targets rewritten to the document id, unresolved targets as placeholder nodes);
/// the consumer replaces everything it holds for that <see cref="DocumentFacts.File"/>. <see cref="DeletedSince"/> lists
/// files whose facts must be removed entirely. Remember <see cref="CurrentVersion"/> read before the call and pass it next time.
/// </para>
/// Thread-safety: an instance holds one SQLite connection and serves one thread at a time, for reads too (concurrent
/// readers each use their own instance: the web explorer keeps a pool). Each read call (a document, a search, the graph,
/// the counts) runs in one read transaction and so sees one committed build, even while a build commits (WAL).
/// </summary>
public interface IKvStore : IDisposable
{
    /// <summary>The full path of the store file.</summary>
    string Path { get; }

    /// <summary>The monotonic change counter: the version of the last build that changed something (0 for an empty store).</summary>
    long CurrentVersion { get; }

    /// <summary>
    /// Null when the last write session (build) committed; else the build that started and has not finished: still
    /// running in another process, or stopped (killed, crashed, cancelled) before its commit. The store then holds the
    /// state before that build, so readers should say so. <see cref="UnfinishedBuild.Started"/> is null for a store
    /// that was created but never built.
    /// </summary>
    UnfinishedBuild? Unfinished { get; }

    /// <summary>
    /// Starts a write session: one transaction that ends in <see cref="IStoreWriter.Commit"/>, or is rolled back when the
    /// session is disposed first. A crash before the commit leaves the previous complete state. One session at a time.
    /// Throws <see cref="StoreException"/> on a store opened read-only.
    /// </summary>
    IStoreWriter BeginWrite();

    /// <summary>
    /// Starts a read session: until it is disposed, every read of this store — and every query on its <see cref="Graph"/>,
    /// which reads a few rows per step — sees one committed build, even while a build commits from another process or
    /// connection. Without one, a trace or a related list that reads between a build's commits could mix two builds (an
    /// edge from one, its target's node missing in the next). Inside a read or write session already open it changes nothing.
    /// One thread at a time, as the store itself.
    /// </summary>
    IDisposable BeginRead();

    /// <summary>A document by its id or any of its aliases (zaak, kv-tk-&lt;zaak&gt;, own ids), or null.</summary>
    ExtractedDocument? GetDocument(string id);

    /// <summary>
    /// What <see cref="GetDocument"/> would give as <see cref="ExtractedDocument.Doc"/> (kind, title, dates, askers, answerers, …),
    /// read without its text, items, citations and entities: a search hit's summary.
    /// </summary>
    DocumentInfo? GetDocumentInfo(string id);

    /// <summary>The canonical document id an id or alias stands for, or null when no ingested document has it.</summary>
    string? ResolveId(string idOrAlias);

    /// <summary>The first page of <see cref="Search(string, DocumentFilter, int, int, ICitationGraph?)"/> without a filter.</summary>
    IReadOnlyList<SearchHit> Search(string text, int limit = 20, int offset = 0);

    /// <summary>
    /// Search (<see cref="SearchQuery"/>: words, OR, NOT/-word, word*, "phrases"): an exact id or alias of any node first
    /// (a document, a cited document not in the corpus, a person, a dossier), then full-text hits over titles and texts
    /// best first, each document once; only documents that pass <paramref name="filter"/>; with no words, every document
    /// that passes, newest first. <see cref="SearchResults.Total"/> counts every match, not just the page.
    /// <paramref name="graph"/> is the graph to filter and find nodes in (the store's own is loaded when null and needed).
    /// </summary>
    SearchResults Search(string text, DocumentFilter filter, int limit, int offset, ICitationGraph? graph = null);

    /// <summary>The whole resolved graph in memory (QuikGraph): for what truly needs all of it (an export, filters over every document).</summary>
    ICitationGraph LoadGraph();

    /// <summary>
    /// The resolved graph read by index from the store's tables, without loading it: find, edges, trace, related, shortest
    /// path, unresolved and the counts answer as <see cref="LoadGraph"/>'s would. A store an older KvGraph built (not rebuilt
    /// since) has no such tables yet; then this is <see cref="LoadGraph"/>'s graph.
    /// </summary>
    ICitationGraph Graph();

    /// <summary>Counts: files by status, documents by kind, citations by kind, resolved vs unresolved.</summary>
    StoreStats Stats();

    /// <summary>Cited targets not in the corpus, most cited first (same as <see cref="ICitationGraph.Unresolved"/>).</summary>
    IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50);

    /// <summary>The current, resolved facts of every file changed after <paramref name="version"/> (see the type's remarks).</summary>
    IEnumerable<DocumentFacts> FactsChangedSince(long version);

    /// <summary>Files removed (pruned, or now failing) after <paramref name="version"/>: drop all facts held for them.</summary>
    IReadOnlyList<DeletedFile> DeletedSince(long version);

    /// <summary>Every file the store knows, with status and error.</summary>
    IReadOnlyList<StoredFile> Files();

    /// <summary>All documents (id, kind, title, date, file), ordered by id, for listings and exports.</summary>
    IReadOnlyList<DocumentSummary> Documents(int limit = int.MaxValue, int offset = 0);

    /// <summary>Documents several files assert as their own (a PDF and its text), with the file kept and why (<see cref="Resolver.Copies"/>).</summary>
    IReadOnlyList<DocumentCopies> Copies();

    /// <summary>
    /// The copies <see cref="Copies()"/> lists of the documents that <paramref name="files"/> (stored paths) assert, read by
    /// index: what a build's report names after writing a few files, without grouping every document of the store.
    /// </summary>
    IReadOnlyList<DocumentCopies> Copies(IReadOnlyCollection<string> files);

    /// <summary>The push bookkeeping for one Neo4j target (<see cref="IPushLedger"/>); writing it needs a store opened for writing.</summary>
    IPushLedger PushLedger(string target);
}

/// <summary>A build that started on the store and did not commit; <paramref name="Started"/> is null when no build ever finished and none left its start.</summary>
public sealed record UnfinishedBuild(DateTimeOffset? Started)
{
    /// <summary>
    /// What every reader (stats, search, show, the explorer) tells the user about it: that the build did not finish and
    /// which state the answers come from, given the store's <paramref name="version"/> (<see cref="IKvStore.CurrentVersion"/>).
    /// </summary>
    public string Notice(long version)
    {
        var what = Started is { } started
            ? $"the last build (started {started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC) did not finish: it is still running, or it was stopped before its commit"
            : "no build has finished on this store";
        var state = version == 0 ? "an empty store" : $"the state of the last finished build ({StoreStats.BuildsThatChanged(version)})";
        return $"{what}. These answers come from {state}. Run `kvgraph build` again to finish it.";
    }
}

/// <summary>A search result.</summary>
/// <param name="Snippet">Plain text (no markup): the passage that matched, else the title, else for a cited document not in the corpus "not in corpus — cited by N".</param>
public sealed record SearchHit(string Id, string Kind, string? Title, string? Date, IReadOnlyList<string> Askers, IReadOnlyList<string> Answerers, string Snippet, double Score)
{
    /// <summary>The matched words in <see cref="Snippet"/>, as offsets.</summary>
    public IReadOnlyList<TextSpan> Highlights { get; init; } = [];

    /// <summary>How it was found: id (an exact id or alias), text (full text) or filter (listed by the filter alone).</summary>
    public string Match { get; init; } = "text";

    /// <summary>False for a cited document not in the corpus (a placeholder) and for nodes that are not documents.</summary>
    public bool InCorpus { get; init; } = true;

    /// <summary>How many documents cite it (when the graph was at hand), else null.</summary>
    public int? CitedBy { get; init; }

    /// <summary>The node's label (Answer, Placeholder, Person, …).</summary>
    public string? Label { get; init; }
}

/// <summary>A span of a snippet: <paramref name="Start"/> and <paramref name="Length"/> in characters.</summary>
public readonly record struct TextSpan(int Start, int Length);

/// <summary>One page of search results.</summary>
/// <param name="Total">Every match, over all pages.</param>
/// <param name="Notes">How the text was read where it was not taken as typed (a lone OR ignored, a quote closed).</param>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<string> Notes);

/// <summary>A snippet as plain text with its highlighted spans.</summary>
public sealed record SearchSnippet(string Text, IReadOnlyList<TextSpan> Highlights)
{
    /// <summary>Reads a snippet whose matches are wrapped in <paramref name="open"/>/<paramref name="close"/>; line breaks become spaces.</summary>
    public static SearchSnippet FromMarked(string marked, char open, char close)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var sb = new System.Text.StringBuilder(marked.Length);
        var spans = new List<TextSpan>();
        var start = -1;
        foreach (var ch in marked)
        {
            if (ch == open)
            {
                start = sb.Length;
            }
            else if (ch == close)
            {
                if (start >= 0 && sb.Length > start)
                {
                    spans.Add(new TextSpan(start, sb.Length - start));
                }

                start = -1;
            }
            else
            {
                sb.Append(char.IsControl(ch) || ch is '\u2028' or '\u2029' ? ' ' : ch);
            }
        }

        return new SearchSnippet(sb.ToString(), spans);
    }
}

/// <summary>A document in listings.</summary>
public sealed record DocumentSummary(string Id, string Kind, string? Title, string? Date, string File);

/// <summary>A file known to the store.</summary>
/// <param name="Status">ok, failed.</param>
/// <param name="Extractor">The fingerprint of the extractor that produced the stored facts (see <see cref="FileRecord.Extractor"/>).</param>
public sealed record StoredFile(string Path, string Hash, long Size, DateTimeOffset Modified, string Status, string? Error, long Version, string Extractor);

/// <summary>A file whose facts were removed at <paramref name="Version"/>.</summary>
public sealed record DeletedFile(string Path, long Version);

/// <summary>Store-wide counts.</summary>
public sealed record StoreStats
{
    public required int Files { get; init; }

    public required int FilesFailed { get; init; }

    public required int Documents { get; init; }

    public required IReadOnlyDictionary<string, int> DocumentsByKind { get; init; }

    public required int Citations { get; init; }

    public required IReadOnlyDictionary<string, int> CitationsByKind { get; init; }

    /// <summary>CITES edges whose target is a document in the corpus.</summary>
    public required int Resolved { get; init; }

    /// <summary>CITES edges whose target is a placeholder.</summary>
    public required int Unresolved { get; init; }

    public required int Nodes { get; init; }

    public required int Edges { get; init; }

    public required long Version { get; init; }

    /// <summary>The change counter in words ("3 builds have changed it"): it counts the builds that changed the store, not every build.</summary>
    public static string BuildsThatChanged(long version) => version switch
    {
        0 => "no build has changed it yet",
        1 => "1 build has changed it",
        _ => $"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)} builds have changed it",
    };
}

/// <summary>The store could not be opened or used (missing file, newer schema, corrupt database). The message says what to do.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message) : base(message)
    {
    }

    public StoreException(string message, Exception inner) : base(message, inner)
    {
    }
}
