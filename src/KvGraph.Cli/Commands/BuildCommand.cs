using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Pipeline;
using KvGraph.Store;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph build &lt;files-or-folders…&gt; [--store] [--prune] [--jobs N] [--force] [--chains]</c>: ingest into the store, then a summary.
/// Exit code 1 when any file failed (the rest is stored), 0 otherwise.
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
        var command = new Command("build", "Ingest files and folders into the store: extract, resolve, index; then print a summary")
        {
            inputs, prune, jobs, force, chains,
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

            var options = new BuildOptions { Prune = result.GetValue(prune), Jobs = result.GetValue(jobs), Force = result.GetValue(force) };

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

            if (report.Failures.Count > 0)
            {
                var t = new Table().Title("[red]Files that failed[/]").AddColumn("file").AddColumn("reason");
                foreach (var f in report.Failures.Take(200))
                {
                    t.AddRow(Render.E(f.File), Render.E(f.Reason));
                }

                console.Write(t);
                if (report.Failures.Count > 200)
                {
                    console.MarkupLine($"… and {report.Failures.Count - 200} more.");
                }

                return 1;
            }

            return 0;
        });
    }

    /// <summary>Progress reported synchronously on the writer thread (Progress&lt;T&gt; would post to the thread pool and lag).</summary>
    private sealed class Reporter(Action<BuildProgress> action) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => action(value);
    }
}
