using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph show</c>.</summary>
internal static class ShowCommand
{
    public static Command Create(CliContext context) => new Command("show", "(being written)").WithAction(_ => 0);
}
