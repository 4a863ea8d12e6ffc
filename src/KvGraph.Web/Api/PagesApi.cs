using System.Text;
using KvGraph.Core.Graph;
using KvGraph.Core.Text;
using KvGraph.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KvGraph.Web.Api;

/// <summary>
/// The JSON API behind the start, person, party and dossier pages. Every list is bounded by <c>limit</c> (with its true
/// total); with <c>format=csv&amp;list=NAME</c> an endpoint returns that list's rows as RFC 4180 CSV (Core's
/// <see cref="Csv"/>, formula-guarded), the same rows the page shows.
/// </summary>
public static class PagesApi
{
    /// <summary>Most rows in one list of a page (and so in one CSV download).</summary>
    public const int MaxList = InputRules.MaxTimeline;

    public const int DefaultList = InputRules.DefaultTimeline;

    /// <summary>Maps the pages' GET endpoints under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapPagesApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("Pages");
        api.MapGet("/overview", Overview).WithName("Overview")
            .WithSummary("The start page: documents by kind, citations, resolved share, motions' fate, the most-cited motions, letters and answers (documents counted) and the newest answers; format=csv&list=NAME for one list.");
        api.MapGet("/person", Person).WithName("Person")
            .WithSummary("A person (person:…): offices, parties over time, questions asked, answers signed, motions sponsored with outcome, documents citing theirs; lists bounded by limit; format=csv&list=NAME.");
        api.MapGet("/party", Party).WithName("Party")
            .WithSummary("A party (party:… or its name): members in the corpus, motions sponsored with adopted/rejected counts, its votes with for/against counts; format=csv&list=NAME.");
        api.MapGet("/dossier", Dossier).WithName("Dossier")
            .WithSummary("A Kamerstuk dossier (21501-20 or dossier:21501-20): its stukken, its motions with outcome, documents citing into it; format=csv&list=NAME.");
        api.MapGet("/document/people", DocumentPeople).WithName("DocumentPeople")
            .WithSummary("The people a document names by role (asker, answerer, sponsor), each with their person id and party at the document's date.");
        api.MapGet("/motions.csv", MotionsCsv).WithName("MotionsCsv")
            .WithSummary("The motions list as CSV, with the same filters as /api/motions and one page of it (page, pageSize).");
        api.MapGet("/search.csv", SearchCsv).WithName("SearchCsv")
            .WithSummary("Search results as CSV: the same query, filters and page (page, pageSize) as /api/search.");
        return app;
    }

    internal static Results<Ok<CorpusOverview>, FileContentHttpResult, ValidationProblem> Overview(PagesData data, string? format, string? list)
    {
        if (CheckFormat(format, list) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var view = data.Overview();
        if (format == "csv")
        {
            var sheets = PageSheets.Of(view);
            return Export(sheets, list!, "overview") is { } file ? file : ListProblem(sheets);
        }

        return TypedResults.Ok(view);
    }

    internal static Results<Ok<PersonPageView>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> Person(PagesData data, string? id, int? limit, string? format, string? list)
    {
        if (Check(id, limit, format, list) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (data.Person(id!, limit ?? DefaultList) is not { } view)
        {
            return NotFound("person", id!);
        }

        if (format == "csv")
        {
            var sheets = PageSheets.Of(view);
            return Export(sheets, list!, view.Id) is { } file ? file : ListProblem(sheets);
        }

        return TypedResults.Ok(view);
    }

    internal static Results<Ok<PartyPageView>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> Party(PagesData data, string? id, int? limit, string? format, string? list)
    {
        if (Check(id, limit, format, list) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (data.Party(id!, limit ?? DefaultList) is not { } view)
        {
            return NotFound("party", id!);
        }

        if (format == "csv")
        {
            var sheets = PageSheets.Of(view);
            return Export(sheets, list!, view.Id) is { } file ? file : ListProblem(sheets);
        }

        return TypedResults.Ok(view);
    }

    internal static Results<Ok<DossierPageView>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> Dossier(PagesData data, string? id, int? limit, string? format, string? list)
    {
        if (Check(id, limit, format, list) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (data.Dossier(id!, limit ?? DefaultList) is not { } view)
        {
            return NotFound("dossier", id!);
        }

        if (format == "csv")
        {
            var sheets = PageSheets.Of(view);
            return Export(sheets, list!, view.Id) is { } file ? file : ListProblem(sheets);
        }

        return TypedResults.Ok(view);
    }

    internal static Results<Ok<IReadOnlyList<PersonRole>>, ValidationProblem, ProblemHttpResult> DocumentPeople(PagesData data, string? id)
    {
        if (InputRules.CheckId(id) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["id"] = [error] });
        }

        return data.DocumentPeople(id!) is { } people ? TypedResults.Ok(people) : NotFound("document", id!);
    }

    internal static Results<FileContentHttpResult, ValidationProblem> MotionsCsv(
        IExplorerData data, string? outcome, string? party, string? advice, string? from, string? to, string? dossier, bool? adoptedNeverCited, bool? decided, bool? citedSinceVote, int? page, int? pageSize)
    {
        // The list endpoint's own validation and filter (ExplorerApi.MotionList): one set of rules for JSON and CSV.
        var result = ExplorerApi.MotionList(data, outcome, party, advice, from, to, dossier, adoptedNeverCited, decided, citedSinceVote, page, pageSize);
        return result.Result switch
        {
            Ok<MotionListView> ok => Download(PageSheets.Motions("motions", ok.Value!.Items), "motions"),
            ValidationProblem problem => problem,
            _ => throw new InvalidOperationException("Unexpected motions result."),
        };
    }

    internal static Results<FileContentHttpResult, ValidationProblem> SearchCsv(
        IExplorerData data, string? q, int? page, int? pageSize,
        string? from, string? to, [FromQuery] string[]? kind = null, string? answerer = null, string? asker = null, string? party = null, string? dossier = null, string? topic = null)
    {
        // The search endpoint's own validation and filter (ExplorerApi.Search): one set of rules for JSON and CSV.
        var result = ExplorerApi.Search(data, q, page, pageSize, from, to, kind, answerer, asker, party, dossier, topic);
        return result.Result switch
        {
            Ok<SearchPageView> ok => Download(PageSheets.Search("results", ok.Value!.Hits), "search"),
            ValidationProblem problem => problem,
            _ => throw new InvalidOperationException("Unexpected search result."),
        };
    }

    // The named list as a CSV download, or null when the page has no list of that name.
    private static FileContentHttpResult? Export(IReadOnlyList<PageSheet> sheets, string list, string name) =>
        sheets.FirstOrDefault(s => s.Name == list) is { } sheet ? Download(sheet, name) : null;

    private static ValidationProblem ListProblem(IReadOnlyList<PageSheet> sheets) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["list"] = [$"list must be one of: {string.Join(", ", sheets.Select(s => s.Name))}."] });

    private static FileContentHttpResult Download(PageSheet sheet, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(Csv.Table(sheet.Columns, sheet.Rows));
        var file = $"{NodeIds.Slug(name)}-{sheet.Name}.csv";
        return TypedResults.File(bytes, "text/csv; charset=utf-8", file);
    }

    private static Dictionary<string, string[]>? Check(string? id, int? limit, string? format, string? list)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (InputRules.CheckId(id) is { } idError)
        {
            errors["id"] = [idError];
        }

        if (InputRules.CheckRange(limit, 1, MaxList, "limit") is { } limitError)
        {
            errors["limit"] = [limitError];
        }

        foreach (var (k, v) in CheckFormat(format, list) ?? [])
        {
            errors[k] = v;
        }

        return errors.Count == 0 ? null : errors;
    }

    private static Dictionary<string, string[]>? CheckFormat(string? format, string? list)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (format is not null and not "json" and not "csv")
        {
            errors["format"] = ["format must be json or csv."];
        }
        else if (format == "csv" && string.IsNullOrWhiteSpace(list))
        {
            errors["list"] = ["format=csv needs list=NAME: the list to export."];
        }

        if (InputRules.CheckFilter(list, "list") is { } listError)
        {
            errors["list"] = [listError];
        }

        return errors.Count == 0 ? null : errors;
    }

    private static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} with id '{id}'.");
}
