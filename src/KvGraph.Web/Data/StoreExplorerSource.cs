using System.Collections.Concurrent;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Store;

namespace KvGraph.Web.Data;

/// <summary>
/// The adapter from the embedded store to <see cref="IExplorerSource"/>, safe under concurrent requests.
/// <para>
/// Documents and full-text search are read from SQLite per request, each on a store connection of its own taken from a
/// small pool of read-only connections (one SQLite connection must never serve two threads at once). Each such read is
/// one read transaction, so it sees one committed build even while <c>kvgraph build</c> writes the same file (WAL).
/// </para>
/// <para>
/// The graph is the store's indexed graph (<see cref="StoreGraph"/>): each query reads by index on a pooled connection,
/// nothing is loaded at start. Every <see cref="Graph"/> asks the store's version (one indexed row); when a build has
/// committed a new one, the next request gets a graph of the new version. Only what needs every node (the start page's
/// lists, motion lists, filters without text) loads the whole graph of that version, once, on the store instance given.
/// </para>
/// </summary>
public sealed class StoreExplorerSource : IExplorerSource, IDisposable
{
    /// <summary>Idle connections kept for reuse; more are opened under load and closed when returned beyond this.</summary>
    private const int MaxIdle = 16;

    private readonly string path;
    private readonly IKvStore loader;
    private readonly ConcurrentBag<IKvStore> idle = [];
    private readonly Lock reload = new();
    private volatile GraphSnapshot? snapshot;
    private int disposed;

    /// <summary>Serves <paramref name="store"/>'s file; that instance loads the graph, reads go through a pool of read-only instances.</summary>
    public StoreExplorerSource(IKvStore store)
    {
        loader = store ?? throw new ArgumentNullException(nameof(store));
        path = store.Path;
    }

    /// <summary>The graph of the store's current version (reloaded after a rebuild; see the type's remarks).</summary>
    public ICitationGraph Graph => Current().Graph;

    /// <summary>The store version the served graph was loaded from.</summary>
    public long GraphVersion => Current().Version;

    /// <summary>How many times the whole graph was loaded (for the start page, motion lists or filters; once per version at most).</summary>
    public int GraphLoads { get; private set; }

    /// <summary>Opens the store file read-only.</summary>
    public static StoreExplorerSource Open(string path) => new(KvStore.OpenReadOnly(path));

    public ExtractedDocument? GetDocument(string id) => Use(store => store.GetDocument(id));

    /// <summary>Read per call (two small reads), so a build that starts, dies or finishes shows at once.</summary>
    public StoreUnfinished? Unfinished => Use(store => store.Unfinished is { } u && store.CurrentVersion is var version
        ? new StoreUnfinished(u.Started, version, u.Notice(version))
        : null);

    public SourceSearchResult Search(string query, DocumentFilter filter, int offset, int limit)
    {
        // A filter walks every document: the served graph's whole graph does, loaded once, never one per pooled connection.
        // Without one, the pooled store finds ids and names by index on its own.
        var graph = filter.IsEmpty ? null : Graph;
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

        lock (reload)
        {
            loader.Dispose();
        }

        while (idle.TryTake(out var store))
        {
            store.Dispose();
        }
    }

    private GraphSnapshot Current()
    {
        var current = snapshot;
        if (current is not null && Use(store => store.CurrentVersion) == current.Version)
        {
            return current;
        }

        // A build committed (or nothing is loaded yet). One request loads; others go on with the old snapshot meanwhile.
        if (current is not null && !reload.TryEnter())
        {
            return current;
        }

        if (current is null)
        {
            reload.Enter();
        }

        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);

            // The version is read before the graph: a build committing in between makes the label older than the graph,
            // which only costs one more reload, never a stale graph labelled new.
            var version = loader.CurrentVersion;
            if (snapshot is { } latest && latest.Version == version)
            {
                return latest;
            }

            var loaded = new GraphSnapshot(version, new StoreGraph(version, read => Use(read), LoadWhole));
            snapshot = loaded;
            return loaded;
        }
        finally
        {
            reload.Exit();
        }
    }

    // The whole graph, loaded on the given store instance (only ever under the reload lock, so never on two threads at once).
    private ICitationGraph LoadWhole()
    {
        lock (reload)
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
            GraphLoads++;
            return loader.LoadGraph();
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

    private sealed record GraphSnapshot(long Version, ICitationGraph Graph);
}
