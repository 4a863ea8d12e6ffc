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
        var limit = new Option<int>("--limit", "-n") { Description = "How many results", DefaultValueFactory = _ => 20 };
        var offset = new Option<int>("--offset") { Description = "Skip this many results (paging)" };
        var command = new Command("search", "Full-text search over document titles and texts") { text, limit, offset };
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            StatsCommand.NoticeUnfinished(context.Console, store);
            var query = string.Join(' ', result.GetValue(text) ?? []);
            var hits = store.Search(query, Math.Clamp(result.GetValue(limit), 1, 1000), Math.Max(0, result.GetValue(offset)));
            var t = new Table().Title($"Search: {Render.E(query)}").AddColumns("id", "kind", "date", "askers", "answerers", "snippet");
            foreach (var h in hits)
            {
                t.AddRow(Render.E(h.Id), Render.E(h.Kind), Render.E(h.Date), Render.E(string.Join("; ", h.Askers)), Render.E(string.Join("; ", h.Answerers)), Render.E(Render.Short(h.Snippet, 100)));
            }

            context.Console.Write(t);
            context.Console.MarkupLine(hits.Count == 0 ? "[grey]No documents match.[/]" : $"{hits.Count} result(s).");
            return 0;
        });
    }
}
