using KvGraph.Pipeline;
using KvGraph.Store;
using KvGraph.Web.Data;

namespace KvGraph.Web.Tests.Support;

/// <summary>
/// A real store whose last build did not finish: the seeds built (version 1), then a build that started and was stopped
/// before its commit (its write session begun and dropped, as a killed or cancelled build leaves it). The store holds
/// the first build's state and the unfinished build's mark.
/// </summary>
public sealed class UnfinishedStore : IDisposable
{
    private readonly string folder;
    private readonly StoreExplorerSource source;

    public UnfinishedStore()
    {
        folder = Path.Combine(Path.GetTempPath(), $"kvgraph-web-unfinished-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        StorePath = Path.Combine(folder, "kvgraph.db");
        using (var store = KvStore.Open(StorePath))
        {
            var report = BuildPipeline.Run(store, [WebPaths.Seed000, WebPaths.Seed004]);
            if (report.Failures.Count > 0)
            {
                throw new InvalidOperationException("Seed build failed: " + string.Join("; ", report.Failures.Select(f => $"{f.File}: {f.Reason}")));
            }

            StartedAfter = DateTimeOffset.UtcNow.AddSeconds(-1);
            store.BeginWrite().Dispose();
            StartedBefore = DateTimeOffset.UtcNow.AddSeconds(1);
        }

        source = StoreExplorerSource.Open(StorePath);
    }

    public string StorePath { get; }

    public IExplorerSource Source => source;

    /// <summary>The unfinished build started between these two times.</summary>
    public DateTimeOffset StartedAfter { get; }

    public DateTimeOffset StartedBefore { get; }

    public void Dispose()
    {
        source.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A store file still mapped by SQLite on some systems; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>The unfinished store shared by the API and browser tests of the notice.</summary>
[CollectionDefinition(Name)]
public sealed class UnfinishedCollection : ICollectionFixture<UnfinishedStore>, ICollectionFixture<SeedCorpus>
{
    public const string Name = "unfinished store";
}
