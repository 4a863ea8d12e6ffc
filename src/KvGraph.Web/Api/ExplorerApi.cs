using KvGraph.Core.Graph;
using KvGraph.Web.Cypher;
using KvGraph.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KvGraph.Web.Api;

/// <summary>The read-only JSON API behind the pages. Every input is validated; errors are RFC 9457 problem responses.</summary>
public static class ExplorerApi
{
    // `kind` (a repeatable filter) says [FromQuery]: a GET's string[] is bound from the query either way, but the OpenAPI
    // document's ApiExplorer infers the source by reflection, which the native build does not have, and there it listed
    // kind as a JSON body as well. It and the filters after it default to null: the document reads "optional" from the
    // nullable annotation under the JIT, which the native build trims, and from the default value in both.
    /// <summary>Maps the GET endpoints under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapExplorerApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Explorer");

        api.MapGet("/search", Search).WithName("Search").WithSummary("Search documents by id, title and full text (paged).");
        api.MapGet("/document", Document).WithName("Document").WithSummary("A document or placeholder: metadata, items with inline citations, cited by.");
        api.MapGet("/neighbourhood", Neighbourhood).WithName("Neighbourhood").WithSummary("A node, its neighbours and the edges between them (bounded).");
        api.MapGet("/trace", Trace).WithName("Trace").WithSummary("The citation chain from a document, or into it with reverse=true.");
        api.MapGet("/related", Related).WithName("Related").WithSummary("Related questions and answers with reasons and scores.");
        api.MapGet("/motion", Motion).WithName("Motion").WithSummary("A motion: its fate (outcome, votes, per-party votes, cabinet advice, sources), sponsors and parties, and its timeline.");
        api.MapGet("/motions", MotionList).WithName("Motions").WithSummary("Motions filtered by outcome, sponsor party, cabinet advice, dates, dossier; paged, with the true total.");
        api.MapGet("/motions/stats", MotionStats).WithName("MotionStats").WithSummary("Adopted, rejected, … counts, the share of adopted motions a later document cites, and the cabinet advice values.");
        api.MapGet("/status", Status).WithName("Status").WithSummary("Whether the store's last build finished: storeUnfinished is null, or when that build started, the version the answers come from and the notice to show.");
        api.MapGet("/cypher", Cypher).WithName("Cypher").WithSummary("The Cypher statement from cypher/queries that answers a view, with its parameters.");
        return app;
    }

    internal static Ok<StatusView> Status(IExplorerSource source) => TypedResults.Ok(new StatusView(source.Unfinished));

    internal static Results<Ok<SearchPageView>, ValidationProblem> Search(
        IExplorerData data, string? q, int? page, int? pageSize,
        string? from, string? to, [FromQuery] string[]? kind = null, string? answerer = null, string? asker = null, string? party = null, string? dossier = null, string? topic = null)
    {
        var (filter, filterErrors) = ReadFilter(from, to, kind, answerer, asker, party, dossier, topic);
        var errors = Errors(
            ("q", string.IsNullOrWhiteSpace(q) && filter is { IsEmpty: false } ? null : InputRules.CheckQuery(q)),
            ("page", InputRules.CheckRange(page, 1, InputRules.MaxPage, "page")),
            ("pageSize", InputRules.CheckRange(pageSize, 1, InputRules.MaxPageSize, "pageSize")));
        if (Merge(errors, filterErrors) is { } all)
        {
            return TypedResults.ValidationProblem(all);
        }

        return TypedResults.Ok(data.Search((q ?? string.Empty).Trim(), filter!, page ?? 1, pageSize ?? InputRules.DefaultPageSize));
    }

    internal static Results<Ok<DocumentView>, ValidationProblem, ProblemHttpResult> Document(
        IExplorerData data, string? id, string? from, string? to, [FromQuery] string[]? kind = null, string? answerer = null, string? asker = null, string? party = null, string? dossier = null, string? topic = null)
    {
        var (filter, filterErrors) = ReadFilter(from, to, kind, answerer, asker, party, dossier, topic);
        if (Merge(Errors(("id", InputRules.CheckId(id))), filterErrors) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return data.Document(id!, filter) is { } view ? TypedResults.Ok(view) : NotFound(id!);
    }

    internal static Results<Ok<NeighbourhoodView>, ValidationProblem, ProblemHttpResult> Neighbourhood(IExplorerData data, string? id, int? limit)
    {
        var errors = Errors(("id", InputRules.CheckId(id)), ("limit", InputRules.CheckRange(limit, 1, InputRules.MaxNeighbourhood, "limit")));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return data.Neighbourhood(id!, limit ?? InputRules.DefaultNeighbourhood) is { } view ? TypedResults.Ok(view) : NotFound(id!);
    }

    internal static Results<Ok<TraceView>, ValidationProblem, ProblemHttpResult> Trace(IExplorerData data, string? id, int? depth, bool? reverse)
    {
        var errors = Errors(("id", InputRules.CheckId(id)), ("depth", InputRules.CheckRange(depth, 1, InputRules.MaxDepth, "depth")));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return data.Trace(id!, depth ?? InputRules.DefaultDepth, reverse ?? false) is { } view ? TypedResults.Ok(view) : NotFound(id!);
    }

    internal static Results<Ok<IReadOnlyList<RelatedView>>, ValidationProblem, ProblemHttpResult> Related(
        IExplorerData data, string? id, int? limit, string? from, string? to, [FromQuery] string[]? kind = null, string? answerer = null, string? asker = null, string? party = null, string? dossier = null, string? topic = null)
    {
        var (filter, filterErrors) = ReadFilter(from, to, kind, answerer, asker, party, dossier, topic);
        var errors = Merge(Errors(("id", InputRules.CheckId(id)), ("limit", InputRules.CheckRange(limit, 1, InputRules.MaxRelated, "limit"))), filterErrors);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return data.Related(id!, limit ?? InputRules.DefaultRelated, filter) is { } view ? TypedResults.Ok(view) : NotFound(id!);
    }

    /// <summary>The document filters of a request, read by Core's <see cref="DocumentFilter"/> (the CLI's semantics), or the errors per field.</summary>
    internal static (DocumentFilter? Filter, Dictionary<string, string[]>? Errors) ReadFilter(
        string? from, string? to, string[]? kind, string? answerer, string? asker, string? party, string? dossier, string? topic)
    {
        try
        {
            return (DocumentFilter.Parse(from, to, kind, answerer, asker, party, dossier, topic), null);
        }
        catch (DocumentFilterException e)
        {
            return (null, new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Field ?? "filter"] = [e.UserMessage] });
        }
    }

    private static Dictionary<string, string[]>? Merge(Dictionary<string, string[]>? a, Dictionary<string, string[]>? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        foreach (var (k, v) in b)
        {
            a.TryAdd(k, v);
        }

        return a;
    }

    internal static Results<Ok<MotionView>, ValidationProblem, ProblemHttpResult> Motion(IExplorerData data, string? id, int? limit)
    {
        var errors = Errors(("id", InputRules.CheckId(id)), ("limit", InputRules.CheckRange(limit, 1, InputRules.MaxTimeline, "limit")));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return data.Motion(id!, limit ?? InputRules.DefaultTimeline) is { } view ? TypedResults.Ok(view) : NotFound(id!);
    }

    internal static Results<Ok<MotionListView>, ValidationProblem> MotionList(
        IExplorerData data, string? outcome, string? party, string? advice, string? from, string? to, string? dossier, bool? adoptedNeverCited, bool? decided, bool? citedSinceVote, int? page, int? pageSize)
    {
        var errors = Errors(
            ("outcome", InputRules.CheckFilter(outcome, "outcome")),
            ("party", InputRules.CheckFilter(party, "party")),
            ("advice", InputRules.CheckFilter(advice, "advice")),
            ("from", InputRules.CheckFilter(from, "from")),
            ("to", InputRules.CheckFilter(to, "to")),
            ("dossier", InputRules.CheckFilter(dossier, "dossier")),
            ("page", InputRules.CheckRange(page, 1, InputRules.MaxPage, "page")),
            ("pageSize", InputRules.CheckRange(pageSize, 1, InputRules.MaxPageSize, "pageSize")));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = new MotionFilter
        {
            Outcome = Given(outcome),
            SponsorParty = Given(party),
            CabinetAdvice = Given(advice),
            From = Given(from),
            To = Given(to),
            Dossier = Given(dossier),
            AdoptedNeverCitedSince = adoptedNeverCited ?? false,
            WithOutcome = decided ?? false,
            CitedSinceVote = citedSinceVote ?? false,
        };
        try
        {
            return TypedResults.Ok(data.Motions(filter, page ?? 1, pageSize ?? InputRules.DefaultPageSize));
        }
        catch (DocumentFilterException e)
        {
            // The one date, dossier and party rule is Core's (DocumentFilter, through Motions.List); its message names the bad value.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [e.Field ?? "filter"] = [e.UserMessage] });
        }
    }

    internal static Ok<MotionStatsView> MotionStats(IExplorerData data) => TypedResults.Ok(data.MotionCounts());

    internal static Results<Ok<CypherQueryView>, ValidationProblem, ProblemHttpResult> Cypher(
        CypherCatalog catalog, string? view, string? id, string? q, int? depth, int? limit, bool? reverse, int? page, int? pageSize)
    {
        var errors = Errors(
            ("view", view is not null && CypherCatalog.Views.Contains(view) ? null : $"view must be one of: {string.Join(", ", CypherCatalog.Views)}."),
            ("id", id is null ? null : InputRules.CheckId(id)),
            ("q", q is null ? null : InputRules.CheckQuery(q)),
            ("depth", InputRules.CheckRange(depth, 1, InputRules.MaxDepth, "depth")),
            ("limit", InputRules.CheckRange(limit, 1, InputRules.MaxTimeline, "limit")),
            ("page", InputRules.CheckRange(page, 1, InputRules.MaxPage, "page")),
            ("pageSize", InputRules.CheckRange(pageSize, 1, InputRules.MaxPageSize, "pageSize")));
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var size = pageSize ?? InputRules.DefaultPageSize;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["q"] = q,
            ["depth"] = depth ?? InputRules.DefaultDepth,
            ["limit"] = limit ?? (view == "search" ? size : InputRules.DefaultRelated),
            ["offset"] = ((page ?? 1) - 1) * size,
            ["reverse"] = reverse ?? false,
        };
        return catalog.For(view!, values) is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No Cypher statement for this view",
                detail: catalog.Directory is null
                    ? "The cypher/queries folder was not found beside the application."
                    : $"No file in {Path.GetFileName(Path.GetDirectoryName(catalog.Directory))}/queries answers the '{view}' view.");
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No document or node with id '{id}'.");

    private static Dictionary<string, string[]>? Errors(params (string Field, string? Error)[] checks)
    {
        var errors = checks.Where(c => c.Error is not null).ToDictionary(c => c.Field, c => new[] { c.Error! }, StringComparer.Ordinal);
        return errors.Count == 0 ? null : errors;
    }
}
