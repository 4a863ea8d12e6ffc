using KvGraph.Pipeline;
using KvGraph.Store;
using KvGraph.TestSupport;
using KvGraph.Web.Data;

namespace KvGraph.Web.Tests.Support;

/// <summary>
/// The seeds and our XSS fixture run through the real pipeline into a real store, once for all web tests:
/// extract → store → serve. The id of seed 000 and the other facts the tests look for come from the extraction.
/// </summary>
public sealed class SeedCorpus : IDisposable
{
    private readonly TempFolder folder = new("kvgraph-web");
    private readonly IDisposable owned;

    public SeedCorpus()
    {
        StorePath = folder.File("kvgraph.db");
        Inputs = [WebPaths.Seed000, WebPaths.Seed004, WebPaths.XssFixture];
        using (var store = KvStore.Open(StorePath))
        {
            var report = BuildPipeline.Run(store, Inputs);
            if (report.Failures.Count > 0)
            {
                throw new InvalidOperationException("Seed build failed: " + string.Join("; ", report.Failures.Select(f => $"{f.File}: {f.Reason}")));
            }
        }

        var source = StoreExplorerSource.Open(StorePath);
        owned = source;
        Source = source;

        Seed000Id = Source.Search("2021Z02286", KvGraph.Core.Graph.DocumentFilter.None, 0, 1).Ids.FirstOrDefault()
            ?? throw new InvalidOperationException("Searching the seed store for seed 000's zaak number 2021Z02286 found nothing.");
    }

    /// <summary>The files built.</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>The store file.</summary>
    public string StorePath { get; }

    public IExplorerSource Source { get; }

    /// <summary>The id the pipeline gave seed 000.</summary>
    public string Seed000Id { get; }

    public void Dispose()
    {
        owned.Dispose();
        folder.Dispose();
    }
}

/// <summary>One seed build shared by every web test class.</summary>
[CollectionDefinition(Name)]
public sealed class SeedCollection : ICollectionFixture<SeedCorpus>
{
    public const string Name = "seeds";
}
