using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// A local stand-in for a Neo4j 4.4 HTTP server on Kestrel (loopback, port 0), for the faults the real test server will
/// not produce on demand: 5xx, 401, a request that hangs past the client's timeout, a dropped connection, a Cypher error
/// and a transient server error, each at a chosen commit request. It answers discovery at <c>GET /</c> like 4.4 does
/// (<c>neo4j_version</c>, <c>transaction</c> template) and every statement on <c>/db/neo4j/tx/commit</c> with one row
/// <c>[1, 1]</c> (so a count of KvGraph's nodes is never 0) and empty counters.
/// </summary>
public sealed class Neo4jStandIn : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Fault> _faults = [];
    private readonly List<Seen> _seen = [];
    private (int From, Fault Fault)? _persistent;
    private Fault? _discoveryFault;
    private WebApplication? _app;

    public enum Fault
    {
        /// <summary>HTTP 503 Service Unavailable.</summary>
        Unavailable,

        /// <summary>HTTP 500 with an HTML body, as a proxy in front of the server would give.</summary>
        ServerError,

        /// <summary>HTTP 401 with Neo4j's error body.</summary>
        Unauthorized,

        /// <summary>No answer for 30 s (past the client's timeout).</summary>
        Hang,

        /// <summary>The connection is dropped without an answer.</summary>
        Drop,

        /// <summary>HTTP 200 with a Neo.ClientError.Statement.SyntaxError, as the transactional endpoint reports it.</summary>
        SyntaxError,

        /// <summary>HTTP 200 with a Neo.TransientError.Transaction.DeadlockDetected.</summary>
        Deadlock,
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request so far (path, Authorization header, statements), in order.</summary>
    public IReadOnlyList<Seen> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _seen];
            }
        }
    }

    /// <summary>Commit requests so far.</summary>
    public int Commits => Requests.Count(r => r.Path.EndsWith("/commit", StringComparison.Ordinal));

    public static async Task<Neo4jStandIn> StartAsync()
    {
        var standIn = new Neo4jStandIn();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Map("/{**rest}", standIn.HandleAsync);
        await app.StartAsync();
        standIn._app = app;
        standIn.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return standIn;
    }

    /// <summary>The <paramref name="commit"/>-th commit request (1-based) gets <paramref name="fault"/>.</summary>
    public Neo4jStandIn FailCommit(int commit, Fault fault)
    {
        lock (_gate)
        {
            _faults[commit] = fault;
        }

        return this;
    }

    /// <summary>Every commit request from the <paramref name="from"/>-th on gets <paramref name="fault"/> (null: none).</summary>
    public Neo4jStandIn FailCommitsFrom(int from, Fault? fault)
    {
        lock (_gate)
        {
            _persistent = fault is { } f ? (from, f) : null;
        }

        return this;
    }

    /// <summary>Discovery (<c>GET /</c>) gets <paramref name="fault"/> every time (null: none).</summary>
    public Neo4jStandIn FailDiscovery(Fault? fault)
    {
        lock (_gate)
        {
            _discoveryFault = fault;
        }

        return this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync();
        }

        var statements = new List<string>();
        if (body.Length > 0 && JsonNode.Parse(body) is JsonObject json && json["statements"] is JsonArray list)
        {
            statements.AddRange(list.Select(s => (string?)s?["statement"] ?? string.Empty));
        }

        Fault? fault;
        lock (_gate)
        {
            _seen.Add(new Seen(request.Method, request.Path.Value ?? "/", request.Headers.Authorization.ToString(), statements));
            var commits = _seen.Count(r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
            fault = request.Path == "/"
                ? _discoveryFault
                : _faults.TryGetValue(commits, out var once) ? once : _persistent is { } p && commits >= p.From ? p.Fault : null;
        }

        if (fault is { } f)
        {
            await FaultAsync(context, f);
            return;
        }

        if (request.Method == "GET" && request.Path == "/")
        {
            await WriteJson(context, 200, new JsonObject
            {
                ["bolt_routing"] = "neo4j://127.0.0.1:7687",
                ["transaction"] = $"{Url.AbsoluteUri.TrimEnd('/')}/db/{{databaseName}}/tx",
                ["bolt_direct"] = "bolt://127.0.0.1:7687",
                ["neo4j_version"] = "4.4.0",
                ["neo4j_edition"] = "community",
            });
            return;
        }

        if (request.Method == "POST" && request.Path == "/db/neo4j/tx/commit")
        {
            var results = new JsonArray(statements.Select(_ => (JsonNode)new JsonObject
            {
                ["columns"] = new JsonArray("a", "b"),
                ["data"] = new JsonArray(new JsonObject { ["row"] = new JsonArray(1, 1), ["meta"] = new JsonArray(null, null) }),
                ["stats"] = new JsonObject { ["nodes_created"] = 0 },
            }).ToArray());
            await WriteJson(context, 200, new JsonObject { ["results"] = results, ["errors"] = new JsonArray() });
            return;
        }

        context.Response.StatusCode = 404;
    }

    private static async Task FaultAsync(HttpContext context, Fault fault)
    {
        switch (fault)
        {
            case Fault.Unavailable:
                context.Response.StatusCode = 503;
                await context.Response.WriteAsync("Service Unavailable");
                break;
            case Fault.ServerError:
                context.Response.StatusCode = 500;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>500 Internal Server Error</h1></body></html>");
                break;
            case Fault.Unauthorized:
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"Neo4j\"";
                await WriteJson(context, 401, Errors("Neo.ClientError.Security.Unauthorized", "The client is unauthorized due to authentication failure."));
                break;
            case Fault.Hang:
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up, as it should.
                }

                break;
            case Fault.Drop:
                context.Abort();
                break;
            case Fault.SyntaxError:
                await WriteJson(context, 200, Errors("Neo.ClientError.Statement.SyntaxError", "Invalid input 'X': expected <init> (line 1, column 1 (offset: 0))"));
                break;
            case Fault.Deadlock:
                await WriteJson(context, 200, Errors("Neo.TransientError.Transaction.DeadlockDetected", "ForsetiClient[3] can't acquire ExclusiveLock{owner=ForsetiClient[5]}"));
                break;
        }
    }

    private static JsonObject Errors(string code, string message) =>
        new() { ["results"] = new JsonArray(), ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) };

    private static async Task WriteJson(HttpContext context, int status, JsonObject json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString(new JsonSerializerOptions()));
    }

    /// <summary>One request the stand-in received.</summary>
    public sealed record Seen(string Method, string Path, string Authorization, IReadOnlyList<string> Statements);
}
