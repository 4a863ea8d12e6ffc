using System.Globalization;
using System.Security.Cryptography;
using KvGraph.Core.Extraction;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Resolution;
using KvGraph.Ingest;
using KvGraph.Store;

namespace KvGraph.Pipeline;

/// <summary>
/// What a worker thread does with one input file: check its size against the limit; skip it without reading when the
/// store holds it with the same size and modification time from the same extractor (unless <see cref="BuildOptions.Rehash"/>
/// or <see cref="BuildOptions.Force"/>); else hash it, skip it when the store holds the same bytes from the same
/// extractor, else read and extract it (within the per-file time limit) and prepare each document's aliases, facts and
/// stored form for the writer.
/// <para>
/// A file that cannot be processed at all (unreadable, over the size limit, over the time limit) keeps what an earlier
/// build stored for it: it is reported, and its stored facts stay until it can be read again. A file whose bytes can be
/// read but are not a document (empty, binary, a damaged PDF) replaces its stored facts with the failure, as before.
/// </para>
/// </summary>
internal sealed class FileWorker
{
    // Null for the default extractor, which is made (its recognisers, their patterns and tables) only when a file is
    // extracted: a build in which no file changed never needs it.
    private readonly IExtractor? _extractor;
    private readonly bool _force;
    private readonly bool _rehash;
    private readonly int _jobs;
    private readonly long _maxBytes;
    private readonly TimeSpan _timeout;

    /// <param name="extractor">The extractor; null = <see cref="Extractor.Default"/>, made at the first file extracted.</param>
    public FileWorker(IExtractor? extractor, BuildOptions options, int jobs)
    {
        _extractor = extractor;
        _force = options.Force;
        _rehash = options.Rehash;
        _jobs = jobs;
        _maxBytes = options.MaxFileBytes;
        _timeout = options.FileTimeout;
        Fingerprint = $"{Module(typeof(Extractor))}{Module(typeof(FileContent))}:{(extractor?.GetType() ?? typeof(Extractor)).FullName}";
    }

    // An assembly's module version id: the compiler's hash of its sources, options and references (paths mapped: Directory.Build.props).
    private static string Module(Type type) => type.Assembly.ManifestModule.ModuleVersionId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>
    /// The extractor fingerprint stored with every file: the module version ids of the assemblies whose code turns a file's
    /// bytes into documents (Core: readers, recognisers, the stored form; Ingest: decoding, PDF text, JSON lines), and the
    /// extractor type. A change to either assembly, or to a package they reference, re-extracts every file once.
    /// </summary>
    public string Fingerprint { get; }

