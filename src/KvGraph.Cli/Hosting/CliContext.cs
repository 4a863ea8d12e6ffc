using System.CommandLine;
using KvGraph.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace KvGraph.Cli.Hosting;

/// <summary>
/// What every command gets: the console to write to, configuration (appsettings.json, <c>KVGRAPH_</c> environment
/// variables, <c>--KvGraph:Key=value</c> arguments), logging (to stderr) and the shared <c>--store</c> option.
/// </summary>
public sealed class CliContext : IDisposable
{
    private readonly Lazy<ILoggerFactory> loggerFactory;

    /// <summary>
    /// Logging is made on first use: only <c>build</c> logs, and the console logger costs every other command start-up
    /// time for nothing.
    /// </summary>
    public CliContext(IAnsiConsole console, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(configuration);
        Console = console;
        Configuration = configuration;
        loggerFactory = new Lazy<ILoggerFactory>(() => Microsoft.Extensions.Logging.LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(configuration.GetSection("Logging"));
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }));
    }

    /// <summary>Standard output as a Spectre console (tests give a recording one).</summary>
    public IAnsiConsole Console { get; }

    public IConfiguration Configuration { get; }

    /// <summary>Logging to stderr (level Warning, or configuration <c>Logging</c>); made on first use.</summary>
    public ILoggerFactory LoggerFactory => loggerFactory.Value;

    /// <summary>The shared <c>--store</c> option (recursive: every subcommand accepts it).</summary>
    public Option<string?> StoreOption { get; } = new("--store", "-s")
    {
        Description = "The store file (default: KvGraph:Store from appsettings.json, env KVGRAPH_STORE, else ./kvgraph.db)",
        Recursive = true,
    };

    /// <summary>The store path: <c>--store</c>, else configuration <c>KvGraph:Store</c>, else env <c>KVGRAPH_STORE</c>, else <c>kvgraph.db</c>.</summary>
    public string StorePath(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var path = result.GetValue(StoreOption);
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Configuration["KvGraph:Store"];
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            path = Configuration["STORE"];
        }

        return Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? KvStore.DefaultFileName : path);
    }

    /// <summary>Opens the store for reading; a missing store is a user error with a hint.</summary>
    public IKvStore OpenExistingStore(ParseResult result)
    {
        var path = StorePath(result);
        if (!File.Exists(path))
        {
            throw new CliUserException($"No store at {path}. Run `kvgraph build <files-or-folders>` first, or pass --store <path>.");
        }

        return KvStore.OpenReadOnly(path);
    }

    /// <summary>Disposes the logger factory if it was made (the console logger flushes on dispose).</summary>
    public void Dispose()
    {
        if (loggerFactory.IsValueCreated)
        {
            loggerFactory.Value.Dispose();
        }
    }
}

/// <summary>A mistake of the user (bad id, missing store, bad option): printed as a message, never as a stack trace; exit code 2.</summary>
public sealed class CliUserException : Exception
{
    public CliUserException()
    {
    }

    public CliUserException(string message) : base(message)
    {
    }

    public CliUserException(string message, Exception inner) : base(message, inner)
    {
    }
}
