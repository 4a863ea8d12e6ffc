using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph unresolved</c>.</summary>
internal static class UnresolvedCommand
{
    public static Command Create(CliContext context) => new Command("unresolved", "(being written)").WithAction(_ => 0);
}
