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
public sealed class CliContext
{
    public CliContext(IAnsiConsole console, IConfiguration configuration, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        Console = console;
        Configuration = configuration;
        LoggerFactory = loggerFactory;
        Services = services;
    }

    /// <summary>Standard output as a Spectre console (tests give a recording one).</summary>
    public IAnsiConsole Console { get; }

    public IConfiguration Configuration { get; }

    public ILoggerFactory LoggerFactory { get; }

    /// <summary>The host's services, for commands that need more (the web helper's <c>serve</c>).</summary>
    public IServiceProvider Services { get; }

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
