using KvGraph.Core.Extraction;
using KvGraph.Store;
using KvGraph.TestSupport;

namespace KvGraph.Pipeline.Tests;

/// <summary>
/// Issue 10, build feedback, at the pipeline: the steps it reports with their counts, counts that add up, what the walk
/// skipped and why, files not recognised, copies of one document (the kept file and why, by the resolver's own rule),
/// and inputs with nothing in them leaving the store untouched.
/// </summary>
public sealed class BuildFeedbackTests
{
    private static string Corpus(string folder, string guid, string ext) => TestPaths.Corpus("learninglion-kamervragen", folder, guid + ext);

    [Fact]
    public void Every_step_reports_its_start_its_counts_and_its_end_in_order()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var events = new List<BuildProgress>();
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        BuildPipeline.Run(store, [Path.Combine(dir, "input")], new BuildOptions { Prune = true }, new Recorder(events));

        // Each step: a start (Done 0, not finished), its counts, an end (finished). Files are counted where there are files.
        var expected = new List<string>
        {
            "Finding 0/? start", "Finding 2/2 end",
            "Extracting 0/2 start", "Extracting 1/2", "Extracting 2/2", "Extracting 2/2 end",
            "Pruning 0/0 start", "Pruning 0/0 end",
            "Writing 0/? start", "Writing 1/? end",
            "Resolving 0/? start", "Resolving 1/? end",
        };
        Assert.Equal(expected, events.Select(Show));
        Assert.Equal(
            ["finding files", "reading and extracting files", "pruning files no longer among the inputs", "writing the store", "resolving citations and counting"],
            events.Select(e => e.Label).Distinct());

        // The per-file reports name the file just done.
        Assert.Equal(
            TestFixtures.Seeds.Select(Path.GetFileName).Order(StringComparer.Ordinal),
            events.Where(e => e.Step == BuildStep.Extracting && e.File is not null).Select(e => Path.GetFileName(e.File!)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Counts_add_up_and_failures_skips_and_missing_inputs_are_each_counted_once_on_every_build()
    {
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var input = Path.Combine(dir, "input");
        File.WriteAllBytes(Path.Combine(input, "empty.txt"), []);
        File.Copy(TestPaths.Seed004, Path.Combine(input, ".hidden-copy.txt"));
        File.Copy(TestPaths.Seed004, Path.Combine(input, "PROVENANCE.md"));
        Directory.CreateDirectory(Path.Combine(input, ".git"));
        File.Copy(TestPaths.Seed000, Path.Combine(input, ".git", "inside.txt"));
        var missing = Path.Combine(dir, "nope.txt");
        using var store = KvStore.Open(TestFixtures.StorePath(dir));

        var first = BuildPipeline.Run(store, [input, missing]);
        Assert.Equal((3, 2, 0, 1, 0, 1), (first.FilesSeen, first.Extracted, first.Unchanged, first.FailedFiles, first.PartlyFailed, first.InputsNotRead));
        Assert.Equal(first.FilesSeen, first.Extracted + first.Unchanged + first.FailedFiles);
        Assert.Equal(
            [(Path.Combine(input, "empty.txt"), "the file is empty"), (missing, "no such file or folder")],
            first.Failures.Select(f => (f.File, f.Reason)));
        Assert.Equal(
            [
                (Path.Combine(input, ".hidden-copy.txt"), "hidden (the name starts with a dot)"),
                (Path.Combine(input, "PROVENANCE.md"), "describes the corpus folder, not a document (PROVENANCE.md, README.md, index.tsv, fetch-state.json, truth.jsonl, LICENSE)"),
                (Path.Combine(input, ".git"), "hidden folder: not walked"),
            ],
            first.Skipped.Select(s => (s.File, s.Reason)));
        Assert.True(first.Changed);
        Assert.False(first.NothingRead);

        // Again, nothing changed: the same failures, counted the same way, and the store's change counter stays.
        var again = BuildPipeline.Run(store, [input, missing]);
        Assert.Equal((3, 0, 2, 1, 0, 1), (again.FilesSeen, again.Extracted, again.Unchanged, again.FailedFiles, again.PartlyFailed, again.InputsNotRead));
        Assert.Equal(first.Failures, again.Failures);
        Assert.False(again.Changed);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(1, again.Stats.FilesFailed); // only empty.txt is stored: a missing input is not a file of the store
    }

    [SkippableFact]
    public void A_json_lines_file_with_a_bad_record_is_counted_as_stored_with_failed_records_on_every_build()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var records = File.ReadLines(TestPaths.Corpus("tkmoties-index", "moties_2022_2023.jsonl")).Take(5).ToList();
        records[2] = records[2][..(records[2].Length / 2)];
        var jsonl = Path.Combine(dir, "moties.jsonl");
        File.WriteAllLines(jsonl, records);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));

        var first = BuildPipeline.Run(store, [jsonl]);
        Assert.Equal((1, 1, 0, 0, 1), (first.FilesSeen, first.Extracted, first.Unchanged, first.FailedFiles, first.PartlyFailed));
        Assert.StartsWith(jsonl + "#3", Assert.Single(first.Failures).File, StringComparison.Ordinal);

