using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KvGraph.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KvGraph.OpenData.Tests;

/// <summary>
/// A local stand-in for the Tweede Kamer's OData v4 API (the real one cannot be reached from here), on Kestrel at a
/// free loopback port. It serves <c>GET /OData/v4/2.0/Zaak</c> in the documented shape: <c>@odata.context</c>,
/// <c>value</c>, <c>@odata.nextLink</c> with a <c>$skiptoken</c> naming the last record's sort key, server paging at 250
/// (or less when <c>Prefer: odata.maxpagesize</c> asks), <c>$top</c> capping the whole result without a next link (as the
/// Gegevensmagazijn documents), <c>$filter</c> on Soort and on GewijzigdOp of the Zaak, its Besluiten and their
/// Stemmingen, <c>$orderby=GewijzigdOp,Id</c> and <c>$expand</c> of ZaakActor, Besluit(Stemming), Document and
/// Kamerstukdossier; anything else is a 400 with an OData error body. Faults are injected by request number.
/// </summary>
internal sealed partial class ODataStandIn : IAsyncDisposable
{
    public const string ServicePath = "/OData/v4/2.0/";
    private const int ServerPageSize = 250;

    /// <summary>How the stand-in writes JSON: compact, with UTF-8 text as is (é stays é, as real servers send it).</summary>
    public static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object _gate = new();
    private readonly List<JsonObject> _zaken;
    private readonly Dictionary<int, Fault> _faults = new();
    private readonly List<Request> _requests = new();
    private (int From, Fault Fault)? _persistent;
    private WebApplication? _app;

    private readonly Dictionary<string, JsonObject> _byNummer;

    private ODataStandIn(IEnumerable<JsonObject> zaken)
    {
        _zaken = zaken.Select(z => (JsonObject)z.DeepClone()).ToList();
        _byNummer = _zaken.ToDictionary(z => (string)z["Nummer"]!, StringComparer.Ordinal);
    }

    /// <summary>The service root, e.g. <c>http://127.0.0.1:41234/OData/v4/2.0/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request so far, in order.</summary>
    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    public static async Task<ODataStandIn> StartAsync(IEnumerable<JsonObject> zaken)
    {
        var standIn = new ODataStandIn(zaken);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Map(ServicePath + "{**rest}", standIn.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        standIn._app = app;
        standIn.BaseUrl = new Uri(new Uri(address), ServicePath);
        return standIn;
    }

    /// <summary>
    /// The 7,071 real motion records of <c>tkmoties-index/moties_2022_2023.jsonl</c> as the API has them: the fields the
    /// corpus added (path, Besluit[].Stats) are dropped, so Besluit has no Stemming (the corpus dropped those rows);
    /// Soort is 'Motie' (every record is a Zaak of soort Motie); the corpus has no GewijzigdOp, so GewijzigdOp is taken
    /// from GestartOp; Verwijderd is false; Document and Kamerstukdossier, not in the corpus, expand to empty lists.
    /// </summary>
    public static IReadOnlyList<JsonObject> CorpusZaken()
    {
        var path = TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl");
        var zaken = new List<JsonObject>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var zaak = JsonNode.Parse(line)!.AsObject();
            zaak.Remove("path");
            foreach (var besluit in zaak["Besluit"]?.AsArray() ?? [])
            {
                besluit!.AsObject().Remove("Stats");
            }

            zaak["Soort"] = "Motie";
            zaak["GewijzigdOp"] = zaak["GestartOp"]!.GetValue<string>();
            zaak["Verwijderd"] = false;
            zaak["Document"] = new JsonArray();
            zaak["Kamerstukdossier"] = new JsonArray();
            zaken.Add(zaak);
        }

        return zaken;
    }

