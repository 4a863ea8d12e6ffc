using System.Diagnostics;
using System.Globalization;
using KvGraph.Bench;
using KvGraph.TestSupport;

namespace KvGraph.Benchmarks;

/// <summary>
/// <c>load --store &lt;db&gt; [--url &lt;explorer&gt; [--pid N] | --kvgraph &lt;kvgraph.dll&gt;] [--clients 16] [--seconds 60] [--seed 1]</c>:
/// a bounded load on loopback against <c>kvgraph serve</c> (<see cref="LoadDriver"/>). Without <c>--url</c> it starts
/// <c>dotnet kvgraph.dll serve</c> on a free loopback port over the store, waits until it answers and its graph is
/// loaded (the first motions list), runs the clients, samples the server's RSS each second, prints the report and
/// stops the server. Ids and search words are sampled from the store's documents.
/// </summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Int(string name, int fallback) => Arg(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        if (Arg("--store") is not { } storePath)
        {
            output.WriteLine("load: --store <kvgraph.db> is required (ids are sampled from it)");
            return 2;
        }

        var plan = new LoadPlan(Int("--clients", 16), TimeSpan.FromSeconds(Int("--seconds", 60)), Int("--seed", 1));
        var documents = ServeProcess.Documents(storePath);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store {Path.GetFullPath(storePath)}: {documents.Count:N0} documents"));
        ServeProcess? server = null;
        try
        {
            var clock = Stopwatch.StartNew();
            Uri url;
            int? pid;
            if (Arg("--url") is { } given)
            {
                url = new Uri(given);
                pid = Arg("--pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
                await ServeProcess.WaitUntilAnswersAsync(url, null, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                var dll = Arg("--kvgraph") ?? Path.Combine(TestPaths.RepoRoot, "src", "KvGraph.Cli", "bin", "Release", "net10.0", "kvgraph.dll");
                server = await ServeProcess.StartAsync(new KvgraphCommand("dotnet", [dll]), storePath, line => output.WriteLine("serve: " + line), CancellationToken.None).ConfigureAwait(false);
                url = server.Url;
                pid = server.Id;
            }

            await LoadGraph(url).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server {url} ready and its graph loaded after {clock.Elapsed.TotalSeconds:0.0} s{(pid is { } x ? $" (pid {x}, RSS {ChildProcess.ResidentBytes(x) / 1024 / 1024} MB)" : string.Empty)}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {plan.Clients} clients for {plan.Duration.TotalSeconds:0} s, seed {plan.Seed}, mix {string.Join(", ", LoadDriver.Mix.Select(m => $"{m.Endpoint} {m.Weight}%"))}"));
            var report = await LoadDriver.RunAsync(url, documents, plan, () => pid is { } id ? ChildProcess.ResidentBytes(id) : null).ConfigureAwait(false);
            output.WriteLine(report.ToMarkdown());
            return report.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Asks the motions list once, which loads what the explorer keeps in memory (minutes for a large store).</summary>
    private static async Task LoadGraph(Uri url)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(30) };
        using var motions = await http.GetAsync(new Uri("/api/motions?pageSize=1", UriKind.Relative)).ConfigureAwait(false);
        motions.EnsureSuccessStatusCode();
    }
}