    public FileOutcome Process(string path, StoredFile? known)
    {
        string hash;
        long size = 0;
        DateTimeOffset mtime = DateTimeOffset.UnixEpoch;
        try
        {
            var info = new FileInfo(path);
            size = info.Length;
            mtime = info.LastWriteTimeUtc;
            if (size > _maxBytes)
            {
                return Unprocessed(path, size, mtime, known,
                    $"the file is {Megabytes(size)}, over the limit of {Megabytes(_maxBytes)} per file (--max-file-mb); not read");
            }

            if (!_force && !_rehash && known is not null && SameStat(known, size, mtime) && known.Extractor == Fingerprint)
            {
                return new FileOutcome(path, null, [], []);
            }

            using var stream = File.OpenRead(path);
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (Racy(mtime, DateTimeOffset.UtcNow))
            {
                mtime = Smudged;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unprocessed(path, size, mtime, known, $"cannot read the file ({e.Message})");
        }

        if (!_force && known is not null && known.Hash == hash && known.Extractor == Fingerprint)
        {
            // The same bytes under a new time (touched, checked out again, or hashed too soon after a write last time):
            // the store takes the new size and time, so the next build can skip the file without reading it.
            return new FileOutcome(path, null, [], [], known.Size == size && known.Modified == mtime ? null : new FileStat(size, mtime));
        }

        // Reading and extracting run on a thread of their own, so one slow file cannot hold the build: past the time
        // limit the work is told to stop (the extractor checks between stages, in its recognisers' loops and every few
        // hundred citations or entities; JSON Lines between records), abandoned, and the file reported.
        // The thread is this worker thread's own and is reused file after file (a thread started per file cost about
        // as much as extracting a small file); an abandoned one is left to its work and replaced.
        using var stop = new CancellationTokenSource();
        var runner = t_runner is { } own && own.TryStart(() => ReadAndExtract(path, hash, size, mtime, known, stop.Token)) ? own : null;
        if (runner is null)
        {
            runner = t_runner = new ExtractionThread();
            if (!runner.TryStart(() => ReadAndExtract(path, hash, size, mtime, known, stop.Token)))
            {
                throw new InvalidOperationException("A new extraction thread refused its first file.");
            }
        }

        if (!runner.TryResult(_timeout, out var outcome))
        {
            stop.Cancel();
            t_runner = null;
            return Unprocessed(path, size, mtime, known,
                $"reading and extracting took longer than the limit of {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s per file (--file-timeout); abandoned");
        }

        return outcome;
    }

    /// <summary>The extraction thread of the calling worker thread (<see cref="ExtractionThread"/>), or null before its first file or after one was abandoned.</summary>
    [ThreadStatic]
    private static ExtractionThread? t_runner;

    private FileOutcome ReadAndExtract(string path, string hash, long size, DateTimeOffset mtime, StoredFile? known, CancellationToken stop)
    {
        FileContent content;
        try
        {
            content = FileSource.Load(path);
        }
        catch (DocumentFormatException e)
        {
            return Failed(path, hash, size, mtime, e.Reason);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Listed, then gone or locked: nothing was read, so what the store holds for it stays.
            return Unprocessed(path, size, mtime, known, $"cannot read the file ({e.Message})");
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OutOfMemoryException)
        {
            return Failed(path, hash, size, mtime, $"cannot read the file ({e.GetType().Name}: {e.Message})");
        }

        // A JSON Lines file holds thousands of records: extract them in parallel too, keeping their order.
        var sources = content.Documents;
        var slots = new DocumentRecord?[sources.Count];
        var slotFailures = new FileFailure?[sources.Count];
        void ExtractOne(int i)
        {
            var source = sources[i];
            try
            {
                slots[i] = Prepare((_extractor ?? Extractor.Default).Extract(source, stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Abandoned past the time limit: stop here, the file is already reported.
                throw;
            }
            catch (DocumentFormatException e)
            {
                slotFailures[i] = new FileFailure(source.File, e.Reason);
            }
#pragma warning disable CA1031 // A bug in one recogniser must not stop the build; the file is reported with the reason.
            catch (Exception e)
#pragma warning restore CA1031
            {
                slotFailures[i] = new FileFailure(source.File, $"extraction failed ({e.GetType().Name}: {e.Message})");
            }
        }

        if (sources.Count > 8)
        {
            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = stop }, ExtractOne);
        }
        else
        {
            for (var i = 0; i < sources.Count; i++)
            {
                stop.ThrowIfCancellationRequested();
                ExtractOne(i);
            }
        }

        var docs = slots.OfType<DocumentRecord>().ToList();
        var failures = content.Problems.Select(p => new FileFailure(p.Location, p.Reason))
            .Concat(slotFailures.OfType<FileFailure>())
            .OrderBy(f => f.File, StringComparer.Ordinal)
            .ToList();
        var error = FileError(docs.Count, failures);
        var warnings = content.Warnings.Select(w => new FileFailure(path, w)).ToList();
        return new FileOutcome(path, new FileRecord(path, hash, size, mtime, Fingerprint, docs, error), failures, warnings);
    }

    /// <summary>What the store keeps as a file's error: the reason, or how many of its records failed and the first (each record is a document or a failure).</summary>
    private static string? FileError(int documents, IReadOnlyList<FileFailure> failures) =>
        failures.Count == 0 ? null
        : documents == 0 && failures.Count == 1 ? failures[0].Reason
        : $"{failures.Count} of {documents + failures.Count} records failed; first: {failures[0].File}: {failures[0].Reason}";

    /// <summary>Said of a JSON Lines line that is broken now but held a record in an earlier build.</summary>
    internal const string EarlierRecordKept = "; the record an earlier build stored from this line is kept";

    /// <summary>
    /// On the writer thread, before a re-extracted file is written: a JSON Lines record (<c>file#line</c>) that failed
    /// now but was stored by an earlier build keeps that earlier record, so one line broken by a bad edit or a write that
    /// died loses nothing already stored. Its failure is still reported, saying the earlier record is kept; once the line
    /// is fixed, the next build stores what it says now. An earlier record whose document id another line now holds is
    /// not kept (the line moved). Other outcomes pass through unchanged.
    /// </summary>
    public static FileOutcome KeepEarlierRecords(FileOutcome outcome, IStoreWriter session)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(session);
        if (outcome.Record is not { } record || record.Documents.Count == 0 || !session.Files.ContainsKey(record.Path))
        {
            return outcome;
        }

        var prefix = record.Path + "#";
        var broken = outcome.Failures.Where(f => f.File.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        if (broken.Count == 0)
        {
            return outcome;
        }

        var ids = record.Documents.Select(d => d.Document.Doc.Id).ToHashSet(StringComparer.Ordinal);
        var kept = session.StoredDocuments(record.Path).Where(d => broken.Contains(d.File) && !ids.Contains(d.Doc.Id)).ToList();
        if (kept.Count == 0)
        {
            return outcome;
        }

        var keptLines = kept.Select(d => d.File).ToHashSet(StringComparer.Ordinal);
        var failures = outcome.Failures.Select(f => keptLines.Contains(f.File) ? new FileFailure(f.File, f.Reason + EarlierRecordKept) : f).ToList();
        var documents = record.Documents.Concat(kept.Select(Prepare)).OrderBy(d => LineOf(d.Document.File)).ToList();
        var file = new FileRecord(record.Path, record.Hash, record.Size, record.Modified, record.Extractor, documents, FileError(record.Documents.Count, failures));
        return outcome with { Record = file, Failures = failures };
    }

    /// <summary>The line number of a JSON Lines record's name (<c>file#12</c> → 12); 0 for any other name.</summary>
    private static int LineOf(string name) =>
        name.LastIndexOf('#') is var hash and >= 0 && int.TryParse(name.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;

    /// <summary>A document with everything the writer needs, computed here on the worker thread.</summary>
    private static DocumentRecord Prepare(ExtractedDocument d) => new(d, DocumentAliases.For(d), GraphFacts.Facts(d));

    private FileOutcome Failed(string path, string hash, long size, DateTimeOffset mtime, string reason) =>
        new(path, new FileRecord(path, hash, size, mtime, Fingerprint, [], reason), [new FileFailure(path, reason)], []);

    /// <summary>
    /// A file that was not read (or not to the end): an earlier build's facts for it stay; a file the store held as failed
    /// for the same reason is not written again; otherwise it is stored as failed without a hash, so the next build tries again.
    /// </summary>
    private FileOutcome Unprocessed(string path, long size, DateTimeOffset mtime, StoredFile? known, string reason)
    {
        if (known is { Status: "ok" })
        {
            return new FileOutcome(path, null, [new FileFailure(path, $"{reason}; what an earlier build stored for it is kept")], []);
        }

        return known is { Status: "failed" } && known.Error == reason && known.Hash.Length == 0
            ? new FileOutcome(path, null, [new FileFailure(path, reason)], [])
            : Failed(path, string.Empty, size, mtime, reason);
    }

    /// <summary>
    /// How close to the moment it was hashed a file's modification time may be for the time to be trusted later: file
    /// systems keep modification times in steps (a kernel tick of a few milliseconds; two seconds on FAT), so a file
    /// written again within the step it was hashed in may keep its size and time while its bytes changed.
    /// </summary>
    internal static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The modification time stored for a file hashed within <see cref="RacyWindow"/> of its last write (as git smudges
    /// such index entries): it never equals a real time, so the next build hashes that file again rather than trust it.
    /// </summary>
    internal static readonly DateTimeOffset Smudged = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// Unchanged without reading it (as git and make decide): the store hashed this file before (it was read), and its
    /// size and modification time (to the 100 ns tick) are the stored ones. A smudged time (<see cref="Smudged"/>) never matches.
    /// </summary>
    internal static bool SameStat(StoredFile known, long size, DateTimeOffset mtime) =>
        known.Hash.Length > 0 && known.Size == size && known.Modified != Smudged && known.Modified == mtime;

    /// <summary>True when a file last written at <paramref name="mtime"/> was hashed too soon after (at <paramref name="hashed"/>) for its time to tell a later write apart.</summary>
    internal static bool Racy(DateTimeOffset mtime, DateTimeOffset hashed) => hashed - mtime < RacyWindow;

    private static string Megabytes(long bytes) => $"{(bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture)} MB";
}

/// <summary>
/// A worker's result for one file: the record to write (null when unchanged, or when an earlier build's record is kept),
/// the failures to report, and warnings (what was repaired).
/// </summary>
/// <param name="Restat">For an unchanged file whose stored size or modification time is not its own now: the ones to store.</param>
internal sealed record FileOutcome(string Path, FileRecord? Record, IReadOnlyList<FileFailure> Failures, IReadOnlyList<FileFailure> Warnings, FileStat? Restat = null);

/// <summary>A file's size and modification time as a build saw them (the time may be <see cref="FileWorker.Smudged"/>).</summary>
internal sealed record FileStat(long Size, DateTimeOffset Modified);

/// <summary>
/// A background thread that reads and extracts one file at a time for one pipeline worker thread, so a file over the
/// time limit can be abandoned (left running on this thread, told to stop) while the worker goes on with a new one.
/// Idle for <see cref="IdleLifetime"/>, it ends; <see cref="TryStart"/> then says no and the worker makes another.
/// </summary>
internal sealed class ExtractionThread
{
    /// <summary>How long a thread waits for its next file before it ends.</summary>
    internal static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private Func<FileOutcome>? _job;
    private FileOutcome? _result;
    private System.Runtime.ExceptionServices.ExceptionDispatchInfo? _error;
    private bool _finished;
    private bool _ended;

    public ExtractionThread()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "kvgraph extraction" };
        thread.Start();
    }

    /// <summary>Hands the thread its next file; false when the thread has ended (idle too long).</summary>
    public bool TryStart(Func<FileOutcome> job)
    {
        lock (_gate)
        {
            if (_ended || _job is not null)
            {
                return false;
            }

            _job = job;
            _finished = false;
            _result = null;
            _error = null;
            Monitor.PulseAll(_gate);
            return true;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the file's outcome; false when it is not there by then. An exception of the work is thrown here.</summary>
    public bool TryResult(TimeSpan timeout, out FileOutcome outcome)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (!_finished)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !Monitor.Wait(_gate, left))
                {
                    if (!_finished)
                    {
                        outcome = null!;
                        return false;
                    }
                }
            }

            _error?.Throw();
            outcome = _result!;
            return true;
        }
    }

    private void Loop()
    {
        while (true)
        {
            Func<FileOutcome> job;
            lock (_gate)
            {
                while (_job is null)
                {
                    if (!Monitor.Wait(_gate, IdleLifetime) && _job is null)
                    {
                        _ended = true;
                        return;
                    }
                }

                job = _job;
            }

            FileOutcome? result = null;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo? error = null;
            try
            {
                result = job();
            }
#pragma warning disable CA1031 // Handed to the worker that waits for it (thrown there), or dropped with an abandoned file, as the task was.
            catch (Exception e)
#pragma warning restore CA1031
            {
                error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }

            lock (_gate)
            {
                _result = result;
                _error = error;
                _finished = true;
                _job = null;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
