namespace KvGraph.OpenData;

/// <summary>What one page did to the output folder.</summary>
public sealed record PageReport(int Page, Uri Url, int Records, int Written, int Updated, int Unchanged, int Deleted, int Skipped, bool HasNext);

/// <summary>What one run of <see cref="MotionFetcher.RunAsync"/> did.</summary>
public sealed record FetchReport
{
    /// <summary>True when the run continued a walk a previous run left unfinished.</summary>
    public required bool Resumed { get; init; }

    /// <summary>What this run asked for: changes after this moment (null: all motions).</summary>
    public required DateTimeOffset? Since { get; init; }

    /// <summary>True when the walk reached its last page; false when --max-pages stopped it (the next run goes on).</summary>
    public required bool Complete { get; init; }

    /// <summary>The pages fetched in this run, in order.</summary>
    public required IReadOnlyList<PageReport> Pages { get; init; }

    /// <summary>Every retried transient failure, in order.</summary>
    public required IReadOnlyList<RetryEvent> Retries { get; init; }

    /// <summary>The high-water mark after the run (the next run asks for changes after it).</summary>
    public required DateTimeOffset? Mark { get; init; }

    /// <summary>Temporary files a killed earlier run had left, removed at the start.</summary>
    public int SweptTemporaries { get; init; }

    public int Records => Pages.Sum(p => p.Records);

    public int Written => Pages.Sum(p => p.Written);

    public int Updated => Pages.Sum(p => p.Updated);

    public int Unchanged => Pages.Sum(p => p.Unchanged);

    public int Deleted => Pages.Sum(p => p.Deleted);

    public int Skipped => Pages.Sum(p => p.Skipped);
}
