using KvGraph.Core.Extraction;
using KvGraph.Store;

namespace KvGraph.Pipeline;

/// <summary>How a build runs.</summary>
public sealed record BuildOptions
{
    /// <summary>The default per-file size limit: 64 MB.</summary>
    public const long DefaultMaxFileBytes = 64L * 1024 * 1024;

    private readonly int _jobs;
    private readonly long _maxFileBytes = DefaultMaxFileBytes;
    private readonly TimeSpan _fileTimeout = DefaultFileTimeout;

    /// <summary>The default per-file time limit for reading and extracting: 5 minutes of wall-clock time.</summary>
    public static TimeSpan DefaultFileTimeout { get; } = TimeSpan.FromMinutes(5);

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

    /// <summary>A larger file is not read: it is reported as over the limit, and what an earlier build stored for it is kept.</summary>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init => _maxFileBytes = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxFileBytes is more than 0.");
    }

    /// <summary>
    /// Wall-clock time allowed for reading and extracting one file; past it the file is reported as over the limit,
    /// its work abandoned, and what an earlier build stored for it is kept. The other files go on meanwhile.
    /// </summary>
    public TimeSpan FileTimeout
    {
        get => _fileTimeout;
        init => _fileTimeout = value > TimeSpan.Zero && value.TotalMilliseconds <= int.MaxValue
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "FileTimeout is more than 0 and at most 24 days.");
    }

    /// <summary>The extractor to use; null = <see cref="Extractor.Default"/>.</summary>
    public IExtractor? Extractor { get; init; }
}

/// <summary>Progress of a build: files done out of total, and the file just finished.</summary>
public sealed record BuildProgress(int Done, int Total, string? File);

/// <summary>A file (or a JSON Lines record, <c>file#line</c>, or a folder) that could not be ingested, and why; or, among <see cref="BuildReport.Warnings"/>, what was repaired or noticed.</summary>
public sealed record FileFailure
{
    public FileFailure(string file, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        File = file;
        Reason = reason;
    }

    public string File { get; }

    public string Reason { get; }
}

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

    /// <summary>What was repaired or noticed without failing: NUL bytes removed from a text, a folder reached twice by links.</summary>
    public IReadOnlyList<FileFailure> Warnings { get; init; } = [];

    /// <summary>Stored files a prune kept because they lie under a folder this build could not read or an input that is missing.</summary>
    public int KeptUnreached { get; init; }

    /// <summary>The store version after the build.</summary>
    public required long Version { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Counts over the whole store after the build.</summary>
    public required StoreStats Stats { get; init; }
}
