using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph stats</c>.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context) => new Command("stats", "(being written)").WithAction(_ => 0);
}
