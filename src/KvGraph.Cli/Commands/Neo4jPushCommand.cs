using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph push [--store] --neo4j &lt;url&gt; [--database neo4j] [--user] [--reset] [--batch-rows N] [--parallel N] [--relationship-lanes N]</c>: sends
/// what changed in the store since the last push to Neo4j (constraints first, row-sized batched MERGE in parallel,
/// resumable; the push state is a table in the store), then prints the counters.
/// </summary>
public static class Neo4jPushCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = new Neo4jConnection();
        var state = new Option<string?>("--state") { Description = "An old push state file to take over once (default: <store>.neo4j-push.json); the push state now lives in the store" };
        var reset = new Option<bool>("--reset") { Description = "Delete every KvGraph node in the database and push everything again" };
        var batch = new Option<int>("--batch-rows") { Description = "Node or relationship rows per transaction (default 2000); a large file is split", DefaultValueFactory = _ => new PushOptions().BatchRows };
        var parallel = new Option<int>("--parallel") { Description = "Transactions in flight at once (default 4)", DefaultValueFactory = _ => new PushOptions().Parallelism };
        var lanes = new Option<int>("--relationship-lanes") { Description = "Relationship transactions in flight at once, in lanes that share no node (default 1)", DefaultValueFactory = _ => new PushOptions().RelationshipParallelism };
        var command = new Command("push", "Push the store's graph to Neo4j over HTTP: only files changed since the last push, resumable, idempotent");
        connection.AddTo(command);
        command.Options.Add(state);
        command.Options.Add(reset);
        command.Options.Add(batch);
        command.Options.Add(parallel);
        command.Options.Add(lanes);
        return command.WithAction(async (result, ct) =>
        {
            var options = connection.Options(context, result);
            var storePath = context.StorePath(result);
            if (!File.Exists(storePath))
            {
                // The existence check and its message are the read-only opener's; the push then writes its state into the store.
                context.OpenExistingStore(result).Dispose();
            }

            using var store = KvGraph.Store.KvStore.Open(storePath);
            if (result.GetValue(batch) < 1 || result.GetValue(parallel) < 1 || result.GetValue(lanes) < 1)
            {
                throw new CliUserException("--batch-rows, --parallel and --relationship-lanes must be at least 1.");
            }

            try
            {
                using var runner = await Neo4jClient.ConnectAsync(options, cancellationToken: ct).ConfigureAwait(false);
                var console = context.Console;
                console.MarkupLineInterpolated($"Neo4j {runner.Server.Version} ({runner.Server.Edition ?? "edition not reported"}) at {options.Url}, via {runner.Server.Api} {runner.Server.CommitEndpoint.AbsolutePath}");
                var ledger = store.PushLedger(options.PushTarget);
                var legacyPath = result.GetValue(state) ?? PushState.LegacyPathFor(storePath);
                if (PushState.MigrateLegacyFile(legacyPath, ledger) is > 0 and var migrated)
                {
                    console.MarkupLineInterpolated($"Took over {migrated} files from the old push state file {legacyPath} (renamed to .migrated).");
                }

                var pushState = PushState.Open(ledger);
                if (result.GetValue(reset))
                {
                    var deleted = await GraphPusher.DeleteAllAsync(runner, cancellationToken: ct).ConfigureAwait(false);
                    pushState.Clear();
                    console.MarkupLineInterpolated($"Reset: deleted {deleted} KvGraph nodes.");
                }

                var pusher = new GraphPusher(runner, new PushOptions { BatchRows = result.GetValue(batch), Parallelism = result.GetValue(parallel), RelationshipParallelism = result.GetValue(lanes) });
                var source = FactsSource.FromStore(store);
                PushSummary summary = null!;
                if (console.Profile.Capabilities.Interactive)
                {
                    await console.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .StartAsync(async ctx =>
                        {
                            var task = ctx.AddTask("pushing", maxValue: 1);
                            summary = await pusher.PushAsync(source, pushState, new Reporter<PushProgress>(p =>
                            {
                                task.MaxValue = Math.Max(1, p.FilesToPush);
                                task.Value = p.FilesDone;
                            }), ct).ConfigureAwait(false);
                            task.Value = task.MaxValue;
                        }).ConfigureAwait(false);
                }
                else
                {
                    summary = await pusher.PushAsync(source, pushState, null, ct).ConfigureAwait(false);
                }

                Print(console, summary, $"{storePath} (table push_files, target {ledger.Target})");
                return summary.Failures.Count > 0 ? 1 : 0;
            }
            catch (Neo4jException e)
            {
                // Permanent errors stop the push; the state keeps every committed batch, so the next push resumes.
                throw new CliUserException($"push stopped: {e.Message}", e);
            }
        });
    }

    private static void Print(IAnsiConsole console, PushSummary s, string statePath)
    {
        if (s.StateReset)
        {
            console.MarkupLine("[yellow]The database held no KvGraph nodes although the push state listed files: it was emptied or replaced, so everything was pushed again.[/]");
        }

        console.MarkupLineInterpolated($"{s.FilesInSource} files in the store: {s.FilesPushed} pushed, {s.FilesUnchanged} unchanged, {s.FilesRemoved} removed, {s.Failures.Count} failed; {s.Batches} transactions, {s.Retries} retries, {s.Elapsed.TotalSeconds:0.00} s");
        if (s.Elapsed.TotalSeconds > 0 && s.EdgeRows > 0)
        {
            console.MarkupLineInterpolated($"{s.EdgeRows / s.Elapsed.TotalSeconds:0} relationships/s, {(s.NodeRows + s.EdgeRows) / s.Elapsed.TotalSeconds:0} rows/s");
        }

        if (s.Phases.Count > 0)
        {
            console.MarkupLineInterpolated($"time by phase: {string.Join(", ", s.Phases.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s"))}");
        }

        var t = new Table().AddColumn("counter").AddColumn(new TableColumn("value").RightAligned());
        t.AddRow("node rows sent", s.NodeRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        t.AddRow("relationship rows sent", s.EdgeRows.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (k, v) in s.Counters.Where(c => c.Value != 0).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            t.AddRow(k.Replace('_', ' '), v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        t.AddRow("[bold]nodes in Neo4j[/]", s.NodesInDatabase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        t.AddRow("[bold]relationships in Neo4j[/]", s.RelationshipsInDatabase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(t);
        foreach (var f in s.Failures.Take(50))
        {
            console.MarkupLineInterpolated($"[red]failed[/] {f.File}: {f.Reason}");
        }

        console.MarkupLineInterpolated($"Push state: {statePath}");
    }

    private sealed class Reporter<T>(Action<T> action) : IProgress<T>
    {
        public void Report(T value) => action(value);
    }
}
