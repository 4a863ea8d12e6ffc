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
        var command = new Command("stats", "Counts: files, documents by kind, citations by kind, resolved vs unresolved");
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            NoticeUnfinished(context.Console, store);
            Render.Stats(context.Console, store.Stats());
            Render.MotionStats(context.Console, KvGraph.Core.Graph.Motions.Stats(store.LoadGraph()));
            return 0;
        });
    }

    /// <summary>
    /// When the store's last build did not finish (still running, or killed before its commit), says so before any
    /// answer: the answers then come from the state before that build (empty, after a first build that died).
    /// Used by stats, search and show.
    /// </summary>
    internal static void NoticeUnfinished(IAnsiConsole console, IKvStore store)
    {
        if (store.Unfinished is not { } unfinished)
        {
            return;
        }

        var what = unfinished.Started is { } started
            ? $"the last build (started {started.ToUniversalTime():yyyy-MM-dd HH:mm:ss} UTC) did not finish: it is still running, or it was stopped before its commit"
            : "no build has finished on this store";
        var state = store.CurrentVersion == 0 ? "an empty store" : $"the state of the last finished build (version {store.CurrentVersion})";
        console.MarkupLine($"[yellow]Notice: {Markup.Escape(what)}. These answers come from {Markup.Escape(state)}. Run `kvgraph build` again to finish it.[/]");
    }
}
