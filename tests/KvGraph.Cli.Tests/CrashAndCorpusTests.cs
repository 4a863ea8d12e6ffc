using KvGraph.Core.Graph;
using System.Diagnostics;
using KvGraph.Store;
using KvGraph.TestSupport;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace KvGraph.Cli.Tests;

/// <summary>Runs `kvgraph` as a real child process: builds killed with SIGKILL, and the build over the whole corpus.</summary>
public sealed class CrashAndCorpusTests
{
    private readonly ITestOutputHelper _output;

    public CrashAndCorpusTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// A real <c>kvgraph build</c> killed with SIGKILL at points in time chosen from a seeded random: after it logged that
    /// it wrote its k-th file (inside the build's transaction), or after n milliseconds (from before the store file
    /// exists to after the commit), during the first build ever and during an incremental one. Each time the store
    /// opens, passes SQLite's integrity check and holds exactly the complete state before or after that build, and
    /// the next build finishes the job. After a first build killed before its commit, stats and search say that the
    /// build did not finish; after a finished one they do not.
    /// </summary>
    [Fact]
    public void A_build_killed_at_any_point_leaves_a_complete_earlier_or_later_state_and_the_next_build_finishes_it()
    {
        const int Seed = 20240611;
        var random = new Random(Seed);
        var budget = Stopwatch.StartNew();
        var dir = TestPaths.NewTempDir("kvgraph-crash");
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);

        // Stage A: the two seeds and two fixtures; stage B adds three documents and changes the seed letter.
        string[] stageA = [TestPaths.Seed000, TestPaths.Seed004, Path.Combine(TestPaths.Fixtures, "readers", "openkamer-question-only.txt"), Path.Combine(TestPaths.Fixtures, "web", "xss-openkamer.txt")];
        foreach (var f in stageA)
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        var empty = Describe(Path.Combine(dir, "empty.db"), input);
        var baseB = Path.Combine(dir, "base-b.db");
        var first = Kvgraph(["build", input, "--store", baseB, "--jobs", "1"]);
        Assert.True(first.Exit == 0, first.Err);
        var stateA = Describe(baseB, input);
        Assert.StartsWith("version 1", stateA, StringComparison.Ordinal);

        foreach (var f in Directory.GetFiles(Path.Combine(TestPaths.Fixtures, "graph"), "*.txt"))
        {
            File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        }

        File.AppendAllText(Path.Combine(input, Path.GetFileName(TestPaths.Seed004)), "\nZie ook de motie Kuzu (35 570 V, nr. 53).\n");
        var refB = CopyStore(baseB, Path.Combine(dir, "ref-b.db"));
        var clock = Stopwatch.StartNew();
        var second = Kvgraph(["build", input, "--store", refB, "--jobs", "1"]);
        var duration = clock.Elapsed;
        Assert.True(second.Exit == 0, second.Err);
        var stateB = Describe(refB, input);
        Assert.StartsWith("version 2", stateB, StringComparison.Ordinal);
        Assert.NotEqual(stateA, stateB);

        // The first build ever reads only stage A's files, from a folder of their own (the states name files relative to it).
        var inputA = Path.Combine(dir, "input-a");
        Directory.CreateDirectory(inputA);
        foreach (var f in stageA)
        {
            File.Copy(f, Path.Combine(inputA, Path.GetFileName(f)));
        }

