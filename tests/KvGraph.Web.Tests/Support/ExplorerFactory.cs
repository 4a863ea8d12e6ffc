using KvGraph.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KvGraph.Web.Tests.Support;

/// <summary>The explorer app in memory (WebApplicationFactory) over a real store (the seeds', or the corpus').</summary>
public sealed class ExplorerFactory(IExplorerSource source, string storePath) : WebApplicationFactory<Program>
{
    public ExplorerFactory(SeedCorpus corpus)
        : this(corpus.Source, corpus.StorePath)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("cypher", WebPaths.CypherQueries);
        builder.UseSetting("store", storePath);
        builder.ConfigureTestServices(services => services.AddSingleton(source));
    }
}
