using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using KvGraph.OpenData;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph fetch &lt;out-dir&gt; [--base-url URL] [--since ISO-date] [--page-size N] [--rate REQ_PER_S] [--max-pages N]</c>:
/// motions from the Tweede Kamer open-data API into <c>&lt;out-dir&gt;/zaak/&lt;Nummer&gt;.json</c>, which <c>build</c> ingests.
/// Resumes a walk a killed run left, and otherwise asks only for what changed since the last completed one.
/// Exit code 2 (with the URL and status) when the API answers something it cannot go on with.
/// </summary>
internal static class FetchCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Argument<string>("out-dir") { Description = "Folder for zaak/<Nummer>.json and fetch-state.json" };
        var baseUrl = new Option<string?>("--base-url") { Description = $"OData service root (default: env {FetchOptions.BaseUrlVariable}, KvGraph:OData:Url, else {FetchOptions.ProductionBase})" };
        var since = new Option<string?>("--since") { Description = "Start a new walk for motions changed after this ISO date or time (default: after the last completed fetch)" };
        var pageSize = new Option<int?>("--page-size") { Description = "Records per page asked with Prefer: odata.maxpagesize (default: the server's, 250)" };
        var rate = new Option<double?>("--rate") { Description = "At most this many requests per second, retries included (default 2)" };
        var maxPages = new Option<int?>("--max-pages") { Description = "Stop after N pages; the next run continues the walk" };
        var command = new Command("fetch", "Fetch motions (Zaak, Besluit, Stemming, Document, Kamerstukdossier) from the Tweede Kamer open-data API into files that build ingests: paged, incremental, resumable")
        {
            output, baseUrl, since, pageSize, rate, maxPages,
        };
        return command.WithAction(async (result, ct) =>
        {
            var console = context.Console;
            var options = Options(context, result.GetValue(baseUrl), result.GetValue(since), result.GetValue(pageSize), result.GetValue(rate), result.GetValue(maxPages));
            var folder = Path.GetFullPath(result.GetValue(output)!);
            using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.All }) { Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("kvgraph-fetch/1.0");
            var fetcher = new MotionFetcher(http, options, e => console.MarkupLineInterpolated(
                $"[yellow]retry[/] after {e.Reason} (attempt {e.Attempt}), waiting {e.Delay.TotalSeconds:0.0} s{(e.FromRetryAfter ? " as Retry-After asks" : string.Empty)}: {e.Url}"));
            var state = FetchState.Load(folder);
            console.MarkupLineInterpolated($"[bold]Fetch[/] motions from {options.BaseUrl} into {folder}");
            if (options.Since is null && state?.InProgress == true)
            {
                console.MarkupLineInterpolated($"Resuming the walk stopped after page {state.WalkPages}.");
            }

            FetchReport report;
            try
            {
                report = await fetcher.RunAsync(folder, new Reporter(p => console.MarkupLineInterpolated(
                    $"page {p.Page}: {p.Records} records, {p.Written} new, {p.Updated} updated, {p.Unchanged} unchanged, {p.Deleted} deleted{(p.Skipped > 0 ? $", {p.Skipped} without a usable Nummer" : string.Empty)}")), ct).ConfigureAwait(false);
            }
            catch (OpenDataException e)
            {
                throw new CliUserException($"fetch stopped: {e.Message}. {FetchState.PathIn(folder)} keeps the last completed page; run the same command again to resume.", e);
            }

            var scope = report.Since is { } s ? $"changed after {MotionQuery.Literal(s)}" : "all motions";
            console.MarkupLineInterpolated(
                $"{(report.Complete ? "Done" : "Stopped at --max-pages")} ({scope}{(report.Resumed ? ", resumed" : string.Empty)}): {report.Pages.Count} pages, {report.Records} records: {report.Written} new, {report.Updated} updated, {report.Unchanged} unchanged, {report.Deleted} deleted; {report.Retries.Count} retries");
            if (report.Skipped > 0)
            {
                console.MarkupLineInterpolated($"[yellow]{report.Skipped} records had no usable Nummer and were skipped.[/]");
            }

            if (report.Complete)
            {
                console.MarkupLineInterpolated($"High-water mark {(report.Mark is { } m ? MotionQuery.Literal(m) : "none")}: the next fetch asks only for what changed after it. Ingest with: kvgraph build {folder}");
            }
            else
            {
                console.MarkupLine("The next fetch goes on where this one stopped.");
            }
            return 0;
        });
    }

    private static FetchOptions Options(CliContext context, string? baseUrl, string? since, int? pageSize, double? rate, int? maxPages)
    {
        var url = baseUrl ?? context.Configuration["ODATA_URL"] ?? context.Configuration["KvGraph:OData:Url"];
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(url) && (!Uri.TryCreate(url, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https")))
        {
            throw new CliUserException($"--base-url {url}: give the OData service root as an http(s) URL, e.g. {FetchOptions.ProductionBase}");
        }

        if (rate is { } r && !(r > 0 && double.IsFinite(r)))
        {
            throw new CliUserException($"--rate {r.ToString(CultureInfo.InvariantCulture)}: give a positive number of requests per second");
        }

        if (pageSize is < 1 || maxPages is < 1)
        {
            throw new CliUserException("--page-size and --max-pages must be at least 1");
        }

        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                throw new CliUserException($"--since {since}: give an ISO date or time, e.g. 2023-01-01 or 2023-01-01T12:00:00+01:00");
            }

            from = t;
        }

        return new FetchOptions
        {
            BaseUrl = uri ?? FetchOptions.ProductionBase,
            Since = from,
            PageSize = pageSize,
            RequestsPerSecond = rate ?? 2,
            MaxPages = maxPages,
        };
    }

    private sealed class Reporter(Action<PageReport> action) : IProgress<PageReport>
    {
        public void Report(PageReport value) => action(value);
    }
}
