using KvGraph.Cli.Hosting;
using Spectre.Console;

namespace KvGraph.Cli.Tests;

/// <summary>Runs the real <c>kvgraph</c> command line in-process with a recording console.</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var exit = await CliApp.RunAsync(args, console, error);
        return (exit, output.ToString(), error.ToString());
    }
}
