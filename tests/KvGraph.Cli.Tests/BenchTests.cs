using KvGraph.Bench;
using KvGraph.Pipeline.Synth;
using KvGraph.Store;
using KvGraph.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace KvGraph.Cli.Tests;

/// <summary>
/// <c>kvgraph bench</c> (issue 9) on a small generated corpus, with the real kvgraph as its child processes: every stage
/// reports, the builds succeed, the store it leaves holds the corpus, the one changed file is put back byte for byte, and
/// the Markdown has a row per figure. Asserts what the tool does, never how fast: the figures are printed, and timing
/// targets belong to the benchmark run itself (docs/benchmarks.md).
/// </summary>
public sealed class BenchTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bench_runs_every_stage_on_a_generated_corpus_and_leaves_it_as_generated()
    {
        var work = TestPaths.NewTempDir("kvgraph-bench");
        var kvgraph = new KvgraphCommand("dotnet", [Path.Combine(AppContext.BaseDirectory, "kvgraph.dll")]);
        var options = new BenchOptions(150, 4, work, kvgraph) { ApiDuration = TimeSpan.FromSeconds(2), Samples = 10, CliRuns = 1, Clients = 2 };

        var report = await EndToEndBench.RunAsync(options);
        output.WriteLine(report.ToMarkdown());

        Assert.Equal(["corpus", "extract", "build", "query (CLI)", "query (in process)", "explorer API"], report.Figures.Select(f => f.Section).Distinct());
        Assert.Contains(report.Figures, f => f.What.StartsWith("first build, ", StringComparison.Ordinal) && f.Command!.Contains("build", StringComparison.Ordinal));
        Assert.Contains(report.Figures, f => f.What == "one file changed of 150");
        Assert.All(report.Figures.Where(f => f.Section == "explorer API" && f.What.Contains("requests,", StringComparison.Ordinal)), f => Assert.Contains(", 0 errors", f.Figure, StringComparison.Ordinal));

        // The API is measured twice: under the load of the given clients, and one client alone; each pass covers the mix.
        foreach (var who in new[] { "2 clients", "1 client" })
        {
            var pass = report.Figures.Where(f => f.Section == "explorer API" && f.What.EndsWith("requests, " + who, StringComparison.Ordinal)).Select(f => f.What[..f.What.IndexOf(':', StringComparison.Ordinal)]);
            Assert.Equal(LoadDriver.Mix.Select(m => m.Endpoint), pass);
        }
        Assert.All(report.Figures.Where(f => f.Target is not null), f => Assert.NotNull(f.Met));

        // The store holds every generated document; the corpus is as synth wrote it (the changed file was put back).
        var truth = SynthCorpus.ReadTruth(Path.Combine(work, "docs"));
        using (var store = KvStore.OpenReadOnly(Path.Combine(work, "kvgraph.db")))
        {
            var ids = store.Documents().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(150, truth.Count);
            Assert.All(truth, t => Assert.Contains(t.Id, ids));
        }

        var again = TestPaths.NewTempDir("kvgraph-bench-again");
        SynthCorpus.Write(again, new SynthOptions(150, 4));
        foreach (var file in truth.Select(t => t.File))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(again, file)), File.ReadAllBytes(Path.Combine(work, "docs", file)));
        }

        // Markdown: a header row, its rule, and a row per figure.
        var rows = report.ToMarkdown().Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal));
        Assert.Equal(report.Figures.Count + 2, rows);
    }

    [Fact]
    public async Task Bench_refuses_a_neo4j_that_is_not_a_url()
    {
        var (exit, _, err) = await CliRunner.Run("bench", "--docs", "100", "--neo4j", "not a url");
        Assert.Equal(2, exit);
        Assert.Contains("--neo4j must be an absolute URL", err, StringComparison.Ordinal);
    }
}
