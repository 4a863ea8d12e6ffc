using System.Text.Json;
using KvGraph.Cli.Hosting;
using KvGraph.Store;
using KvGraph.TestSupport;
using Spectre.Console;

namespace KvGraph.Cli.Tests;

/// <summary>
/// Issue 10, build feedback, through the real <c>kvgraph build</c>: step lines on stderr (a bar per step on a terminal),
/// a warning naming an empty folder, no store when nothing could be read, one set of failure counts everywhere, skipped
/// and unrecognised files named, copies of one document with the kept file and why, the change counter named for what
/// it is, and bad option values said in the user's words. Real files only: the seeds, and small real subsets of the
/// corpus copied to a temp folder at test time.
/// </summary>
public sealed class BuildFeedbackTests
{
    private static string NewStore(string dir) => Path.Combine(dir, "store", "kvgraph.db");

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public async Task A_missing_input_alone_fails_once_everywhere_and_leaves_no_store()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var store = NewStore(dir);
        var nope = Path.Combine(dir, "nope.txt");
        var (exit, output, err) = await CliRunner.Run("build", nope, "--store", store);

        Assert.Equal(1, exit);
        Assert.Equal(
            ["Failures (1 input(s) or folder(s) could not be read):", $"failed: {nope}: no such file or folder", string.Empty],
            Lines(output));
        Assert.Contains($"kvgraph: nothing to build: no document file was found in the inputs (1 input(s) could not be read); no store was created at {store}.", Lines(err));
        Assert.False(File.Exists(store));
        Assert.False(Directory.Exists(Path.GetDirectoryName(store)));
    }

    [Fact]
    public async Task An_empty_folder_is_named_exits_non_zero_and_leaves_no_store()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var empty = Path.Combine(dir, "empty");
        Directory.CreateDirectory(empty);
        var store = NewStore(dir);
        var (exit, output, err) = await CliRunner.Run("build", empty, "--store", store);

        Assert.Equal(1, exit);
        Assert.Equal([$"warning: {empty}: no documents found in this folder (it holds no files)", string.Empty], Lines(output));
        Assert.Contains($"kvgraph: nothing to build: no document file was found in the inputs (the folders hold no files); no store was created at {store}.", Lines(err));
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task A_folder_of_only_skipped_files_says_what_was_skipped_and_why()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var folder = Path.Combine(dir, "in");
        Directory.CreateDirectory(folder);
        File.Copy(TestPaths.Seed000, Path.Combine(folder, "README.md"));
        File.Copy(TestPaths.Seed004, Path.Combine(folder, ".seed004.txt"));
        var store = NewStore(dir);
        var (exit, output, _) = await CliRunner.Run("build", folder, "--store", store, "--verbose");

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"warning: {folder}: no documents found in this folder (2 file(s) or folder(s) in it skipped: hidden, or corpus description files)",
                "Skipped 2 file(s) or folder(s), not read on purpose:",
                "  1 describes the corpus folder, not a document (PROVENANCE.md, README.md, index.tsv, fetch-state.json, truth.jsonl, LICENSE)",
                "  1 hidden (the name starts with a dot)",
                $"skipped: {Path.Combine(folder, ".seed004.txt")}: hidden (the name starts with a dot)",
                $"skipped: {Path.Combine(folder, "README.md")}: describes the corpus folder, not a document (PROVENANCE.md, README.md, index.tsv, fetch-state.json, truth.jsonl, LICENSE)",
                string.Empty,
            ],
            Lines(output));
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task A_missing_input_beside_an_empty_folder_names_both()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var empty = Path.Combine(dir, "empty");
        Directory.CreateDirectory(empty);
        File.WriteAllText(Path.Combine(empty, ".keep"), string.Empty);
        var nope = Path.Combine(dir, "nope");
        var store = NewStore(dir);
        var (exit, output, err) = await CliRunner.Run("build", empty, nope, "--store", store);

        Assert.Equal(1, exit);
        Assert.Contains($"warning: {empty}: no documents found in this folder (1 file(s) or folder(s) in it skipped: hidden, or corpus description files)", Lines(output));
        Assert.Contains($"failed: {nope}: no such file or folder", Lines(output));
        Assert.Contains($"kvgraph: nothing to build: no document file was found in the inputs (1 input(s) could not be read, 1 file(s) or folder(s) skipped); no store was created at {store}.", Lines(err));
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task A_folder_where_every_file_fails_exits_non_zero_and_leaves_no_store()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var folder = Path.Combine(dir, "in");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "empty.txt"), []);
        var store = NewStore(dir);
        var (exit, output, err) = await CliRunner.Run("build", folder, "--store", store);

        Assert.Equal(1, exit);
        Assert.Contains(Lines(output), l => l.StartsWith("1 files: 0 extracted, 0 unchanged, 1 failed, 0 pruned, in ", StringComparison.Ordinal));
        Assert.Contains("Failures (1 file(s) failed):", Lines(output));
        Assert.Contains($"failed: {Path.Combine(folder, "empty.txt")}: the file is empty", Lines(output));
        Assert.Contains($"kvgraph: nothing could be read: all 1 file(s) found failed; no store was created at {store}.", Lines(err));
        Assert.DoesNotContain("Totals", output, StringComparison.Ordinal); // no store, so no store tables
        Assert.False(File.Exists(store));
        Assert.False(File.Exists(store + "-wal"));
    }

    [Fact]
    public async Task Failure_counts_agree_in_the_summary_the_failure_list_the_table_and_the_exit_code_on_every_build()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var folder = Path.Combine(dir, "in");
        Directory.CreateDirectory(folder);
        File.Copy(TestPaths.Seed000, Path.Combine(folder, "seed000.txt"));
        File.Copy(TestPaths.Seed004, Path.Combine(folder, "seed004.txt"));
        File.WriteAllBytes(Path.Combine(folder, "empty.txt"), []);
        var nope = Path.Combine(dir, "nope.txt");
        var store = NewStore(dir);

        foreach (var (build, summary, storeLine) in new[]
        {
            (1, "3 files: 2 extracted, 0 unchanged, 1 failed, 0 pruned, in ", $"Store {store}: changed by this build (1 build has changed it)"),
            (2, "3 files: 0 extracted, 2 unchanged, 1 failed, 0 pruned, in ", $"Store {store}: not changed by this build (1 build has changed it)"),
        })
        {
            var (exit, output, err) = await CliRunner.Run("build", folder, nope, "--store", store);
            var lines = Lines(output);
            Assert.True(exit == 1, $"build {build}: {err}{output}");
            Assert.Contains(storeLine, lines);
            var line = Assert.Single(lines, l => l.StartsWith(summary, StringComparison.Ordinal));
            Assert.EndsWith(" s; 1 input(s) or folder(s) could not be read", line, StringComparison.Ordinal);
            Assert.Contains("Failures (1 file(s) failed, 1 input(s) or folder(s) could not be read):", lines);
            Assert.Equal(
                [$"failed: {Path.Combine(folder, "empty.txt")}: the file is empty", $"failed: {nope}: no such file or folder"],
                lines.Where(l => l.StartsWith("failed: ", StringComparison.Ordinal)));

            // The store's table counts the store's files: empty.txt is stored as failed, a missing input is no file of it.
            Assert.Matches(@"│ files stored as failed\s+│\s+1 │", output);
            Assert.Matches(@"│ builds that changed the store\s+│\s+1 │", output);
        }

        // stats says the same, in the table and in JSON.
        var (_, table, _) = await CliRunner.Run("stats", "--store", store);
        Assert.Matches(@"│ files stored as failed\s+│\s+1 │", table);
        var (_, json, _) = await CliRunner.Run("stats", "--store", store, "--format", "json");
        var totals = JsonDocument.Parse(json).RootElement.GetProperty("totals").EnumerateArray().ToDictionary(t => t.GetProperty("what").GetString()!, t => t.GetProperty("count").GetInt64());
        Assert.Equal(1, totals["filesFailed"]);
        Assert.Equal(1, totals["buildsThatChanged"]);
    }

    [Fact]
    public async Task Not_on_a_terminal_each_step_is_a_plain_line_on_stderr_with_its_count()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var (exit, output, err) = await CliRunner.Run("build", TestPaths.Seeds, "--prune", "--store", NewStore(dir));
        Assert.True(exit == 0, err + output);
        Assert.Equal(
            [
                "build: finding files",
                "build: finding files: 2 found",
                "build: reading and extracting files 0/2",
                "build: reading and extracting files: done (2/2)",
                "build: pruning files no longer among the inputs 0/0",
                "build: pruning files no longer among the inputs: done (0/0)",
                "build: writing the store",
                "build: writing the store: done",
                "build: resolving citations and counting",
                "build: resolving citations and counting: done",
                string.Empty,
            ],
            Lines(err));
        Assert.DoesNotContain("build:", output, StringComparison.Ordinal); // stdout keeps the summary only
    }

    [Fact]
    public async Task On_a_terminal_each_step_has_its_own_bar_that_ends_at_its_own_end()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        var exit = await CliApp.RunAsync(["build", TestPaths.Seeds, "--store", NewStore(dir)], console, error);
        Assert.True(exit == 0, error.ToString() + output);

        // The bars' last frame, without the cursor moves: each step's own task at 100%, the file steps with their counts.
        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", string.Empty);
        foreach (var step in new[] { "finding files 2/2", "reading and extracting files 2/2", "writing the store", "resolving citations and counting" })
        {
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(text, $@"{System.Text.RegularExpressions.Regex.Escape(step)}\s.*100%"), text);
        }

        Assert.Empty(error.ToString()); // no step lines on stderr when the bars show the steps
    }

    [SkippableFact]
    public async Task Copies_of_one_answer_and_an_unrecognised_file_from_the_corpus_are_each_named_with_why()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"The corpus is not at {TestPaths.CorpusRaw}");

        // One real Q/A as PDF, text and layout text (learninglion-kamervragen), and a stray notes file that is no document kind.
        const string Guid = "1b0f0b98-7c34-418c-98dc-43de7930e685";
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var input = Path.Combine(dir, "in");
        string In(string folder, string ext) => Path.Combine(input, folder, Guid + ext);
        foreach (var (folder, ext) in new[] { ("pdf", ".pdf"), ("txt", ".txt"), ("txt-layout", ".txt") })
        {
            Directory.CreateDirectory(Path.Combine(input, folder));
            File.Copy(TestPaths.Corpus("learninglion-kamervragen", folder, Guid + ext), In(folder, ext));
        }

        var notes = Path.Combine(input, "notes.txt");
        File.Copy(TestPaths.Corpus("pages-corpus-pointers", "PROVENANCE.md"), notes);
        var store = NewStore(dir);

        // How many citations each copy yields, independently of the build (kvgraph extract).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in new[] { In("pdf", ".pdf"), In("txt", ".txt"), In("txt-layout", ".txt") })
        {
            var (x, json, xerr) = await CliRunner.Run("extract", file, "--format", "json");
            Assert.True(x == 0, xerr);
            counts[file] = JsonDocument.Parse(json).RootElement.GetProperty("citations").GetArrayLength();
        }

        var (exit, output, err) = await CliRunner.Run("build", input, "--store", store);
        Assert.True(exit == 0, err + output);
        var lines = Lines(output);
        Assert.Single(lines, l => l.StartsWith("4 files: 4 extracted, 0 unchanged, 0 failed, 0 pruned, in ", StringComparison.Ordinal)
            && l.EndsWith(" s; 1 not recognised (stored as unknown); 1 document(s) found in several files, merged", StringComparison.Ordinal));
        Assert.Contains(
            $"warning: ah-tk-20232024-1786: one document in 3 files: kept {In("pdf", ".pdf")}; "
            + $"merged {In("txt-layout", ".txt")} (more citations found in the kept file ({counts[In("pdf", ".pdf")]} against {counts[In("txt-layout", ".txt")]})); "
            + $"merged {In("txt", ".txt")} (more citations found in the kept file ({counts[In("pdf", ".pdf")]} against {counts[In("txt", ".txt")]}))",
            lines);
        Assert.Contains(
            $"warning: {notes}: not recognised as a question, answer, motion, letter, Kamerstuk, Handelingen or deferral; stored as kind \"unknown\" under its file name",
            lines);

        // The kept copy is the one the store serves.
        using var s = KvStore.OpenReadOnly(store);
        Assert.Equal(In("pdf", ".pdf"), s.GetDocument("ah-tk-20232024-1786")!.File);
        Assert.Equal("unknown", s.Documents().Single(d => d.File == notes).Kind);
    }

    [Fact]
    public async Task A_generated_corpus_builds_without_its_truth_file_and_without_copies_warnings()
    {
        // `kvgraph synth` writes truth.jsonl beside its documents; built as a document it became one "unknown" node whose
        // thousands of records were each reported as a copy of it in "several files" (one 10 MB warning on 100,000 documents).
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var docs = Path.Combine(dir, "synth");
        Assert.Equal(0, (await CliRunner.Run("synth", docs, "--docs", "40", "--seed", "3")).Exit);
        Assert.True(File.Exists(Path.Combine(docs, "truth.jsonl")));

        var (exit, output, err) = await CliRunner.Run("build", docs, "--store", NewStore(dir), "--verbose");
        Assert.True(exit == 0, output + err);
        Assert.Contains($"skipped: {Path.Combine(docs, "truth.jsonl")}: describes the corpus folder, not a document", output + err, StringComparison.Ordinal);
        Assert.DoesNotContain("one document in", output + err, StringComparison.Ordinal);
        Assert.DoesNotContain("not recognised", output + err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_unrecognised_files_than_are_named_give_a_count_and_how_to_see_all()
    {
        // Six stray text files, none a parliamentary document (made from the seed's opening words, cut before its metadata).
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        var words = string.Join(' ', File.ReadAllText(TestPaths.Seed000).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(6));
        for (var i = 1; i <= 6; i++)
        {
            File.WriteAllText(Path.Combine(input, $"note{i}.txt"), $"Notitie {i}: {words}\n");
        }

        var (exit, output, err) = await CliRunner.Run("build", input, "--store", NewStore(dir));
        Assert.True(exit == 0, err + output);
        var named = Lines(output).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                .. Enumerable.Range(1, 5).Select(i => $"warning: {Path.Combine(input, $"note{i}.txt")}: not recognised as a question, answer, motion, letter, Kamerstuk, Handelingen or deferral; stored as kind \"unknown\" under its file name"),
                "warning: 1 more file(s) not recognised, stored as kind \"unknown\" (--verbose names each)",
            ],
            named);

        var (_, verbose, _) = await CliRunner.Run("build", input, "--store", NewStore(TestPaths.NewTempDir("kvgraph-feedback")), "--verbose");
        Assert.Equal(6, Lines(verbose).Count(l => l.StartsWith("warning: ", StringComparison.Ordinal) && l.Contains("not recognised", StringComparison.Ordinal)));
    }

    /// <summary>Bad values for build's options and inputs: the user's words, exit code 2, no .NET type name, no store made.</summary>
    public static TheoryData<string[], string> BadValues => new()
    {
        // not a number
        { ["--jobs", "abc"], "--jobs must be a whole number from 0 to 256, not 'abc'." },
        // negative
        { ["--jobs", "-1"], "--jobs must be a whole number from 0 to 256, not '-1'." },
        // a comma decimal is not read as a thousands separator
        { ["--max-file-mb", "1,5"], "--max-file-mb must be a number more than 0 and at most 1048576, not '1,5'." },
        // zero
        { ["--max-file-mb", "0"], "--max-file-mb must be a number more than 0 and at most 1048576, not '0'." },
        // not a number
        { ["--file-timeout", "soon"], "--file-timeout must be a number more than 0 and at most 86400, not 'soon'." },
        // beyond a day
        { ["--file-timeout", "1e9"], "--file-timeout must be a number more than 0 and at most 86400, not '1e9'." },
        // NaN parses as a double; it is no limit
        { ["--file-timeout", "NaN"], "--file-timeout must be a number more than 0 and at most 86400, not 'NaN'." },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Bad_option_values_get_a_plain_message_and_no_store(string[] option, string message)
    {
        var store = NewStore(TestPaths.NewTempDir("kvgraph-feedback"));
        var (exit, output, err) = await CliRunner.Run(["build", TestPaths.Seeds, .. option, "--store", store]);
        Assert.Equal(2, exit);
        Assert.Contains(message, err + output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", err + output, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task An_empty_input_path_or_a_store_that_is_a_folder_gets_a_plain_message()
    {
        var dir = TestPaths.NewTempDir("kvgraph-feedback");
        var (exit, _, err) = await CliRunner.Run("build", " ", "--store", NewStore(dir));
        Assert.Equal(2, exit);
        Assert.Equal("kvgraph: an input path is empty; give the files and folders to build from.", Lines(err).Single(l => l.StartsWith("kvgraph:", StringComparison.Ordinal)));

        var (folder, _, ferr) = await CliRunner.Run("build", TestPaths.Seeds, "--store", dir);
        Assert.Equal(2, folder);
        Assert.Contains($"kvgraph: {dir}: cannot open the store", ferr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", ferr, StringComparison.Ordinal);
    }
}