    /// <summary>The four motions voted on in h-tk-20172018-70-6, with a Stemming row per fractie (our transcription, see the fixture's notes).</summary>
    public static IReadOnlyList<JsonObject> StemmingFixture() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "stemmingen-h-tk-20172018-70-6.json")))!["value"]!
            .AsArray().Select(z => z!.AsObject()).ToList();

    /// <summary>The <paramref name="request"/>-th request (1-based) gets <paramref name="fault"/>.</summary>
    public void FailOn(int request, Fault fault)
    {
        lock (_gate)
        {
            _faults[request] = fault;
        }
    }

    /// <summary>Every request from the <paramref name="request"/>-th on gets <paramref name="fault"/>.</summary>
    public void FailFrom(int request, Fault fault)
    {
        lock (_gate)
        {
            _persistent = (request, fault);
        }
    }

    /// <summary>Changes a record in place (as the source system would).</summary>
    public void Change(string nummer, Action<JsonObject> change)
    {
        lock (_gate)
        {
            change(_byNummer[nummer]);
        }
    }

    /// <summary>A record as the API serves it with the full expansion: the exact bytes of its entry in <c>value</c>.</summary>
    public byte[] Served(string nummer)
    {
        lock (_gate)
        {
            return JsonSerializer.SerializeToUtf8Bytes(_byNummer[nummer], Wire);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _app.StopAsync(stop.Token);
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        Fault? fault;
        lock (_gate)
        {
            var n = _requests.Count + 1;
            _requests.Add(new Request(n, DateTimeOffset.UtcNow, context.Request.Path + context.Request.QueryString, context.Request.Headers["Prefer"].ToString()));
            fault = _faults.TryGetValue(n, out var f) ? f : _persistent is { } p && n >= p.From ? p.Fault : null;
        }

        switch (fault?.Kind)
        {
            case FaultKind.Status:
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }

                await ErrorAsync(context, fault.Status, fault.Status == 429 ? "Too many requests." : "The service is unavailable.");
                return;
            case FaultKind.Drop:
                context.Abort();
                return;
            case FaultKind.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // The client went away: that is what a hang is for.
                }

                return;
            case FaultKind.Malformed:
                context.Response.ContentType = "application/json; odata.metadata=minimal";
                await context.Response.WriteAsync($"{{\"@odata.context\":\"{BaseUrl}$metadata#Zaak\",\"value\":[{{\"Id\":\"025459cb-2dfc-4cd4-ac4c-2e28907a2687\",\"Nummer\":\"2022Z0");
                return;
        }

        if (!string.Equals((string?)context.Request.RouteValues["rest"], "Zaak", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, $"No HTTP resource was found that matches the request URI '{context.Request.Path}'.");
            return;
        }

        await ZaakAsync(context);
    }

    private async Task ZaakAsync(HttpContext context)
    {
        var q = context.Request.Query;
        var filter = q["$filter"].ToString();
        if (!TryFilter(filter, out var since))
        {
            await ErrorAsync(context, 400, $"The query specified in the URI is not valid. Could not parse $filter '{filter}'.");
            return;
        }

        var orderBy = q["$orderby"].ToString();
        if (orderBy.Length > 0 && orderBy != "GewijzigdOp,Id")
        {
            await ErrorAsync(context, 400, $"The query specified in the URI is not valid. Unsupported $orderby '{orderBy}'.");
            return;
        }

        var expand = q["$expand"].ToString();
        if (!TryExpand(expand, out var expanded))
        {
            await ErrorAsync(context, 400, $"The query specified in the URI is not valid. Could not find a property named in $expand '{expand}'.");
            return;
        }

        int? top = q["$top"].Count > 0 && int.TryParse(q["$top"], CultureInfo.InvariantCulture, out var t) ? t : null;
        var pageSize = ServerPageSize;
        var prefer = PreferRx().Match(context.Request.Headers["Prefer"].ToString());
        if (prefer.Success)
        {
            pageSize = Math.Min(pageSize, int.Parse(prefer.Groups[1].Value, CultureInfo.InvariantCulture));
            context.Response.Headers["Preference-Applied"] = $"odata.maxpagesize={pageSize}";
        }

        (DateTimeOffset At, string Id)? after = null;
        if (q["$skiptoken"].ToString() is { Length: > 0 } token)
        {
            var m = SkipTokenRx().Match(token);
            if (!m.Success)
            {
                await ErrorAsync(context, 400, $"The query specified in the URI is not valid. Bad $skiptoken '{token}'.");
                return;
            }

            after = (DateTimeOffset.Parse(m.Groups["at"].Value, CultureInfo.InvariantCulture), m.Groups["id"].Value);
        }

        List<JsonObject> page;
        var more = false;
        lock (_gate)
        {
            var selected = _zaken
                .Where(z => (string?)z["Soort"] == "Motie" && (since is null || ChangedAfter(z, since.Value)))
                .OrderBy(At).ThenBy(z => (string)z["Id"]!, StringComparer.Ordinal)
                .Where(z => after is not { } a || At(z) > a.At || (At(z) == a.At && string.CompareOrdinal((string)z["Id"]!, a.Id) > 0))
                .ToList();
            if (top is { } cap)
            {
                // The Gegevensmagazijn: $top caps the whole result and there is no next link.
                page = selected.Take(Math.Min(cap, ServerPageSize)).ToList();
            }
            else
            {
                page = selected.Take(pageSize).ToList();
                more = selected.Count > pageSize;
            }

            page = page.Select(z => Project(z, expanded)).ToList();
        }

        var body = new JsonObject
        {
            ["@odata.context"] = $"{BaseUrl}$metadata#Zaak({string.Join(',', expanded.Select(e => e == "Besluit+Stemming" ? "Besluit(Stemming())" : e + "()"))})",
            ["value"] = new JsonArray(page.Select(z => (JsonNode)z).ToArray()),
        };
        if (more)
        {
            var last = page[^1];
            var rest = string.Join('&', context.Request.Query.Where(kv => kv.Key != "$skiptoken").Select(kv => $"{kv.Key}={Uri.EscapeDataString(kv.Value.ToString())}"));
            var skip = Uri.EscapeDataString($"GewijzigdOp-{(string)last["GewijzigdOp"]!},Id-'{(string)last["Id"]!}'");
            body["@odata.nextLink"] = $"{BaseUrl}Zaak?{rest}{(rest.Length > 0 ? "&" : string.Empty)}$skiptoken={skip}";
        }

        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body, Wire));
    }

    private static DateTimeOffset At(JsonObject z) => DateTimeOffset.Parse((string)z["GewijzigdOp"]!, CultureInfo.InvariantCulture);

    /// <summary>The Zaak, one of its Besluiten or one of their Stemmingen changed after <paramref name="t"/> (what the client's lambda filter asks).</summary>
    private static bool ChangedAfter(JsonObject zaak, DateTimeOffset t)
    {
        static bool After(JsonNode? e, DateTimeOffset t) => e?["GewijzigdOp"] is JsonValue v && DateTimeOffset.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture) > t;
        return After(zaak, t) || (zaak["Besluit"]?.AsArray() ?? []).Any(b => After(b, t) || (b!["Stemming"]?.AsArray() ?? []).Any(s => After(s, t)));
    }

    /// <summary>The filters the stand-in understands: motions, optionally changed after a DateTimeOffset literal (Zaak only, or Zaak/Besluit/Stemming).</summary>
    private static bool TryFilter(string filter, out DateTimeOffset? since)
    {
        since = null;
        if (filter == "Soort eq 'Motie'")
        {
            return true;
        }

        var m = FilterRx().Match(filter);
        if (!m.Success || !DateTimeOffset.TryParse(m.Groups["t"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return false;
        }

        since = t;
        return true;
    }

    private static bool TryExpand(string expand, out List<string> expanded)
    {
        expanded = new List<string>();
        if (expand.Length == 0)
        {
            return true;
        }

        foreach (var part in expand.Split(','))
        {
            var name = part switch
            {
                "ZaakActor" or "Besluit" or "Document" or "Kamerstukdossier" => part,
                "Besluit($expand=Stemming)" => "Besluit+Stemming",
                _ => null,
            };
            if (name is null)
            {
                return false;
            }

            expanded.Add(name);
        }

        return true;
    }

    /// <summary>The record with only the navigation properties asked for (a Besluit without its Stemming unless asked).</summary>
    private static JsonObject Project(JsonObject zaak, List<string> expanded)
    {
        var copy = (JsonObject)zaak.DeepClone();
        foreach (var nav in new[] { "ZaakActor", "Document", "Kamerstukdossier" })
        {
            if (!expanded.Contains(nav))
            {
                copy.Remove(nav);
            }
        }

        if (!expanded.Contains("Besluit") && !expanded.Contains("Besluit+Stemming"))
        {
            copy.Remove("Besluit");
        }
        else if (!expanded.Contains("Besluit+Stemming"))
        {
            foreach (var b in copy["Besluit"]?.AsArray() ?? [])
            {
                b!.AsObject().Remove("Stemming");
            }
        }

        return copy;
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["error"] = new JsonObject { ["code"] = string.Empty, ["message"] = message } }, Wire));
    }

    [GeneratedRegex(@"^Soort eq 'Motie' and (?:GewijzigdOp gt (?<t>[0-9T:.+Z-]+)|\(GewijzigdOp gt (?<t>[0-9T:.+Z-]+) or Besluit/any\(b:b/GewijzigdOp gt \k<t> or b/Stemming/any\(s:s/GewijzigdOp gt \k<t>\)\)\))$")]
    private static partial Regex FilterRx();

    [GeneratedRegex(@"odata\.maxpagesize=(\d+)")]
    private static partial Regex PreferRx();

    [GeneratedRegex(@"^GewijzigdOp-(?<at>[^,]+),Id-'(?<id>[0-9a-f-]+)'$")]
    private static partial Regex SkipTokenRx();

    /// <summary>One request the stand-in saw: its number, when, path and query, and its Prefer header.</summary>
    public sealed record Request(int Number, DateTimeOffset At, string PathAndQuery, string Prefer)
    {
        /// <summary>The decoded $skiptoken, or null on a first page.</summary>
        public string? SkipToken => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + PathAndQuery).Query).TryGetValue("$skiptoken", out var v) ? v.ToString() : null;

        /// <summary>The decoded $filter.</summary>
        public string Filter => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + PathAndQuery).Query).TryGetValue("$filter", out var v) ? v.ToString() : string.Empty;
    }
}

/// <summary>What the stand-in does instead of answering.</summary>
internal enum FaultKind
{
    /// <summary>An error status (429 or 5xx or any), with Retry-After when given.</summary>
    Status,

    /// <summary>The connection is cut without an answer.</summary>
    Drop,

    /// <summary>No answer at all until the client gives up (or is killed).</summary>
    Hang,

    /// <summary>HTTP 200 with a body cut off in the middle of the JSON.</summary>
    Malformed,
}

/// <summary>A fault to inject.</summary>
internal sealed record Fault(FaultKind Kind, int Status = 0, int? RetryAfterSeconds = null)
{
    public static Fault TooManyRequests(int retryAfterSeconds) => new(FaultKind.Status, 429, retryAfterSeconds);

    public static Fault Http(int status) => new(FaultKind.Status, status);

    public static readonly Fault Drop = new(FaultKind.Drop);

    public static readonly Fault Hang = new(FaultKind.Hang);

    public static readonly Fault Malformed = new(FaultKind.Malformed);
}
