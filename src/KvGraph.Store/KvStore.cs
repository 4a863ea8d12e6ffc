using KvGraph.Store.Sqlite;

namespace KvGraph.Store;

/// <summary>Opens the embedded store.</summary>
public static class KvStore
{
    /// <summary>The store file used when none is configured: <c>kvgraph.db</c> in the working directory.</summary>
    public const string DefaultFileName = "kvgraph.db";

    /// <summary>Opens (creating when missing) a store for reading and building. Migrates an older schema; refuses a newer one.</summary>
    public static IKvStore Open(string path) => SqliteKvStore.Open(path, readOnly: false);

    /// <summary>Opens an existing store for reading only (web explorer, Neo4j push). Throws <see cref="StoreException"/> when it does not exist.</summary>
    public static IKvStore OpenReadOnly(string path) => SqliteKvStore.Open(path, readOnly: true);
}
