using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using KvGraph.Bench;
using KvGraph.Store;
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
        IReadOnlyList<LoadDocument> documents;
        using (var store = KvStore.OpenReadOnly(storePath))
        {
            documents = [.. store.Documents().Select(d => new LoadDocument(d.Id, d.Kind, d.Title))];
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store {Path.GetFullPath(storePath)}: {documents.Count:N0} documents"));
        Process? server = null;
        Uri url;
        int? pid = Arg("--pid") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : null;
        try
        {
            if (Arg("--url") is { } given)
            {
                url = new Uri(given);
            }
            else
            {
                var dll = Arg("--kvgraph") ?? Path.Combine(TestPaths.RepoRoot, "src", "KvGraph.Cli", "bin", "Release", "net10.0", "kvgraph.dll");
                url = new Uri($"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}");
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { dll, "serve", "--store", Path.GetFullPath(storePath), "--urls", url.ToString().TrimEnd('/') })
                {
                    start.ArgumentList.Add(a);
                }

                server = Process.Start(start) ?? throw new InvalidOperationException("could not start kvgraph serve");
                server.OutputDataReceived += (_, e) => { };
                server.ErrorDataReceived += (_, e) =>
                {
                    if (e.Data is { Length: > 0 } line)
                    {
                        output.WriteLine("serve: " + line);
                    }
                };
                server.BeginOutputReadLine();
                server.BeginErrorReadLine();
                pid = server.Id;
            }

            var clock = Stopwatch.StartNew();
            await WarmUp(url, server).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server {url} ready and its graph loaded after {clock.Elapsed.TotalSeconds:0.0} s{(pid is { } x ? $" (pid {x}, RSS {LoadDriver.ResidentBytes(x) / 1024 / 1024} MB)" : string.Empty)}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load: {plan.Clients} clients for {plan.Duration.TotalSeconds:0} s, seed {plan.Seed}, mix {string.Join(", ", LoadDriver.Mix.Select(m => $"{m.Endpoint} {m.Weight}%"))}"));
            var report = await LoadDriver.RunAsync(url, documents, plan, () => pid is { } id ? LoadDriver.ResidentBytes(id) : null).ConfigureAwait(false);
            output.WriteLine(report.ToMarkdown());
            return report.Errors == 0 ? 0 : 1;
        }
        finally
        {
            if (server is not null)
            {
                if (!server.HasExited)
                {
                    server.Kill(entireProcessTree: true);
                }

                await server.WaitForExitAsync().ConfigureAwait(false);
                server.Dispose();
            }
        }
    }

    /// <summary>Waits until the explorer answers, then asks the motions list once, which loads the graph (minutes for a large store).</summary>
    private static async Task WarmUp(Uri url, Process? server)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(30) };
        for (var attempt = 0; ; attempt++)
        {
            if (server is { HasExited: true })
            {
                throw new InvalidOperationException($"kvgraph serve exited with code {server.ExitCode} before it answered");
            }

            try
            {
                using var status = await http.GetAsync(new Uri("/api/status", UriKind.Relative)).ConfigureAwait(false);
                if (status.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 600)
            {
            }

            await Task.Delay(500).ConfigureAwait(false);
        }

        using var motions = await http.GetAsync(new Uri("/api/motions?pageSize=1", UriKind.Relative)).ConfigureAwait(false);
        motions.EnsureSuccessStatusCode();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
