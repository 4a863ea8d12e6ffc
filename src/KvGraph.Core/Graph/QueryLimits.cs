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

    /// <summary>
    /// Documents a trace tree shows on the terminal, at most, the first in depth-first order, with a note of the steps left out
    /// (<c>--format json</c> and <c>csv</c> list up to <see cref="NeighbourhoodGraph.TraceBudget"/>).
    /// </summary>
    public const int MaxTraceShown = 500;

    /// <summary>Related documents per call, at most.</summary>
    public const int MaxRelated = 50;

    public const int DefaultRelated = 10;

    /// <summary>Search results per page, at most.</summary>
    public const int MaxSearchPage = 100;

    public const int DefaultSearchPage = 20;

    /// <summary>Results skipped at most when paging a search (CLI <c>--offset</c>, API <c>(page − 1) × pageSize</c>).</summary>
    public const int MaxSearchOffset = 100_000;

    /// <summary>Characters of a search text, at most.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Words, phrases and prefixes in one search, at most (more are dropped, with a note).</summary>
    public const int MaxSearchTerms = 32;

    /// <summary>Characters of one filter value (<c>--asker</c>, <c>--topic</c>, …), at most.</summary>
    public const int MaxFilterLength = 100;

    /// <summary>Documents listed as citing one document, at most (<c>show</c>'s and the document page's cited-by).</summary>
    public const int MaxCitedBy = 200;

    /// <summary>Cited targets not in the corpus listed by <c>unresolved</c>, at most.</summary>
    public const int MaxUnresolved = 10_000;

    public const int DefaultUnresolved = 50;
}
