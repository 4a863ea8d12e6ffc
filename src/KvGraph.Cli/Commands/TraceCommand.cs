using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Graph;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph trace &lt;id&gt; [--depth N] [--reverse]</c>: the citation chain as a tree.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "A document id or alias" };
        var depth = Options.Int("--depth", "-d", "How many citation steps to follow", QueryLimits.DefaultTraceDepth, 1, QueryLimits.MaxTraceDepth);
        var reverse = new Option<bool>("--reverse", "-r") { Description = "Who cites it (transitively), instead of what it cites" };
        var format = Output.FormatOption();
        var command = new Command("trace", "The citation chain from a document: what it cites, transitively (or with --reverse who cites it)") { id, depth, reverse, format };
        return command.WithAction(result =>
        {
            var d = result.GetValue(depth);

            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();
            var wanted = result.GetValue(id)!;
            var f = result.GetValue(format)!;
            var budget = f == Output.Table ? QueryLimits.MaxTraceShown : NeighbourhoodGraph.TraceBudget;
            var trace = store.Graph().Trace(wanted, d, result.GetValue(reverse), budget)
                ?? throw new CliUserException($"'{wanted}' is not in the store. Try `kvgraph search {wanted}`.");
            if (f != Output.Table)
            {
                // The tree as rows, depth first: each step with the document it hangs from.
                var sheet = new Sheet("steps", $"Trace from {trace.Node.Id}", ["depth", "id", "kind", "date", "from", "citationKind", "quote", "inCorpus", "cycle"]);
                sheet.Add(0, trace.Node.Id, Render.Prop(trace.Node, "kind"), Render.Prop(trace.Node, "date"), null, null, null, trace.Node.Label != NodeLabel.Placeholder, false);
                Rows(sheet, trace, 1);
                Output.Write(context.Console, f, sheet);
                return 0;
            }

            var tree = new Tree(Render.NodeLine(trace.Node));
            Add(tree, trace.Children);
            if (trace.Omitted > 0)
            {
                tree.AddNode(string.Create(CultureInfo.InvariantCulture, $"[grey]… {trace.Omitted:N0} more[/]"));
            }

            context.Console.Write(tree);
            var omitted = Omitted(trace);
            if (omitted > 0)
            {
                context.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[grey]The tree shows the first {QueryLimits.MaxTraceShown:N0} documents; {omitted:N0} more step(s) from them (and what lies beyond) are left out. `--format json` or `csv` lists up to {NeighbourhoodGraph.TraceBudget:N0}.[/]"));
            }

            if (trace.Children.Count == 0)
            {
                context.Console.MarkupLine(result.GetValue(reverse) ? "[grey]Nothing in the store cites it.[/]" : "[grey]It cites nothing.[/]");
            }

            return 0;
        });
    }

    /// <summary>
    /// The chains a build found: for each question, answer and letter that cites something, the tree of what it
    /// cites, two steps deep. Bounded, because a large corpus would otherwise print for minutes.
    /// </summary>
    internal static void WriteChains(IAnsiConsole console, KvGraph.Store.IKvStore store, int maxDocuments = 25)
    {
        // Every document's chain: the whole graph, loaded once, is the right tool here (not a point query per document).
        var graph = store.LoadGraph();
        var shown = 0;
        var citing = store.Documents()
            .Where(d => d.Kind is "answer" or "question" or "letter")
            .Select(d => graph.Trace(d.Id, 2))
            .Where(t => t is { Children.Count: > 0 })
            .ToList();
        console.MarkupLine($"[bold]Citation chains[/] ({citing.Count} documents cite something)");
        foreach (var trace in citing.Take(maxDocuments))
        {
            var tree = new Tree(Render.NodeLine(trace!.Node));
            Add(tree, trace.Children);
            console.Write(tree);
            shown++;
        }

        if (citing.Count > shown)
        {
            console.MarkupLine($"… and {citing.Count - shown} more: `kvgraph trace <id>` shows any of them.");
        }
    }

    private static int Omitted(TraceNode node) => node.Omitted + node.Children.Sum(Omitted);

    private static void Rows(Sheet sheet, TraceNode parent, int depth)
    {
        foreach (var child in parent.Children)
        {
            sheet.Add(depth, child.Node.Id, Render.Prop(child.Node, "kind"), Render.Prop(child.Node, "date"), parent.Node.Id,
                child.Via is { } e ? Render.Prop(e, "kind") : null, child.Via is { } q ? Render.Prop(q, "quote") : null, child.Node.Label != NodeLabel.Placeholder, child.Cycle);
            Rows(sheet, child, depth + 1);
        }
    }

    private static void Add(IHasTreeNodes parent, IReadOnlyList<TraceNode> children)
    {
        foreach (var child in children)
        {
            var via = child.Via is { } e ? $" [blue]{Render.E(Render.Prop(e, "kind"))}[/] [italic]\"{Render.E(Render.Short(Render.Prop(e, "quote"), 70))}\"[/]" : string.Empty;
            var cycle = child.Cycle ? " [yellow](cycle)[/]" : string.Empty;
            var node = parent.AddNode(Render.NodeLine(child.Node) + via + cycle);
            Add(node, child.Children);
            if (child.Omitted > 0)
            {
                node.AddNode(string.Create(CultureInfo.InvariantCulture, $"[grey]… {child.Omitted:N0} more[/]"));
            }
        }
    }
}
