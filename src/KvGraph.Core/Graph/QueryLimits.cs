namespace KvGraph.Core.Graph;

/// <summary>
/// The bounds of every query, the same in the CLI, the explorer's API and the Cypher files (<c>cited-by.cypher</c> follows
/// at most ten steps): one place, so a question answered in one is answerable in the others.
/// </summary>
public static class QueryLimits
{
    /// <summary>Citation steps a trace follows, at most (and at least 1).</summary>
    public const int MaxTraceDepth = 10;

    public const int DefaultTraceDepth = 3;

    /// <summary>Related documents per call, at most.</summary>
    public const int MaxRelated = 50;

    public const int DefaultRelated = 10;

    /// <summary>Search results per page, at most.</summary>
    public const int MaxSearchPage = 100;

    public const int DefaultSearchPage = 20;
}
