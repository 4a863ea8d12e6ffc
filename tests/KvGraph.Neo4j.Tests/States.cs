using System.Collections.Concurrent;
using KvGraph.Neo4j.Push;
using KvGraph.Store;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// Push states in real stores: <see cref="Load"/> opens (creating when new) the store file at a path and reads the state
/// of a target from its push ledger, as <c>kvgraph push</c> does. Loading the same path again reads what was recorded.
/// </summary>
internal static class States
{
    private static readonly ConcurrentDictionary<string, IKvStore> Stores = new(StringComparer.Ordinal);

    public static PushState Load(string storePath, string target) => PushState.Open(Store(storePath), target);

    /// <summary>The store at <paramref name="storePath"/>, open for the rest of the test run.</summary>
    public static IKvStore Store(string storePath) => Stores.GetOrAdd(Path.GetFullPath(storePath), KvStore.Open);
}
