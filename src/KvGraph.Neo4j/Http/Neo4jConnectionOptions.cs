namespace KvGraph.Neo4j.Http;

/// <summary>
/// Where and how to reach a Neo4j server over HTTP. The password comes from configuration or
/// <c>KVGRAPH_NEO4J_PASSWORD</c>, never from a command line; <see cref="ToString"/> never shows it.
/// </summary>
public sealed record Neo4jConnectionOptions
{
    /// <summary>The environment variable the password is read from.</summary>
    public const string PasswordVariable = "KVGRAPH_NEO4J_PASSWORD";

    public Neo4jConnectionOptions(Uri url, string database = "neo4j", string? user = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Neo4j is reached over HTTP: expected an http:// or https:// URL, got '{url.Scheme}://'.", nameof(url));
        }

        Url = url;
        Database = string.IsNullOrWhiteSpace(database) ? "neo4j" : database;
        User = string.IsNullOrWhiteSpace(user) ? null : user;
        Password = password;
    }

    /// <summary>The server's HTTP root, e.g. <c>http://localhost:7474</c>.</summary>
    public Uri Url { get; }

    /// <summary>The database (4.x and later); 3.x has only one and ignores it.</summary>
    public string Database { get; }

    /// <summary>User for basic authentication; null when the server runs without auth.</summary>
    public string? User { get; }

    /// <summary>Password for basic authentication. Never logged.</summary>
    public string? Password { get; }

    /// <summary>Timeout of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How often a transient failure is retried before the push gives up.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First back-off delay; doubled on each retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Use the Query API v2 when the server offers it (5.19+, Aura). Off: always the transactional endpoint.</summary>
    public bool PreferQueryApi { get; init; } = true;

    /// <summary>Options with the password taken from <see cref="PasswordVariable"/> when none was configured.</summary>
    public Neo4jConnectionOptions WithPasswordFromEnvironment() =>
        Password is not null || Environment.GetEnvironmentVariable(PasswordVariable) is not { Length: > 0 } pw
            ? this
            : new Neo4jConnectionOptions(Url, Database, User ?? "neo4j", pw)
            {
                RequestTimeout = RequestTimeout,
                MaxRetries = MaxRetries,
                RetryDelay = RetryDelay,
                PreferQueryApi = PreferQueryApi,
            };

    /// <inheritdoc />
    public override string ToString() =>
        $"{Url} database={Database} user={User ?? "(none)"} password={(Password is null ? "(none)" : "***")}";
}
