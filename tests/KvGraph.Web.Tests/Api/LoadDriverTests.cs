using KvGraph.Pipeline;
using KvGraph.Pipeline.Synth;
using KvGraph.Store;
using KvGraph.Bench;
using KvGraph.TestSupport;
using KvGraph.Web.Data;
using KvGraph.Web.Hosting;
using KvGraph.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// The load tool itself (issue 11, <see cref="LoadDriver"/>): on a small generated store served by the real explorer
/// on a loopback port, 4 clients for 5 s hit every endpoint of the mix with ids from the store, without one error, and
/// the server's memory is sampled. Asserts behaviour, not timing; the figures are printed.
/// </summary>
public sealed class LoadDriverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_load_tool_hits_every_endpoint_with_store_ids_and_no_errors()
    {
        var folder = TestPaths.NewTempDir("kvgraph-load");
        var corpus = Path.Combine(folder, "synth");
        SynthCorpus.Write(corpus, new SynthOptions(300, Seed: 5));
        var storePath = Path.Combine(folder, "kvgraph.db");
        IReadOnlyList<LoadDocument> documents;
        using (var store = KvStore.Open(storePath))
        {
            var report = BuildPipeline.Run(store, [corpus]);
            Assert.Empty(report.Failures);
            documents = [.. store.Documents().Select(d => new LoadDocument(d.Id, d.Kind, d.Title))];
        }

        Assert.Contains(documents, d => d.Kind == "motion");
        Assert.Contains(documents, d => d.Kind == "answer");
        using var source = StoreExplorerSource.Open(storePath);
        var app = ExplorerHost.Build(["--urls", "http://127.0.0.1:0", "--cypher", WebPaths.CypherQueries], _ => source);
        await using (app)
        {
            await app.StartAsync();
            var url = new Uri(app.Urls.Single());
            Assert.True(url.IsLoopback);

            var load = await LoadDriver.RunAsync(url, documents, new LoadPlan(4, TimeSpan.FromSeconds(5), seed: 3), () => ChildProcess.ResidentBytes(Environment.ProcessId));
            output.WriteLine(load.ToMarkdown());

            Assert.Equal(0, load.Errors);
            Assert.Equal(LoadDriver.Mix.Select(m => m.Endpoint), load.Endpoints.Select(e => e.Endpoint));
            Assert.All(load.Endpoints, e => Assert.True(e.Requests > 0, $"{e.Endpoint}: no request"));
            Assert.True(load.Requests >= 4 * LoadDriver.Mix.Count);
            Assert.NotEmpty(load.Memory);
            Assert.All(load.Memory, m => Assert.True(m.Bytes > 0));
            await app.StopAsync();
        }
    }
}
