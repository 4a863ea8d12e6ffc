using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace KvGraph.Bench;

/// <summary>
/// A bounded load on the explorer's API (issue 11): <see cref="LoadPlan.Clients"/> clients, each sending one request
/// after the other for <see cref="LoadPlan.Duration"/>, over a realistic mix of endpoints (search, document,
/// neighbourhood, trace, related, motion, motions) with ids sampled from the store. Reports per endpoint requests,
/// throughput, p50/p99 latency and errors (a status other than the expected 200, or a failed request), and the server's
/// resident memory sampled over the run. Used by the benchmark's <c>load</c> mode and by the test of the tool itself.
/// </summary>
public static class LoadDriver
{
    /// <summary>The endpoints and how often each is asked, out of 100 (a reader searches, opens documents, looks around).</summary>
    public static IReadOnlyList<(string Endpoint, int Weight)> Mix { get; } =
    [
        ("search", 25),
        ("document", 25),
        ("neighbourhood", 12),
        ("trace", 10),
        ("related", 10),
        ("motion", 10),
        ("motions", 8),
    ];

    /// <summary>
    /// Runs the load against <paramref name="baseUrl"/> (the explorer's root). <paramref name="documents"/> are the store's
    /// documents (id, kind, title) to sample from; motion ids are sampled from the server's own motions list before the
    /// clocked run. <paramref name="serverRss"/> reads the server's resident memory in bytes (null when unknown); it is
    /// sampled every <see cref="LoadPlan.SampleEvery"/>.
    /// </summary>
    public static async Task<LoadReport> RunAsync(Uri baseUrl, IReadOnlyList<LoadDocument> documents, LoadPlan plan, Func<long?> serverRss, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(serverRss);
        if (documents.Count == 0)
        {
            throw new ArgumentException("The store holds no documents to sample.", nameof(documents));
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = plan.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = plan.RequestTimeout };
        var motions = await MotionIds(http, cancellationToken).ConfigureAwait(false);
        var words = SearchWords(documents);
        var related = documents.Where(d => d.Kind is "answer" or "question").Select(d => d.Id).ToArray();
        var ids = documents.Select(d => d.Id).ToArray();

        var samples = new List<(TimeSpan At, long Bytes)>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(plan.Duration);
        var sampler = Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    if (serverRss() is { } bytes)
                    {
                        lock (samples)
                        {
                            samples.Add((clock.Elapsed, bytes));
                        }
                    }

                    try
                    {
                        await Task.Delay(plan.SampleEvery, stop.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            },
            CancellationToken.None);

        var clients = Enumerable.Range(0, plan.Clients).Select(c => Task.Run(
            async () =>
            {
                var random = new Random(plan.Seed * 1000 + c);
                var mine = new List<LoadSample>();
                // Each client starts with one request of every endpoint (from a different one each), then picks by
                // weight. That first round is always finished, even when the duration runs out before it (a cold or
                // busy server): a report then still covers the whole mix, and its elapsed time includes the round.
                while (!stop.IsCancellationRequested || mine.Count < Mix.Count)
                {
                    var endpoint = mine.Count < Mix.Count ? Mix[(mine.Count + c) % Mix.Count].Endpoint : Pick(random);
                    var url = Url(endpoint, random, ids, related, motions, words);
                    var started = clock.Elapsed;
                    int status;
                    string? error = null;
                    try
                    {
                        using var response = await http.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead, CancellationToken.None).ConfigureAwait(false);
                        status = (int)response.StatusCode;
                        if (status != 200)
                        {
                            error = $"{status} {url}";
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        status = 0;
                        error = $"{e.GetType().Name}: {e.Message} ({url})";
                    }

                    mine.Add(new LoadSample(endpoint, started, clock.Elapsed - started, status, error));
                }

                return mine;
            },
            CancellationToken.None)).ToArray();

        var all = (await Task.WhenAll(clients).ConfigureAwait(false)).SelectMany(x => x).ToList();
        var elapsed = clock.Elapsed;
        await sampler.ConfigureAwait(false);
        if (serverRss() is { } last)
        {
            samples.Add((clock.Elapsed, last));
        }

        var endpoints = Mix.Select(m => m.Endpoint).Select(e =>
        {
            var mine = all.Where(s => s.Endpoint == e).ToList();
            var latencies = mine.Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
            return new EndpointLoad(
                e,
                mine.Count,
                mine.Count / elapsed.TotalSeconds,
                Percentile(latencies, 0.50),
                Percentile(latencies, 0.99),
                latencies.Length == 0 ? 0 : latencies[^1],
                mine.Count(s => s.Error is not null),
                mine.Where(s => s.Error is not null).Select(s => s.Error!).Take(3).ToList());
        }).ToList();
        return new LoadReport(plan, elapsed, endpoints, samples);
    }

    private static string Pick(Random random)
    {
        var n = random.Next(Mix.Sum(m => m.Weight));
        foreach (var (endpoint, weight) in Mix)
        {
            if (n < weight)
            {
                return endpoint;
            }

            n -= weight;
        }

        return Mix[0].Endpoint;
    }

    private static string Url(string endpoint, Random random, string[] ids, string[] related, string[] motions, string[] words)
    {
        static string Of(Random r, string[] from) => Uri.EscapeDataString(from[r.Next(from.Length)]);
        return endpoint switch
        {
            "search" => $"/api/search?q={Of(random, words)}&page={1 + random.Next(2)}",
            "document" => $"/api/document?id={Of(random, ids)}",
            "neighbourhood" => $"/api/neighbourhood?id={Of(random, ids)}",
            "trace" => $"/api/trace?id={Of(random, ids)}&depth={1 + random.Next(3)}&reverse={(random.Next(2) == 0 ? "false" : "true")}",
            "related" => $"/api/related?id={Of(random, related.Length > 0 ? related : ids)}",
            "motion" => motions.Length > 0 ? $"/api/motion?id={Of(random, motions)}" : $"/api/document?id={Of(random, ids)}",
            _ => $"/api/motions?page={1 + random.Next(3)}&pageSize=25",
        };
    }

