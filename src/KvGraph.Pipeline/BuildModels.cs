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

    /// <summary>
    /// Hash every file, even one whose size and modification time are the stored ones (by default such a file is
    /// unchanged without being read); a file whose bytes are the same is still not extracted again.
    /// </summary>
    public bool Rehash { get; init; }

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

/// <summary>The steps of a build, in order; each reports its own progress (<see cref="BuildProgress"/>).</summary>
public enum BuildStep
{
    /// <summary>Walking the inputs for document files.</summary>
    Finding,

    /// <summary>Checking every file (size and time, else its hash); reading, extracting and writing the new and changed ones (counted in files).</summary>
    Extracting,

    /// <summary>With <see cref="BuildOptions.Prune"/>: removing stored files that are not among the inputs (counted in files).</summary>
    Pruning,

    /// <summary>Marking the files whose citations resolve differently now, and committing.</summary>
    Writing,

    /// <summary>Resolving the citations over the whole store, counting, and finding copies of one document.</summary>
    Resolving,
}

/// <summary>
/// Progress of one build step. Every step reports once when it starts (<see cref="Done"/> 0, not <see cref="Finished"/>),
/// as it goes, and once when it ends (<see cref="Finished"/>).
/// </summary>
/// <param name="Step">The step.</param>
/// <param name="Done">Units done: files found, files processed, files pruned; 0 or 1 for a step without a count.</param>
/// <param name="Total">Units in all, or null while not known (finding files) or for a step without a count.</param>
/// <param name="File">The file just finished, if any.</param>
/// <param name="Finished">True on the step's last report.</param>
public sealed record BuildProgress(BuildStep Step, int Done, int? Total, string? File, bool Finished = false)
{
    /// <summary>What the step does, for people: "reading and extracting files".</summary>
    public string Label => LabelOf(Step);

    /// <summary>The label of a step.</summary>
    public static string LabelOf(BuildStep step) => step switch
    {
        BuildStep.Finding => "finding files",
        BuildStep.Extracting => "reading and extracting files",
        BuildStep.Pruning => "pruning files no longer among the inputs",
        BuildStep.Writing => "writing the store",
        BuildStep.Resolving => "resolving citations and counting",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Not a build step."),
    };
}

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

/// <summary>
/// What a build did. Every file found is counted once: <see cref="FilesSeen"/> = <see cref="Extracted"/> +
/// <see cref="Unchanged"/> + <see cref="FailedFiles"/>. <see cref="Failures"/> has one entry per failed file, per
/// failed JSON Lines record (<c>file#line</c>) and per input or folder that could not be walked.
/// </summary>
public sealed record BuildReport
{
    /// <summary>Document files found under the inputs (skipped ones not counted).</summary>
    public required int FilesSeen { get; init; }

    /// <summary>Files read and extracted in this build (changed or new), with at least one document.</summary>
    public required int Extracted { get; init; }

    /// <summary>Files not extracted again because they were unchanged (same size and time, or same content hash), and stored without failure.</summary>
    public required int Unchanged { get; init; }

    /// <summary>
    /// Files found that hold no document now: not read (unreadable, over a limit), read without a document (empty,
    /// binary, damaged), or unchanged and stored as failed.
    /// </summary>
    public int FailedFiles { get; init; }

    /// <summary>Files stored with their documents but with JSON Lines records that failed (this build, or an unchanged file's stored record of it).</summary>
    public int PartlyFailed { get; init; }

    /// <summary>Inputs and folders that could not be walked (missing, unreadable, a link loop): each is in <see cref="Failures"/>.</summary>
    public int InputsNotRead { get; init; }

    /// <summary>Files and folders the walk passed over on purpose (hidden, corpus description files), each with why.</summary>
    public IReadOnlyList<FileFailure> Skipped { get; init; } = [];

    /// <summary>
    /// Files read in this build whose document is none of the known kinds: stored as kind <c>unknown</c> (under a
    /// <c>file:</c> id, with its citations and text, so search and "cited by" still find them).
    /// </summary>
    public IReadOnlyList<string> Unrecognised { get; init; } = [];

    /// <summary>Documents asserted by several files, one of them read in this build: the copy kept and the ones merged into it, with why.</summary>
    public IReadOnlyList<KvGraph.Core.Resolution.DocumentCopies> Copies { get; init; } = [];

    /// <summary>True when nothing could be read: no file extracted and none unchanged (no files, or every one failed).</summary>
    public bool NothingRead => Extracted == 0 && Unchanged == 0;

    /// <summary>True when this build changed the store (and so <see cref="Version"/> counts it).</summary>
    public bool Changed { get; init; }

    /// <summary>Files removed by <see cref="BuildOptions.Prune"/>.</summary>
    public required int Pruned { get; init; }

    public required IReadOnlyList<FileFailure> Failures { get; init; }

    /// <summary>What was repaired or noticed without failing: NUL bytes removed from a text, a folder reached twice by links.</summary>
    public IReadOnlyList<FileFailure> Warnings { get; init; } = [];

    /// <summary>Stored files a prune kept because they lie under a folder this build could not read or an input that is missing.</summary>
    public int KeptUnreached { get; init; }

    /// <summary>
    /// The store's change counter after the build: how many builds have changed it (a build that changes nothing
    /// leaves it as it was). Called "version" in the store's change feed (<see cref="IKvStore.CurrentVersion"/>).
    /// </summary>
    public required long Version { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Counts over the whole store after the build.</summary>
    public required StoreStats Stats { get; init; }
}
