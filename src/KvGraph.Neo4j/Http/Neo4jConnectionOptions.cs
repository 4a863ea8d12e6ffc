namespace KvGraph.Neo4j.Http;

/// <summary>
/// Where and how to reach a Neo4j server over HTTP. The password comes from configuration, <c>KVGRAPH_NEO4J_PASSWORD</c>
/// or the URL's user information (<c>http://user:password@host:7474</c>), which is taken as the credentials and removed
/// from <see cref="Url"/>, so no message, log or state file that names the server can show it; <see cref="ToString"/>
/// never shows it either.
/// </summary>
public sealed record Neo4jConnectionOptions
{
    /// <summary>The environment variable the password is read from.</summary>
    public const string PasswordVariable = "KVGRAPH_NEO4J_PASSWORD";

    public Neo4jConnectionOptions(Uri url, string database = "neo4j", string? user = null, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Neo4j is reached over HTTP: expected an http:// or https:// URL, got '{(url.IsAbsoluteUri ? url.Scheme + "://" : "a relative address")}'.", nameof(url));
        }

        user = string.IsNullOrWhiteSpace(user) ? null : user;
        if (url.UserInfo.Length > 0)
        {
            // Credentials in the URL: they are the credentials, and the URL is kept without them.
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var urlUser = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            if (user is not null && urlUser.Length > 0 && user != urlUser)
            {
                throw new ArgumentException($"The Neo4j URL names user '{urlUser}' but user '{user}' was given as well; give the user once.", nameof(user));
            }

            user = urlUser.Length > 0 ? urlUser : user;
            password = colon < 0 ? password : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);
            url = WithoutUserInfo(url);
        }

        Url = url;
        Database = string.IsNullOrWhiteSpace(database) ? "neo4j" : database;
        User = user;
        Password = password;
    }

    /// <summary>The server's HTTP root, e.g. <c>http://localhost:7474</c>, never with credentials in it.</summary>
    public Uri Url { get; }

    /// <summary>The database (4.x and later); 3.x has only one and ignores it.</summary>
    public string Database { get; }

    /// <summary>User for basic authentication; null when the server runs without auth.</summary>
    public string? User { get; }

    /// <summary>Password for basic authentication. Never logged.</summary>
    public string? Password { get; }

    /// <summary>Timeout of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How often a transient failure (5xx, timeout, refused or dropped connection, Neo.TransientError) is retried before giving up.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>First back-off delay; doubled on each retry, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Use the Query API v2 when the server offers it (5.19+, Aura). Off: always the transactional endpoint.</summary>
    public bool PreferQueryApi { get; init; } = true;

    /// <summary>
    /// Allow plain <c>http://</c> to a host other than this machine. Off by default: the password (Basic auth) and the
    /// data would cross the network unencrypted.
    /// </summary>
    public bool AllowInsecure { get; init; }

    /// <summary>True when <see cref="Url"/> is plain HTTP to another machine (refused unless <see cref="AllowInsecure"/>).</summary>
    public bool IsInsecure => Url.Scheme == Uri.UriSchemeHttp && !Url.IsLoopback;

    /// <summary>The name a push state is kept under for this database: URL and database, never credentials.</summary>
    public string PushTarget => $"{Url}|{Database}";

    /// <summary>Options with the password taken from <see cref="PasswordVariable"/> when none was configured.</summary>
    public Neo4jConnectionOptions WithPasswordFromEnvironment() =>
        Password is not null || Environment.GetEnvironmentVariable(PasswordVariable) is not { Length: > 0 } pw
            ? this
            : new Neo4jConnectionOptions(Url, Database, User ?? "neo4j", pw)
            {
                RequestTimeout = RequestTimeout,
                MaxRetries = MaxRetries,
                RetryDelay = RetryDelay,
                MaxRetryDelay = MaxRetryDelay,
                PreferQueryApi = PreferQueryApi,
                AllowInsecure = AllowInsecure,
            };

    /// <summary>The address without its user information, for anything that shows or stores it.</summary>
    public static Uri WithoutUserInfo(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri && url.UserInfo.Length > 0 ? new UriBuilder(url) { UserName = string.Empty, Password = string.Empty }.Uri : url;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Url} database={Database} user={User ?? "(none)"} password={(Password is null ? "(none)" : "***")}";
}
