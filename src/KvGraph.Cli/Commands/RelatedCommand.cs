using System.CommandLine;
using KvGraph.Cli.Hosting;

namespace KvGraph.Cli.Commands;

/// <summary><c>kvgraph related</c>.</summary>
internal static class RelatedCommand
{
    public static Command Create(CliContext context) => new Command("related", "(being written)").WithAction(_ => 0);
}
