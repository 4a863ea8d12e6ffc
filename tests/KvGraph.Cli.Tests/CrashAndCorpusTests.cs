using System.Diagnostics;
using KvGraph.Store;
using KvGraph.TestSupport;
using Xunit.Abstractions;

namespace KvGraph.Cli.Tests;

/// <summary>Runs `kvgraph` as a real child process: a build killed mid-way, and the build over the whole corpus.</summary>
public sealed class CrashAndCorpusTests
{
    private readonly ITestOutputHelper _output;

    public CrashAndCorpusTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void A_build_process_that_dies_mid_way_leaves_the_previous_state_and_the_next_build_completes()
    {
        var dir = TestPaths.NewTempDir("kvgraph-crash");
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);
        File.Copy(TestPaths.Seed000, Path.Combine(input, "seed000.txt"));
        File.Copy(TestPaths.Seed004, Path.Combine(input, "seed004.txt"));
        var store = Path.Combine(dir, "kvgraph.db");

        var first = Kvgraph(["build", input, "--store", store, "--jobs", "1"], null);
        Assert.True(first.Exit == 0, first.Err);

        // Second build: three new files and a changed one; the process kills itself after writing two of them.
        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "graph"), "*.txt"))
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        File.AppendAllText(Path.Combine(input, "seed004.txt"), "\nEen gewijzigde regel.\n");
        var crashed = Kvgraph(["build", input, "--store", store, "--jobs", "1"], "2");
        Assert.NotEqual(0, crashed.Exit);
        Assert.Contains("KVGRAPH_TEST_CRASH_AFTER", crashed.Err, StringComparison.Ordinal);

        using (var s = KvStore.OpenReadOnly(store))
        {
            Assert.Equal(1, s.CurrentVersion);
            Assert.Equal(2, s.Files().Count);
            Assert.All(s.Files(), f => Assert.Equal("ok", f.Status));
            Assert.NotNull(s.GetDocument("ah-tk-20202021-2302"));
            Assert.Null(s.ResolveId("2021Z99001"));
            Assert.Equal(4, s.LoadGraph().Outgoing("ah-tk-20202021-2302", Core.Graph.EdgeType.Cites).Count(e => e.Properties["kind"] as string == "motion"));
            Assert.Contains(s.Search("Oeigoerse"), h => h.Id == "ah-tk-20202021-2302");
        }

        var next = Kvgraph(["build", input, "--store", store], null);
        Assert.True(next.Exit == 0, next.Err + next.Out);
        using (var s = KvStore.OpenReadOnly(store))
        {
            Assert.Equal(2, s.CurrentVersion);
            Assert.Equal(5, s.Files().Count);
            Assert.Equal("ah-tk-20202021-9001", s.ResolveId("2021Z99001"));
        }
    }

    [SkippableFact]
    public void Build_over_the_whole_corpus_ingests_or_reports_every_file()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");
        var dir = TestPaths.NewTempDir("kvgraph-corpus");
        var storePath = Path.Combine(dir, "kvgraph.db");
        var clock = Stopwatch.StartNew();
        var run = Kvgraph(["build", TestPaths.CorpusRaw, "--store", storePath], null);
        clock.Stop();
        _output.WriteLine($"kvgraph build over {TestPaths.CorpusRaw}: exit {run.Exit}, {clock.Elapsed.TotalSeconds:0.00} s wall clock (process start included)");
        _output.WriteLine(run.Out);
        Assert.True(string.IsNullOrWhiteSpace(run.Err) || !run.Err.Contains("   at ", StringComparison.Ordinal), run.Err);

        var all = Directory.GetFiles(TestPaths.CorpusRaw, "*", SearchOption.AllDirectories)
            .Where(f => !Ingest.FileSource.IsSkipped(f))
            .Select(Path.GetFullPath)
            .ToHashSet(StringComparer.Ordinal);
        using var store = KvStore.OpenReadOnly(storePath);
        var files = store.Files().ToDictionary(f => f.Path, StringComparer.Ordinal);

        // Every document file is in the store, either ingested or failed with a reason; nothing else is.
        Assert.Equal(all.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.All(files.Values, f => Assert.True(f.Status == "ok" || !string.IsNullOrWhiteSpace(f.Error), f.Path));
        Assert.Equal(files.Values.Any(f => f.Status == "failed" || f.Error is not null) ? 1 : 0, run.Exit);

        var stats = store.Stats();
        _output.WriteLine($"files {stats.Files} (failed {stats.FilesFailed}), documents {stats.Documents}, citations {stats.Citations} (resolved {stats.Resolved}, unresolved {stats.Unresolved}), nodes {stats.Nodes}, edges {stats.Edges}");
        _output.WriteLine("documents by kind: " + string.Join(", ", stats.DocumentsByKind.Select(kv => $"{kv.Key} {kv.Value}")));
        _output.WriteLine("citations by kind: " + string.Join(", ", stats.CitationsByKind.Select(kv => $"{kv.Key} {kv.Value}")));
        foreach (var f in files.Values.Where(f => f.Error is not null))
        {
            _output.WriteLine($"reported: {f.Path}: {f.Error}");
        }

        Assert.True(stats.Documents > 500, $"only {stats.Documents} documents");
        Assert.True(stats.Citations > 0);
    }

    private (int Exit, string Out, string Err) Kvgraph(string[] args, string? crashAfter)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kvgraph.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("KVGRAPH_STORE");
        psi.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        if (crashAfter is not null)
        {
            psi.Environment["KVGRAPH_TEST_CRASH_AFTER"] = crashAfter;
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"kvgraph {string.Join(' ', args)} did not finish in 10 minutes");
        }

        var result = (p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        _output.WriteLine($"kvgraph {string.Join(' ', args)} → {result.ExitCode}");
        return result;
    }
}
