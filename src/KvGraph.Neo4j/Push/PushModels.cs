namespace KvGraph.Neo4j.Push;

/// <summary>How a push batches its work.</summary>
public sealed record PushOptions
{
    /// <summary>Most node or relationship rows in one transaction (a large file is split over several).</summary>
    public int BatchRows { get; init; } = 2000;

    /// <summary>Most rows in one step: the files a step marks as under way (a kill costs at most one step's work again).</summary>
    public int StepRows { get; init; } = 100_000;

    /// <summary>Most files in one step.</summary>
    public int StepFiles { get; init; } = 10_000;

    /// <summary>Node transactions in flight at once (node batches are disjoint by id, so they never wait on each other).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>
    /// Relationship transactions in flight at once, in lanes that share no node (<see cref="RelationshipLanes"/>):
    /// creating a relationship locks both its nodes, and batches that merely split rows by target deadlocked on the
    /// Neo4j 3.1 test server. Rows touching a hub go after the parallel round, one batch at a time. Default one.
    /// </summary>
    public int RelationshipParallelism { get; init; } = 1;

    /// <summary>Create constraints and indexes before the data (on by default; they are idempotent).</summary>
    public bool CreateSchema { get; init; } = true;
}

/// <summary>Progress after each committed batch.</summary>
public sealed record PushProgress(int FilesDone, int FilesToPush, int Batches, long NodeRows, long EdgeRows);

/// <summary>A file whose facts could not be pushed, and why. The rest of the push goes on.</summary>
public sealed record PushFailure(string File, string Reason);

/// <summary>What a push did.</summary>
public sealed record PushSummary
{
    public required int FilesInSource { get; init; }

    public required int FilesPushed { get; init; }

    public required int FilesUnchanged { get; init; }

    public required int FilesRemoved { get; init; }

    public required IReadOnlyList<PushFailure> Failures { get; init; }

    public required int Batches { get; init; }

    public required long NodeRows { get; init; }

    public required long EdgeRows { get; init; }

    /// <summary>Server counters summed over the push (nodes_created, relationships_created, relationships_deleted, properties_set…).</summary>
    public required IReadOnlyDictionary<string, long> Counters { get; init; }

    public required long NodesInDatabase { get; init; }

    public required long RelationshipsInDatabase { get; init; }

    public required int Retries { get; init; }

    /// <summary>True when the state said files were pushed but the database had no KvGraph nodes (it was emptied or replaced).</summary>
    public required bool StateReset { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>
    /// Wall time by phase, summed over steps: <c>read</c> (facts from the source), <c>delete</c> (old facts out),
    /// <c>nodes</c>, <c>relationships</c>, <c>demote</c>, <c>state</c> (the push ledger), <c>sweep</c>, <c>count</c>.
    /// A step is read while the step before it is at the server, so <c>read</c> overlaps the others and the phases can
    /// add up to more than <see cref="Elapsed"/>.
    /// </summary>
    public required IReadOnlyDictionary<string, TimeSpan> Phases { get; init; }

    public required string ServerVersion { get; init; }

    public required string Api { get; init; }
}
