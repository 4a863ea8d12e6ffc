using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Text;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph unresolved [--limit N]</c>: cited but not in the corpus, most cited first: what to fetch next; unresolved mentions (an unnumbered motion that no motion matched well enough) with their best candidates.</summary>
internal static class UnresolvedCommand
{
    public static Command Create(CliContext context)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many to show", DefaultValueFactory = _ => 50 };
        var format = Output.FormatOption();
        var command = new Command("unresolved", "Cited documents that are not in the corpus, most cited first") { limit, format };
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            var list = store.Unresolved(Math.Clamp(result.GetValue(limit), 1, 100000));
            var sheet = new Sheet("unresolved", "Cited, not in the corpus", ["id", "kind", "cited", "citedBy", "officialUrl", "candidates"]);
            foreach (var u in list)
            {
                sheet.Add(u.Id, u.Label, u.CitationCount, u.CitedBy.ToList(), KvGraph.Core.Kinds.CitationKinds.OfficialUrl(u.Id), u.Candidates);
            }

            var f = result.GetValue(format)!;
            if (f != Output.Table)
            {
                Output.Write(context.Console, f, sheet);
                return 0;
            }

            var t = new Table().Title("Cited, not in the corpus").AddColumns("id", "kind", "cited", "cited by", "where to get it", "best candidates in the corpus");
            foreach (var u in list)
            {
                var by = string.Join(", ", u.CitedBy.Take(3)) + (u.CitedBy.Count > 3 ? $" +{u.CitedBy.Count - 3}" : string.Empty);
                t.AddRow(Render.E(u.Id), Render.E(u.Label), u.CitationCount.ToString(CultureInfo.InvariantCulture), Render.E(by), Render.E(KvGraph.Core.Kinds.CitationKinds.OfficialUrl(u.Id)), Render.E(u.Candidates ?? string.Empty));
            }

            context.Console.Write(t);
            context.Console.MarkupLine($"{list.Count} unresolved target(s) shown.");
            return 0;
        });
    }
}
