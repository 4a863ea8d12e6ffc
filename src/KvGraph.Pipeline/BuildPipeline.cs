using System.Collections.Concurrent;
using System.Diagnostics;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Store;

namespace KvGraph.Pipeline;

/// <summary>
/// The build: enumerate the inputs, check every file, extract the new and changed ones in parallel (a bounded
/// producer/consumer: extraction is CPU-bound, the store wants one writer), and hand each file's result to ONE store
/// write session, committed at the end. A crash or cancellation before the commit leaves the previous build's state.
/// <list type="bullet">
/// <item>Unchanged: same extractor fingerprint (Core's and Ingest's module version ids and the extractor type, so a new recogniser
/// re-extracts everything once) and either the same size and modification time as stored → not read at all, or (with
/// <see cref="BuildOptions.Rehash"/>, or a new time) the same SHA-256 of the bytes → not extracted, the new time stored.</item>
/// <item>Changed or new: extracted, with the document's aliases, raw graph facts and stored form prepared on the worker;
/// the store replaces that file's own rows.</item>
/// <item>Files in the store but not among this build's inputs stay, unless <see cref="BuildOptions.Prune"/>; even then
/// files under a folder the walk could not read (or an input that is missing) stay, since they are not known to be gone.</item>
/// <item>A file that cannot be read, or is over the size or time limit (<see cref="BuildOptions.MaxFileBytes"/>,
/// <see cref="BuildOptions.FileTimeout"/>), is reported and keeps what an earlier build stored for it; the time limit
/// means one slow file cannot hold the build's single transaction open for the others.</item>
/// <item>A file that cannot be read or extracted is stored as failed with its reason and reported; so is a file that
/// keeps failing, on every build.</item>
/// </list>
/// </summary>
public static class BuildPipeline
{
    /// <summary>How many outcomes of files found unchanged a worker hands to the writer at once (see <see cref="Run(IKvStore, BuildInputs, BuildOptions?, IProgress{BuildProgress}?, CancellationToken)"/>).</summary>
    internal const int BatchSize = 256;

    /// <summary>Walks the inputs (files and folders, folders recursively): the files a build would read, and what it would report about the inputs.</summary>
    public static BuildInputs Find(IReadOnlyList<string> inputs, IProgress<BuildProgress>? progress = null)
    {
        progress?.Report(new BuildProgress(BuildStep.Finding, 0, null, null));
        var found = BuildInputs.Find(inputs);
        progress?.Report(new BuildProgress(BuildStep.Finding, found.Files.Count, found.Files.Count, null, Finished: true));
        return found;
    }

    /// <summary>Builds <paramref name="inputs"/> (files and folders, folders recursively) into <paramref name="store"/>.</summary>
    /// <param name="progress">Reported on the calling thread: each step's start, every file, each step's end.</param>
    public static BuildReport Run(IKvStore store, IReadOnlyList<string> inputs, BuildOptions? options = null, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Run(store, Find(inputs, progress), options, progress, cancellationToken);

    /// <summary>
    /// Builds the files <paramref name="found"/> lists into <paramref name="store"/>. When it lists no file at all, the
    /// store is not touched (no write, no prune) and the report says that nothing was read.
    /// </summary>
    public static BuildReport Run(IKvStore store, BuildInputs found, BuildOptions? options = null, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(found);
        options ??= new BuildOptions();
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<FileFailure>(found.Problems);
        var warnings = new ConcurrentBag<FileFailure>(found.Warnings);
        var paths = found.Files;
        if (paths.Count == 0)
        {
            return new BuildReport
            {
                FilesSeen = 0,
                Extracted = 0,
                Unchanged = 0,
                Pruned = 0,
                InputsNotRead = found.Problems.Count,
                Failures = [.. failures.OrderBy(f => f.File, StringComparer.Ordinal)],
                Warnings = [.. warnings.OrderBy(f => f.File, StringComparer.Ordinal)],
                Skipped = found.Skipped,
                Version = store.CurrentVersion,
                Elapsed = clock.Elapsed,
                Stats = store.Stats(),
            };
        }

        var jobs = options.Jobs > 0 ? options.Jobs : Environment.ProcessorCount;
        var worker = new FileWorker(options.Extractor, options, jobs);

        using var session = store.BeginWrite();
        // The workers read this copy while the writer changes the session's own. Copied from a dictionary with the same
        // comparer, the entries are taken over with their hash codes, not hashed and inserted one by one.
        var known = new Dictionary<string, StoredFile>(session.Files, StringComparer.Ordinal);
        // The workers hand their outcomes over in batches: one hand-over per file (100,000 for a build in which nothing
        // changed, each a wake-up of the writer or a spin of a worker on the full queue) cost more CPU than the workers'
        // checks themselves. A batch goes as soon as it holds a file to write, so the writer still gets extracted files
        // (and their memory) as they come; files found unchanged wait for a batch of BatchSize.
        using var results = new BlockingCollection<List<FileOutcome>>(boundedCapacity: Math.Max(16, jobs * 4));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            () =>
            {
                try
                {
                    Parallel.ForEach(
                        paths,
                        new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = stop.Token },
                        () => new List<FileOutcome>(),
                        (path, _, batch) =>
                        {
                            var outcome = worker.Process(path, known.GetValueOrDefault(path));
                            batch.Add(outcome);
                            if (outcome.Record is null && batch.Count < BatchSize)
                            {
                                return batch;
                            }

                            results.Add(batch, stop.Token);
                            return [];
                        },
                        batch =>
                        {
                            if (batch.Count > 0)
                            {
                                results.Add(batch, stop.Token);
                            }
                        });
                }
                finally
                {
                    results.CompleteAdding();
                }
            },
            CancellationToken.None);

