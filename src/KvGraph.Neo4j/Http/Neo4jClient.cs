using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;

namespace KvGraph.Neo4j.Http;

/// <summary>
/// Entry point to Neo4j over HTTP (the .NET driver is not available here, and HTTP works with every server
/// from 3.x to Aura). <see cref="ConnectAsync"/> discovers the server at <c>GET /</c> and picks the API.
/// </summary>
public static class Neo4jClient
{
    /// <summary>Discovers the server and returns a runner for its best API.</summary>
    /// <param name="options">URL, database, credentials.</param>
    /// <param name="handler">An HTTP handler to use instead of the network (tests use a stand-in server here).</param>
    /// <param name="cancellationToken">Cancels discovery.</param>
    public static async Task<ICypherRunner> ConnectAsync(Neo4jConnectionOptions options, HttpMessageHandler? handler = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsInsecure && !options.AllowInsecure)
        {
            throw new Neo4jException("KvGraph.Insecure",
                $"{options.Url} is plain HTTP to another machine: the password and the graph would cross the network unencrypted. Use https://, or allow it explicitly (kvgraph: --allow-insecure).",
                null, false);
        }

        var http = handler is null
            ? new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(handler, disposeHandler: false);
        http.Timeout = options.RequestTimeout;
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (options.User is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}"));
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        try
        {
            var retries = new Retries(options);
            var server = await retries.RunAsync(ct => Discovery.DiscoverAsync(http, options, ct), cancellationToken).ConfigureAwait(false);
            return new HttpCypherRunner(http, options, server, retries);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }
}

/// <summary>Reads the discovery document(s) and decides which endpoint to use.</summary>
internal static class Discovery
{
    public static async Task<Neo4jServerInfo> DiscoverAsync(HttpClient http, Neo4jConnectionOptions options, CancellationToken ct)
    {
        var root = await GetJsonAsync(http, options.Url, options, ct).ConfigureAwait(false);
        if (root.TryGetProperty("neo4j_version", out var v4))
        {
            var version = ParseVersion(v4.GetString());
            var edition = root.TryGetProperty("neo4j_edition", out var ed) ? ed.GetString() : null;
            var db = Uri.EscapeDataString(options.Database);
            if (options.PreferQueryApi && root.TryGetProperty("query", out var query) && query.GetString() is { } queryTemplate)
            {
                return new Neo4jServerInfo(version, edition, Neo4jApi.QueryV2, Rebase(options.Url, queryTemplate, db));
            }

            var txTemplate = root.TryGetProperty("transaction", out var tx) && tx.GetString() is { } t ? t : "/db/{databaseName}/tx";
            var txUri = Rebase(options.Url, txTemplate, db);
            return new Neo4jServerInfo(version, edition, Neo4jApi.Transactional, new Uri(txUri.AbsoluteUri.TrimEnd('/') + "/commit"));
        }

        if (root.TryGetProperty("data", out var data) && data.GetString() is { } dataUrl)
        {
            // 3.x: the version lives in the data document.
            var dataUri = Rebase(options.Url, dataUrl, null);
            var dataDoc = await GetJsonAsync(http, dataUri, options, ct).ConfigureAwait(false);
            var version = ParseVersion(dataDoc.TryGetProperty("neo4j_version", out var v3) ? v3.GetString() : null);
            var txUri = dataDoc.TryGetProperty("transaction", out var tx3) && tx3.GetString() is { } txs
                ? Rebase(options.Url, txs, null)
                : new Uri(options.Url, "/db/data/transaction");
            return new Neo4jServerInfo(version, null, Neo4jApi.Legacy3Transactional, new Uri(txUri.AbsoluteUri.TrimEnd('/') + "/commit"));
        }

        throw new Neo4jException("KvGraph.Discovery", $"{options.Url} answered GET / without a Neo4j discovery document (no neo4j_version, no data URL); is this a Neo4j HTTP port?", null, false);
    }

