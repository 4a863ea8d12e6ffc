using KvGraph.Cli.Hosting;

namespace KvGraph.Cli;

/// <summary>The <c>kvgraph</c> entry point.</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
