using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph extract</c>.</summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context) => new Command("extract", "(being written)").WithAction(_ => 0);
}
