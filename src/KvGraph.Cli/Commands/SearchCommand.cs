using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph search</c>.</summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context) => new Command("search", "(being written)").WithAction(_ => 0);
}