        var again = BuildPipeline.Run(store, [jsonl]);
        Assert.Equal((1, 0, 1, 0, 1), (again.FilesSeen, again.Extracted, again.Unchanged, again.FailedFiles, again.PartlyFailed));
        Assert.StartsWith("1 of 5 records failed; first: " + jsonl + "#3", Assert.Single(again.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_folder_is_named_and_the_store_is_not_touched()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var empty = Path.Combine(dir, "empty");
        var onlySkipped = Path.Combine(dir, "only-provenance");
        Directory.CreateDirectory(empty);
        Directory.CreateDirectory(onlySkipped);
        File.Copy(TestPaths.Seed004, Path.Combine(onlySkipped, "PROVENANCE.md"));
        using var store = KvStore.Open(TestFixtures.StorePath(dir));

        var found = BuildPipeline.Find([empty, onlySkipped]);
        Assert.Empty(found.Files);
        Assert.Equal(
            [
                (empty, "no documents found in this folder (it holds no files)"),
                (onlySkipped, "no documents found in this folder (1 file(s) or folder(s) in it skipped: hidden, or corpus description files)"),
            ],
            found.Warnings.Select(w => (w.File, w.Reason)));

        var report = BuildPipeline.Run(store, found, new BuildOptions { Prune = true });
        Assert.True(report.NothingRead);
        Assert.False(report.Changed);
        Assert.Equal(0, store.CurrentVersion);
        Assert.Empty(store.Files());
        Assert.Equal(found.Warnings, report.Warnings);
    }

    [SkippableFact]
    public void Copies_of_one_answer_are_reported_with_the_file_kept_and_why_by_the_resolvers_rule()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");

        // ah-tk-20232024-1786 as PDF, text and layout text: the PDF's reading finds 13 citations, the texts 10 each.
        const string Guid = "1b0f0b98-7c34-418c-98dc-43de7930e685";
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (folder, ext) in new[] { ("pdf", ".pdf"), ("txt", ".txt"), ("txt-layout", ".txt") })
        {
            Directory.CreateDirectory(Path.Combine(dir, "in", folder));
            files[folder] = Path.Combine(dir, "in", folder, Guid + ext);
            File.Copy(Corpus(folder, Guid, ext), files[folder]);
        }

        // The citation counts the rule weighs, read here independently of the build.
        var counts = files.ToDictionary(kv => kv.Key, kv => Extractor.Default.Extract(Ingest.FileSource.Read(kv.Value)).Citations.Count, StringComparer.Ordinal);
        Assert.Equal((13, 10, 10), (counts["pdf"], counts["txt"], counts["txt-layout"]));

        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var report = BuildPipeline.Run(store, [Path.Combine(dir, "in")]);
        var copies = Assert.Single(report.Copies);
        Assert.Equal("ah-tk-20232024-1786", copies.Id);
        Assert.Equal(files["pdf"], copies.Kept.File);
        Assert.Equal(files["pdf"], store.GetDocument("ah-tk-20232024-1786")!.File); // what the store serves is the kept copy
        Assert.Equal(
            [
                (files["txt-layout"], "more citations found in the kept file (13 against 10)"),
                (files["txt"], "more citations found in the kept file (13 against 10)"),
            ],
            copies.Merged.Select(m => (m.Copy.File, m.Why)));

        // Unchanged on the next build: nothing merged anew, so nothing said; one copy changed: said again.
        Assert.Empty(BuildPipeline.Run(store, [Path.Combine(dir, "in")]).Copies);
        File.AppendAllText(files["txt"], "\n");
        Assert.Equal("ah-tk-20232024-1786", Assert.Single(BuildPipeline.Run(store, [Path.Combine(dir, "in")]).Copies).Id);
    }

    [SkippableFact]
    public void Copies_with_as_many_citations_keep_the_first_path_and_say_so()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");

        // ah-tk-20232024-1314: no citation in any of its three copies, so the first path in ordinal order is kept.
        const string Guid = "00fe7edd-24c8-4857-98da-774ed3b06836";
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        File.Copy(Corpus("txt", Guid, ".txt"), Path.Combine(dir, "b-text.txt"));
        File.Copy(Corpus("pdf", Guid, ".pdf"), Path.Combine(dir, "a-scan.pdf"));
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var copies = Assert.Single(BuildPipeline.Run(store, [dir]).Copies);
        Assert.Equal(Path.Combine(dir, "a-scan.pdf"), copies.Kept.File);
        Assert.Equal([(Path.Combine(dir, "b-text.txt"), "as many citations found in both (0); the first path in ordinal order is kept")], copies.Merged.Select(m => (m.Copy.File, m.Why)));
    }

    [SkippableFact]
    public void A_file_of_no_known_kind_is_stored_as_unknown_and_named()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");

        // A corpus folder's description saved as a .txt: read (it is not skipped by name), recognised as nothing.
        var dir = PipelineFixtures.CopyToTemp(TestFixtures.Seeds);
        var notes = Path.Combine(dir, "input", "notes.txt");
        File.Copy(TestPaths.Corpus("pages-corpus-pointers", "PROVENANCE.md"), notes);
        using var store = KvStore.Open(TestFixtures.StorePath(dir));
        var report = BuildPipeline.Run(store, [Path.Combine(dir, "input")]);
        Assert.Equal([notes], report.Unrecognised);
        Assert.Equal("unknown", Assert.Single(store.Documents(), d => d.File == notes).Kind);
        Assert.Empty(report.Failures);
    }

    private static string Show(BuildProgress p) =>
        $"{p.Step} {p.Done}/{(p.Total is { } t ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}{(p.Finished ? " end" : p.Done == 0 ? " start" : string.Empty)}";

    private sealed class Recorder(List<BuildProgress> events) : IProgress<BuildProgress>
    {
        public void Report(BuildProgress value) => events.Add(value);
    }
}
