using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.TestSupport;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// The real test server (Neo4j 3.1.1 from tests/neo4j) stopped in the middle of a push and started again with its data:
/// the push's retries carry it over the outage and it ends with exactly the graph of an uninterrupted push. This test
/// runs a server of its own (own run folder, own port), so it never touches the server other tests share.
/// </summary>
public sealed class RestartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_push_carries_on_across_a_server_restart_and_ends_with_the_graph_of_a_clean_push()
    {
        Skip.IfNot(OnPath("java") && OnPath("npm") && OnPath("node"), "Java, npm or node is not installed, so the Neo4j 3.1.1 test server cannot run.");
        var baseDir = Environment.GetEnvironmentVariable("KVGRAPH_NEO4J_RUN_DIR") is { Length: > 0 } given ? given : Path.Combine(Path.GetTempPath(), "kvgraph-neo4j");
        var runDir = $"{baseDir}-restart-{Environment.ProcessId}";
        var port = FreePort();
        try
        {
            var (code, started) = Script("start.sh", runDir, port);
            Assert.True(code == 0, $"start.sh failed ({code}):\n{started}");
            var url = new Uri($"http://127.0.0.1:{port}");
            var facts = GraphData.Seeds.Facts;
            var options = new Neo4jConnectionOptions(url) { MaxRetries = 40, RetryDelay = TimeSpan.FromMilliseconds(500), MaxRetryDelay = TimeSpan.FromSeconds(3), RequestTimeout = TimeSpan.FromSeconds(30) };
            using var runner = await Neo4jClient.ConnectAsync(options);
            var pusher = new GraphPusher(runner, new PushOptions { StepFiles = 1 });

            // Reference: an uninterrupted push into the empty database.
            var reference = await pusher.PushAsync(FactsSource.FromFacts(facts), States.Load(Path.Combine(TestPaths.NewTempDir("kvgraph-restart"), "ref.db"), "t"));
            Assert.True(reference.Batches >= 2, $"need two batches at least, got {reference.Batches}");
            var expected = await PushTests.Snapshot(runner);
            await GraphPusher.DeleteAllAsync(runner);

            // After the first committed batch the server goes down (data kept) and comes back a few seconds later.
            Task<(int Code, string Output)>? restart = null;
            var clock = Stopwatch.StartNew();
            TimeSpan downAt = default;
            var progress = new SyncProgress(p =>
            {
                if (p.Batches == 1 && restart is null)
                {
                    var (stopCode, stopOutput) = Script("stop.sh", runDir, port, keep: true);
                    Assert.True(stopCode == 0, stopOutput);
                    downAt = clock.Elapsed;
                    restart = Task.Run(async () =>
                    {
                        await Task.Delay(TimeSpan.FromSeconds(3));
                        return Script("restart.sh", runDir, port);
                    });
                }
            });
            var statePath = Path.Combine(TestPaths.NewTempDir("kvgraph-restart"), "push.db");
            var summary = await pusher.PushAsync(FactsSource.FromFacts(facts), States.Load(statePath, "t"), progress);
            Assert.NotNull(restart);
            var (restartCode, restartOutput) = await restart;
            Assert.True(restartCode == 0, $"restart.sh failed ({restartCode}):\n{restartOutput}");

            Assert.True(summary.Retries > 0, "the push should have met the stopped server");
            Assert.Equal(facts.Count, summary.FilesPushed);
            Assert.Equal(facts.Count, States.Load(statePath, "t").Done);
            Assert.Equal(expected, await PushTests.Snapshot(runner));
            output.WriteLine($"server down after {downAt.TotalSeconds:0.0} s; push done after {clock.Elapsed.TotalSeconds:0.0} s with {summary.Retries} retries");
        }
        finally
        {
            Script("stop.sh", runDir, port);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static (int Code, string Output) Script(string script, string runDir, int port, bool keep = false)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Repo.Neo4jScripts, script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["KVGRAPH_NEO4J_RUN_DIR"] = runDir;
        psi.Environment["KVGRAPH_NEO4J_HTTP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (keep)
        {
            psi.Environment["KVGRAPH_NEO4J_KEEP"] = "1";
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
        }

        return (p.HasExited ? p.ExitCode : -1, stdout.Result + stderr.Result);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    private sealed class SyncProgress(Action<PushProgress> action) : IProgress<PushProgress>
    {
        public void Report(PushProgress value) => action(value);
    }
}
