using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph trace</c>.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context) => new Command("trace", "(being written)").WithAction(_ => 0);
}
