using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph build</c>.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context) => new Command("build", "(being written)").WithAction(_ => 0);
}
