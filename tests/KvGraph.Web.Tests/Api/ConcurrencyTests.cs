using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KvGraph.Pipeline;
using KvGraph.Store;
using KvGraph.TestSupport;
using KvGraph.Web.Data;
using KvGraph.Web.Tests.Support;
using Xunit.Abstractions;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// The explorer under concurrent clients, over a real store built from the seeds and real corpus files: no request
/// fails, reads made while a build rewrites the same store are whole (a document is there with all its citations or
/// not there at all), and a finished rebuild reaches the graph endpoints without a restart.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int RequestsPerClient = 250;

    [SkippableFact]
    public async Task Eight_clients_with_mixed_requests_get_no_errors_while_a_build_rewrites_the_store()
    {
        var corpus = Require();
        var toggled = corpus.Toggled;
        using var source = StoreExplorerSource.Open(corpus.StorePath);
        using var factory = new ExplorerFactory(source, corpus.StorePath);
        var clients = Enumerable.Range(0, Clients).Select(_ => factory.CreateClient()).ToList();

        // What the toggled document looks like when it is in the store: a read while it comes and goes is this or a 404.
        var whole = await Json(clients[0], $"/api/document?id={Uri.EscapeDataString(toggled.Id)}");
        var wholeCitations = whole.GetProperty("citations").GetArrayLength();
        Assert.True(wholeCitations > 0, $"{toggled.Id} should cite something, so a torn read would show");

        var always = new[]
        {
            $"/api/search?q={Uri.EscapeDataString(corpus.Seed000Id)}",
            "/api/search?q=minister&pageSize=50",
            "/api/search?q=vragen&page=2",
            $"/api/document?id={Uri.EscapeDataString(corpus.Seed000Id)}",
            $"/api/neighbourhood?id={Uri.EscapeDataString(corpus.Seed000Id)}",
            $"/api/trace?id={Uri.EscapeDataString(corpus.Seed000Id)}&depth=3",
            $"/api/trace?id=kst-21501-20-1596&reverse=true",
            $"/api/related?id={Uri.EscapeDataString(corpus.Seed000Id)}",
            "/api/motions?pageSize=100",
            "/api/motions/stats",
            $"/api/motion?id=kst-35570-V-43",
        };
        var comeAndGo = new[]
        {
            $"/api/document?id={Uri.EscapeDataString(toggled.Id)}",
            $"/api/neighbourhood?id={Uri.EscapeDataString(toggled.Id)}",
            $"/api/related?id={Uri.EscapeDataString(toggled.Id)}",
        };

        var errors = new ConcurrentQueue<string>();
        var latencies = new ConcurrentBag<double>();
        var builds = 0;
        var present = 0;
        var absent = 0;
        var stale = 0;
        using var stop = new CancellationTokenSource();

        // The writer: a build that removes the toggled file (prune), then one that brings it back, over and over.
        var writer = Task.Run(() =>
        {
            using var store = KvStore.Open(corpus.StorePath);
            var inputs = corpus.Inputs;
            while (!stop.IsCancellationRequested)
            {
                var copy = Path.Combine(inputs, Path.GetFileName(toggled.File));
                if (File.Exists(copy))
                {
                    File.Delete(copy);
                }
                else
                {
                    File.Copy(toggled.File, copy);
                }

                var report = BuildPipeline.Run(store, [inputs], new BuildOptions { Prune = true });
                if (report.Failures.Count > 0)
                {
                    errors.Enqueue("build: " + string.Join("; ", report.Failures.Select(f => f.Reason)));
                }

                Interlocked.Increment(ref builds);
            }
        });

        var readers = clients.Select((client, c) => Task.Run(async () =>
        {
            // Each client goes on until it made its requests and the writer finished a few builds under it.
            for (var i = 0; i < RequestsPerClient || Volatile.Read(ref builds) < 4; i++)
            {
                var url = i % 4 == 3 ? comeAndGo[(i / 4 + c) % comeAndGo.Length] : always[(i + c) % always.Length];
                var clock = Stopwatch.StartNew();
                HttpResponseMessage response;
                string body;
                try
                {
                    response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    body = await response.Content.ReadAsStringAsync();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    errors.Enqueue($"{url}: {e.GetType().Name} {e.Message}");
                    continue;
                }

                using var _ = response;
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                if (response.StatusCode == HttpStatusCode.NotFound && comeAndGo.Contains(url))
                {
                    Interlocked.Increment(ref absent);
                    continue;
                }

                if (response.StatusCode != HttpStatusCode.OK)
                {
                    errors.Enqueue($"{url}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
                    continue;
                }

                if (url == comeAndGo[0])
                {
                    var view = JsonDocument.Parse(body).RootElement;
                    if (view.GetProperty("document").ValueKind == JsonValueKind.Null)
                    {
                        // Removed from the store while this request's graph snapshot (taken first) still had its node:
                        // the page of a node without a document, consistent with the graph the request runs on.
                        Interlocked.Increment(ref stale);
                        continue;
                    }

                    Interlocked.Increment(ref present);
                    var citations = view.GetProperty("citations").GetArrayLength();
                    if (citations != wholeCitations)
                    {
                        errors.Enqueue($"torn read: {toggled.Id} with {citations} citations instead of {wholeCitations}");
                    }
                }
            }
        })).ToList();

        await Task.WhenAll(readers);
        await stop.CancelAsync();
        await writer;
        clients.ForEach(c => c.Dispose());

        var sorted = latencies.Order().ToList();
        output.WriteLine($"{sorted.Count} requests from {Clients} clients during {builds} builds; toggled document seen whole {present}, absent {absent}, node only {stale}; " +
            $"latency p50 {sorted[sorted.Count / 2]:0.0} ms, p99 {sorted[(int)(sorted.Count * 0.99)]:0.0} ms, max {sorted[^1]:0.0} ms; errors {errors.Count}");
        Assert.True(errors.IsEmpty, $"{errors.Count} errors of {sorted.Count} requests:\n{string.Join("\n", errors.GroupBy(e => e[..Math.Min(e.Length, 90)]).Select(g => $"{g.Count()} × {g.First()}").Take(12))}");
        Assert.True(builds >= 4, $"only {builds} builds ran under the readers");
        Assert.True(present > 0 && absent > 0, $"the toggled document should be seen whole ({present}) and, after a rebuild removed it, absent ({absent})");
        Assert.True(sorted.Count >= Clients * RequestsPerClient);
    }

    [SkippableFact]
    public async Task Two_thousand_searches_from_eight_clients_at_once_all_succeed()
    {
        // The issue's case: 8 clients searching at once used to share one SQLite connection (HTTP 500 from RemoveCommand).
        var corpus = Require();
        using var source = StoreExplorerSource.Open(corpus.StorePath);
        using var factory = new ExplorerFactory(source, corpus.StorePath);
        string[] queries = [corpus.Seed000Id, "2021Z02286", "minister", "vragen", "Kamerlid", corpus.Toggled.Id, "antwoord op vragen", "zorg"];
        var failures = new ConcurrentQueue<string>();
        var count = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = factory.CreateClient();
            for (var i = 0; i < RequestsPerClient; i++)
            {
                var url = $"/api/search?q={Uri.EscapeDataString(queries[(i + c) % queries.Length])}";
                Interlocked.Increment(ref count);
                try
                {
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // The test host rethrows what escaped the app: as much a failed request as a 500.
                    failures.Enqueue($"{url}: {e.GetType().Name} {e.Message}");
                }
            }
        })));
        output.WriteLine($"{count} searches, {failures.Count} failed");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} searches failed, e.g. {failures.FirstOrDefault()}");
    }

    [SkippableFact]
    public async Task A_document_built_into_the_served_store_reaches_the_graph_endpoints_without_a_restart()
    {
        var corpus = Require();
        var toggled = corpus.Toggled;
        corpus.TakeOut();

        using var source = StoreExplorerSource.Open(corpus.StorePath);
        using var factory = new ExplorerFactory(source, corpus.StorePath);
        using var client = factory.CreateClient();
        var id = Uri.EscapeDataString(toggled.Id);
        var graphUrls = new[] { $"/api/neighbourhood?id={id}", $"/api/trace?id={id}", $"/api/related?id={id}" };
        foreach (var url in graphUrls.Append($"/api/document?id={id}"))
        {
            using var before = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        // The served graph is in use (a request loaded it) when the build adds the document.
        await Json(client, $"/api/neighbourhood?id={Uri.EscapeDataString(corpus.Seed000Id)}");
        Assert.Equal(1, corpus.PutBack());

        Assert.Equal(toggled.Id, (await Json(client, graphUrls[0])).Str("center"));
        Assert.Equal(toggled.Id, (await Json(client, graphUrls[1])).GetProperty("node").Str("id"));
        Assert.Equal(JsonValueKind.Array, (await Json(client, graphUrls[2])).ValueKind);

        var doc = await Json(client, $"/api/document?id={id}");
        Assert.Equal(toggled.Id, doc.GetProperty("node").Str("id"));

        // And a rebuild that removes it again takes it out of the graph too.
        corpus.TakeOut();

        foreach (var url in graphUrls)
        {
            using var after = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }
    }

    [SkippableFact]
    public async Task Point_views_read_the_index_and_the_start_page_loads_the_whole_graph_once_per_version()
    {
        var corpus = Require();
        corpus.TakeOut();

        using var source = StoreExplorerSource.Open(corpus.StorePath);
        using var factory = new ExplorerFactory(source, corpus.StorePath);
        using var client = factory.CreateClient();
        var id = Uri.EscapeDataString(corpus.Seed000Id);
        foreach (var url in new[] { $"/api/document?id={id}", $"/api/neighbourhood?id={id}", $"/api/trace?id={id}", $"/api/related?id={id}", "/api/motions" })
        {
            await Json(client, url);
        }

        // A document, its neighbourhood, trace, related and the motions list are answered by index: nothing loads the graph.
        Assert.Equal(0, source.WholeLoads);

        // The start page sums over every document: the whole graph of this version, loaded once for every request.
        var before = (await Json(client, "/api/overview")).GetProperty("counts").GetRawText();
        Assert.Equal(before, (await Json(client, "/api/overview")).GetProperty("counts").GetRawText());
        Assert.Equal(1, source.WholeLoads);

        // A build that adds a document makes a new version: the start page loads that one and counts the document.
        Assert.Equal(1, corpus.PutBack());

        var after = (await Json(client, "/api/overview")).GetProperty("counts").GetRawText();
        Assert.Equal(2, source.WholeLoads);
        Assert.NotEqual(before, after);
    }

    private static async Task<JsonElement> Json(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static ServedCorpus Require()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");
        return new ServedCorpus();
    }

    /// <summary>
    /// A store of the two seeds, a dozen real Kamervragen (learninglion) and one real answer from the Limburg set that
    /// the tests take out and put back; each test gets its own copy.
    /// </summary>
    private sealed class ServedCorpus
    {
        public ServedCorpus()
        {
            var questions = Directory.GetFiles(TestPaths.Corpus("learninglion-kamervragen", "txt"), "*.txt").Order(StringComparer.Ordinal).Take(12);
            var limburg = Directory.GetFiles(TestPaths.Corpus("kamervragen-limburg", "docs"), "*Antwoord_op_vragen*.txt").Order(StringComparer.Ordinal).First();
            var dir = TestFixtures.CopyToTemp("kvgraph-web-concurrency", [.. TestFixtures.Seeds, .. questions, limburg]);
            Inputs = Path.Combine(dir, "input");
            StorePath = TestFixtures.StorePath(dir);
            using var store = KvStore.Open(StorePath);
            var report = BuildPipeline.Run(store, [Inputs]);
            Assert.Empty(report.Failures);
            var id = store.Documents().First(d => Path.GetFileName(d.File) == Path.GetFileName(limburg)).Id;
            Toggled = (id, limburg);
            Seed000Id = store.ResolveId("2021Z02286") ?? throw new InvalidOperationException("seed 000 not in the store");
        }

        /// <summary>Takes the toggled file out of the input folder and rebuilds (pruning): its document leaves the store.</summary>
        public void TakeOut()
        {
            File.Delete(ToggledCopy);
            using var store = KvStore.Open(StorePath);
            BuildPipeline.Run(store, [Inputs], new BuildOptions { Prune = true });
        }

        /// <summary>Puts the toggled file back and rebuilds; returns how many files the build extracted.</summary>
        public int PutBack()
        {
            File.Copy(Toggled.File, ToggledCopy);
            using var store = KvStore.Open(StorePath);
            return BuildPipeline.Run(store, [Inputs], new BuildOptions { Prune = true }).Extracted;
        }

        private string ToggledCopy => Path.Combine(Inputs, Path.GetFileName(Toggled.File));

        public string Inputs { get; }

        public string StorePath { get; }

        public string Seed000Id { get; }

        /// <summary>The document the tests remove and add back, and its original file in the corpus.</summary>
        public (string Id, string File) Toggled { get; }
    }
}