        var midWrite = new Dictionary<string, int>(StringComparer.Ordinal) { ["first build"] = 0, ["incremental build"] = 0 };
        var trials = 0;
        var unfinishedNoticed = 0;
        // Two rounds always (the time budget only caps the extra rounds: on a busy machine the set-up alone can take 45 s,
        // and a budget that stopped round one would fail the test on the clock, not on the store).
        for (var round = 0; round < 4 && (round < 2 || (midWrite.Values.Any(v => v == 0) && budget.Elapsed < TimeSpan.FromSeconds(45))); round++)
        {
            foreach (var (name, folder, files, before, after, start) in new[]
            {
                ("first build", inputA, stageA.Length, empty, stateA, (string?)null),
                ("incremental build", input, 7, stateA, stateB, baseB),
            })
            {
                var store = Path.Combine(dir, $"trial-{++trials}.db");
                if (start is not null)
                {
                    CopyStore(start, store);
                }

                // Even rounds: after the k-th "Built" progress line (files are written into the open transaction); odd rounds: after n ms.
                var afterLine = round % 2 == 0 ? random.Next(1, files) : (int?)null;
                var afterMs = afterLine is null ? random.Next(0, (int)duration.TotalMilliseconds) : (int?)null;
                var kill = BuildAndKill(folder, store, afterLine, afterMs);
                var state = Describe(store, folder);
                var outcome = state == before ? "earlier" : state == after ? "later" : null;
                _output.WriteLine($"{name}, kill after {(afterLine is { } k ? $"progress line {k}" : $"{afterMs} ms")}: {(kill.Killed ? "killed" : "finished first")} after {kill.Lines} progress lines → {outcome ?? "NEITHER"} state");
                Assert.True(outcome is not null, $"{name}: the store holds neither the state before nor after the build:\n{state}");

                // A first build that did not finish says so in stats and search; one that finished does not.
                if (start is null)
                {
                    foreach (var command in new[] { "stats", "search" })
                    {
                        var shown = Notice(store, command == "search" ? [command, "Oeigoerse"] : [command]);
                        if (outcome == "earlier")
                        {
                            Assert.True(
                                shown.StartsWith("Notice: the last build (started ", StringComparison.Ordinal) || shown.StartsWith("Notice: no build has finished on this store", StringComparison.Ordinal),
                                $"{name} killed, {command}: no notice that the build did not finish: '{shown}'");
                            Assert.EndsWith("These answers come from an empty store. Run `kvgraph build` again to finish it.", shown, StringComparison.Ordinal);
                            unfinishedNoticed++;
                        }
                        else
                        {
                            Assert.Equal(string.Empty, shown);
                        }
                    }
                }

                if (kill.Killed && kill.Lines > 0 && outcome == "earlier")
                {
                    midWrite[name]++;
                }

                var next = Kvgraph(["build", folder, "--store", store]);
                Assert.True(next.Exit == 0, next.Err + next.Out);
                Assert.Equal(after, Describe(store, folder));
                Assert.Equal(string.Empty, Notice(store, ["stats"]));
            }
        }

