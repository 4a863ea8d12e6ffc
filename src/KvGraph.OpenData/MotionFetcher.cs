using System.Globalization;
using System.Text.Json;

namespace KvGraph.OpenData;

/// <summary>
/// <c>kvgraph fetch</c>: walks <see cref="MotionQuery"/> page by page along <c>@odata.nextLink</c> and keeps
/// <c>&lt;out&gt;/zaak/&lt;Nummer&gt;.json</c> in step with the API: a new record is written, a changed one replaced, one
/// with <c>Verwijderd: true</c> deleted. After every page the state (<see cref="FetchState"/>) is saved, so a run that is
/// stopped or killed continues with the page it had not finished; when the walk ends, the latest change seen becomes
/// the high-water mark and the next run asks only for what changed after it.
/// </summary>
public sealed class MotionFetcher
{
    private readonly HttpClient _http;
    private readonly FetchOptions _options;
    private readonly Action<RetryEvent>? _onRetry;

    public MotionFetcher(HttpClient http, FetchOptions options, Action<RetryEvent>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _onRetry = onRetry;
    }

    /// <summary>Fetches into <paramref name="outputFolder"/>; each completed page is reported to <paramref name="progress"/>.</summary>
    /// <exception cref="OpenDataException">A non-transient answer, a body that is not an OData collection, or retries exhausted; the state keeps the last completed page.</exception>
    public async Task<FetchReport> RunAsync(string outputFolder, IProgress<PageReport>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        var output = Path.GetFullPath(outputFolder);
        Directory.CreateDirectory(output);
        using var writerLock = TakeLock(output);
        var zaken = new ZaakFolder(output);
        var swept = AtomicFile.SweepTemporaries(output) + AtomicFile.SweepTemporaries(zaken.Path);

        var state = FetchState.Load(output);
        if (state is not null && state.BaseUrl != _options.BaseUrl)
        {
            throw new OpenDataException(
                $"{FetchState.PathIn(output)} holds records fetched from {state.BaseUrl}, not {_options.BaseUrl}; fetch into another folder, or delete the state to start again");
        }

        state ??= new FetchState { BaseUrl = _options.BaseUrl };
        var resumed = _options.Since is null && state.InProgress;
        if (!resumed)
        {
            var since = _options.Since ?? state.Mark;
            state = state with { NextLink = MotionQuery.FirstPage(_options.BaseUrl, since), WalkSince = since, WalkPages = 0, WalkLatest = null };
            state.Save(output);
        }

        var retries = new List<RetryEvent>();
        var http = new PoliteHttp(_http, _options, e =>
        {
            retries.Add(e);
            _onRetry?.Invoke(e);
        });
        var pages = new List<PageReport>();
        var walkSince = state.WalkSince;
        var complete = false;
        while (_options.MaxPages is not { } max || pages.Count < max)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var url = state.NextLink!;
            var body = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var (page, next, latest) = Apply(url, body, state.WalkPages + 1, zaken);
            latest = Later(state.WalkLatest, latest);
            state = next is null
                ? state with { NextLink = null, WalkSince = null, WalkPages = 0, WalkLatest = null, Mark = Later(state.Mark, latest), CompletedAt = DateTimeOffset.UtcNow }
                : state with { NextLink = next, WalkPages = state.WalkPages + 1, WalkLatest = latest };
            state.Save(output);
            pages.Add(page);
            progress?.Report(page);
            if (next is null)
            {
                complete = true;
                break;
            }
        }

        return new FetchReport
        {
            Resumed = resumed,
            Since = walkSince,
            Complete = complete,
            Pages = pages,
            Retries = retries,
            Mark = state.Mark,
            SweptTemporaries = swept,
        };
    }

    /// <summary>Applies one page to the folder: its report, the next link (absolute; null on the last page) and the latest change in it.</summary>
    private (PageReport Page, Uri? Next, DateTimeOffset? Latest) Apply(Uri url, byte[] body, int pageNumber, ZaakFolder zaken)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new OpenDataException($"GET {url} answered HTTP 200 with a body that is not valid JSON ({e.Message}){PoliteHttp.Detail(body)}", e) { Url = url, Status = 200 };
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new OpenDataException($"GET {url} answered HTTP 200 with JSON that is not an OData collection (no \"value\" array){PoliteHttp.Detail(body)}") { Url = url, Status = 200 };
            }

            Uri? next = null;
            if (root.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String)
            {
                next = NextLink(url, link.GetString()!);
            }

            int written = 0, updated = 0, unchanged = 0, deleted = 0, skipped = 0;
            DateTimeOffset? latest = null;
            foreach (var zaak in value.EnumerateArray())
            {
                var nummer = zaak.ValueKind == JsonValueKind.Object && zaak.TryGetProperty("Nummer", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                if (!ZaakFolder.IsUsableNummer(nummer))
                {
                    skipped++;
                    continue;
                }

                latest = Later(latest, LatestChange(zaak));
                if (zaak.TryGetProperty("Verwijderd", out var gone) && gone.ValueKind == JsonValueKind.True)
                {
                    deleted += zaken.Delete(nummer!) ? 1 : 0;
                    continue;
                }

                switch (zaken.Put(nummer!, System.Text.Encoding.UTF8.GetBytes(zaak.GetRawText())))
                {
                    case ZaakFolder.Change.Written:
                        written++;
                        break;
                    case ZaakFolder.Change.Updated:
                        updated++;
                        break;
                    default:
                        unchanged++;
                        break;
                }
            }

            return (new PageReport(pageNumber, url, value.GetArrayLength(), written, updated, unchanged, deleted, skipped, next is not null), next, latest);
        }
    }

    /// <summary>The next link made absolute; it must stay on the service's own scheme, host and port.</summary>
    private Uri NextLink(Uri url, string link)
    {
        if (!Uri.TryCreate(url, link, out var next) || next.Scheme is not ("http" or "https"))
        {
            throw new OpenDataException($"GET {url} answered with an @odata.nextLink that is not a URL: {link}") { Url = url, Status = 200 };
        }

        if (Uri.Compare(next, _options.BaseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new OpenDataException($"GET {url} answered with an @odata.nextLink to another server ({next.GetLeftPart(UriPartial.Authority)}); not followed") { Url = url, Status = 200 };
        }

        return next;
    }

    /// <summary>The latest GewijzigdOp of the Zaak, its Besluiten and their Stemmingen.</summary>
    internal static DateTimeOffset? LatestChange(JsonElement zaak)
    {
        var latest = Changed(zaak);
        if (zaak.TryGetProperty("Besluit", out var besluiten) && besluiten.ValueKind == JsonValueKind.Array)
        {
            foreach (var besluit in besluiten.EnumerateArray())
            {
                latest = Later(latest, Changed(besluit));
                if (besluit.ValueKind == JsonValueKind.Object && besluit.TryGetProperty("Stemming", out var stemmingen) && stemmingen.ValueKind == JsonValueKind.Array)
                {
                    foreach (var stemming in stemmingen.EnumerateArray())
                    {
                        latest = Later(latest, Changed(stemming));
                    }
                }
            }
        }

        return latest;
    }

    private static DateTimeOffset? Changed(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("GewijzigdOp", out var g) && g.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(g.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);

    /// <summary>One writer per folder: a second fetch into the same folder stops at once with a clear message.</summary>
    private static FileStream TakeLock(string output)
    {
        var path = Path.Combine(output, ".fetch.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e)
        {
            throw new OpenDataException($"another kvgraph fetch is writing to {output} ({path} is held)", e);
        }
    }
}
