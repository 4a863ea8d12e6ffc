using KvGraph.Core.Graph;
using KvGraph.Core.Model;

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
/// Thread-safety: one instance per thread for writes; reads from several instances (processes) at once are fine (WAL).
/// </summary>
public interface IKvStore : IDisposable
{
    /// <summary>The full path of the store file.</summary>
    string Path { get; }

    /// <summary>The monotonic change counter: the version of the last build that changed something (0 for an empty store).</summary>
    long CurrentVersion { get; }

    /// <summary>
    /// Ingests files and folders: unchanged files (same content hash, same extractor) are skipped, changed ones replace
    /// only their own facts, failed ones are recorded with their reason. All of it in one transaction: a crash leaves the
    /// previous complete state. Files no longer in the input set stay unless <see cref="BuildOptions.Prune"/>.
    /// </summary>
    BuildReport Build(IReadOnlyList<string> inputs, BuildOptions? options = null, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>A document by its id or any of its aliases (zaak, kv-tk-&lt;zaak&gt;, own ids), or null.</summary>
    ExtractedDocument? GetDocument(string id);

    /// <summary>The canonical document id an id or alias stands for, or null when no ingested document has it.</summary>
    string? ResolveId(string idOrAlias);

    /// <summary>Full-text search over title and text (FTS5 syntax is escaped: the text is taken as words), best first; an exact id or alias comes first.</summary>
    IReadOnlyList<SearchHit> Search(string text, int limit = 20, int offset = 0);

    /// <summary>The whole resolved graph in memory (QuikGraph), for trace/related/unresolved/shortest path.</summary>
    ICitationGraph LoadGraph();

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
}

/// <summary>How a build runs.</summary>
public sealed record BuildOptions
{
    /// <summary>Remove files that are in the store but not in this build's input set.</summary>
    public bool Prune { get; init; }

    /// <summary>Re-extract every file even when its hash is unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>Parallel extraction workers; 0 = processor count.</summary>
    public int Jobs { get; init; }

    /// <summary>The extractor to use; null = <see cref="KvGraph.Core.Extraction.Extractor.Default"/>.</summary>
    public KvGraph.Core.Extraction.IExtractor? Extractor { get; init; }

    /// <summary>
    /// Test hook: crash the process (Environment.FailFast) after this many files were written inside the build
    /// transaction. Also read from the environment variable <c>KVGRAPH_TEST_CRASH_AFTER</c> when null.
    /// </summary>
    public int? CrashAfter { get; init; }
}

/// <summary>Progress of a build: files done out of total, and the file just finished.</summary>
public sealed record BuildProgress(int Done, int Total, string? File);

/// <summary>A file that could not be ingested, and why.</summary>
public sealed record FileFailure(string File, string Reason);

/// <summary>What a build did.</summary>
public sealed record BuildReport
{
    public required int FilesSeen { get; init; }

    /// <summary>Files read and extracted in this build (changed or new).</summary>
    public required int Extracted { get; init; }

    /// <summary>Files skipped because their content hash was unchanged.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Files removed by <see cref="BuildOptions.Prune"/>.</summary>
    public required int Pruned { get; init; }

    public required IReadOnlyList<FileFailure> Failures { get; init; }

    /// <summary>The store version after the build.</summary>
    public required long Version { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Counts over the whole store after the build.</summary>
    public required StoreStats Stats { get; init; }
}

/// <summary>A full-text search result.</summary>
public sealed record SearchHit(string Id, string Kind, string? Title, string? Date, IReadOnlyList<string> Askers, IReadOnlyList<string> Answerers, string Snippet, double Score);

/// <summary>A document in listings.</summary>
public sealed record DocumentSummary(string Id, string Kind, string? Title, string? Date, string File);

/// <summary>A file known to the store.</summary>
/// <param name="Status">ok, failed.</param>
public sealed record StoredFile(string Path, string Hash, long Size, DateTimeOffset Modified, string Status, string? Error, long Version);

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
