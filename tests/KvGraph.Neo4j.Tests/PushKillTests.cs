using System.Diagnostics;
using System.Reflection;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.Store;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// Issue 11, "the same for push": a real <c>kvgraph push</c> process killed with SIGKILL at seeded random moments,
/// again and again, against the real Neo4j 3.1.1 test server. After every kill the store opens and passes
/// <c>PRAGMA integrity_check</c>, each file the push state calls done has all its nodes in the graph, and the push that
/// finally runs to the end leaves exactly the graph of one clean push: the same nodes and relationships, none twice.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class PushKillTests(Neo4jServer server, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_push_process_killed_at_random_moments_resumes_to_exactly_the_graph_of_a_clean_push()
    {
        server.Require();

        // Real documents: the seeds, the motion fixtures and (CI always has it) the Limburg Q/A texts of the corpus,
        // so that the push runs long enough, in small transactions, to be killed in the middle.
        var inputs = new List<string> { Repo.Seeds, Path.Combine(Repo.Root, "tests", "fixtures", "motions") };
        var limburg = Path.Combine(Repo.CorpusRaw, "kamervragen-limburg", "docs");
        if (Directory.Exists(limburg))
        {
            inputs.Add(limburg);
        }

        var dir = TestPaths.NewTempDir("kvgraph-push-kill");
        var store = Path.Combine(dir, "kv.db");
        using (var s = KvStore.Open(store))
        {
            KvGraph.Pipeline.BuildPipeline.Run(s, inputs);
        }

        using var runner = await server.ConnectAsync();

        // The reference: one clean push from a copy of the store, timed, to place the kills inside a push.
        var cleanStore = Path.Combine(dir, "clean.db");
        File.Copy(store, cleanStore);
        await GraphPusher.DeleteAllAsync(runner);
        var clean = Push(cleanStore, killAfterMs: null);
        Assert.Equal(0, clean.Exit);
        var expected = await PushTests.Snapshot(runner);
        var cleanMs = clean.Elapsed.TotalMilliseconds;
        output.WriteLine($"clean push: {cleanMs:0} ms, {expected.Split('\n').Length} nodes and relationships");
        Assert.True(cleanMs > 1500, $"the clean push took only {cleanMs:0} ms: too short to kill in the middle");

        await GraphPusher.DeleteAllAsync(runner);
        var random = new Random(1105);
        var kills = 0;
        for (var round = 0; round < 6; round++)
        {
            // Start-up (the .NET runtime, the store, discovery) takes part of the time; kill anywhere from early on to
            // well inside the remaining push.
            var at = random.Next(300, (int)Math.Max(600, cleanMs * 0.9));
            var run = Push(store, at);
            output.WriteLine($"round {round}: kill after {at} ms → {(run.Killed ? "killed" : $"finished first (exit {run.Exit})")}");
            if (!run.Killed)
            {
                Assert.Equal(0, run.Exit);
                break;
            }

            kills++;
            Assert.Equal("ok", IntegrityCheck(store));
            // Killed before its first record (during start-up) the ledger is still empty: nothing to check yet.
            var targets = Targets(store);
            Assert.True(targets.Count <= 1, string.Join(", ", targets));
            using var opened = KvStore.Open(store);
            foreach (var target in targets)
            {
                var state = PushState.Open(opened, target);
                foreach (var done in state.Files.Values.Where(f => !f.Pending))
                {
                    var present = await runner.RunAsync(new CypherStatement(
                        "MATCH (:KvFile {path: $file})-[:ASSERTS]->(n:Node) WHERE n.id IN $ids RETURN count(n) AS n",
                        new Dictionary<string, object?> { ["ids"] = done.Nodes.ToList<object?>(), ["file"] = done.File }));
                    Assert.Equal((long)done.Nodes.Count, present.Rows[0][0]);
                }
            }
        }

        Assert.True(kills >= 3, $"only {kills} pushes were killed before one finished");
        var final = Push(store, killAfterMs: null);
        Assert.Equal(0, final.Exit);
        Assert.Equal(expected, await PushTests.Snapshot(runner));
        var twice = await runner.RunAsync(new CypherStatement("MATCH (n:Node) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS n"));
        Assert.Equal(0L, twice.Rows[0][0]);
        var again = Push(store, killAfterMs: null);
        Assert.Equal(0, again.Exit);
        Assert.Contains(" 0 pushed,", again.Out, StringComparison.Ordinal);
    }

    /// <summary>Runs the real CLI's push; with <paramref name="killAfterMs"/>, SIGKILLs it then (unless it finished first).</summary>
    private (int Exit, bool Killed, TimeSpan Elapsed, string Out) Push(string store, int? killAfterMs)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(CliDll());
        foreach (var a in new[] { "push", "--store", store, "--neo4j", server.Url!.ToString(), "--batch-rows", "10", "--parallel", "2" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("KVGRAPH_STORE");
        psi.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var killed = false;
        if (killAfterMs is { } ms && !p.WaitForExit(ms))
        {
            try
            {
                p.Kill(); // SIGKILL on Linux: no handler, no finally, no flush.
                killed = true;
            }
            catch (InvalidOperationException)
            {
                // It finished just before the kill.
            }
        }

        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("kvgraph push did not finish in 5 minutes");
        }

        p.WaitForExit();
        var (o, e) = (stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        if (!killed && p.ExitCode != 0)
        {
            output.WriteLine(o);
            output.WriteLine(e);
        }

        return (p.ExitCode, killed, watch.Elapsed, o);
    }

    /// <summary>
    /// The CLI as the solution build left it, in the configuration this test was built in. (Not copied beside the tests: this
    /// project references ASP.NET Core's shared framework, so the CLI's own packages are not copied with it.)
    /// </summary>
    private static string CliDll()
    {
        var configuration = typeof(PushKillTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(Repo.Root, "src", "KvGraph.Cli", "bin", configuration, "net10.0", "kvgraph.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the solution (dotnet build KvGraph.sln -c {configuration}) first");
        return dll;
    }

    private static string IntegrityCheck(string store)
    {
        using var c = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return (string)cmd.ExecuteScalar()!;
    }

    /// <summary>The push targets the store's ledger holds (URL|database as the CLI wrote it).</summary>
    private static List<string> Targets(string store)
    {
        using var c = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT target FROM push_files";
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }
}
