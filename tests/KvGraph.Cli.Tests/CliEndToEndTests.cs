using System.Text.Json;
using KvGraph.TestSupport;

namespace KvGraph.Cli.Tests;

/// <summary>The real commands on the seeds (and our fictional graph fixtures), in-process.</summary>
public sealed class CliEndToEndTests : IClassFixture<CliEndToEndTests.SeedStore>
{
    private readonly SeedStore _store;

    public CliEndToEndTests(SeedStore store) => _store = store;

    /// <summary>One store built from the seeds by `kvgraph build`, shared by the read-only tests.</summary>
    public sealed class SeedStore
    {
        public SeedStore()
        {
            Path = System.IO.Path.Combine(TestPaths.NewTempDir("kvgraph-cli"), "kvgraph.db");
            (Exit, Out, Err) = CliRunner.Run("build", TestPaths.Seeds, "--store", Path).GetAwaiter().GetResult();
        }

        public string Path { get; }

        public int Exit { get; }

        public string Out { get; }

        public string Err { get; }
    }

    [Fact]
    public void Build_prints_a_summary_and_succeeds()
    {
        Assert.True(_store.Exit == 0, _store.Err + _store.Out);
        Assert.Contains("Documents by kind", _store.Out, StringComparison.Ordinal);
        Assert.Contains("Citations by kind", _store.Out, StringComparison.Ordinal);
        Assert.Contains("unresolved (placeholder)", _store.Out, StringComparison.Ordinal);
        Assert.Contains("2 files: 2 extracted", _store.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_with_chains_shows_what_each_answer_cites()
    {
        // The README's main job: build the seeds and show the chains. Seed 000 cites four motions, seed 004 a letter.
        var store = Path.Combine(TestPaths.NewTempDir(), "chains.db");
        var (exit, output, err) = await CliRunner.Run("build", TestPaths.Seeds, "--chains", "--store", store);
        Assert.True(exit == 0, err + output);
        Assert.Contains("Citation chains", output, StringComparison.Ordinal);
        foreach (var motion in new[] { "kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53", "letter:2018-08-27" })
        {
            Assert.Contains(motion, output, StringComparison.Ordinal);
        }

        Assert.Contains("ah-tk-20202021-2302", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_lists_the_four_motion_citations_with_quotes()
    {
        var (exit, output, err) = await CliRunner.Run("show", "ah-tk-20202021-2302", "--store", _store.Path);
        Assert.True(exit == 0, err);
        foreach (var id in new[] { "kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53" })
        {
            Assert.Contains(id, output, StringComparison.Ordinal);
        }

        Assert.Contains("Van den Nieuwenhuijzen c.s.", output, StringComparison.Ordinal);
        Assert.Contains("2021Z02286", output, StringComparison.Ordinal);
        Assert.Contains("Cited by (0 documents, 0 mentions)", output, StringComparison.Ordinal);
        Assert.Contains("Items", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_by_alias_and_an_unknown_id_gives_a_clear_error_without_stack_trace()
    {
        var (exit, output, _) = await CliRunner.Run("show", "2021Z02286", "--store", _store.Path);
        Assert.Equal(0, exit);
        Assert.Contains("ah-tk-20202021-2302", output, StringComparison.Ordinal);

        var (bad, _, err) = await CliRunner.Run("show", "kst-00000-0", "--store", _store.Path);
        Assert.Equal(2, bad);
        Assert.Contains("'kst-00000-0' is not in the store", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);

        var (missing, _, err2) = await CliRunner.Run("stats", "--store", Path.Combine(TestPaths.NewTempDir(), "none.db"));
        Assert.Equal(2, missing);
        Assert.Contains("No store at", err2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_prints_the_citation_tree_and_reverse_finds_the_citer()
    {
        var (exit, output, err) = await CliRunner.Run("trace", "ah-tk-20202021-2302", "--depth", "2", "--store", _store.Path);
        Assert.True(exit == 0, err);
        Assert.Contains("ah-tk-20202021-2302", output, StringComparison.Ordinal);
        Assert.Contains("kst-35570-V-53", output, StringComparison.Ordinal);
        Assert.Contains("not in corpus", output, StringComparison.Ordinal);

        var (rexit, reverse, _) = await CliRunner.Run("trace", "kst-35570-V-53", "--reverse", "--store", _store.Path);
        Assert.Equal(0, rexit);
        Assert.Contains("ah-tk-20202021-2302", reverse, StringComparison.Ordinal);

        var (bad, _, err3) = await CliRunner.Run("trace", "ah-tk-20202021-2302", "--depth", "0", "--store", _store.Path);
        Assert.Equal(2, bad);
        Assert.Contains("--depth must be a whole number from 1 to 10, not '0'.", err3, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unresolved_search_stats_and_related_answer_on_the_seeds()
    {
        var (u, unresolved, _) = await CliRunner.Run("unresolved", "--store", _store.Path);
        Assert.Equal(0, u);
        Assert.Contains("kst-21501-20-1596", unresolved, StringComparison.Ordinal);
        Assert.Contains("2019Z10940", unresolved, StringComparison.Ordinal);
        Assert.Contains("zoek.officielebekendmakingen.nl/kst-21501-20-1596", unresolved, StringComparison.Ordinal);

        var (s, search, _) = await CliRunner.Run("search", "Xinjiang", "--store", _store.Path);
        Assert.Equal(0, s);
        Assert.Contains("ah-tk-20202021-2302", search, StringComparison.Ordinal);

        var (st, stats, _) = await CliRunner.Run("stats", "--store", _store.Path);
        Assert.Equal(0, st);
        Assert.Contains("motion", stats, StringComparison.Ordinal);
        Assert.Contains("answer", stats, StringComparison.Ordinal);

        var (r, related, err) = await CliRunner.Run("related", "ah-tk-20202021-2302", "--store", _store.Path);
        Assert.True(r == 0, err);
        Assert.Contains("Related to ah-tk-20202021-2302", related, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Related_on_the_fixtures_shows_reasons_and_scores()
    {
        var store = Path.Combine(TestPaths.NewTempDir("kvgraph-cli"), "kvgraph.db");
        var (b, _, berr) = await CliRunner.Run("build", TestPaths.Seeds, Path.Combine(TestPaths.Fixtures, "graph"), "--store", store);
        Assert.True(b == 0, berr);
        var (r, related, err) = await CliRunner.Run("related", "ah-tk-20202021-9001", "--store", store);
        Assert.True(r == 0, err);
        Assert.Contains("ah-tk-20202021-2302", related, StringComparison.Ordinal);
        Assert.Contains("coupling: kst-21501-20-1591", related, StringComparison.Ordinal);

        var (t, trace, _) = await CliRunner.Run("trace", "ah-tk-20202021-9002", "--depth", "3", "--store", store);
        Assert.Equal(0, t);
        Assert.Contains("(cycle)", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_json_follows_the_contract()
    {
        var (exit, output, err) = await CliRunner.Run("extract", TestPaths.Seed000, "--format", "json");
        Assert.True(exit == 0, err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(TestPaths.Seed000, root.GetProperty("file").GetString());
        var doc = root.GetProperty("doc");
        foreach (var field in new[] { "kind", "id", "zaak", "submitted", "answered", "askers", "answerers" })
        {
            Assert.True(doc.TryGetProperty(field, out _), field);
        }

        Assert.Equal("ah-tk-20202021-2302", doc.GetProperty("id").GetString());
        Assert.Equal("answer", doc.GetProperty("kind").GetString());
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.All(citations, c =>
        {
            foreach (var field in new[] { "kind", "target", "sponsor", "quote", "start", "end", "confidence" })
            {
                Assert.True(c.TryGetProperty(field, out _), field);
            }
        });
        Assert.Equal(4, citations.Count(c => c.GetProperty("kind").GetString() == "motion"));
        Assert.All(root.GetProperty("entities").EnumerateArray(), e => Assert.True(e.TryGetProperty("kind", out _) && e.TryGetProperty("id", out _) && e.TryGetProperty("name", out _)));

        // Two files: an array; a missing file: reported, exit code 1.
        var (two, arr, _) = await CliRunner.Run("extract", TestPaths.Seed000, TestPaths.Seed004, "--format", "json");
        Assert.Equal(0, two);
        Assert.Equal(2, JsonDocument.Parse(arr).RootElement.GetArrayLength());
        var (bad, _, berr) = await CliRunner.Run("extract", Path.Combine(TestPaths.Seeds, "nope.txt"));
        Assert.Equal(1, bad);
        Assert.Contains("nope.txt", berr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_with_a_bad_file_exits_non_zero_and_names_it()
    {
        var dir = TestPaths.NewTempDir("kvgraph-cli");
        File.Copy(TestPaths.Seed000, Path.Combine(dir, "seed.txt"));
        File.WriteAllBytes(Path.Combine(dir, "empty.txt"), []);
        var (exit, output, _) = await CliRunner.Run("build", dir, "--store", Path.Combine(dir, "s.db"));
        Assert.Equal(1, exit);
        Assert.Contains("empty.txt", output, StringComparison.Ordinal);
        Assert.Contains("Failures (1 file(s) failed):", output.Split('\n'));

        var (show, _, _) = await CliRunner.Run("show", "ah-tk-20202021-2302", "--store", Path.Combine(dir, "s.db"));
        Assert.Equal(0, show);
    }

    [Fact]
    public async Task The_store_path_comes_from_the_environment_when_not_given()
    {
        var path = Path.Combine(TestPaths.NewTempDir("kvgraph-cli"), "env.db");
        Environment.SetEnvironmentVariable("KVGRAPH_STORE", path);
        try
        {
            var (exit, _, err) = await CliRunner.Run("build", TestPaths.Seed004);
            Assert.True(exit == 0, err);
            Assert.True(File.Exists(path));
        }
        finally
        {
            Environment.SetEnvironmentVariable("KVGRAPH_STORE", null);
        }
    }
}
