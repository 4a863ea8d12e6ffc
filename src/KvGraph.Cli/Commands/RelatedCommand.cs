using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph related &lt;id&gt; [--limit N]</c>: related documents with reasons and scores.</summary>
internal static class RelatedCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "A document id or alias" };
        var limit = Options.Int("--limit", "-n", "How many to show", KvGraph.Core.Graph.QueryLimits.DefaultRelated, 1, KvGraph.Core.Graph.QueryLimits.MaxRelated);
        var format = Output.FormatOption();
        var command = new Command("related", "Related documents: shared citations, co-citation, shared askers, answerers, countries and topics") { id, limit, format };
        var filters = new FilterOptions().AddTo(command);
        return command.WithAction(result =>
        {
            var filter = filters.Read(result);
            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();
            var graph = store.Graph();
            var wanted = result.GetValue(id)!;
            var node = graph.Find(wanted) ?? throw new CliUserException($"'{wanted}' is not in the store. Try `kvgraph search {wanted}`.");
            // With a filter, the ranking is over every related document and the filter keeps the best that pass.
            var related = filter.IsEmpty
                ? graph.Related(node.Id, result.GetValue(limit))
                : [.. graph.Related(node.Id, int.MaxValue).Where(r => filter.Matches(graph, r.Node)).Take(result.GetValue(limit))];
            var f = result.GetValue(format)!;
            if (f != Output.Table)
            {
                var sheet = new Sheet("related", $"Related to {node.Id}", ["rank", "id", "kind", "date", "title", "score", "reasons"]);
                var r0 = 0;
                foreach (var r in related)
                {
                    sheet.Add(++r0, r.Node.Id, Render.Prop(r.Node, "kind"), Render.Prop(r.Node, "date"), r.Node.Name, r.Score,
                        r.Reasons.Select(x => $"{x.Kind}: {x.Detail} ({x.Score.ToString("0.###", CultureInfo.InvariantCulture)})").ToList());
                }

                Output.Write(context.Console, f, sheet);
                return 0;
            }

            var t = new Table().Title($"Related to {Render.E(node.Id)}").AddColumns("#", "document", "score", "reasons");
            var rank = 0;
            foreach (var r in related)
            {
                var reasons = string.Join("\n", r.Reasons.Select(x => $"{x.Kind}: {Render.Short(x.Detail, 50)} ({x.Score.ToString("0.###", CultureInfo.InvariantCulture)})"));
                t.AddRow((++rank).ToString(CultureInfo.InvariantCulture), Render.NodeLine(r.Node), r.Score.ToString("0.###", CultureInfo.InvariantCulture), Render.E(reasons));
            }

            context.Console.Write(t);
            if (related.Count == 0)
            {
                context.Console.MarkupLine("[grey]No related documents in the store.[/]");
            }

            return 0;
        });
    }
}
