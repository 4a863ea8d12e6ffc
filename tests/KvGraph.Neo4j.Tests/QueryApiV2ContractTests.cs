using System.Net;
using System.Text;
using System.Text.Json;
using KvGraph.Neo4j.Http;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// No 5.x server runs here, so the Query API v2 is checked against a stand-in that answers as Neo4j 5.26 documents it:
/// discovery with a "query" URL, typed JSON values ({"$type":"Integer","_value":"1"}), explicit transactions, and
/// 4xx error bodies {"errors":[{"code","message"}]}.
/// </summary>
public sealed class QueryApiV2ContractTests
{
    private const string Discovery = """
        {"bolt_routing":"neo4j://db.internal:7687","query":"http://db.internal:7474/db/{databaseName}/query/v2",
         "transaction":"http://db.internal:7474/db/{databaseName}/tx","bolt_direct":"bolt://db.internal:7687",
         "neo4j_version":"5.26.2","neo4j_edition":"enterprise"}
        """;

    [Fact]
    public async Task Discovery_picks_the_query_api_on_the_users_host_and_modern_schema_syntax()
    {
        using var stub = new StandIn(_ => Json(HttpStatusCode.OK, Discovery));
        using var runner = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474"), "kamer"), stub);
        Assert.Equal(Neo4jApi.QueryV2, runner.Server.Api);
        Assert.Equal(new Uri("http://localhost:7474/db/kamer/query/v2"), runner.Server.CommitEndpoint);
        Assert.True(runner.Server.SupportsModernSchemaSyntax);
        Assert.Contains(Schema.SchemaStatements.For(runner.Server), s => s.StartsWith("CREATE CONSTRAINT kv_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_query_url_a_4x_or_5x_server_gets_the_tx_endpoint_and_3x_the_legacy_one()
    {
        using var v4 = new StandIn(_ => Json(HttpStatusCode.OK, """{"transaction":"http://x:7474/db/{databaseName}/tx","neo4j_version":"4.4.30","neo4j_edition":"community"}"""));
        using var r4 = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474")), v4);
        Assert.Equal(Neo4jApi.Transactional, r4.Server.Api);
        Assert.Equal(new Uri("http://localhost:7474/db/neo4j/tx/commit"), r4.Server.CommitEndpoint);
        Assert.True(r4.Server.SupportsModernSchemaSyntax);

        using var v3 = new StandIn(r => r.RequestUri!.AbsolutePath == "/"
            ? Json(HttpStatusCode.OK, """{"management":"http://x:7474/db/manage/","data":"http://x:7474/db/data/"}""")
            : Json(HttpStatusCode.OK, """{"transaction":"http://x:7474/db/data/transaction","neo4j_version":"3.5.35"}"""));
        using var r3 = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474")), v3);
        Assert.Equal(Neo4jApi.Legacy3Transactional, r3.Server.Api);
        Assert.Equal(new Uri("http://localhost:7474/db/data/transaction/commit"), r3.Server.CommitEndpoint);
        Assert.False(r3.Server.SupportsModernSchemaSyntax);
        Assert.StartsWith("CREATE CONSTRAINT ON (n:Node) ASSERT n.id IS UNIQUE", Schema.SchemaStatements.For(r3.Server)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_values_become_plain_values_and_counters_are_read()
    {
        string? sentBody = null;
        string? accept = null;
        using var stub = new StandIn(r =>
        {
            if (r.Method == HttpMethod.Get)
            {
                return Json(HttpStatusCode.OK, Discovery);
            }

            sentBody = r.Content!.ReadAsStringAsync().Result;
            accept = string.Join(",", r.Headers.Accept.Select(a => a.MediaType));
            return Json(HttpStatusCode.Accepted, """
                {"data":{"fields":["id","n","score","ok","nothing","list","map","doc","rel"],
                 "values":[[{"$type":"String","_value":"kst-21501-20-1591"},{"$type":"Integer","_value":"9007199254740993"},
                   {"$type":"Float","_value":"0.75"},{"$type":"Boolean","_value":true},{"$type":"Null","_value":null},
                   {"$type":"List","_value":[{"$type":"Integer","_value":"1"},{"$type":"String","_value":"a"}]},
                   {"$type":"Map","_value":{"date":{"$type":"Date","_value":"2021-03-11"}}},
                   {"$type":"Node","_value":{"_element_id":"4:abc:1","_labels":["Node","Document","Motion"],"_properties":{"id":{"$type":"String","_value":"kst-21501-20-1591"},"nr":{"$type":"Integer","_value":"1591"}}}},
                   {"$type":"Relationship","_value":{"_element_id":"5:abc:2","_start_node_element_id":"4:abc:0","_end_node_element_id":"4:abc:1","_type":"CITES","_properties":{"quote":{"$type":"String","_value":"motie Van den Nieuwenhuijzen"}}}}]]},
                 "counters":{"containsUpdates":true,"nodesCreated":2,"relationshipsDeleted":1,"propertiesSet":5},
                 "bookmarks":["FB:kcwQ"]}
                """);
        });
        using var runner = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474")), stub);
        var result = await runner.RunAsync(new CypherStatement("MATCH (m:Node {id: $id}) RETURN m", new Dictionary<string, object?> { ["id"] = "kst-21501-20-1591", ["depth"] = 3 }));

        using (var body = JsonDocument.Parse(sentBody!))
        {
            Assert.Equal("MATCH (m:Node {id: $id}) RETURN m", body.RootElement.GetProperty("statement").GetString());
            Assert.Equal("kst-21501-20-1591", body.RootElement.GetProperty("parameters").GetProperty("id").GetString());
            Assert.Equal(3, body.RootElement.GetProperty("parameters").GetProperty("depth").GetInt64());
        }

        Assert.StartsWith("application/vnd.neo4j.query", accept, StringComparison.Ordinal);
        var row = result.Rows.Single();
        Assert.Equal("kst-21501-20-1591", row[0]);
        Assert.Equal(9007199254740993L, row[1]); // beyond double precision: integers travel as strings for this reason
        Assert.Equal(0.75, row[2]);
        Assert.Equal(true, row[3]);
        Assert.Null(row[4]);
        Assert.Equal(new List<object?> { 1L, "a" }, row[5]);
        Assert.Equal("2021-03-11", ((Dictionary<string, object?>)row[6]!)["date"]);
        Assert.Equal(1591L, ((Dictionary<string, object?>)row[7]!)["nr"]);
        Assert.Equal("motie Van den Nieuwenhuijzen", ((Dictionary<string, object?>)row[8]!)["quote"]);
        Assert.Equal(2, result.Counter("nodes_created"));
        Assert.Equal(1, result.Counter("relationships_deleted"));
        Assert.Equal(5, result.Counter("properties_set"));
    }

    [Fact]
    public async Task A_4xx_error_body_stops_with_the_server_code_and_the_statement()
    {
        var posts = 0;
        using var stub = new StandIn(r => r.Method == HttpMethod.Get
            ? Json(HttpStatusCode.OK, Discovery)
            : Json(HttpStatusCode.BadRequest, Interlocked.Increment(ref posts) > 0
                ? """{"errors":[{"code":"Neo.ClientError.Statement.SyntaxError","message":"Invalid input 'RETRUN': expected ... (line 1, column 20 (offset: 19))"}]}"""
                : "{}"));
        using var runner = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474")), stub);
        var e = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunAsync(new CypherStatement("MATCH (n:Node) RETRUN n")));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.False(e.IsTransient);
        Assert.Equal(1, posts); // permanent: not retried
        Assert.Contains("MATCH (n:Node) RETRUN n", e.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_errors_are_retried_with_backoff_then_succeed()
    {
        var posts = 0;
        using var stub = new StandIn(r =>
        {
            if (r.Method == HttpMethod.Get)
            {
                return Json(HttpStatusCode.OK, Discovery);
            }

            return Interlocked.Increment(ref posts) switch
            {
                1 => Json(HttpStatusCode.ServiceUnavailable, """{"errors":[{"code":"Neo.TransientError.General.DatabaseUnavailable","message":"database is starting"}]}"""),
                2 => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>bad gateway</html>") },
                _ => Json(HttpStatusCode.Accepted, """{"data":{"fields":["x"],"values":[[{"$type":"Integer","_value":"1"}]]}}"""),
            };
        });
        using var runner = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474")) { RetryDelay = TimeSpan.FromMilliseconds(1) }, stub);
        var result = await runner.RunAsync(new CypherStatement("RETURN 1 AS x"));
        Assert.Equal(1L, result.Rows[0][0]);
        Assert.Equal(3, posts);
        Assert.Equal(2, runner.Retries);
    }

    [Fact]
    public async Task Several_statements_run_in_one_explicit_transaction_with_cluster_affinity_and_roll_back_on_error()
    {
        var calls = new List<string>();
        using var stub = new StandIn(r =>
        {
            calls.Add($"{r.Method} {r.RequestUri!.AbsolutePath} {(r.Headers.TryGetValues("neo4j-cluster-affinity", out var a) ? a.First() : "-")}");
            if (r.Method == HttpMethod.Get)
            {
                return Json(HttpStatusCode.OK, Discovery);
            }

            if (r.Method == HttpMethod.Delete)
            {
                return Json(HttpStatusCode.OK, "{}");
            }

            var statement = JsonDocument.Parse(r.Content!.ReadAsStringAsync().Result).RootElement.TryGetProperty("statement", out var s) ? s.GetString() : null;
            if (statement == "BOOM")
            {
                return Json(HttpStatusCode.BadRequest, """{"errors":[{"code":"Neo.ClientError.Schema.ConstraintValidationFailed","message":"Node(1) already exists"}]}""");
            }

            var response = Json(HttpStatusCode.Accepted, """{"data":{"fields":[],"values":[]},"transaction":{"id":"tx42","expires":"2026-11-22T20:00:00Z"},"counters":{"nodesCreated":1}}""");
            response.Headers.Add("neo4j-cluster-affinity", "MXxALTkyMzQ=");
            return response;
        });
        using var runner = await Neo4jClient.ConnectAsync(new Neo4jConnectionOptions(new Uri("http://localhost:7474")), stub);
        var results = await runner.RunInTransactionAsync([new CypherStatement("CREATE (:A)"), new CypherStatement("CREATE (:B)")]);
        Assert.Equal(2, results.Count);
        Assert.Equal(
            ["POST /db/neo4j/query/v2/tx -", "POST /db/neo4j/query/v2/tx/tx42 MXxALTkyMzQ=", "POST /db/neo4j/query/v2/tx/tx42/commit MXxALTkyMzQ="],
            calls.Skip(1));

        calls.Clear();
        var e = await Assert.ThrowsAsync<Neo4jException>(() => runner.RunInTransactionAsync([new CypherStatement("CREATE (:A)"), new CypherStatement("BOOM")]));
        Assert.Equal("Neo.ClientError.Schema.ConstraintValidationFailed", e.Code);
        Assert.Equal("BOOM", e.Statement);
        Assert.Equal("DELETE /db/neo4j/query/v2/tx/tx42 MXxALTkyMzQ=", calls[^1]);
    }

    [Fact]
    public async Task The_password_is_sent_as_basic_auth_and_never_shown()
    {
        string? auth = null;
        using var stub = new StandIn(r =>
        {
            auth = r.Headers.Authorization?.ToString();
            return Json(HttpStatusCode.Unauthorized, """{"errors":[{"code":"Neo.ClientError.Security.Unauthorized","message":"Invalid username or password."}]}""");
        });
        var options = new Neo4jConnectionOptions(new Uri("http://localhost:7474"), "neo4j", "neo4j", "s3cret-pw");
        var e = await Assert.ThrowsAsync<Neo4jException>(() => Neo4jClient.ConnectAsync(options, stub));
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:s3cret-pw")), auth);
        Assert.Equal("Neo.ClientError.Security.Unauthorized", e.Code);
        Assert.DoesNotContain("s3cret-pw", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", options.ToString(), StringComparison.Ordinal);
        Assert.Contains(Neo4jConnectionOptions.PasswordVariable, e.Message, StringComparison.Ordinal);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>The stand-in server: answers each request with the given function.</summary>
    private sealed class StandIn(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
