using System.CommandLine;
using KvGraph.Cli.Commands;
using KvGraph.Core.Extraction;
using KvGraph.Store;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace KvGraph.Cli.Hosting;

/// <summary>
/// Reads configuration (appsettings.json beside kvgraph.dll and in the working directory, <c>KVGRAPH_</c> environment
/// variables with the prefix stripped, and <c>--KvGraph:Key=value</c> arguments) and runs the command line; logging
/// (to stderr) and services are made on first use (<see cref="CliContext"/>).
/// </summary>
public static class CliApp
{
    /// <summary>The console width when output is redirected: wide enough that no table row wraps.</summary>
    public const int RedirectedWidth = 4096;

    /// <summary>Runs <c>kvgraph</c> with <paramref name="args"/>. Tests pass their own consoles to capture output.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, TextWriter? error = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        error ??= System.Console.Error;
        if (console is null)
        {
            console = AnsiConsole.Console;

            // Piped or redirected, a table keeps its full lines (no wrapping at 80 columns that splits ids and breaks grep).
            if (System.Console.IsOutputRedirected)
            {
                console.Profile.Width = RedirectedWidth;
            }
        }

        // Only explicit configuration arguments go to the configuration system; paths like /work/x would otherwise be read as keys.
        var configArgs = args.Where(a => a.StartsWith("--KvGraph:", StringComparison.OrdinalIgnoreCase)).ToArray();
        var commandArgs = args.Where(a => !a.StartsWith("--KvGraph:", StringComparison.OrdinalIgnoreCase)).ToArray();

        // No generic host: a query command needs configuration and a console only. Building the host (its service
        // provider, hosting environment and console logger) was first-call work every command paid at start-up.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables("KVGRAPH_")
            .AddCommandLine(configArgs)
            .Build();

        using var context = new CliContext(console, configuration);
        var root = new RootCommand("KvGraph: the citation graph of Dutch parliamentary written questions (Kamervragen) and their answers.");
        root.Options.Add(context.StoreOption);
        foreach (var command in CommandCatalog.All(context))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(commandArgs);
        var config = new InvocationConfiguration { Output = new ConsoleWriter(console), Error = error };
        try
        {
            var exit = await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);

            // A bad option value is the user's error, like an unknown id: exit code 2 (1 says a file failed).
            return parse.Errors.Count > 0 ? 2 : exit;
        }
        catch (Exception ex) when (UserMessage(ex) is { } message)
        {
            await error.WriteLineAsync($"kvgraph: {message}").ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>The message for errors that are the user's or the input's, not bugs; null for bugs.</summary>
    internal static string? UserMessage(Exception ex) => ex switch
    {
        CliUserException or StoreException or DocumentFormatException => ex.Message,
        FileNotFoundException f => $"file not found: {f.FileName ?? f.Message}",
        DirectoryNotFoundException d => d.Message,
        UnauthorizedAccessException u => u.Message,
        _ => null,
    };

    /// <summary>Lets System.CommandLine's help and parse errors go through the (possibly recording) Spectre console.</summary>
    private sealed class ConsoleWriter(IAnsiConsole console) : TextWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => console.Profile.Out.Writer.Write(value);

        public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

        public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
    }
}
