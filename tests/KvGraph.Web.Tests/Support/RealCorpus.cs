using KvGraph.Core.Graph;
using KvGraph.Pipeline;
using KvGraph.Store;
using KvGraph.TestSupport;
using KvGraph.Web.Data;

namespace KvGraph.Web.Tests.Support;

/// <summary>
/// The real corpus (<c>../shared/corpus/raw</c> beside the clone, or <c>KVGRAPH_CORPUS</c>) built once through the real
/// pipeline into a temporary store, for the tests of motions' fate: the open-data records, the 2018 Handelingen and the
/// answers citing motions. Never copied into the repository. When the corpus is absent, <see cref="SkipReason"/> says
/// so and every test using it reports itself skipped with that reason.
/// </summary>
public sealed class RealCorpus : IDisposable
{
    private readonly TempFolder? folder;
    private readonly StoreExplorerSource? source;

    public RealCorpus()
    {
        if (!TestPaths.CorpusAvailable)
        {
            SkipReason = $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)";
            return;
        }

        folder = new TempFolder("kvgraph-web-corpus");
        StorePath = folder.File("corpus.db");
        using (var store = KvStore.Open(StorePath))
        {
            var report = BuildPipeline.Run(store, [TestPaths.CorpusRaw]);
            if (report.Failures.Count > 0)
            {
                throw new InvalidOperationException("Corpus build failed: " + string.Join("; ", report.Failures.Select(f => $"{f.File}: {f.Reason}")));
            }
        }

        source = StoreExplorerSource.Open(StorePath);
    }

    /// <summary>Why the corpus tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; }

    /// <summary>The store file (empty when the corpus is absent).</summary>
    public string StorePath { get; } = string.Empty;

    /// <summary>The explorer's source over the corpus store.</summary>
    public IExplorerSource Source => source ?? throw new InvalidOperationException(SkipReason);

    /// <summary>The corpus graph, as the explorer reads it.</summary>
    public ICitationGraph Graph => Source.Graph;

    public void Dispose()
    {
        source?.Dispose();
        folder?.Dispose();
    }
}

/// <summary>One corpus build shared by the API and browser tests of motions.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<RealCorpus>
{
    public const string Name = "corpus";
}
