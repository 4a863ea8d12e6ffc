using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Store;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph stats</c>: counts over the store.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var format = Output.FormatOption();
        var command = new Command("stats", "Counts: files, documents by kind, citations by kind, resolved vs unresolved, motions by outcome") { format };
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            using var read = store.BeginRead();
            Render.NoticeUnfinished(result.InvocationConfiguration.Error, store);
            var stats = store.Stats();
            var motions = KvGraph.Core.Graph.Motions.Stats(store.LoadGraph());
            var f = result.GetValue(format)!;
            if (f == Output.Table)
            {
                Render.Stats(context.Console, stats);
                Render.MotionStats(context.Console, motions);
                return 0;
            }

            var documents = new Sheet("documentsByKind", "Documents by kind", ["kind", "count"]);
            foreach (var (k, v) in stats.DocumentsByKind.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                documents.Add(k, v);
            }

            var citations = new Sheet("citationsByKind", "Citations by kind", ["kind", "count"]);
            foreach (var (k, v) in stats.CitationsByKind.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                citations.Add(k, v);
            }

            var totals = new Sheet("totals", "Totals", ["what", "count"])
                .Add("files", stats.Files).Add("filesFailed", stats.FilesFailed).Add("documents", stats.Documents).Add("citations", stats.Citations)
                .Add("resolved", stats.Resolved).Add("unresolved", stats.Unresolved).Add("nodes", stats.Nodes).Add("edges", stats.Edges)
                .Add("buildsThatChanged", stats.Version);
            var fate = new Sheet("motions", "Motions", ["what", "count"])
                .Add("motions", motions.Motions).Add("withOutcome", motions.WithOutcome).Add("adopted", motions.Adopted).Add("rejected", motions.Rejected)
                .Add("withdrawn", motions.Withdrawn).Add("held", motions.Held).Add("lapsed", motions.Lapsed).Add("adoptedCitedAfter", motions.AdoptedCitedAfter)
                .Add("shareAdoptedCited", motions.ShareAdoptedCited).Add("disputed", motions.Disputed);
            Output.Write(context.Console, f, documents, citations, totals, fate);
            return 0;
        });
    }
}
