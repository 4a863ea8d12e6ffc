using System.Collections.Concurrent;
using System.Diagnostics;
using KvGraph.Core.Extraction;
using KvGraph.Store;

namespace KvGraph.Pipeline;

/// <summary>
/// The build: enumerate the inputs, hash every file, extract the new and changed ones in parallel (a bounded
/// producer/consumer: extraction is CPU-bound, the store wants one writer), and hand each file's result to ONE store
/// write session, committed at the end. A crash or cancellation before the commit leaves the previous build's state.
/// <list type="bullet">
/// <item>Unchanged: same SHA-256 of the bytes and same extractor fingerprint (the core assembly's MVID and the extractor
/// type, so a new recogniser re-extracts everything once) → not read, not extracted.</item>
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
    /// <summary>Builds <paramref name="inputs"/> (files and folders, folders recursively) into <paramref name="store"/>.</summary>
    /// <param name="progress">Reported on the writer thread after every file (written or skipped).</param>
    public static BuildReport Run(IKvStore store, IReadOnlyList<string> inputs, BuildOptions? options = null, IProgress<BuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new BuildOptions();
        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<FileFailure>();
        var warnings = new ConcurrentBag<FileFailure>();
        var walk = Inputs.Enumerate(inputs, failures, warnings);
        var paths = walk.Files;
        var jobs = options.Jobs > 0 ? options.Jobs : Environment.ProcessorCount;
        var worker = new FileWorker(options.Extractor ?? Extractor.Default, options, jobs);

        using var session = store.BeginWrite();
        var known = session.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        using var results = new BlockingCollection<FileOutcome>(boundedCapacity: Math.Max(16, jobs * 4));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            () =>
            {
                try
                {
                    Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = stop.Token },
                        path => results.Add(worker.Process(path, known.GetValueOrDefault(path)), stop.Token));
                }
                finally
                {
                    results.CompleteAdding();
                }
            },
            CancellationToken.None);

        int extracted = 0, unchanged = 0, pruned = 0, keptUnreached = 0, done = 0;
        try
        {
            foreach (var outcome in results.GetConsumingEnumerable(cancellationToken))
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
                    foreach (var f in result.Failures)
                    {
                        failures.Add(f);
                    }
                }
                else if (result.Record is not { } record)
                {
                    unchanged++;

                    // Still broken: report it again, so every build's exit code tells the truth about the store.
                    if (known.GetValueOrDefault(result.Path)?.Error is { } error)
                    {
                        failures.Add(new FileFailure(result.Path, error));
                    }
                }
                else
                {
                    session.Write(record);
                    if (record.Documents.Count > 0)
                    {
                        extracted++;
                    }

                    foreach (var f in result.Failures)
                    {
                        failures.Add(f);
                    }
                }

                progress?.Report(new BuildProgress(done, paths.Count, result.Path));
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

        if (options.Prune)
        {
            var inputSet = paths.ToHashSet(StringComparer.Ordinal);
            foreach (var path in known.Keys.Where(p => !inputSet.Contains(p)))
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Under a folder this build could not read, or a missing input: not known to be gone, so kept.
                if (walk.IsUnreached(path))
                {
                    keptUnreached++;
                    continue;
                }

                if (session.Remove(path))
                {
                    pruned++;
                }
            }
        }

        var version = session.Commit();
        return new BuildReport
        {
            FilesSeen = paths.Count,
            Extracted = extracted,
            Unchanged = unchanged,
            Pruned = pruned,
            Failures = [.. failures.OrderBy(f => f.File, StringComparer.Ordinal)],
            Warnings = [.. warnings.OrderBy(f => f.File, StringComparer.Ordinal)],
            KeptUnreached = keptUnreached,
            Version = version,
            Elapsed = clock.Elapsed,
            Stats = store.Stats(),
        };
    }
}