    /// <summary>
    /// Keeps the path of an advertised URL but the scheme, host and port the user gave: servers in containers
    /// or behind proxies often advertise an address the client cannot reach.
    /// </summary>
    internal static Uri Rebase(Uri baseUrl, string advertised, string? database)
    {
        var path = advertised.Replace("{databaseName}", database ?? "neo4j", StringComparison.Ordinal);
        if (Uri.TryCreate(path, UriKind.Absolute, out var abs) && abs.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            path = abs.PathAndQuery;
        }

        var prefix = baseUrl.AbsolutePath.TrimEnd('/');
        if (prefix.Length > 0 && path.StartsWith(prefix, StringComparison.Ordinal))
        {
            prefix = string.Empty;
        }

        return new Uri(baseUrl, prefix + "/" + path.TrimStart('/'));
    }

    internal static Version ParseVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new Neo4jException("KvGraph.Discovery", "the server did not report its version (neo4j_version).", null, false);
        }

        // "5.26.0", "2025.01.0", "4.4.12-aura", "3.1.1"
        var digits = new string(text.TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).Trim('.');
        var parts = digits.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
        while (parts.Count < 2)
        {
            parts.Add(0);
        }

        // Calendar versions (2025.x) are the successors of 5.x: treat them as 5+ for syntax decisions.
        var major = parts[0] >= 2025 ? 5 + (parts[0] - 2024) : parts[0];
        return new Version(major, parts[1], parts.Count > 2 ? parts[2] : 0);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, Uri url, Neo4jConnectionOptions options, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jException("KvGraph.Unreachable", $"cannot reach {url}: {e.Message}", null, true, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new Neo4jException("KvGraph.Timeout", $"{url} did not answer within {options.RequestTimeout.TotalSeconds:0} s", null, true, e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                throw new Neo4jException("Neo.ClientError.Security.Unauthorized", $"{url} refused the credentials (401; user {options.User ?? "(none)"}; the password comes from the URL, {Neo4jConnectionOptions.PasswordVariable} or configuration)", null, false);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new Neo4jException($"KvGraph.Http.{(int)response.StatusCode}", $"GET {url} answered {(int)response.StatusCode} {response.ReasonPhrase}", null, (int)response.StatusCode >= 500);
            }

            try
            {
                using var doc = JsonDocument.Parse(body);
                return doc.RootElement.Clone();
            }
            catch (JsonException e)
            {
                throw new Neo4jException("KvGraph.Discovery", $"GET {url} did not answer JSON: {e.Message}", null, false, e);
            }
        }
    }
}

/// <summary>The runner over both the transactional endpoint (3.x–5.x) and the Query API v2.</summary>
internal sealed class HttpCypherRunner : ICypherRunner
{
    private const string TypedJson = "application/vnd.neo4j.query";
    private const string AffinityHeader = "neo4j-cluster-affinity";
    private readonly HttpClient _http;
    private readonly Neo4jConnectionOptions _options;
    private readonly Retries _retries;

    public HttpCypherRunner(HttpClient http, Neo4jConnectionOptions options, Neo4jServerInfo server, Retries retries)
    {
        _http = http;
        _options = options;
        _retries = retries;
        Server = server;
    }

    public Neo4jServerInfo Server { get; }

    /// <summary>How many retries happened (for the push summary), discovery's included.</summary>
    public int Retries => _retries.Count;

