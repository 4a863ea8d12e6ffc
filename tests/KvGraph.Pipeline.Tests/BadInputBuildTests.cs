using KvGraph.Core.Extraction;
using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>
/// Builds with bad input beside good real files (issue 11): a bad JSON Lines line loses only itself, a prune keeps what
/// the walk could not reach, a file over the size or time limit is reported while the others are stored (and keeps
/// what an earlier build stored for it), and a build that never commits leaves a mark the readers can see.
/// </summary>
public sealed class BadInputBuildTests
{
    [SkippableFact]
    public void A_bad_json_lines_line_is_reported_by_number_and_the_other_records_stay_stored()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var jsonl = Path.Combine(dir, "input", "moties.jsonl");
        var lines = File.ReadLines(TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl")).Take(30).ToList();
        File.WriteAllLines(jsonl, lines);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var first = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);
        Assert.Empty(first.Failures);
        var before = store.Documents().Where(d => d.File == jsonl).Select(d => d.Id).ToList();
        Assert.Equal(30, before.Count);

        // Line 12 is cut off halfway, as a write that died leaves it.
        var cut = lines[11][..(lines[11].Length / 2)];
        lines[11] = cut;
        File.WriteAllLines(jsonl, lines);
        var second = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);

        var failure = Assert.Single(second.Failures);
        Assert.Equal($"{jsonl}#12", failure.File);
        Assert.StartsWith("line 12: not valid JSON at byte ", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; the record an earlier build stored from this line is kept", failure.Reason, StringComparison.Ordinal);
        var after = store.Documents().Where(d => d.File == jsonl).Select(d => d.Id).ToList();
        Assert.Equal(before, after); // every record is still there, line 12's as the first build stored it
        Assert.Equal("ok", store.Files().Single(f => f.Path == jsonl).Status);
        Assert.NotNull(store.GetDocument("ah-tk-20202021-2302"));

        // The next build with the same bytes reports the line again (the exit code keeps telling the truth).
        var third = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);
        Assert.Equal(3, third.Unchanged);
        Assert.Contains($"{jsonl}#12", Assert.Single(third.Failures).Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// The real open-data index (7,071 motion records) built, one line broken, built again: that motion is still there
    /// with the facts the first build stored, and the failure names the file and line and says so; the line fixed (with
    /// a new subject) is stored as it reads now. A copy of the file in a temp folder, never in the repository.
    /// </summary>
    [SkippableFact]
    public void A_broken_line_of_the_real_index_keeps_its_earlier_motion_and_the_fixed_line_updates_it()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");
        var dir = TestPaths.NewTempDir("kvgraph-jsonl");
        var input = Path.Combine(dir, "input");
        Directory.CreateDirectory(input);
        var jsonl = Path.Combine(input, "moties_2022_2023.jsonl");
        var lines = File.ReadAllLines(TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl"));
        Assert.Equal(7071, lines.Length);
        File.WriteAllLines(jsonl, lines);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var first = BuildPipeline.Run(store, [input]);
        Assert.Empty(first.Failures);
        var stored = store.Documents().Count(d => d.File == jsonl);

        // Line 4000 is cut off halfway.
        const int Line = 4000;
        var original = lines[Line - 1];
        var id = Extractor.Default.Extract(new SourceDocument($"{jsonl}#{Line}", original, "jsonl-record")).Doc.Id;
        var before = store.GetDocument(id) ?? throw new InvalidOperationException($"line {Line} ({id}) was not stored");
        Assert.Equal($"{jsonl}#{Line}", before.File);
        lines[Line - 1] = original[..(original.Length / 2)];
        File.WriteAllLines(jsonl, lines);
        var second = BuildPipeline.Run(store, [input]);

        var failure = Assert.Single(second.Failures);
        Assert.Equal($"{jsonl}#{Line}", failure.File);
        Assert.StartsWith($"line {Line}: not valid JSON at byte ", failure.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; the record an earlier build stored from this line is kept", failure.Reason, StringComparison.Ordinal);
        var kept = store.GetDocument(id) ?? throw new InvalidOperationException($"{id} was lost");
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(kept)); // every fact as before
        Assert.Equal(stored, store.Documents().Count(d => d.File == jsonl));
        var file = store.Files().Single(f => f.Path == jsonl);
        Assert.Equal("ok", file.Status);
        Assert.StartsWith($"1 of 7071 records failed; first: {jsonl}#{Line}: line {Line}: ", file.Error, StringComparison.Ordinal);

        // The line fixed, with a new subject: the motion is stored as the line reads now.
        var record = System.Text.Json.Nodes.JsonNode.Parse(original)!.AsObject();
        var subject = "Motie van het lid Simons c.s. over een nieuw onderwerp na de reparatie";
        record["Onderwerp"] = subject;
        lines[Line - 1] = record.ToJsonString();
        File.WriteAllLines(jsonl, lines);
        var third = BuildPipeline.Run(store, [input]);
        Assert.Empty(third.Failures);
        var updated = store.GetDocument(id) ?? throw new InvalidOperationException($"{id} was lost after the fix");
        Assert.Contains("nieuw onderwerp na de reparatie", updated.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("nieuw onderwerp", kept.Text, StringComparison.Ordinal);
        Assert.Null(store.Files().Single(f => f.Path == jsonl).Error);
    }

    /// <summary>
    /// A file over the time limit is not only abandoned but stops: the real extractor on 6 M characters of adversarial
    /// text (tens of seconds of work here) under a 1 s limit ends with the cancellation, within seconds of the build
    /// returning, instead of running on. The files beside it are stored.
    /// </summary>
    [Fact]
    public void An_abandoned_extraction_stops_instead_of_running_on()
    {
        var dir = PipelineFixtures.CopyToTemp([.. TestFixtures.Seeds]);
        var slow = Path.Combine(dir, "input", "adversarial.txt");
        File.WriteAllText(slow, AdversarialText.Make("mixed", 6_000_000));
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        using var watched = new WatchedExtractor("adversarial.txt");
        var report = BuildPipeline.Run(store, [Path.Combine(dir, "input")], new BuildOptions { FileTimeout = TimeSpan.FromSeconds(1), Jobs = 2, Extractor = watched });
        var returned = DateTimeOffset.UtcNow;

        var failure = Assert.Single(report.Failures);
        Assert.Equal(slow, failure.File);
        Assert.StartsWith("reading and extracting took longer than the limit of 1 s", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(2, store.Files().Count(f => f.Status == "ok"));

        // The abandoned extraction ends soon, and it ends because it was cancelled, not because it finished its work.
        Assert.True(watched.Ended.Wait(TimeSpan.FromSeconds(15)), "the abandoned extraction was still running 15 s after the build returned");
        Assert.IsAssignableFrom<OperationCanceledException>(watched.Outcome);
        Assert.InRange(watched.EndedAt, DateTimeOffset.MinValue, returned.AddSeconds(15));
    }

    [Fact]
    public void A_prune_keeps_the_files_under_an_input_it_could_not_reach_and_prunes_the_rest()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds[0]);
        var share = Path.Combine(TestPaths.NewTempDir("kvgraph-share"), "share");
        Directory.CreateDirectory(share);
        File.Copy(TestPaths.Seed004, Path.Combine(share, "seed004.txt"));
        File.Copy(TestFixtures.Motion, Path.Combine(dir, "input", "motion.txt"));
        var mount = Path.Combine(dir, "mnt");
        Directory.CreateSymbolicLink(mount, share);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var first = BuildPipeline.Run(store, [Path.Combine(dir, "input"), mount]);
        Assert.Empty(first.Failures);
        Assert.Equal(3, store.Files().Count);

        // The share is gone (unmounted: the link dangles) and one file of the input folder was deleted.
        Directory.Delete(share, recursive: true);
        File.Delete(Path.Combine(dir, "input", "motion.txt"));
        var second = BuildPipeline.Run(store, [Path.Combine(dir, "input"), mount], new BuildOptions { Prune = true });

        var failure = Assert.Single(second.Failures);
        Assert.Equal(mount, failure.File);
        Assert.StartsWith("no such file or folder", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(1, second.Pruned);
        Assert.Equal(1, second.KeptUnreached);
        Assert.Equal([Path.Combine(dir, "input", Path.GetFileName(TestPaths.Seed000)), Path.Combine(mount, "seed004.txt")], store.Files().Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.NotNull(store.GetDocument("ah-tk-20202021-2302"));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_reported_and_keeps_what_an_earlier_build_stored()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var big = Path.Combine(dir, "input", "big.txt");
        File.WriteAllText(big, BadInputs.OneLine(File.ReadAllText(TestFixtures.Motion), 1_200_000));
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var first = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);
        Assert.Empty(first.Failures);
        var stored = store.Documents().Where(d => d.File == big).Select(d => d.Id).ToList();
        Assert.NotEmpty(stored);

        var second = BuildPipeline.Run(store, [Path.Combine(dir, "input")], new BuildOptions { MaxFileBytes = 1024 * 1024 });
        var failure = Assert.Single(second.Failures);
        Assert.Equal(big, failure.File);
        var megabytes = (new FileInfo(big).Length / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"the file is {megabytes} MB, over the limit of 1 MB per file (--max-file-mb); not read; what an earlier build stored for it is kept", failure.Reason);
        Assert.Equal(stored, store.Documents().Where(d => d.File == big).Select(d => d.Id).ToList());
        Assert.Equal(2, second.Unchanged);
    }

    /// <summary>
    /// A file whose extraction hangs (the fault is injected: the real extractor, held for one file until the test
    /// lets go, as a pathological recogniser would hold it) is abandoned at the limit and reported as such; the real
    /// files beside it are stored and the build commits while that extraction is still stuck.
    /// </summary>
    [Fact]
    public void A_file_over_the_time_limit_is_abandoned_and_the_files_beside_it_are_stored()
    {
        var dir = PipelineFixtures.CopyToTemp([.. TestFixtures.Seeds, TestFixtures.Motion]);
        var stuck = Path.Combine(dir, "input", "stuck.txt");
        File.Copy(TestFixtures.Fictional1, stuck);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        using var hanging = new HangingExtractor("stuck.txt");
        try
        {
            var report = BuildPipeline.Run(store, [Path.Combine(dir, "input")], new BuildOptions { FileTimeout = TimeSpan.FromSeconds(10), Jobs = 2, Extractor = hanging });

            Assert.True(hanging.Entered.IsSet);
            Assert.False(hanging.Left.IsSet); // the build finished while the extraction was still stuck
            var failure = Assert.Single(report.Failures);
            Assert.Equal(stuck, failure.File);
            Assert.Equal("reading and extracting took longer than the limit of 10 s per file (--file-timeout); abandoned", failure.Reason);
            var files = store.Files().ToDictionary(f => f.Path, StringComparer.Ordinal);
            Assert.Equal("failed", files[stuck].Status);
            Assert.Equal(string.Empty, files[stuck].Hash); // no hash: the next build tries again
            Assert.Equal(3, files.Values.Count(f => f.Status == "ok"));
            Assert.NotNull(store.GetDocument("ah-tk-20202021-2302"));
        }
        finally
        {
            hanging.Release();
        }

        // Once the file extracts in time, the next build stores it.
        var next = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);
        Assert.Empty(next.Failures);
        Assert.Equal("ok", store.Files().Single(f => f.Path == stuck).Status);
    }

    [Fact]
    public void A_build_that_never_commits_leaves_a_mark_and_a_finished_build_clears_it()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var path = TestFixtures.StorePath(dir);
        using (var fresh = KvStore.Open(path))
        {
            Assert.Equal(new UnfinishedBuild(null), fresh.Unfinished); // made, never built
            BuildPipeline.Run(fresh, [Path.Combine(dir, "input")]);
            Assert.Null(fresh.Unfinished);
        }

        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var store = KvStore.Open(path))
        {
            // A build cancelled after it began: its session is rolled back, its mark stays.
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => BuildPipeline.Run(store, [Path.Combine(dir, "input")], new BuildOptions { Force = true }, cancellationToken: cancel.Token));
        }

        using (var reader = KvStore.OpenReadOnly(path))
        {
            var mark = Assert.IsType<UnfinishedBuild>(reader.Unfinished);
            Assert.InRange(mark.Started!.Value, start, DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.Equal(1, reader.CurrentVersion);
            Assert.NotNull(reader.GetDocument("ah-tk-20202021-2302")); // the state before it is all there
        }

        using (var store = KvStore.Open(path))
        {
            BuildPipeline.Run(store, [Path.Combine(dir, "input")]);
            Assert.Null(store.Unfinished);
        }
    }
}

