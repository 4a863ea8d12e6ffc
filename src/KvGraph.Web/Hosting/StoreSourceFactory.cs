using KvGraph.Store;
using KvGraph.Web.Data;
using Microsoft.Extensions.Configuration;

namespace KvGraph.Web.Hosting;

/// <summary>Opens the embedded store named in configuration (<c>--store</c>) as the explorer's data.</summary>
public static class StoreSourceFactory
{
    /// <summary>Opens the store at <c>store</c> (or <c>KvGraph:Store</c>) in configuration, else <c>kvgraph.db</c> in the working folder.</summary>
    public static IExplorerSource FromConfiguration(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.GetRequiredService<IConfiguration>();
        var path = configuration["store"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = configuration["KvGraph:Store"];
        }

        return Open(string.IsNullOrWhiteSpace(path) ? KvStore.DefaultFileName : path);
    }

    /// <summary>Opens the store file read-only. Throws <see cref="StoreException"/> naming the file when it is missing.</summary>
    public static IExplorerSource Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new StoreException($"{full}: no KvGraph store here; run `kvgraph build <files-or-folders> --store {path}` first.");
        }

        return StoreExplorerSource.Open(full);
    }
}