        // At least one kill per scenario landed while the build had written files but not committed them.
        Assert.All(midWrite, kv => Assert.True(kv.Value > 0, $"{kv.Key}: no kill landed inside the build's transaction (seed {Seed})"));
        Assert.True(unfinishedNoticed > 0, $"no first build was killed before its commit, so the unfinished-build notice was not checked (seed {Seed})");
    }

    [SkippableFact]
    public void Build_over_the_whole_corpus_ingests_or_reports_every_file()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");
        var dir = TestPaths.NewTempDir("kvgraph-corpus");
        var storePath = Path.Combine(dir, "kvgraph.db");
        var clock = Stopwatch.StartNew();
        var run = Kvgraph(["build", TestPaths.CorpusRaw, "--store", storePath]);
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

        ShowsTheIdentityTheIssueAsksFor(store, storePath);
        ShowsTheMotionsFateTheIssueAsksFor(storePath);
    }

    /// <summary>The motions issue's "what must be shown", on the real corpus.</summary>
    private static void ShowsTheMotionsFateTheIssueAsksFor(string storePath)
    {
        string Run(params string[] args)
        {
            var run = CliRunner.Run([.. args, "--store", storePath]).GetAwaiter().GetResult();
            Assert.True(run.Exit == 0, run.Err + run.Out);
            return run.Out;
        }

        // A motion record: rejected 32–117, advised against, the sponsors with their parties of January 2022.
        var rejected = Run("show", "2022Z00782");
        Assert.Contains("32–117: 32 for, 117 against, 0 other (Met handopsteken)", rejected, StringComparison.Ordinal);
        Assert.Contains("Klaver (GroenLinks); Dassen (Volt); Ploumen (PvdA); Sylvana Simons (BIJ1)", rejected, StringComparison.Ordinal);

        // A motion voted on in the Handelingen: adopted on 5 April 2018, eleven parties for, the other parties against.
        var voted = Run("show", "kst-21501-08-721");
        Assert.Contains("aangenomen (Stemmen - aangenomen, 2018-04-05)", voted, StringComparison.Ordinal);
        Assert.Contains("Votes by party", voted, StringComparison.Ordinal);
        Assert.Contains("the other parties", voted, StringComparison.Ordinal);
        Assert.Contains("Timeline", voted, StringComparison.Ordinal);

        // The motions list with filters, as JSON: its total is the records' own count of rejected motions advised against.
        var records = File.ReadAllLines(TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl"));
        var expected = records.Count(l => l.Contains("\"Kabinetsappreciatie\": \"Ontraden\"", StringComparison.Ordinal) && l.Contains("\"Stemmen - verworpen\"", StringComparison.Ordinal));
        using var json = System.Text.Json.JsonDocument.Parse(Run("motions", "--outcome", "verworpen", "--advice", "Ontraden", "--format", "json", "-n", "5"));
        Assert.Equal(expected, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("motions").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("motions").EnumerateArray(), m => Assert.Equal("verworpen", m.GetProperty("outcome").GetString()));

        // CSV: a header and one line per motion; a sponsor's party filter; a bad date is refused with a reason.
        var csv = Run("motions", "--party", "Volt", "--from", "2022-01-01", "--to", "2022-01-31", "--format", "csv", "-n", "1000").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date,outcome,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("zaak:2022Z00782,2022-01-19,verworpen,", StringComparison.Ordinal));
        Assert.All(csv.Skip(1), l => Assert.Contains("(Volt)", l, StringComparison.Ordinal));
        var bad = CliRunner.Run("motions", "--from", "januari", "--store", storePath).GetAwaiter().GetResult();
        Assert.NotEqual(0, bad.Exit);
        Assert.Contains("'januari' is not a date", bad.Err + bad.Out, StringComparison.Ordinal);

        // stats counts the motions by outcome and the share of adopted ones cited later.
        var stats = Run("stats");
        Assert.Contains("adopted (aangenomen)", stats, StringComparison.Ordinal);
        Assert.Contains("share of adopted motions cited later", stats, StringComparison.Ordinal);
    }

    /// <summary>The identity issue's "what must be shown", on the real corpus (the gold measures the rest).</summary>
    private static void ShowsTheIdentityTheIssueAsksFor(IKvStore store, string storePath)
    {
        // A motion known by its open-data record and by its text is one node: show finds the same one either way,
        // and says which record was merged in and why.
        var byRecord = CliRunner.Run("show", "2023Z01490", "--store", storePath).GetAwaiter().GetResult();
        var byText = CliRunner.Run("show", "kst-31288-1013", "--store", storePath).GetAwaiter().GetResult();
        Assert.Equal(0, byRecord.Exit);
        Assert.StartsWith("── kst-31288-1013 motion", byRecord.Out.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(byText.Out, byRecord.Out);
        Assert.Contains("also known as", byRecord.Out, StringComparison.Ordinal);
        Assert.Contains("zaak:2023Z01490", byRecord.Out, StringComparison.Ordinal);

        // The merged node has the text of the document and the fate of the record.
        Assert.Contains("aangenomen (Stemmen - aangenomen)", byRecord.Out, StringComparison.Ordinal);
        Assert.Contains("125 for, 25 against, 0 other (Met handopsteken)", byRecord.Out, StringComparison.Ordinal);
        Assert.Contains("Oordeel Kamer", byRecord.Out, StringComparison.Ordinal);

        // A motion known only by its record shows its fate: rejected, 32-117, advised against.
        var rejected = CliRunner.Run("show", "2022Z00782", "--store", storePath).GetAwaiter().GetResult();
        Assert.Contains("verworpen (Stemmen - verworpen)", rejected.Out, StringComparison.Ordinal);
        Assert.Contains("32 for, 117 against, 0 other (Met handopsteken)", rejected.Out, StringComparison.Ordinal);
        Assert.Contains("Ontraden", rejected.Out, StringComparison.Ordinal);

        var graph = store.LoadGraph();
        string[] Cited(string id, string quote) =>
            [.. graph.Outgoing(id, EdgeType.Cites).Where(e => (e.Properties.GetValueOrDefault("quote") as string ?? string.Empty).Contains(quote, StringComparison.Ordinal)).Select(e => e.Target).Distinct()];

        // The two letters of 27 June 2024 (a climate letter, a Verzamelbrief justitiële jeugd) are different nodes.
        var climate = Assert.Single(Cited("ah-tk-20232024-2210", "27 juni"));
        var jeugd = Assert.Single(Cited("ah-tk-20242025-604", "27 juni"));
        Assert.NotEqual(climate, jeugd);

        // A letter cited with its Kamerstuk number is that Kamerstuk: one citation, no separate letter node.
        Assert.Equal(["kst-29826-214"], Cited("ah-tk-20242025-576", "Voortgang verduurzaming industrie"));

        // The Aruba answer's "motie-Simons c.s." is not the Kabul-evacuation motion Simons co-signed.
        var kabul = graph.Find("2023Z18661")!.Id;
        Assert.DoesNotContain(kabul, Cited("ah-tk-20232024-1481", "Simons"));

        // A motion's own heading is not a citation: kst-36410-V-51 (Piri en Veldkamp) cites no Piri motion.
        Assert.DoesNotContain(graph.Outgoing("kst-36410-V-51", EdgeType.Cites), e => e.Properties.GetValueOrDefault("kind") as string == "motion");
    }

    /// <summary>The lines starting "Notice: " that an in-process kvgraph command prints about the store (on stderr).</summary>
    private static string Notice(string store, string[] command)
    {
        var run = CliRunner.Run([.. command, "--store", store]).GetAwaiter().GetResult();
        Assert.True(run.Exit == 0, run.Err + run.Out);
        return string.Join('\n', run.Err.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("Notice: ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The store's observable state, with paths relative to <paramref name="root"/>: after checking that it opens (recovering
    /// what a killed writer left) and that SQLite's integrity check says ok.
    /// </summary>
    private static string Describe(string storePath, string root)
    {
        using (KvStore.Open(storePath))
        {
        }

        using (var c = new SqliteConnection($"Data Source={storePath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", cmd.ExecuteScalar() as string);
        }

        using var s = KvStore.OpenReadOnly(storePath);
        var graph = s.LoadGraph();
        return string.Join('\n', [
            $"version {s.CurrentVersion}",
            .. s.Files().Select(f => $"file {Path.GetRelativePath(root, f.Path)} {f.Hash} {f.Status} v{f.Version}"),
            .. s.Documents().Select(d => $"document {d.Id} {d.Kind} {Path.GetRelativePath(root, d.File)}"),
            $"graph {graph.NodeCount} nodes, {graph.EdgeCount} edges, unresolved {string.Join(' ', graph.Unresolved(1000).Select(u => u.Id))}",
            $"search {string.Join(' ', s.Search("Oeigoerse").Select(h => h.Id))}",
        ]);
    }

    private static string CopyStore(string from, string to)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            if (File.Exists(from + suffix))
            {
                File.Copy(from + suffix, to + suffix);
            }
        }

        return to;
    }

    /// <summary>Starts <c>kvgraph build</c> with progress logged, and kills it (SIGKILL) after that many progress lines or milliseconds.</summary>
    private (bool Killed, int Lines) BuildAndKill(string input, string store, int? afterLine, int? afterMs)
    {
        var psi = StartInfo(["build", input, "--store", store, "--jobs", "1"]);
        psi.Environment["KVGRAPH_Logging__LogLevel__Default"] = "Debug";
        using var p = new Process { StartInfo = psi };
        var lines = 0;
        var linesAtKill = -1;
        void Kill()
        {
            try
            {
                p.Kill();
                Interlocked.CompareExchange(ref linesAtKill, Volatile.Read(ref lines), -1);
            }
            catch (InvalidOperationException)
            {
                // Already gone: it finished before the kill.
            }
        }

        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Built ", StringComparison.Ordinal) == true && Interlocked.Increment(ref lines) == afterLine)
            {
                Kill();
            }
        };
        p.OutputDataReceived += (_, _) => { };
        p.Start();
        p.BeginErrorReadLine();
        p.BeginOutputReadLine();
        if (afterMs is { } ms && !p.WaitForExit(ms))
        {
            Kill();
        }

        if (!p.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"kvgraph build {input} did not finish in 2 minutes");
        }

        p.WaitForExit();
        var killed = p.ExitCode != 0 && linesAtKill >= 0;
        Assert.True(killed || p.ExitCode == 0, $"kvgraph build failed by itself with exit code {p.ExitCode}");
        return (killed, killed ? linesAtKill : lines);
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kvgraph.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("KVGRAPH_STORE");
        psi.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        return psi;
    }

    private (int Exit, string Out, string Err) Kvgraph(string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
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
