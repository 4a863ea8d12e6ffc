using System.Collections.Concurrent;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Store;
using KvGraph.Store.Sqlite;

namespace KvGraph.Web.Data;

/// <summary>
/// The adapter from the embedded store to <see cref="IExplorerSource"/>, safe under concurrent requests.
/// <para>
/// Every read runs on a store connection of its own taken from a small pool of read-only connections (one SQLite
/// connection must never serve two threads at once). Each such read is one read transaction, so it sees one committed
/// build even while <c>kvgraph build</c> writes the same file (WAL).
/// </para>
/// <para>
/// The graph is the store's indexed graph, the one the CLI queries: nothing is loaded at start or per store version, and
/// nothing of the graph is kept here beyond what each pooled connection's indexed graph caches (bounded). A request's
/// views run in <see cref="Read{T}"/> on one connection, so their point queries share its caches and batches; a build
/// that commits a new version is seen by the next request.
/// </para>
/// </summary>
public sealed class StoreExplorerSource : IExplorerSource, IDisposable
{
    /// <summary>Idle connections kept for reuse; more are opened under load and closed when returned beyond this.</summary>
    private const int MaxIdle = 16;

    private readonly string path;
    private readonly ConcurrentBag<IKvStore> idle = [];
    private volatile StoreGraph? graph;
    private volatile EntityCache? entities;
    private readonly Lock reload = new();
    private volatile WholeSnapshot? whole;
    private int disposed;

    /// <summary>Serves <paramref name="store"/>'s file: that instance is the pool's first connection, others are opened read-only as needed.</summary>
    public StoreExplorerSource(IKvStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        path = store.Path;
        idle.Add(store);
    }

    /// <summary>The graph of the store's current version: each point query on a pooled connection (see <see cref="StoreGraph"/>).</summary>
    public ICitationGraph Graph
    {
        get
        {
            var version = GraphVersion;
            var current = graph;
            if (current is null || current.Version != version)
            {
                current = new StoreGraph(version, read => Use(read));
                graph = current;
            }

            return current;
        }
    }

    /// <summary>
    /// The whole graph of the store's current version, loaded on the first view that needs it (<see cref="IExplorerSource.WholeGraph"/>)
    /// and kept until a build commits a new version. Only those views read it: every point query (a document, its
    /// neighbourhood, trace, related, a motion) stays on the indexed graph, whose answers are the same and faster there.
    /// One request loads; others wanting the new version wait for it, those still on the old one go on with it.
    /// </summary>
    public ICitationGraph WholeGraph
    {
        get
        {
            var version = GraphVersion;
            if (whole is { } held && held.Version == version)
            {
                return held.Graph;
            }

            lock (reload)
            {
                ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
                if (whole is { } latest && latest.Version == version)
                {
                    return latest.Graph;
                }

                // The version is read inside the load's read: a build committing in between labels the graph with the
                // version it was read at, never a stale graph with a newer label.
                var loaded = Use(store => new WholeSnapshot(store.CurrentVersion, store.LoadGraph()));
                whole = loaded;
                WholeLoads++;
                return loaded.Graph;
            }
        }
    }

    /// <summary>How many times the whole graph was loaded (once per version at most, and only for the views that need it).</summary>
    public int WholeLoads { get; private set; }

    /// <summary>The store's current version (one indexed row).</summary>
    public long GraphVersion => Use(store => store.CurrentVersion);

    /// <summary>Opens the store file read-only.</summary>
    public static StoreExplorerSource Open(string path) => new(KvStore.OpenReadOnly(path));

    /// <summary>One request's reads on one pooled connection: its store's indexed graph and the version it was read at.</summary>
    public T Read<T>(Func<ICitationGraph, long, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Use(store => ReadNow(store, read));
    }

    // One request on one connection, in the read session Use opens: every query sees one committed build, even while a
    // build commits, and the graph is taken inside it, so it is the version the session sees.
    private T ReadNow<T>(IKvStore store, Func<ICitationGraph, long, T> read)
    {
        var version = store.CurrentVersion;
        var indexed = store.Graph();
        if (indexed is not IIndexedReads reads)
        {
            return read(indexed, version);
        }

        // The version's entities are kept across requests and connections (see EntityCache); two requests may both
        // start a new version's cache, either is right, the last stays.
        var cache = entities;
        if (cache is null || cache.Version != version)
        {
            cache = new EntityCache(version);
            entities = cache;
        }

        return read(new EntityCachedGraph(indexed, reads, cache), version);
    }

    public ExtractedDocument? GetDocument(string id) => Use(store => store.GetDocument(id));

    public DocumentInfo? GetDocumentInfo(string id) => Use(store => store.GetDocumentInfo(id));

    /// <summary>Read per call (two small reads), so a build that starts, dies or finishes shows at once.</summary>
    public StoreUnfinished? Unfinished => Use(store => store.Unfinished is { } u && store.CurrentVersion is var version
        ? new StoreUnfinished(u.Started, version, u.Notice(version))
        : null);

    public SourceSearchResult Search(string query, DocumentFilter filter, int offset, int limit)
    {
        // Without a filter the store finds ids and names by index on its own. A filter walks every document (without words,
        // all of them): on the whole graph of the version, loaded once, never one point query per document.
        var graph = filter.IsEmpty ? null : WholeGraph;
        var found = Use(store => store.Search(query, filter, limit, offset, graph));
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        var highlights = new Dictionary<string, IReadOnlyList<int[]>>(StringComparer.Ordinal);
        foreach (var hit in found.Hits)
        {
            if (!string.IsNullOrWhiteSpace(hit.Snippet))
            {
                snippets.TryAdd(hit.Id, hit.Snippet);
                highlights.TryAdd(hit.Id, [.. hit.Highlights.Select(h => new[] { h.Start, h.Start + h.Length })]);
            }
        }

        return new SourceSearchResult([.. found.Hits.Select(h => h.Id)], found.Total, snippets) { Highlights = highlights, Notes = found.Notes };
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        while (idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }

    /// <summary>Runs one read on a pooled read-only connection of its own, in one read session.</summary>
    private T Use<T>(Func<IKvStore, T> read)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var store = idle.TryTake(out var pooled) ? pooled : KvStore.OpenReadOnly(path);
        try
        {
            // One read session: the version, the graph and every row a trace or related list reads are of one build, even
            // while a build commits (see IKvStore.BeginRead).
            using var session = store.BeginRead();
            return read(store);
        }
        finally
        {
            if (Volatile.Read(ref disposed) == 0 && idle.Count < MaxIdle)
            {
                idle.Add(store);
            }
            else
            {
                store.Dispose();
            }
        }
    }

    private sealed record WholeSnapshot(long Version, ICitationGraph Graph);
}
