using System.CommandLine;
using KvGraph.Cli.Hosting;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph search &lt;text&gt; [--limit N] [--offset N]</c>: full text over titles and texts, or an id.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var text = new Argument<string[]>("text") { Description = "Words to find (all of them), or an id", Arity = ArgumentArity.OneOrMore };
        var limit = Options.Int("--limit", "-n", "How many results", KvGraph.Core.Graph.QueryLimits.DefaultSearchPage, 1, KvGraph.Core.Graph.QueryLimits.MaxSearchPage);
        var offset = Options.Int("--offset", null, "Skip this many results (paging)", 0, 0, 1_000_000);
        var format = Output.FormatOption();
        var command = new Command("search", "Full-text search over document titles and texts") { text, limit, offset, format };
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            Render.NoticeUnfinished(result.InvocationConfiguration.Error, store);
            var query = string.Join(' ', result.GetValue(text) ?? []);
            var hits = store.Search(query, result.GetValue(limit), result.GetValue(offset));
            var sheet = new Sheet("results", $"Search: {query}", ["id", "kind", "date", "askers", "answerers", "snippet"]);
            foreach (var h in hits)
            {
                sheet.Add(h.Id, h.Kind, h.Date, h.Askers, h.Answerers, Render.Short(h.Snippet, 100));
            }

            var f = result.GetValue(format)!;
            Output.Write(context.Console, f, sheet);
            if (f == Output.Table)
            {
                context.Console.MarkupLine(hits.Count == 0 ? "[grey]No documents match.[/]" : $"{hits.Count} result(s).");
            }
            return 0;
        });
    }
}