        int extracted = 0, unchanged = 0, failed = 0, partly = 0, pruned = 0, keptUnreached = 0, done = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        var unrecognised = new List<string>();
        progress?.Report(new BuildProgress(BuildStep.Extracting, 0, paths.Count, null));
        try
        {
            foreach (var outcome in results.GetConsumingEnumerable(cancellationToken).SelectMany(batch => batch))
            {
                var result = FileWorker.KeepEarlierRecords(outcome, session);
                done++;
                foreach (var w in result.Warnings)
                {
                    warnings.Add(w);
                }

                if (result.Record is null && result.Failures.Count > 0)
                {
                    // Not read (unreadable, over a limit): reported, and what the store holds for it stays.
                    failed++;
                    foreach (var f in result.Failures)
                    {
                        failures.Add(f);
                    }
                }
                else if (result.Record is not { } record)
                {
                    if (result.Restat is { } stat)
                    {
                        session.Restat(result.Path, stat.Size, stat.Modified);
                    }

                    // Still broken: report it again, so every build's exit code tells the truth about the store.
                    var stored = known.GetValueOrDefault(result.Path);
                    if (stored is { Status: "failed" })
                    {
                        failed++;
                    }
                    else
                    {
                        unchanged++;
                        partly += stored?.Error is null ? 0 : 1;
                    }

                    if (stored?.Error is { } error)
                    {
                        failures.Add(new FileFailure(result.Path, error));
                    }
                }
                else
                {
                    session.Write(record);
                    written.Add(record.Path);
                    if (record.Documents.Count > 0)
                    {
                        extracted++;
                        partly += result.Failures.Count > 0 ? 1 : 0;
                    }
                    else
                    {
                        failed++;
                    }

                    if (record.Documents.Any(d => d.Document.Doc.Kind == DocumentKind.Unknown))
                    {
                        unrecognised.Add(record.Path);
                    }

                    foreach (var f in result.Failures)
                    {
                        failures.Add(f);
                    }
                }

                progress?.Report(new BuildProgress(BuildStep.Extracting, done, paths.Count, result.Path));
            }

            producer.GetAwaiter().GetResult();
        }
        catch
        {
            // The session is rolled back when it is disposed; stop the extractors before the queue goes away.
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        progress?.Report(new BuildProgress(BuildStep.Extracting, done, paths.Count, null, Finished: true));
        if (options.Prune)
        {
            var inputSet = paths.ToHashSet(StringComparer.Ordinal);
            var gone = known.Keys.Where(p => !inputSet.Contains(p)).ToList();
            progress?.Report(new BuildProgress(BuildStep.Pruning, 0, gone.Count, null));
            for (var i = 0; i < gone.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var path = gone[i];

                // Under a folder this build could not read, or a missing input: not known to be gone, so kept.
                if (found.Walk.IsUnreached(path))
                {
                    keptUnreached++;
                }
                else if (session.Remove(path))
                {
                    pruned++;
                }

                progress?.Report(new BuildProgress(BuildStep.Pruning, i + 1, gone.Count, path));
            }

            progress?.Report(new BuildProgress(BuildStep.Pruning, gone.Count, gone.Count, null, Finished: true));
        }

        progress?.Report(new BuildProgress(BuildStep.Writing, 0, null, null));
        var changing = session.Version;
        var version = session.Commit();
        progress?.Report(new BuildProgress(BuildStep.Writing, 1, null, null, Finished: true));

        progress?.Report(new BuildProgress(BuildStep.Resolving, 0, null, null));
        var stats = store.Stats();

        // Copies the resolver merged where one of the files was read in this build: what this build merged anew (none
        // when it wrote no file, so the store is not asked).
        var copies = written.Count == 0
            ? []
            : store.Copies(written).Where(c => written.Contains(c.Kept.File) || c.Merged.Any(m => written.Contains(m.Copy.File))).ToList();
        progress?.Report(new BuildProgress(BuildStep.Resolving, 1, null, null, Finished: true));
        return new BuildReport
        {
            FilesSeen = paths.Count,
            Extracted = extracted,
            Unchanged = unchanged,
            FailedFiles = failed,
            PartlyFailed = partly,
            InputsNotRead = found.Problems.Count,
            Pruned = pruned,
            Failures = [.. failures.OrderBy(f => f.File, StringComparer.Ordinal)],
            Warnings = [.. warnings.OrderBy(f => f.File, StringComparer.Ordinal)],
            Skipped = found.Skipped,
            Unrecognised = [.. unrecognised.Order(StringComparer.Ordinal)],
            Copies = copies,
            KeptUnreached = keptUnreached,
            Changed = version == changing,
            Version = version,
            Elapsed = clock.Elapsed,
            Stats = stats,
        };
    }
}
