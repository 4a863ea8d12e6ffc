using KvGraph.Core.Extraction;
using KvGraph.Store;

namespace KvGraph.Pipeline;

/// <summary>How a build runs.</summary>
public sealed record BuildOptions
{
    private readonly int _jobs;

    /// <summary>Remove files that are in the store but not in this build's input set.</summary>
    public bool Prune { get; init; }

    /// <summary>Re-extract every file even when its hash is unchanged.</summary>
    public bool Force { get; init; }

    /// <summary>Parallel extraction workers; 0 = processor count.</summary>
    public int Jobs
    {
        get => _jobs;
        init => _jobs = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Jobs is 0 (processor count) or more.");
    }

    /// <summary>The extractor to use; null = <see cref="Extractor.Default"/>.</summary>
    public IExtractor? Extractor { get; init; }
}

/// <summary>Progress of a build: files done out of total, and the file just finished.</summary>
public sealed record BuildProgress(int Done, int Total, string? File);

/// <summary>A file that could not be ingested, and why.</summary>
public sealed record FileFailure(string File, string Reason);

/// <summary>What a build did.</summary>
public sealed record BuildReport
{
    public required int FilesSeen { get; init; }

    /// <summary>Files read and extracted in this build (changed or new).</summary>
    public required int Extracted { get; init; }

    /// <summary>Files skipped because their content hash was unchanged.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Files removed by <see cref="BuildOptions.Prune"/>.</summary>
    public required int Pruned { get; init; }

    public required IReadOnlyList<FileFailure> Failures { get; init; }

    /// <summary>The store version after the build.</summary>
    public required long Version { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Counts over the whole store after the build.</summary>
    public required StoreStats Stats { get; init; }
}
