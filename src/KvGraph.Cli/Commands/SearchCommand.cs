using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Graph;
using KvGraph.Store;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph search [text…] [filters] [--limit N] [--offset N]</c>: an exact id or alias of any node first, then full
/// text over titles and texts (<see cref="SearchQuery"/>: OR, NOT/-word, word*, "phrases"); with filters and no text,
/// every matching document, newest first. The footer and JSON's <c>total</c> count every match, not the page.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string[]>("text") { Description = "Words (all of them), OR, NOT or -word, word*, \"a phrase\", or an id; may be left out when filters are given", Arity = ArgumentArity.ZeroOrMore };
        var limit = Options.Int("--limit", "-n", "How many results", QueryLimits.DefaultSearchPage, 1, QueryLimits.MaxSearchPage);
        var offset = Options.Int("--offset", null, "Skip this many results (paging)", 0, 0, QueryLimits.MaxSearchOffset);
        var format = Output.FormatOption();
        var command = new Command("search", "Search by id, alias, or words in titles and texts, with filters") { text, limit, offset, format };
        var filters = new FilterOptions().AddTo(command);
        return command.WithAction(result =>
        {
            var filter = filters.Read(result);
            var query = string.Join(' ', result.GetValue(text) ?? []);
            if (query.Length > QueryLimits.MaxQueryLength)
            {
                throw new CliUserException($"A search text has at most {QueryLimits.MaxQueryLength} characters.");
            }

            if (string.IsNullOrWhiteSpace(query) && filter.IsEmpty)
            {
                throw new CliUserException("Give words to find, an id, or a filter (--from, --kind, --answerer, …).");
            }

            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();
            Render.NoticeUnfinished(result.InvocationConfiguration.Error, store);
            var found = store.Search(query, filter, result.GetValue(limit), result.GetValue(offset));
            foreach (var note in found.Notes)
            {
                result.InvocationConfiguration.Error.WriteLine("note: " + note);
            }

            var f = result.GetValue(format)!;
            var title = query.Length > 0 ? $"Search: {query}" : "Documents";
            var sheet = f == Output.Table
                ? new Sheet("results", title, ["id", "kind", "date", "cited by", "askers", "answerers", "snippet"])
                : new Sheet("results", title, ["id", "kind", "date", "inCorpus", "citedBy", "askers", "answerers", "title", "match", "snippet", "highlights"]) { Total = found.Total };
            foreach (var h in found.Hits)
            {
                if (f == Output.Table)
                {
                    sheet.Add(h.Id, h.Kind, h.Date, h.CitedBy?.ToString(System.Globalization.CultureInfo.InvariantCulture), h.Askers, h.Answerers, new Highlighted(h.Snippet, h.Highlights));
                }
                else
                {
                    sheet.Add(h.Id, h.Kind, h.Date, h.InCorpus, h.CitedBy, h.Askers, h.Answerers, h.Title, h.Match, h.Snippet, h.Highlights);
                }
            }

            Output.Write(context.Console, f, sheet);
            if (f == Output.Table)
            {
                context.Console.MarkupLine(found.Total == 0 ? "[grey]No documents match.[/]"
                    : found.Hits.Count == found.Total ? $"{found.Total} result(s)."
                    : $"{found.Hits.Count} of {found.Total} result(s){(result.GetValue(offset) > 0 ? $" from {result.GetValue(offset) + 1}" : string.Empty)}; more with --offset or --limit.");
            }

            return 0;
        });
    }
}
