using KvGraph.Core.Graph;
using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>The build orchestration on real documents into a real store: what is extracted, skipped, reported, pruned, and what a cancelled build leaves.</summary>
public sealed class BuildPipelineTests
{
    [Fact]
    public void Seeds_are_extracted_and_stored_with_a_report_of_what_was_done()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var report = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);

        Assert.Empty(report.Failures);
        Assert.Equal(2, report.Extracted);
        Assert.Equal(1, report.Version);

        var byId = store.GetDocument("ah-tk-20202021-2302");
        Assert.NotNull(byId);
        Assert.Equal("2021Z02286", byId.Doc.Zaak);
        Assert.Contains(byId.Citations, c => c.Target == "kst-21501-20-1591" && c.Quote.Contains("1591", StringComparison.Ordinal));

        Assert.Equal(2, report.Stats.Files);
        Assert.Equal(report.Version, report.Stats.Version);
        Assert.Equal("ah-tk-20202021-2302", store.ResolveId("2021Z02286"));
        Assert.All(store.Files(), f => Assert.Equal(64, f.Hash.Length));
    }

    [Fact]
    public void Rebuild_extracts_only_changed_files_and_replaces_only_their_facts()
    {
        var dir = PipelineFixtures.CopyToTemp([.. TestFixtures.Seeds, TestFixtures.Fictional1, TestFixtures.Motion]);
        var input = Path.Combine(dir, "input");
        using var store = KvStore.Open(TestFixtures.StorePath(dir));

        var first = new CountingExtractor();
        BuildPipeline.Run(store, [input], new BuildOptions { Extractor = first });
        Assert.Equal(4, first.Count);
        var v1 = store.CurrentVersion;

        var second = new CountingExtractor();
        var again = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = second });
        Assert.Equal(0, second.Count);
        Assert.Equal(4, again.Unchanged);
        Assert.Equal(v1, store.CurrentVersion);

        // Change one file: only it is extracted again.
        var seed004 = Path.Combine(input, Path.GetFileName(TestPaths.Seed004));
        File.AppendAllText(seed004, "\n");
        var third = new CountingExtractor();
        var report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = third });
        Assert.Equal(1, third.Count);
        Assert.Equal([Path.GetFileName(seed004)], third.Files);
        Assert.Equal(3, report.Unchanged);

        var files = store.Files().ToDictionary(f => Path.GetFileName(f.Path));
        Assert.Equal(store.CurrentVersion, files[Path.GetFileName(seed004)].Version);
        Assert.Equal(v1, files[Path.GetFileName(TestPaths.Seed000)].Version);
        Assert.Equal(v1, files[Path.GetFileName(TestFixtures.Motion)].Version);

        // Seed 000's facts are still there, unchanged.
        var graph = store.LoadGraph();
        Assert.Equal(4, graph.Outgoing("ah-tk-20202021-2302", EdgeType.Cites).Count(e => (string?)e.Properties["kind"] == "motion"));
    }

    [Fact]
    public void A_cancelled_build_leaves_the_previous_state_complete_and_the_next_build_completes()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        var path = TestFixtures.StorePath(dir);
        using (var store = KvStore.Open(path))
        {
            BuildPipeline.Run(store, [input]);
        }

        File.Copy(TestFixtures.Motion, Path.Combine(input, "motie.txt"));
        File.Copy(TestFixtures.Fictional1, Path.Combine(input, "f1.txt"));
        File.Copy(TestFixtures.Fictional2, Path.Combine(input, "f2.txt"));
        File.AppendAllText(Path.Combine(input, Path.GetFileName(TestPaths.Seed004)), "\nextra\n");

        using (var store = KvStore.Open(path))
        {
            using var cts = new CancellationTokenSource();
            var progress = new SyncProgress(p =>
            {
                if (p.Done >= 2)
                {
                    cts.Cancel();
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(() => BuildPipeline.Run(store, [input], new BuildOptions { Jobs = 1 }, progress, cts.Token));
        }

        using (var store = KvStore.OpenReadOnly(path))
        {
            Assert.Equal(1, store.CurrentVersion);
            Assert.Equal(2, store.Files().Count);
            Assert.NotNull(store.GetDocument("ah-tk-20202021-2302"));
            Assert.Null(store.ResolveId("2021Z99001"));
            Assert.Equal(NodeLabel.Placeholder, store.LoadGraph().Find("kst-21501-20-1591")!.Label);
        }

        using (var store = KvStore.Open(path))
        {
            var report = BuildPipeline.Run(store, [input]);
            Assert.Empty(report.Failures);
            Assert.Equal(5, store.Files().Count);
            Assert.Equal(NodeLabel.Motion, store.LoadGraph().Find("kst-21501-20-1591")!.Label);
        }
    }

    [Fact]
    public void Bad_files_are_reported_with_their_reason_and_the_rest_is_stored()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(input, "binary.bin"), [0, 1, 2, 3, 0, 0, 255, 254, 0, 7, 0, 0, 0, 1, 2, 3]);
        File.WriteAllText(Path.Combine(input, "broken.pdf"), "%PDF-1.4\nthis is not really a pdf\n");
        var missing = Path.Combine(dir, "does-not-exist");

        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var report = BuildPipeline.Run(store, [input, missing]);

        var reasons = report.Failures.ToDictionary(f => Path.GetFileName(f.File), f => f.Reason);
        Assert.Contains("empty", reasons["empty.txt"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("binary", reasons["binary.bin"], StringComparison.OrdinalIgnoreCase);
        Assert.True(reasons.ContainsKey("broken.pdf"));
        Assert.Contains("no such file", reasons["does-not-exist"], StringComparison.OrdinalIgnoreCase);
        Assert.All(reasons.Values, r => Assert.False(string.IsNullOrWhiteSpace(r)));

        Assert.NotNull(store.GetDocument("ah-tk-20202021-2302"));
        var failed = store.Files().Where(f => f.Status == "failed").ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, f => Assert.False(string.IsNullOrEmpty(f.Error)));
        Assert.Equal(3, report.Stats.FilesFailed);
    }

    [Fact]
    public void A_placeholder_becomes_the_real_document_when_its_file_is_ingested_later()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        BuildPipeline.Run(store, [input]);
        var v1 = store.CurrentVersion;

        var before = store.LoadGraph().Find("kst-21501-20-1591")!;
        Assert.Equal(NodeLabel.Placeholder, before.Label);
        Assert.Equal("motion", before.Properties["kind"]);
        Assert.Contains(store.Unresolved(), u => u.Id == "kst-21501-20-1591" && u.CitedBy.Contains("ah-tk-20202021-2302"));

        File.Copy(TestFixtures.Motion, Path.Combine(input, "motie.txt"));
        BuildPipeline.Run(store, [input]);

        var graph = store.LoadGraph();
        var after = graph.Find("kst-21501-20-1591")!;
        Assert.Equal(NodeLabel.Motion, after.Label);
        Assert.DoesNotContain(store.Unresolved(100), u => u.Id == "kst-21501-20-1591");
        Assert.Contains(graph.Incoming("kst-21501-20-1591", EdgeType.Cites), e => e.Source == "ah-tk-20202021-2302");

        // The change feed re-sends seed 000's facts (its citation now resolves) without the placeholder.
        var changed = store.FactsChangedSince(v1).ToList();
        var seed = Assert.Single(changed, f => f.File.EndsWith(Path.GetFileName(TestPaths.Seed000), StringComparison.Ordinal));
        Assert.DoesNotContain(seed.Nodes, n => n.Id == "kst-21501-20-1591");
        Assert.Contains(seed.Edges, e => e.Type == EdgeType.Cites && e.Target == "kst-21501-20-1591");
        Assert.Contains(changed, f => f.File.EndsWith("motie.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(changed, f => f.File.EndsWith(Path.GetFileName(TestPaths.Seed004), StringComparison.Ordinal));
    }

    [Fact]
    public void Removed_files_stay_until_prune_and_are_then_in_the_deletion_feed()
    {
        var dir = PipelineFixtures.CopyToTemp([.. TestFixtures.Seeds, TestFixtures.Motion]);
        var input = Path.Combine(dir, "input");
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        BuildPipeline.Run(store, [input]);
        var v1 = store.CurrentVersion;
        var motion = Path.Combine(input, Path.GetFileName(TestFixtures.Motion));
        File.Delete(motion);

        var kept = BuildPipeline.Run(store, [input]);
        Assert.Equal(0, kept.Pruned);
        Assert.Equal(3, store.Files().Count);
        Assert.Equal(NodeLabel.Motion, store.LoadGraph().Find("kst-21501-20-1591")!.Label);

        var pruned = BuildPipeline.Run(store, [input], new BuildOptions { Prune = true });
        Assert.Equal(1, pruned.Pruned);
        Assert.Equal(2, store.Files().Count);
        Assert.Equal(NodeLabel.Placeholder, store.LoadGraph().Find("kst-21501-20-1591")!.Label);
        Assert.Equal([motion], store.DeletedSince(v1).Select(d => d.Path));
        Assert.Contains(store.FactsChangedSince(v1), f => f.File.EndsWith(Path.GetFileName(TestPaths.Seed000), StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_that_keeps_failing_is_reported_on_every_build_and_force_extracts_everything_again()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var first = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = new CountingExtractor() });
        Assert.Equal(["empty.txt"], first.Failures.Select(f => Path.GetFileName(f.File)));

        // Nothing changed (the same bytes, the same extractor type): nothing is extracted, the version stays, and the broken file is still reported.
        var counting = new CountingExtractor();
        var again = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = counting });
        Assert.Equal(0, counting.Count);
        Assert.Equal((2, 1), (again.Unchanged, again.FailedFiles)); // every file counted once: the broken one as failed, not as unchanged
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.Failures, again.Failures);

        var forced = new CountingExtractor();
        var report = BuildPipeline.Run(store, [input], new BuildOptions { Extractor = forced, Force = true });
        Assert.Equal(2, forced.Count);
        Assert.Equal(2, report.Extracted);
        Assert.Equal(first.Version + 1, report.Version);
    }

    private sealed class SyncProgress(Action<BuildProgress> action) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => action(value);
    }
}
