using System.CommandLine;
using KvGraph.Cli.Hosting;

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
            Render.Stats(context.Console, store.Stats());
            Render.MotionStats(context.Console, KvGraph.Core.Graph.Motions.Stats(store.LoadGraph()));
            return 0;
        });
    }
}
