using KvGraph.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KvGraph.Web.Tests.Support;

/// <summary>The explorer app in memory (WebApplicationFactory) over the seed store.</summary>
public sealed class ExplorerFactory(SeedCorpus corpus) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("cypher", WebPaths.CypherQueries);
        builder.UseSetting("store", corpus.StorePath);
        builder.ConfigureTestServices(services => services.AddSingleton(corpus.Source));
    }
}
