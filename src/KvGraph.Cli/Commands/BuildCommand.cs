using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Pipeline;
using KvGraph.Store;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph build &lt;files-or-folders…&gt; [--store] [--prune] [--jobs N] [--force] [--chains] [--max-file-mb N] [--file-timeout S]</c>:
/// ingest into the store, then a summary, then one line per failure (<c>failed: file: reason</c>) and per warning.
/// Exit code 1 when any file, record or folder failed (the rest is stored), 0 otherwise.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Argument<string[]>("files-or-folders") { Description = "Files and folders to ingest (folders recursively)", Arity = ArgumentArity.OneOrMore };
        var prune = new Option<bool>("--prune") { Description = "Remove files from the store that are not among the inputs of this build" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Parallel extraction workers (default: processor count)" };
        var force = new Option<bool>("--force") { Description = "Re-extract every file, even when unchanged" };
        var chains = new Option<bool>("--chains") { Description = "After the summary, show the citation chains found (what each question/answer cites, two steps deep)" };
        var maxFileMb = new Option<double>("--max-file-mb")
        {
            Description = "Files larger than this many megabytes are not read but reported (what an earlier build stored for them is kept)",
            DefaultValueFactory = _ => BuildOptions.DefaultMaxFileBytes / (1024.0 * 1024.0),
        };
        var fileTimeout = new Option<double>("--file-timeout")
        {
            Description = "Seconds of wall-clock time allowed to read and extract one file; a slower file is abandoned and reported",
            DefaultValueFactory = _ => BuildOptions.DefaultFileTimeout.TotalSeconds,
        };
        var command = new Command("build", "Ingest files and folders into the store: extract, resolve, index; then print a summary")
        {
            inputs, prune, jobs, force, chains, maxFileMb, fileTimeout,
        };
        return command.WithAction(result =>
        {
            var console = context.Console;
            var path = context.StorePath(result);
            var log = context.LoggerFactory.CreateLogger("kvgraph.build");
            if (result.GetValue(jobs) < 0)
            {
                throw new CliUserException("--jobs must be 0 (processor count) or more.");
            }

            var mb = result.GetValue(maxFileMb);
            if (!(mb > 0) || mb > 1024 * 1024)
            {
                throw new CliUserException($"--max-file-mb must be more than 0 (and at most 1048576); got {mb.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }

            var seconds = result.GetValue(fileTimeout);
            if (!(seconds > 0) || seconds > 24 * 3600)
            {
                throw new CliUserException($"--file-timeout must be more than 0 seconds (and at most 86400); got {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
            }

            var options = new BuildOptions
            {
                Prune = result.GetValue(prune),
                Jobs = result.GetValue(jobs),
                Force = result.GetValue(force),
                MaxFileBytes = (long)(mb * 1024 * 1024),
                FileTimeout = TimeSpan.FromSeconds(seconds),
            };

            using var store = KvStore.Open(path);
            var paths = result.GetValue(inputs) ?? [];
            BuildReport report;
            if (console.Profile.Capabilities.Interactive)
            {
                report = null!;
                console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("extracting", maxValue: 1);
                        report = BuildPipeline.Run(store, paths, options, new Reporter(p =>
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                        }));
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                // Not a terminal (a script, CI): progress goes to the log at Debug (KVGRAPH_Logging__LogLevel__Default=Debug).
                report = BuildPipeline.Run(store, paths, options, log.IsEnabled(LogLevel.Debug)
                    ? new Reporter(p => log.LogDebug("Built {Done}/{Total}: {File}", p.Done, p.Total, p.File))
                    : null);
            }

            log.LogInformation("Build of {Files} files took {Elapsed}", report.FilesSeen, report.Elapsed);
            console.MarkupLine($"[bold]Store[/] {Render.E(path)} (version {report.Version})");
            console.MarkupLine(
                $"{report.FilesSeen} files: {report.Extracted} extracted, {report.Unchanged} unchanged, {report.Failures.Select(f => f.File.Split('#')[0]).Distinct(StringComparer.Ordinal).Count()} failed, {report.Pruned} pruned, in {report.Elapsed.TotalSeconds:0.00} s");
            Render.Stats(console, report.Stats);
            if (result.GetValue(chains))
            {
                TraceCommand.WriteChains(console, store);
            }

            // One line per failure and per warning, written as is (never wrapped to the console's width), so each
            // names the file and the reason on one line that a script can grep.
            var raw = console.Profile.Out.Writer;
            if (report.KeptUnreached > 0)
            {
                raw.WriteLine($"kept {report.KeptUnreached} stored file(s) under folders this build could not read (or inputs that are missing): not pruned");
            }

            foreach (var w in report.Warnings)
            {
                raw.WriteLine($"warning: {OneLine(w.File)}: {OneLine(w.Reason)}");
            }

            if (report.Failures.Count > 0)
            {
                raw.WriteLine($"Files that failed ({report.Failures.Count}):");
                foreach (var f in report.Failures)
                {
                    raw.WriteLine($"failed: {OneLine(f.File)}: {OneLine(f.Reason)}");
                }

                raw.Flush();
                return 1;
            }

            raw.Flush();
            return 0;
        });
    }

    /// <summary>A file name or reason as one printable line: line breaks and other control characters shown escaped.</summary>
    internal static string OneLine(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = char.IsControl(c) ? sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Progress reported synchronously on the writer thread (Progress&lt;T&gt; would post to the thread pool and lag).</summary>
    private sealed class Reporter(Action<BuildProgress> action) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => action(value);
    }
}
