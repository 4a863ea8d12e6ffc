using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Neo4j.Http;
using Microsoft.Extensions.Configuration;

namespace KvGraph.Cli.Commands;

/// <summary>
/// The Neo4j options shared by <c>push</c> and <c>cypher</c>. The URL, database and user come from the command line or
/// configuration (<c>KvGraph:Neo4j:Url|Database|User</c>); the password from <c>KVGRAPH_NEO4J_PASSWORD</c>, configuration
/// <c>KvGraph:Neo4j:Password</c>, or the URL (<c>http://user:password@host:7474</c>, taken as the credentials and removed
/// from the URL before anything prints or stores it). It is never printed. Plain HTTP to another machine is refused
/// unless <c>--allow-insecure</c>.
/// </summary>
internal sealed class Neo4jConnection
{
    public Option<string?> Url { get; } = new("--neo4j") { Description = "Neo4j HTTP URL, e.g. http://localhost:7474 (default: KvGraph:Neo4j:Url)" };

    public Option<string?> Database { get; } = new("--database") { Description = "Database name on Neo4j 4+ (default neo4j)" };

    public Option<string?> User { get; } = new("--user") { Description = "User name (default: KvGraph:Neo4j:User; neo4j when a password is set). The password comes from KVGRAPH_NEO4J_PASSWORD" };

    public Option<bool> AllowInsecure { get; } = new("--allow-insecure") { Description = "Allow plain http:// to another machine (the password and the graph then cross the network unencrypted)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Database);
        command.Options.Add(User);
        command.Options.Add(AllowInsecure);
    }

    public Neo4jConnectionOptions Options(CliContext context, ParseResult result)
    {
        var config = context.Configuration;
        var url = result.GetValue(Url) ?? config["KvGraph:Neo4j:Url"] ?? config["NEO4J_URL"];
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CliUserException("No Neo4j URL: pass --neo4j http://host:7474 or set KvGraph:Neo4j:Url.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliUserException($"--neo4j {Shown(url)}: KvGraph talks to Neo4j over HTTP; give the HTTP address (port 7474 by default), not bolt:// or neo4j://.");
        }

        var password = Environment.GetEnvironmentVariable(Neo4jConnectionOptions.PasswordVariable) is { Length: > 0 } env ? env : config["KvGraph:Neo4j:Password"];
        var user = result.GetValue(User) ?? config["KvGraph:Neo4j:User"];
        if (uri.UserInfo.Length == 0)
        {
            user ??= password is null ? null : "neo4j";
        }
        else if (result.GetValue(User) is null)
        {
            // The URL's user wins over the configured one; only a --user that contradicts it is an error.
            user = null;
        }

        var database = result.GetValue(Database) ?? config["KvGraph:Neo4j:Database"] ?? "neo4j";
        try
        {
            var options = new Neo4jConnectionOptions(uri, database, user, password) { AllowInsecure = result.GetValue(AllowInsecure) };
            if (options.IsInsecure && !options.AllowInsecure)
            {
                throw new CliUserException(
                    $"--neo4j {options.Url}: plain HTTP to another machine would send the password and the graph unencrypted. Use https://, or pass --allow-insecure if this network is trusted.");
            }

            return options;
        }
        catch (ArgumentException e)
        {
            throw new CliUserException($"--neo4j {Shown(url)}: {e.Message}", e);
        }
    }

    /// <summary>A URL as it may be printed: without any user:password@ in it, even when it does not parse.</summary>
    internal static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? Neo4jConnectionOptions.WithoutUserInfo(uri).ToString()
            : System.Text.RegularExpressions.Regex.Replace(url, "(?<=//)[^/@]*@", string.Empty, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
}
