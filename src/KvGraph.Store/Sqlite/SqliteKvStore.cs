using KvGraph.Core.Graph;
using KvGraph.Core.Model;

namespace KvGraph.Store.Sqlite;

/// <summary>The SQLite implementation of <see cref="IKvStore"/> (being written; the interface is stable).</summary>
internal sealed class SqliteKvStore : IKvStore
{
    private SqliteKvStore(string path) => Path = path;

    public string Path { get; }

    public long CurrentVersion => 0;

    public static SqliteKvStore Open(string path, bool readOnly) => new(System.IO.Path.GetFullPath(path));

    public BuildReport Build(IReadOnlyList<string> inputs, BuildOptions? options = null, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public ExtractedDocument? GetDocument(string id) => throw new NotImplementedException();

    public string? ResolveId(string idOrAlias) => throw new NotImplementedException();

    public IReadOnlyList<SearchHit> Search(string text, int limit = 20, int offset = 0) => throw new NotImplementedException();

    public ICitationGraph LoadGraph() => throw new NotImplementedException();

    public StoreStats Stats() => throw new NotImplementedException();

    public IReadOnlyList<UnresolvedTarget> Unresolved(int limit = 50) => throw new NotImplementedException();

    public IEnumerable<DocumentFacts> FactsChangedSince(long version) => throw new NotImplementedException();

    public IReadOnlyList<DeletedFile> DeletedSince(long version) => throw new NotImplementedException();

    public IReadOnlyList<StoredFile> Files() => throw new NotImplementedException();

    public IReadOnlyList<DocumentSummary> Documents(int limit = int.MaxValue, int offset = 0) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
