using KvGraph.Core.Graph;
using KvGraph.Pipeline;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// The real corpus and the two seeds (where the search issue's ids come from) built once through the real pipeline into a
/// temporary store, shared by the search tests and the indexed-graph tests; <see cref="Graph"/> is the graph assembled in
/// memory from that store, loaded once. Never copied into the repository.
/// </summary>
public sealed class CorpusStoreFixture : IDisposable
{
    private readonly TempFolder? folder;

    public CorpusStoreFixture()
    {
        if (!TestPaths.CorpusAvailable)
        {
            SkipReason = $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)";
            return;
        }

        folder = new TempFolder("kvgraph-corpus-store");
        Store = KvStore.Open(folder.File("corpus.db"));
        var report = BuildPipeline.Run(Store, [TestPaths.CorpusRaw, TestPaths.Seeds]);
        if (report.Failures.Count > 0)
        {
            throw new InvalidOperationException("Corpus build failed: " + string.Join("; ", report.Failures.Select(f => $"{f.File}: {f.Reason}")));
        }

        Graph = Store.LoadGraph();
    }

    public string? SkipReason { get; }

    public IKvStore Store { get; } = null!;

    public ICitationGraph Graph { get; } = null!;

    /// <summary>Every id a search finds, over all its pages.</summary>
    public List<string> AllIds(string query, DocumentFilter? filter = null)
    {
        var ids = new List<string>();
        for (var offset = 0; ; offset += QueryLimits.MaxSearchPage)
        {
            var page = Store.Search(query, filter ?? DocumentFilter.None, QueryLimits.MaxSearchPage, offset);
            ids.AddRange(page.Hits.Select(h => h.Id));
            if (page.Hits.Count < QueryLimits.MaxSearchPage)
            {
                return ids;
            }
        }
    }

    public void Dispose()
    {
        Store?.Dispose();
        folder?.Dispose();
    }
}

/// <summary>One corpus build shared by every test class of this project that reads the whole corpus.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusStoreCollection : ICollectionFixture<CorpusStoreFixture>
{
    public const string Name = "corpus store";
}