    public async Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken = default) =>
        (await RunInTransactionAsync([statement], cancellationToken).ConfigureAwait(false))[0];

    public Task<IReadOnlyList<CypherResult>> RunInTransactionAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statements);
        if (statements.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CypherResult>>([]);
        }

        return _retries.RunAsync(
            ct => Server.Api == Neo4jApi.QueryV2 ? QueryV2Async(statements, ct) : TransactionalAsync(statements, ct),
            cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    // ---- transactional endpoint (3.x /db/data/transaction/commit, 4.x/5.x /db/{db}/tx/commit) ----
    private async Task<IReadOnlyList<CypherResult>> TransactionalAsync(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["statements"] = new JsonArray(statements.Select(s => (JsonNode)new JsonObject
            {
                ["statement"] = s.Text,
                ["parameters"] = JsonValues.ToJsonObject(s.Parameters),
                ["resultDataContents"] = new JsonArray("row"),
                ["includeStats"] = true,
            }).ToArray()),
        };
        using var doc = await PostAsync(Server.CommitEndpoint, body, "application/json", statements[0].Text, null, ct).ConfigureAwait(false);
        var root = doc.Json.RootElement;
        var results = new List<CypherResult>();
        if (root.TryGetProperty("results", out var resultsJson))
        {
            foreach (var r in resultsJson.EnumerateArray())
            {
                results.Add(ParseTransactionalResult(r));
            }
        }

        if (root.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
        {
            var first = errors[0];
            var code = first.GetProperty("code").GetString() ?? "Neo.Unknown";
            var message = first.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            // The server stops at the failing statement; the results before it are the ones that ran.
            var failed = statements[Math.Min(results.Count, statements.Count - 1)];
            throw new Neo4jException(code, message, failed.Text, Neo4jException.IsTransientCode(code));
        }

        return results;
    }

    private static CypherResult ParseTransactionalResult(JsonElement r)
    {
        var columns = r.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? string.Empty).ToList();
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var d in r.GetProperty("data").EnumerateArray())
        {
            rows.Add(d.GetProperty("row").EnumerateArray().Select(JsonValues.FromPlain).ToList());
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (r.TryGetProperty("stats", out var stats))
        {
            foreach (var p in stats.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number)
                {
                    counters[JsonValues.CounterName(p.Name)] = p.Value.GetInt64();
                }
            }
        }

        return new CypherResult(columns, rows, counters);
    }

    // ---- Query API v2 (/db/{db}/query/v2), typed JSON ----
    private async Task<IReadOnlyList<CypherResult>> QueryV2Async(IReadOnlyList<CypherStatement> statements, CancellationToken ct)
    {
        if (statements.Count == 1)
        {
            using var single = await PostAsync(Server.CommitEndpoint, V2Body(statements[0]), TypedJson, statements[0].Text, null, ct).ConfigureAwait(false);
            return [ParseV2Result(single.Json.RootElement)];
        }

        // Several statements, one transaction: the explicit transaction API (begin, run…, commit).
        var txBase = Server.CommitEndpoint.AbsoluteUri.TrimEnd('/') + "/tx";
        string? affinity = null;
        string? txId = null;
        var results = new List<CypherResult>();
        try
        {
            foreach (var s in statements)
            {
                var url = new Uri(txId is null ? txBase : $"{txBase}/{txId}");
                using var response = await PostAsync(url, V2Body(s), TypedJson, s.Text, affinity, ct).ConfigureAwait(false);
                affinity ??= response.Affinity;
                if (txId is null)
                {
                    txId = response.Json.RootElement.TryGetProperty("transaction", out var tx) && tx.TryGetProperty("id", out var id)
                        ? id.GetString()
                        : throw new Neo4jException("KvGraph.QueryApi", "the server began a transaction without returning its id", s.Text, false);
                }

                results.Add(ParseV2Result(response.Json.RootElement));
            }

            using var commit = await PostAsync(new Uri($"{txBase}/{txId}/commit"), new JsonObject(), TypedJson, statements[^1].Text, affinity, ct).ConfigureAwait(false);
            txId = null;
            return results;
        }
        finally
        {
            if (txId is not null)
            {
                await RollbackQuietlyAsync(new Uri($"{txBase}/{txId}"), affinity).ConfigureAwait(false);
            }
        }
    }

    private async Task RollbackQuietlyAsync(Uri tx, string? affinity)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, tx);
            if (affinity is not null)
            {
                request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
            }

            using var _ = await _http.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            // The transaction times out on the server anyway; the original error is what matters.
        }
        catch (TaskCanceledException)
        {
        }
    }

    private static JsonObject V2Body(CypherStatement s) => new()
    {
        ["statement"] = s.Text,
        ["parameters"] = JsonValues.ToJsonObject(s.Parameters),
        ["includeCounters"] = true,
    };

    private static CypherResult ParseV2Result(JsonElement root)
    {
        var columns = new List<string>();
        var rows = new List<IReadOnlyList<object?>>();
        if (root.TryGetProperty("data", out var data))
        {
            columns = data.GetProperty("fields").EnumerateArray().Select(f => f.GetString() ?? string.Empty).ToList();
            foreach (var row in data.GetProperty("values").EnumerateArray())
            {
                rows.Add(row.EnumerateArray().Select(JsonValues.FromTyped).ToList());
            }
        }

        var counters = new Dictionary<string, long>(StringComparer.Ordinal);
        if (root.TryGetProperty("counters", out var c))
        {
            foreach (var p in c.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.Number)
                {
                    counters[JsonValues.CounterName(p.Name)] = p.Value.GetInt64();
                }
            }
        }

        return new CypherResult(columns, rows, counters);
    }

    // ---- HTTP ----
    private sealed class Response(JsonDocument json, string? affinity) : IDisposable
    {
        public JsonDocument Json { get; } = json;

        public string? Affinity { get; } = affinity;

        public void Dispose() => Json.Dispose();
    }

    private async Task<Response> PostAsync(Uri url, JsonObject body, string accept, string statement, string? affinity, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (accept != "application/json")
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.5));
        }

        if (affinity is not null)
        {
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jException("KvGraph.Unreachable", $"cannot reach {url}: {e.Message}", statement, true, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new Neo4jException("KvGraph.Timeout", $"no answer within {_options.RequestTimeout.TotalSeconds:0} s", statement, true, e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            JsonDocument? json = null;
            try
            {
                json = text.Length > 0 ? JsonDocument.Parse(text) : JsonDocument.Parse("{}");
            }
            catch (JsonException)
            {
                json = null;
            }

            if (status >= 400 || json is null)
            {
                using (json)
                {
                    if (status == 401)
                    {
                        throw new Neo4jException("Neo.ClientError.Security.Unauthorized",
                            $"{url} refused the credentials (401; user {_options.User ?? "(none)"}; the password comes from the URL, {Neo4jConnectionOptions.PasswordVariable} or configuration)", statement, false);
                    }

                    // The Query API answers errors with 4xx and {"errors":[{"code","message"}]}.
                    if (json is not null && json.RootElement.ValueKind == JsonValueKind.Object
                        && json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
                    {
                        var code = errors[0].TryGetProperty("code", out var c) ? c.GetString() ?? "Neo.Unknown" : "Neo.Unknown";
                        var message = errors[0].TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
                        throw new Neo4jException(code, message, statement, Neo4jException.IsTransientCode(code) || status >= 500);
                    }

                    var transient = status >= 500 || status is 408 or 429;
                    var snippet = text.Length > 300 ? text[..300] + "..." : text;
                    throw new Neo4jException($"KvGraph.Http.{status}", $"POST {url} answered {status} {response.ReasonPhrase}: {snippet}", statement, transient);
                }
            }

            var affinityValue = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
            return new Response(json, affinityValue);
        }
    }
}

/// <summary>
/// Retries with exponential back-off and jitter (Polly) for transient faults only: 5xx, 408/429, timeouts, refused or
/// dropped connections and the server's <c>Neo.TransientError.*</c>. A 401, a 4xx or a Cypher error fails at once. When
/// the retries run out, the last error is thrown with how long and how often it was tried.
/// </summary>
internal sealed class Retries
{
    private readonly ResiliencePipeline _pipeline;
    private readonly int _max;
    private int _count;

    public Retries(Neo4jConnectionOptions options)
    {
        _max = Math.Max(0, options.MaxRetries);
        _pipeline = _max == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Neo4jException>(e => e.IsTransient),
                MaxRetryAttempts = _max,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = _ =>
                {
                    Interlocked.Increment(ref _count);
                    return default;
                },
            }).Build();
    }

    /// <summary>Retries so far, over every call.</summary>
    public int Count => Volatile.Read(ref _count);

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var before = Count;
        try
        {
            return await _pipeline.ExecuteAsync(async ct => await attempt(ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Neo4jException e) when (e.IsTransient && _max > 0)
        {
            throw new Neo4jException(e.Code, $"{e.ServerMessage} (still failing after {Count - before} retries over {clock.Elapsed.TotalSeconds:0.0} s)", e.Statement, true, e);
        }
    }
}
