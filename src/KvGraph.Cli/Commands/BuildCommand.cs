using System.CommandLine;
using System.Globalization;
using KvGraph.Cli.Hosting;
using KvGraph.Core.Resolution;
using KvGraph.Pipeline;
using KvGraph.Store;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph build &lt;files-or-folders…&gt; [--store] [--prune] [--jobs N] [--force] [--rehash] [--chains] [--verbose] [--max-file-mb N] [--file-timeout S]</c>:
/// ingest into the store, showing each step (finding, reading and extracting n/N files, pruning, writing, resolving:
/// a progress bar per step on a terminal, plain step lines on stderr otherwise); then a summary, the store's tables,
/// and one line per warning (<c>warning: what: why</c>: empty input folders, files not recognised, copies of one
/// document merged) and per failure (<c>failed: file: reason</c>).
/// Exit code 1 when any file, record or input failed (the rest is stored) or when nothing at all could be read (then no
/// store is created), 2 for a bad option value, 0 otherwise.
/// </summary>
internal static class BuildCommand
{
    /// <summary>How many files not recognised and copies merged are named without <c>--verbose</c>.</summary>
    internal const int Named = 5;

    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("files-or-folders") { Description = "Files and folders to ingest (folders recursively)", Arity = ArgumentArity.OneOrMore };
        var prune = new Option<bool>("--prune") { Description = "Remove files from the store that are not among the inputs of this build" };
        var jobs = Options.Int("--jobs", "-j", "Parallel extraction workers; 0 = processor count", 0, 0, 256);
        var force = new Option<bool>("--force") { Description = "Re-extract every file, even when unchanged" };
        var rehash = new Option<bool>("--rehash") { Description = "Hash every file to find the changed ones, also those whose size and modification time are as stored" };
        var chains = new Option<bool>("--chains") { Description = "After the summary, show the citation chains found (what each question/answer cites, two steps deep)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Name every file skipped, every file not recognised and every copy merged (otherwise counts and the first few)" };
        var maxFileMb = Options.Number(
            "--max-file-mb",
            "Files larger than this many megabytes are not read but reported (what an earlier build stored for them is kept)",
            BuildOptions.DefaultMaxFileBytes / (1024.0 * 1024.0),
            0,
            1024 * 1024);
        var fileTimeout = Options.Number(
            "--file-timeout",
            "Seconds of wall-clock time allowed to read and extract one file; a slower file is abandoned and reported",
            BuildOptions.DefaultFileTimeout.TotalSeconds,
            0,
            24 * 3600);
        var command = new Command("build", "Ingest files and folders into the store: extract, resolve, index; then print a summary")
        {
            inputs, prune, jobs, force, rehash, chains, verbose, maxFileMb, fileTimeout,
        };
        return command.WithAction(result =>
        {
            var console = context.Console;
            var error = result.InvocationConfiguration.Error;
            var path = context.StorePath(result);
            var log = context.LoggerFactory.CreateLogger("kvgraph.build");
            var paths = result.GetValue(inputs) ?? [];
            CheckInputs(paths);
            var options = new BuildOptions
            {
                Prune = result.GetValue(prune),
                Jobs = result.GetValue(jobs),
                Force = result.GetValue(force),
                Rehash = result.GetValue(rehash),
                MaxFileBytes = (long)(result.GetValue(maxFileMb) * 1024 * 1024),
                FileTimeout = TimeSpan.FromSeconds(result.GetValue(fileTimeout)),
            };

            var existed = File.Exists(path);
            IKvStore? store = null;
            try
            {
                BuildInputs found = null!;
                BuildReport? report = null;
                void Work(IProgress<BuildProgress> progress)
                {
                    found = BuildPipeline.Find(paths, progress);

                    // No document file at all: the store is neither created nor touched (no prune of everything).
                    if (found.Files.Count > 0)
                    {
                        store = KvStore.Open(path);
                        report = BuildPipeline.Run(store, found, options, progress);
                    }
                }

                if (console.Profile.Capabilities.Interactive)
                {
                    console.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .Start(ctx => Work(new ProgressBars(ctx)));
                }
                else
                {
                    // Not a terminal (a script, CI, a log): one plain line per step and every tenth of a long step, on stderr;
                    // and every file at Debug (KVGRAPH_Logging__LogLevel__Default=Debug).
                    Work(new StepLines(error, log));
                }

                var raw = console.Profile.Out.Writer;
                var verboseOn = result.GetValue(verbose);
                if (report is null)
                {
                    WriteWarnings(raw, found.Warnings);
                    WriteSkipped(raw, found.Skipped, verboseOn);
                    WriteFailures(raw, found.Problems, found.Problems.Count, 0, 0);
                    raw.Flush();
                    error.WriteLine($"kvgraph: nothing to build: no document file was found in the inputs ({Inputs(found)}); {(existed ? $"the store {path} was not changed" : $"no store was created at {path}")}.");
                    return 1;
                }

                if (report.NothingRead && !existed)
                {
                    // Every file failed on a store this build created: leave no store behind that holds only failures.
                    store!.Dispose();
                    store = null;
                    Delete(path);
                }

                log.LogInformation("Build of {Files} files took {Elapsed}", report.FilesSeen, report.Elapsed);
                if (store is not null)
                {
                    console.MarkupLine(report.Changed
                        ? $"[bold]Store[/] {Render.E(path)}: changed by this build ({Render.E(StoreStats.BuildsThatChanged(report.Version))})"
                        : $"[bold]Store[/] {Render.E(path)}: not changed by this build ({Render.E(StoreStats.BuildsThatChanged(report.Version))})");
                }

                raw.WriteLine(Summary(report));
                raw.Flush();
                if (store is not null)
                {
                    Render.Heading(console, "The store after this build");
                    Render.Stats(console, report.Stats);
                    if (result.GetValue(chains))
                    {
                        TraceCommand.WriteChains(console, store);
                    }
                }

                // One line per warning and failure, written as is (never wrapped to the console's width), so each
                // names the file and the reason on one line that a script can grep.
                if (report.KeptUnreached > 0)
                {
                    raw.WriteLine($"kept {report.KeptUnreached} stored file(s) under folders this build could not read (or inputs that are missing): not pruned");
                }

                WriteSkipped(raw, report.Skipped, verboseOn);
                WriteUnrecognised(raw, report.Unrecognised, verboseOn);
                WriteCopies(raw, report.Copies, verboseOn);
                WriteWarnings(raw, report.Warnings);
                WriteFailures(raw, report.Failures, report.InputsNotRead, report.FailedFiles, report.PartlyFailed);
                raw.Flush();
                if (report.NothingRead)
                {
                    error.WriteLine($"kvgraph: nothing could be read: all {report.FilesSeen} file(s) found failed; {(existed ? $"the store {path} holds what earlier builds stored" : $"no store was created at {path}")}.");
                    return 1;
                }

                return report.Failures.Count > 0 ? 1 : 0;
            }
            finally
            {
                store?.Dispose();
            }
        });
    }

    /// <summary>"12 files: 10 extracted, 1 unchanged, 1 failed, 0 pruned, in 1.23 s", and what else the build met, on one line.</summary>
    internal static string Summary(BuildReport report)
    {
        var line = $"{report.FilesSeen} files: {report.Extracted} extracted, {report.Unchanged} unchanged, {report.FailedFiles} failed, {report.Pruned} pruned, in {report.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s";
        var more = new List<string>();
        if (report.PartlyFailed > 0)
        {
            more.Add($"{report.PartlyFailed} stored with failed JSON Lines records");
        }

        if (report.InputsNotRead > 0)
        {
            more.Add($"{report.InputsNotRead} input(s) or folder(s) could not be read");
        }

        if (report.Skipped.Count > 0)
        {
            more.Add($"{report.Skipped.Count} skipped");
        }

        if (report.Unrecognised.Count > 0)
        {
            more.Add($"{report.Unrecognised.Count} not recognised (stored as unknown)");
        }

        if (InSeveralFiles(report.Copies).Count is > 0 and var copies)
        {
            more.Add($"{copies} document(s) found in several files, merged");
        }

        return more.Count == 0 ? line : $"{line}; {string.Join("; ", more)}";
    }

    /// <summary>A file name or reason as one printable line: line breaks and other control characters shown escaped.</summary>
    internal static string OneLine(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>An empty or unusable input path is the user's mistake: said plainly, before anything is read or created.</summary>
    private static void CheckInputs(string[] paths)
    {
        foreach (var p in paths)
        {
            if (string.IsNullOrWhiteSpace(p))
            {
                throw new CliUserException("an input path is empty; give the files and folders to build from.");
            }

            try
            {
                _ = Path.GetFullPath(p);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                throw new CliUserException($"'{OneLine(p)}' is not a usable path ({e.Message})");
            }
        }
    }

    /// <summary>Why no document file was found: inputs not read, files skipped, or folders without files.</summary>
    private static string Inputs(BuildInputs found)
    {
        var parts = new List<string>();
        if (found.Problems.Count > 0)
        {
            parts.Add($"{found.Problems.Count} input(s) could not be read");
        }

        if (found.Skipped.Count > 0)
        {
            parts.Add($"{found.Skipped.Count} file(s) or folder(s) skipped");
        }

        return parts.Count == 0 ? "the folders hold no files" : string.Join(", ", parts);
    }

    private static void Delete(string path)
    {
        foreach (var f in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(f);
        }
    }

    private static void WriteWarnings(TextWriter raw, IEnumerable<FileFailure> warnings)
    {
        foreach (var w in warnings)
        {
            raw.WriteLine($"warning: {OneLine(w.File)}: {OneLine(w.Reason)}");
        }
    }

    /// <summary>Skipped files: by reason with counts; each named with <c>--verbose</c>.</summary>
    private static void WriteSkipped(TextWriter raw, IReadOnlyList<FileFailure> skipped, bool verbose)
    {
        if (skipped.Count == 0)
        {
            return;
        }

        raw.WriteLine($"Skipped {skipped.Count} file(s) or folder(s), not read on purpose{(verbose ? string.Empty : " (--verbose names each)")}:");
        foreach (var g in skipped.GroupBy(s => s.Reason, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            raw.WriteLine($"  {g.Count()} {OneLine(g.Key)}");
        }

        if (verbose)
        {
            foreach (var s in skipped)
            {
                raw.WriteLine($"skipped: {OneLine(s.File)}: {OneLine(s.Reason)}");
            }
        }
    }

    /// <summary>Files not recognised as any known kind: stored as kind unknown (decided: their citations and text stay findable), each named.</summary>
    private static void WriteUnrecognised(TextWriter raw, IReadOnlyList<string> files, bool verbose)
    {
        var shown = verbose ? files.Count : Math.Min(files.Count, Named);
        foreach (var f in files.Take(shown))
        {
            raw.WriteLine($"warning: {OneLine(f)}: not recognised as a question, answer, motion, letter, Kamerstuk, Handelingen or deferral; stored as kind \"unknown\" under its file name");
        }

        if (files.Count > shown)
        {
            raw.WriteLine($"warning: {files.Count - shown} more file(s) not recognised, stored as kind \"unknown\" (--verbose names each)");
        }
    }

    /// <summary>Documents with copies in other files than the kept one (<see cref="DocumentCopies.InOtherFiles"/>).</summary>
    private static List<(string Id, DocumentAliases Kept, IReadOnlyList<MergedCopy> Merged)> InSeveralFiles(IReadOnlyList<DocumentCopies> copies) =>
        [.. copies.Select(c => (c.Id, c.Kept, Merged: c.InOtherFiles)).Where(c => c.Merged.Count > 0)];

    /// <summary>Copies of one document merged into one: which file was kept and why, per copy.</summary>
    private static void WriteCopies(TextWriter raw, IReadOnlyList<DocumentCopies> copies, bool verbose)
    {
        var real = InSeveralFiles(copies);
        var shown = verbose ? real.Count : Math.Min(real.Count, Named);
        foreach (var c in real.Take(shown))
        {
            var listed = verbose ? c.Merged.Count : Math.Min(c.Merged.Count, Named);
            var merged = string.Join("; ", c.Merged.Take(listed).Select(m => $"merged {OneLine(m.Copy.File)} ({m.Why})"));
            var more = c.Merged.Count > listed ? $"; {c.Merged.Count - listed} more (--verbose names each)" : string.Empty;
            raw.WriteLine($"warning: {OneLine(c.Id)}: one document in {c.Merged.Count + 1} files: kept {OneLine(c.Kept.File)}; {merged}{more}");
        }

        if (real.Count > shown)
        {
            raw.WriteLine($"warning: {real.Count - shown} more document(s) found in several files, merged (--verbose names each)");
        }
    }

    /// <summary>The failures with a header whose counts are the summary line's.</summary>
    private static void WriteFailures(TextWriter raw, IReadOnlyList<FileFailure> failures, int inputs, int files, int partly)
    {
        if (failures.Count == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (files > 0)
        {
            parts.Add($"{files} file(s) failed");
        }

        if (partly > 0)
        {
            parts.Add($"{partly} file(s) stored with failed JSON Lines records");
        }

        if (inputs > 0)
        {
            parts.Add($"{inputs} input(s) or folder(s) could not be read");
        }

        raw.WriteLine($"Failures ({string.Join(", ", parts)}):");
        foreach (var f in failures)
        {
            raw.WriteLine($"failed: {OneLine(f.File)}: {OneLine(f.Reason)}");
        }
    }

    /// <summary>On a terminal: one progress bar per step, added when the step starts, with its count in the label.</summary>
    private sealed class ProgressBars(ProgressContext context) : IProgress<BuildProgress>
    {
        private readonly Dictionary<BuildStep, ProgressTask> _tasks = [];

        public void Report(BuildProgress value)
        {
            if (!_tasks.TryGetValue(value.Step, out var task))
            {
                _tasks[value.Step] = task = context.AddTask(Render.E(value.Label), maxValue: Math.Max(1, value.Total ?? 1));
                task.IsIndeterminate = value.Total is null;
            }

            if (value.Total is { } total)
            {
                task.IsIndeterminate = false;
                task.MaxValue = Math.Max(1, total);
                task.Value = value.Done;
                task.Description = Render.E($"{value.Label} {value.Done}/{total}");
            }

            if (value.Finished)
            {
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
                task.StopTask();
            }
        }
    }

    /// <summary>
    /// Not on a terminal: "build: reading and extracting files 0/87", then every tenth, then "…: done (87/87)". Reported
    /// synchronously on the writer thread (Progress&lt;T&gt; would post to the thread pool and lag).
    /// </summary>
    private sealed class StepLines(TextWriter error, ILogger log) : IProgress<BuildProgress>
    {
        private int _tenths;

        public void Report(BuildProgress value)
        {
            if (value is { Step: BuildStep.Extracting, File: { } file } && log.IsEnabled(LogLevel.Debug))
            {
                log.LogDebug("Built {Done}/{Total}: {File}", value.Done, value.Total, file);
            }

            var count = value.Total is { } total ? $" {value.Done}/{total}" : string.Empty;
            if (value.Finished)
            {
                error.WriteLine(value.Step == BuildStep.Finding ? $"build: {value.Label}: {value.Done} found" : $"build: {value.Label}: done{(value.Total is null ? string.Empty : $" ({value.Done}/{value.Total})")}");
            }
            else if (value.Done == 0)
            {
                _tenths = 0;
                error.WriteLine($"build: {value.Label}{count}");
            }
            else if (value.Total is { } t && t >= 20 && value.Done * 10 / t > _tenths && value.Done < t)
            {
                _tenths = value.Done * 10 / t;
                error.WriteLine($"build: {value.Label}{count}");
            }
            else
            {
                return;
            }

            error.Flush();
        }
    }
}
