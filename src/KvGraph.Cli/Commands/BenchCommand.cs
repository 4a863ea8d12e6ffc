using System.CommandLine;
using System.Globalization;
using KvGraph.Bench;
using KvGraph.Cli.Hosting;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph bench --docs N [--seed S] [--work DIR] [--reuse] [--neo4j URL] [--api-seconds T] [--clients C] [--out FILE.md]</c>:
/// the end-to-end benchmark of issue 9 on a generated corpus (<see cref="EndToEndBench"/>), printed as a table and
/// optionally written as Markdown for docs/benchmarks.md.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var docs = Options.Int("--docs", null, "Size of the generated corpus", 10_000, 100, 10_000_000);
        var seed = Options.Int("--seed", null, "Seed of the generated corpus", 11, 0, int.MaxValue);
        var work = new Option<string?>("--work") { Description = "Folder for the corpus and the store (default: a folder under the system temp folder named after size and seed)" };
        var reuse = new Option<bool>("--reuse") { Description = "Keep a corpus generated earlier in --work with the same size and seed" };
        var neo4j = new Option<string?>("--neo4j") { Description = "Also push the store to this Neo4j (root URL); the database is reset first" };
        var apiSeconds = Options.Int("--api-seconds", null, "How long the explorer's API is loaded (0 skips it)", 20, 0, 3600);
        var clients = Options.Int("--clients", null, "Concurrent clients on the explorer's API", 4, 1, 256);
        var samples = Options.Int("--samples", null, "Documents sampled for in-process query latencies", 200, 10, 100_000);
        var output = new Option<string?>("--out") { Description = "Also write the report as Markdown to this file" };
        var command = new Command("bench", "End-to-end benchmark on a generated corpus: generate, extract, build, change one file, query (CLI, in process, explorer API), push")
        {
            docs, seed, work, reuse, neo4j, apiSeconds, clients, samples, output,
        };
        return command.WithAction(async (result, cancellationToken) =>
        {
            var n = result.GetValue(docs);
            var s = result.GetValue(seed);
            Uri? neo4jUrl = null;
            if (result.GetValue(neo4j) is { } given && !Uri.TryCreate(given, UriKind.Absolute, out neo4jUrl))
            {
                throw new CliUserException($"--neo4j must be an absolute URL such as http://localhost:7474, not '{given}'.");
            }

            var folder = result.GetValue(work) ?? Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"kvgraph-bench-{n}-{s}"));
            var options = new BenchOptions(n, s, Path.GetFullPath(folder), KvgraphCommand.Current(Path.Combine(AppContext.BaseDirectory, $"{typeof(BenchCommand).Assembly.GetName().Name}.dll")))
            {
                Reuse = result.GetValue(reuse),
                Neo4j = neo4jUrl,
                ApiDuration = TimeSpan.FromSeconds(result.GetValue(apiSeconds)),
                Clients = result.GetValue(clients),
                Samples = result.GetValue(samples),
            };
            var error = result.InvocationConfiguration.Error;
            var report = await EndToEndBench.RunAsync(options, new Progress<string>(line => error.WriteLine("bench: " + line)), cancellationToken).ConfigureAwait(false);
            var table = new Table().AddColumns("stage", "what", "figure", "target", "met");
            foreach (var f in report.Figures)
            {
                table.AddRow(Render.E(f.Section), Render.E(f.What), Render.E(f.Figure), Render.E(f.Target ?? string.Empty), f.Met is { } m ? (m ? "[green]yes[/]" : "[red]no[/]") : string.Empty);
            }

            context.Console.MarkupLine(Render.E(report.Machine));
            context.Console.Write(table);
            if (result.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, report.ToMarkdown(), cancellationToken).ConfigureAwait(false);
                context.Console.MarkupLine($"Markdown written to {Render.E(file)}");
            }

            return 0;
        });
    }
}
