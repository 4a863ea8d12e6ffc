using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Graph;
using KvGraph.Core.Text;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph unresolved [--limit N]</c>: cited but not in the corpus, most cited first: what to fetch next; unresolved mentions (an unnumbered motion that no motion matched well enough) with their best candidates.</summary>
internal static class UnresolvedCommand
{
    public static Command Create(CliContext context)
    {
        var limit = Options.Int("--limit", "-n", "How many to show", QueryLimits.DefaultUnresolved, 1, QueryLimits.MaxUnresolved);
        var format = Output.FormatOption();
        var command = new Command("unresolved", "Cited documents that are not in the corpus, most cited first") { limit, format };
        var filters = new FilterOptions().AddTo(command);
        return command.WithAction(result =>
        {
            var filter = filters.Read(result);
            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();

            // With a filter: targets cited by at least one document that passes it (cited in 2021, by the minister of BZ, …).
            var graph = filter.IsEmpty ? null : store.Graph();
            var list = graph is null
                ? store.Unresolved(result.GetValue(limit))
                : [.. store.Unresolved(int.MaxValue).Where(u => u.CitedBy.Any(c => graph.Find(c) is { } n && filter.Matches(graph, n))).Take(result.GetValue(limit))];
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
