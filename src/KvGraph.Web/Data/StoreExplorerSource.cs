using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Store;

namespace KvGraph.Web.Data;

/// <summary>
/// The adapter from the embedded store to <see cref="IExplorerSource"/>: documents and full-text search are read
/// from SQLite per request; the graph is loaded into memory once, on first use.
/// </summary>
public sealed class StoreExplorerSource : IExplorerSource, IDisposable
{
    private readonly IKvStore store;
    private readonly Lazy<ICitationGraph> graph;

    public StoreExplorerSource(IKvStore store)
    {
        this.store = store ?? throw new ArgumentNullException(nameof(store));
        graph = new Lazy<ICitationGraph>(store.LoadGraph, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ICitationGraph Graph => graph.Value;

    /// <summary>Opens the store file read-only.</summary>
    public static StoreExplorerSource Open(string path) => new(KvStore.OpenReadOnly(path));

    public ExtractedDocument? GetDocument(string id) => store.GetDocument(id);

    public SourceSearchResult Search(string query, int offset, int limit)
    {
        var hits = store.Search(query, limit, offset);
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            if (!string.IsNullOrWhiteSpace(hit.Snippet))
            {
                snippets.TryAdd(hit.Id, hit.Snippet);
            }
        }

        return new SourceSearchResult([.. hits.Select(h => h.Id)], null, snippets);
    }

    public void Dispose() => store.Dispose();
}
