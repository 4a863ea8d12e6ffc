using System.Net;
using System.Net.Sockets;
using System.Text;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.TestSupport;
using static KvGraph.Neo4j.Tests.Neo4jStandIn;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// Neo4j faults against a local stand-in (<see cref="Neo4jStandIn"/>): transient ones (5xx, a hang past the timeout, a
/// dropped connection, a server that is down, Neo.TransientError) are retried with back-off and then named clearly;
/// permanent ones (401, a Cypher error) fail at once; a push stopped by a fault resumes after its last committed batch.
/// Credentials in the URL are sent as Basic auth and never shown; plain HTTP to another machine is refused.
/// </summary>
public sealed class FaultTests
{
    private static readonly CypherStatement Probe = new("MATCH (n:Node) RETURN count(n) AS a, 1 AS b");

    private static Neo4jConnectionOptions Options(Uri url, int retries = 3) =>
        new(url) { MaxRetries = retries, RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(200), RequestTimeout = TimeSpan.FromSeconds(2) };

    [Theory]
    [InlineData(Fault.Unavailable)]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Hang)]
    [InlineData(Fault.Drop)]
    [InlineData(Fault.Deadlock)]
    public async Task A_transient_fault_is_retried_and_the_statement_then_runs(Fault fault)
    {
        await using var standIn = await StartAsync();
        standIn.FailCommit(1, fault).FailCommit(2, fault);
        using var runner = await Neo4jClient.ConnectAsync(Options(standIn.Url));
        var result = await runner.RunAsync(Probe);
        Assert.Equal(1L, result.Rows[0][0]);
        Assert.Equal(2, runner.Retries);
        Assert.Equal(3, standIn.Commits);
    }

    [Theory]
    [InlineData(Fault.Unavailable, "KvGraph.Http.503", "answered 503")]
    [InlineData(Fault.ServerError, "KvGraph.Http.500", "answered 500")]
    [InlineData(Fault.Hang, "KvGraph.Timeout", "no answer within 2 s")]
    [InlineData(Fault.Drop, "KvGraph.Unreachable", "cannot reach")]
    [InlineData(Fault.Deadlock, "Neo.TransientError.Transaction.DeadlockDetected", "can't acquire ExclusiveLock")]
    public async Task A_transient_fault_that_persists_gives_up_after_the_retries_and_says_what_and_how_often(Fault fault, string code, string says)
    {
        await using var standIn = await StartAsync();
        standIn.FailCommitsFrom(1, fault);
        using var runner = await Neo4jClient.ConnectAsync(Options(standIn.Url));
        var e = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunAsync(Probe));
        Assert.Equal(code, e.Code);
        Assert.True(e.IsTransient);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.Contains("still failing after 3 retries", e.Message, StringComparison.Ordinal);
        Assert.Contains("MATCH (n:Node) RETURN count(n)", e.Message, StringComparison.Ordinal);
        Assert.Equal(4, standIn.Commits);
    }

    [Fact]
    public async Task A_401_or_a_cypher_error_fails_at_once_without_retries()
    {
        await using var standIn = await StartAsync();
        standIn.FailCommit(1, Fault.Unauthorized).FailCommit(2, Fault.SyntaxError);
        using var runner = await Neo4jClient.ConnectAsync(Options(standIn.Url));

        var unauthorized = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunAsync(Probe));
        Assert.Equal("Neo.ClientError.Security.Unauthorized", unauthorized.Code);
        Assert.False(unauthorized.IsTransient);
        Assert.Contains("refused the credentials", unauthorized.Message, StringComparison.Ordinal);
        Assert.Equal(1, standIn.Commits);

        var syntax = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunAsync(Probe));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", syntax.Code);
        Assert.False(syntax.IsTransient);
        Assert.Contains("Invalid input 'X'", syntax.Message, StringComparison.Ordinal);
        Assert.Contains("`MATCH (n:Node) RETURN count(n) AS a, 1 AS b`", syntax.Message, StringComparison.Ordinal);
        Assert.Equal(2, standIn.Commits);
        Assert.Equal(0, runner.Retries);
    }

    [Fact]
    public async Task Discovery_is_retried_too_and_a_401_there_names_the_user_but_not_the_password()
    {
        await using var standIn = await StartAsync();
        standIn.FailDiscovery(Fault.Unauthorized);
        var url = new Uri($"http://kvgraph:{Uri.EscapeDataString("s3cr3t/pw@x")}@{standIn.Url.Authority}/");
        var e = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jClient.ConnectAsync(Options(url)));
        Assert.Contains("refused the credentials", e.Message, StringComparison.Ordinal);
        Assert.Contains("user kvgraph", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", e.ToString(), StringComparison.Ordinal);
        Assert.Single(standIn.Requests);

        standIn.FailDiscovery(Fault.Unavailable);
        var down = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jClient.ConnectAsync(Options(standIn.Url)));
        Assert.Contains("answered 503", down.Message, StringComparison.Ordinal);
        Assert.Contains("still failing after 3 retries", down.Message, StringComparison.Ordinal);
        Assert.Equal(1 + 4, standIn.Requests.Count);
    }

    [Fact]
    public async Task A_server_that_is_down_is_named_with_its_address_after_the_retries()
    {
        // A port that was just free and has nothing listening: the connection is refused.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var e = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jClient.ConnectAsync(Options(new Uri($"http://127.0.0.1:{port}"))));
        Assert.Equal("KvGraph.Unreachable", e.Code);
        Assert.Contains($"cannot reach http://127.0.0.1:{port}/", e.Message, StringComparison.Ordinal);
        Assert.Contains("still failing after 3 retries", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_in_the_url_are_sent_as_basic_auth_and_appear_in_no_message_url_or_state_file()
    {
        await using var standIn = await StartAsync();
        var url = new Uri($"http://kvgraph:{Uri.EscapeDataString("p@ss:w0rd")}@{standIn.Url.Authority}/");
        var options = Options(url);
        Assert.Equal("kvgraph", options.User);
        Assert.Equal("p@ss:w0rd", options.Password);
        Assert.Equal(standIn.Url, options.Url);
        Assert.DoesNotContain("w0rd", options.ToString(), StringComparison.Ordinal);

        using var runner = await Neo4jClient.ConnectAsync(options);
        await runner.RunAsync(Probe);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("kvgraph:p@ss:w0rd"));
        Assert.All(standIn.Requests, r => Assert.Equal(expected, r.Authorization));
        Assert.DoesNotContain("w0rd", runner.Server.CommitEndpoint.ToString(), StringComparison.Ordinal);

        // The push state names its target by the URL without credentials.
        var statePath = Path.Combine(TestPaths.NewTempDir("kvgraph-push-creds"), "push.db");
        var state = States.Load(statePath, $"{options.Url}|{options.Database}");
        await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(GraphData.Seeds.Facts), state);
        var saved = string.Join("\n", StoredTargets(statePath));
        Assert.Contains(standIn.Url.Authority, saved, StringComparison.Ordinal);
        Assert.DoesNotContain("w0rd", saved, StringComparison.Ordinal);

        // A fault's message names the URL without them too.
        standIn.FailCommitsFrom(standIn.Commits + 1, Fault.Unavailable);
        var e = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunAsync(Probe));
        Assert.Contains(standIn.Url.Authority, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("w0rd", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_given_twice_differently_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Neo4jConnectionOptions(new Uri("http://alice:pw@127.0.0.1:7474"), "neo4j", "bob"));
        Assert.Contains("'alice'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":pw", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://neo4j.example.org:7474", true)]
    [InlineData("http://10.1.2.3:7474", true)]
    [InlineData("http://127.0.0.1:7474", false)]
    [InlineData("http://localhost:7474", false)]
    [InlineData("http://[::1]:7474", false)]
    [InlineData("https://neo4j.example.org:7473", false)]
    public async Task Plain_http_to_another_machine_is_refused_before_any_request_unless_allowed(string url, bool refused)
    {
        var options = new Neo4jConnectionOptions(new Uri(url), "neo4j", "neo4j", "secret") { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(2) };
        Assert.Equal(refused, options.IsInsecure);
        if (!refused)
        {
            return;
        }

        var e = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jClient.ConnectAsync(options));
        Assert.Equal("KvGraph.Insecure", e.Code);
        Assert.Contains("--allow-insecure", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://", e.Message, StringComparison.Ordinal);

        // Allowed: it is tried (and here fails to connect or resolve, which is a different error).
        var tried = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jClient.ConnectAsync(options with { AllowInsecure = true, RequestTimeout = TimeSpan.FromMilliseconds(500) }));
        Assert.NotEqual("KvGraph.Insecure", tried.Code);
    }

    [Fact]
    public async Task A_push_stopped_by_a_lasting_fault_resumes_after_its_last_committed_batch()
    {
        var facts = GraphData.Seeds.Facts;
        Assert.True(facts.Count >= 2);
        await using var standIn = await StartAsync();
        using var runner = await Neo4jClient.ConnectAsync(Options(standIn.Url));
        var pusher = new GraphPusher(runner, new PushOptions { StepFiles = 1, CreateSchema = false });
        var statePath = Path.Combine(TestPaths.NewTempDir("kvgraph-push-fault"), "push.db");

        // The first file's step commits and is recorded; from then on the server answers 503 (longer than the retries last).
        var progress = new SyncProgress(p =>
        {
            if (p.FilesDone == 1)
            {
                standIn.FailCommitsFrom(standIn.Commits + 1, Fault.Unavailable);
            }
        });
        var e = await Assert.ThrowsAsync<Neo4jException>(() => pusher.PushAsync(FactsSource.FromFacts(facts), States.Load(statePath, "t"), progress));
        Assert.Contains("answered 503", e.Message, StringComparison.Ordinal);
        var partial = States.Load(statePath, "t");
        Assert.Equal(1, partial.Done);
        // The second file was marked as under way before its first transaction was refused.
        Assert.Single(partial.Files.Values, f => f.Pending);

        // The server is back: only what was not committed is sent.
        standIn.FailCommitsFrom(0, null);
        var commitsBefore = standIn.Commits;
        var resumed = await pusher.PushAsync(FactsSource.FromFacts(facts), partial);
        Assert.Equal(1, resumed.FilesUnchanged);
        Assert.Equal(facts.Count - 1, resumed.FilesPushed);
        Assert.Equal(facts.Count, States.Load(statePath, "t").Done);
        Assert.True(standIn.Commits > commitsBefore);
    }

    private static List<string> StoredTargets(string storePath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={storePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT DISTINCT target FROM push_files";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read())
        {
            list.Add(r.GetString(0));
        }

        return list;
    }

    private sealed class SyncProgress(Action<PushProgress> action) : IProgress<PushProgress>
    {
        public void Report(PushProgress value) => action(value);
    }
}