    /// <summary>Words of the documents' titles (longer than four letters), as a reader would search them.</summary>
    public static string[] SearchWords(IReadOnlyList<LoadDocument> documents)
    {
        var words = documents
            .Take(5000)
            .SelectMany(d => (d.Title ?? string.Empty).Split([' ', ',', '.', '(', ')', '«', '»', '"', ':', ';', '?'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length > 4 && w.All(char.IsLetter))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(500)
            .ToArray();
        return words.Length > 0 ? words : [.. documents.Take(100).Select(d => d.Id)];
    }

    /// <summary>Up to 300 motion ids from the first pages of the server's motions list.</summary>
    private static async Task<string[]> MotionIds(HttpClient http, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            using var response = await http.GetAsync(new Uri($"/api/motions?page={page}&pageSize=100", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var items = json.RootElement.GetProperty("items");
            ids.AddRange(items.EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            if (items.GetArrayLength() < 100)
            {
                break;
            }
        }

        return [.. ids];
    }

    private static double Percentile(double[] sorted, double p) => Percentiles.Of(sorted, p);
}

/// <summary>How to load: clients, duration, seed of the id sampling, memory sampling interval, request timeout.</summary>
public sealed record LoadPlan
{
    public LoadPlan(int clients, TimeSpan duration, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clients, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, TimeSpan.FromHours(1));
        Clients = clients;
        Duration = duration;
        Seed = seed;
    }

    public int Clients { get; }

    public TimeSpan Duration { get; }

    public int Seed { get; }

    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>A store document to sample ids and search words from.</summary>
public sealed record LoadDocument(string Id, string Kind, string? Title);

/// <summary>One request: its endpoint, when it started, how long it took, its status (0: no answer) and the error, if any.</summary>
public sealed record LoadSample(string Endpoint, TimeSpan Started, TimeSpan Latency, int Status, string? Error);

/// <summary>One endpoint's figures over the run.</summary>
public sealed record EndpointLoad(string Endpoint, int Requests, double PerSecond, double P50Ms, double P99Ms, double MaxMs, int Errors, IReadOnlyList<string> FirstErrors);

/// <summary>What a load run measured: per endpoint, and the server's resident memory over time.</summary>
public sealed record LoadReport(LoadPlan Plan, TimeSpan Elapsed, IReadOnlyList<EndpointLoad> Endpoints, IReadOnlyList<(TimeSpan At, long Bytes)> Memory)
{
    public int Requests => Endpoints.Sum(e => e.Requests);

    public int Errors => Endpoints.Sum(e => e.Errors);

    /// <summary>
    /// Memory growth: the mean RSS of the last third of the samples over the mean of the middle third (the first third
    /// holds the warm-up: the graph loaded, the JIT, the pools filled). About 1 when memory is stable; null with too few samples.
    /// </summary>
    public double? MemoryTrend
    {
        get
        {
            if (Memory.Count < 6)
            {
                return null;
            }

            var third = Memory.Count / 3;
            var middle = Memory.Skip(third).Take(third).Average(m => (double)m.Bytes);
            var last = Memory.Skip(Memory.Count - third).Average(m => (double)m.Bytes);
            return last / middle;
        }
    }

    /// <summary>The report as a Markdown table with the memory line under it.</summary>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.AppendLine(c, $"{Plan.Clients} clients, {Elapsed.TotalSeconds:0.0} s, {Requests:N0} requests, {Requests / Elapsed.TotalSeconds:0.0}/s, {Errors} errors");
        sb.AppendLine();
        sb.AppendLine("| endpoint | requests | per second | p50 ms | p99 ms | max ms | errors |");
        sb.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var e in Endpoints)
        {
            sb.AppendLine(c, $"| {e.Endpoint} | {e.Requests:N0} | {e.PerSecond:0.0} | {e.P50Ms:0.0} | {e.P99Ms:0.0} | {e.MaxMs:0.0} | {e.Errors} |");
        }

        sb.AppendLine();
        if (Memory.Count > 0)
        {
            var mb = Memory.Select(m => m.Bytes / 1024.0 / 1024.0).ToArray();
            sb.AppendLine(c, $"server RSS: {Memory.Count} samples, first {mb[0]:0} MB, min {mb.Min():0} MB, max {mb.Max():0} MB, last {mb[^1]:0} MB; last third / middle third {MemoryTrend?.ToString("0.000", c) ?? "n/a"}");
            var step = Math.Max(1, Memory.Count / 12);
            sb.AppendLine("RSS over time: " + string.Join(", ", Memory.Where((_, i) => i % step == 0 || i == Memory.Count - 1).Select(m => string.Create(c, $"{m.At.TotalSeconds:0}s {m.Bytes / 1024.0 / 1024.0:0}MB"))));
        }
        else
        {
            sb.AppendLine("server RSS: not sampled");
        }

        foreach (var e in Endpoints.Where(e => e.FirstErrors.Count > 0))
        {
            sb.AppendLine(c, $"{e.Endpoint} errors, first: {string.Join(" | ", e.FirstErrors)}");
        }

        return sb.ToString();
    }
}