/// <summary>The real extractor, cancellable, with a watch on one named file: when its extraction ended, and how (null when it finished).</summary>
internal sealed class WatchedExtractor(string fileName) : KvGraph.Core.Extraction.IExtractor, IDisposable
{
    public ManualResetEventSlim Ended { get; } = new();

    public Exception? Outcome { get; private set; }

    public DateTimeOffset EndedAt { get; private set; }

    public KvGraph.Core.Model.ExtractedDocument Extract(KvGraph.Core.Extraction.SourceDocument source) => Extract(source, CancellationToken.None);

    public KvGraph.Core.Model.ExtractedDocument Extract(KvGraph.Core.Extraction.SourceDocument source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Path.GetFileName(source.File) != fileName)
        {
            return KvGraph.Core.Extraction.Extractor.Default.Extract(source, cancellationToken);
        }

        try
        {
            return KvGraph.Core.Extraction.Extractor.Default.Extract(source, cancellationToken);
        }
        catch (Exception e)
        {
            Outcome = e;
            throw;
        }
        finally
        {
            EndedAt = DateTimeOffset.UtcNow;
            Ended.Set();
        }
    }

    public void Dispose() => Ended.Dispose();
}

/// <summary>The real extractor, except that it holds the named file until <see cref="Release"/>: a hang, injected.</summary>
internal sealed class HangingExtractor(string fileName) : KvGraph.Core.Extraction.IExtractor, IDisposable
{
    private readonly ManualResetEventSlim _release = new();

    public ManualResetEventSlim Entered { get; } = new();

    public ManualResetEventSlim Left { get; } = new();

    public KvGraph.Core.Model.ExtractedDocument Extract(KvGraph.Core.Extraction.SourceDocument source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Path.GetFileName(source.File) == fileName)
        {
            Entered.Set();
            _release.Wait(TimeSpan.FromMinutes(2));
            Left.Set();
        }

        return KvGraph.Core.Extraction.Extractor.Default.Extract(source);
    }

    public void Release() => _release.Set();

    public void Dispose()
    {
        // Let the abandoned extraction finish before its events go away.
        _release.Set();
        if (Entered.IsSet)
        {
            Left.Wait(TimeSpan.FromSeconds(30));
        }

        _release.Dispose();
        Entered.Dispose();
        Left.Dispose();
    }
}
