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
            NoticeUnfinished(result.InvocationConfiguration.Error, store);
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
                .Add("resolved", stats.Resolved).Add("unresolved", stats.Unresolved).Add("nodes", stats.Nodes).Add("edges", stats.Edges);
            var fate = new Sheet("motions", "Motions", ["what", "count"])
                .Add("motions", motions.Motions).Add("withOutcome", motions.WithOutcome).Add("adopted", motions.Adopted).Add("rejected", motions.Rejected)
                .Add("withdrawn", motions.Withdrawn).Add("held", motions.Held).Add("lapsed", motions.Lapsed).Add("adoptedCitedAfter", motions.AdoptedCitedAfter)
                .Add("shareAdoptedCited", motions.ShareAdoptedCited).Add("disputed", motions.Disputed);
            Output.Write(context.Console, f, documents, citations, totals, fate);
            return 0;
        });
    }

    /// <summary>
    /// When the store's last build did not finish (still running, or killed before its commit), says so before any
    /// answer: the answers then come from the state before that build (empty, after a first build that died).
    /// Used by stats, search and show.
    /// </summary>
    /// <summary>
    /// Says on stderr (so JSON, JSON Lines and CSV on stdout stay clean) that the last build did not finish and which
    /// state the answers come from.
    /// </summary>
    internal static void NoticeUnfinished(TextWriter error, IKvStore store)
    {
        if (store.Unfinished is not { } unfinished)
        {
            return;
        }

        var what = unfinished.Started is { } started
            ? $"the last build (started {started.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC) did not finish: it is still running, or it was stopped before its commit"
            : "no build has finished on this store";
        var state = store.CurrentVersion == 0 ? "an empty store" : $"the state of the last finished build (version {store.CurrentVersion})";
        error.WriteLine($"Notice: {what}. These answers come from {state}. Run `kvgraph build` again to finish it.");
    }
}
