namespace KvGraph.Neo4j.Http;

/// <summary>
/// A statement the server refused, or a server that cannot be reached. The message names the statement
/// (its first line) and the server's error code, so a failed push says exactly what went wrong.
/// </summary>
public sealed class Neo4jException : Exception
{
    public Neo4jException(string code, string serverMessage, string? statement, bool transient, Exception? inner = null)
        : base(Compose(code, serverMessage, statement), inner)
    {
        Code = code;
        ServerMessage = serverMessage;
        Statement = statement;
        IsTransient = transient;
    }

    public Neo4jException() : this("KvGraph.Unknown", "unknown error", null, false)
    {
    }

    public Neo4jException(string message) : this("KvGraph.Unknown", message, null, false)
    {
    }

    public Neo4jException(string message, Exception inner) : this("KvGraph.Unknown", message, null, false, inner)
    {
    }

    /// <summary>The server's status code (<c>Neo.ClientError.Statement.SyntaxError</c>) or a KvGraph code for HTTP failures.</summary>
    public string Code { get; }

    /// <summary>The server's own message.</summary>
    public string ServerMessage { get; }

    /// <summary>The statement that failed, when one did.</summary>
    public string? Statement { get; }

    /// <summary>True when retrying may succeed (Neo.TransientError.*, 5xx, timeouts, refused connections).</summary>
    public bool IsTransient { get; }

    /// <summary>True for codes the server classifies as transient.</summary>
    public static bool IsTransientCode(string code) =>
        code.StartsWith("Neo.TransientError.", StringComparison.Ordinal)
        // Deadlocks and leader switches are client/database errors by class but go away on retry.
        || code is "Neo.ClientError.Cluster.NotALeader" or "Neo.ClientError.General.DatabaseUnavailable";

    /// <summary>The first line of a statement, short enough for an error message.</summary>
    public static string Describe(string statement)
    {
        var line = statement.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)) ?? statement.Trim();
        return line.Length > 120 ? line[..117] + "..." : line;
    }

    private static string Compose(string code, string message, string? statement) =>
        statement is null
            ? $"Neo4j error {code}: {message}"
            : $"Neo4j error {code} in statement `{Describe(statement)}`: {message}";
}
