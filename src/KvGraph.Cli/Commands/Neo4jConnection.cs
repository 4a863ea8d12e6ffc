using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Neo4j.Http;
using Microsoft.Extensions.Configuration;

namespace KvGraph.Cli.Commands;

/// <summary>
/// The Neo4j options shared by <c>push</c> and <c>cypher</c>. The URL, database and user come from the command line or
/// configuration (<c>KvGraph:Neo4j:Url|Database|User</c>); the password only from <c>KVGRAPH_NEO4J_PASSWORD</c> or
/// configuration <c>KvGraph:Neo4j:Password</c>, never from the command line, and it is never printed.
/// </summary>
internal sealed class Neo4jConnection
{
    public Option<string?> Url { get; } = new("--neo4j") { Description = "Neo4j HTTP URL, e.g. http://localhost:7474 (default: KvGraph:Neo4j:Url)" };

    public Option<string?> Database { get; } = new("--database") { Description = "Database name on Neo4j 4+ (default neo4j)" };

    public Option<string?> User { get; } = new("--user") { Description = "User name (default: KvGraph:Neo4j:User; neo4j when a password is set). The password comes from KVGRAPH_NEO4J_PASSWORD" };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Database);
        command.Options.Add(User);
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
            throw new CliUserException($"--neo4j {url}: KvGraph talks to Neo4j over HTTP; give the HTTP address (port 7474 by default), not bolt:// or neo4j://.");
        }

        var password = Environment.GetEnvironmentVariable(Neo4jConnectionOptions.PasswordVariable) is { Length: > 0 } env ? env : config["KvGraph:Neo4j:Password"];
        var user = result.GetValue(User) ?? config["KvGraph:Neo4j:User"] ?? (password is null ? null : "neo4j");
        var database = result.GetValue(Database) ?? config["KvGraph:Neo4j:Database"] ?? "neo4j";
        return new Neo4jConnectionOptions(uri, database, user, password);
    }
}
