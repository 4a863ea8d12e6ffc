namespace KvGraph.Neo4j.Http;

/// <summary>Runs Cypher on one Neo4j server. Made by <see cref="Neo4jClient.ConnectAsync"/>.</summary>
public interface ICypherRunner : IDisposable
{
    /// <summary>What discovery found.</summary>
    Neo4jServerInfo Server { get; }

    /// <summary>How many times a transient failure was retried so far.</summary>
    int Retries { get; }

    /// <summary>Runs one statement in its own transaction (retried on transient failures).</summary>
    Task<CypherResult> RunAsync(CypherStatement statement, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs statements in ONE transaction: all or nothing. The whole transaction is retried on a transient failure,
    /// which is safe because the loader's statements are idempotent.
    /// </summary>
    Task<IReadOnlyList<CypherResult>> RunInTransactionAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancellationToken = default);
}
