using System.Diagnostics;
using System.Text.Json;
using KvGraph.Cli.Commands;
using KvGraph.TestSupport;

namespace KvGraph.Cli.Tests;

/// <summary>
/// <c>--format table|json|jsonl|csv</c> on every command that prints data, on the seeds: JSON is one object with a list per
/// sheet, JSON Lines one object per row, CSV a header and rows; piped, tables keep whole lines.
/// </summary>
public sealed class OutputFormatTests : IClassFixture<CliEndToEndTests.SeedStore>
{
    private readonly CliEndToEndTests.SeedStore _store;

    public OutputFormatTests(CliEndToEndTests.SeedStore store) => _store = store;

    [Fact]
    public async Task Show_as_json_holds_the_citations_with_their_quotes()
    {
        using var json = JsonDocument.Parse(await Run("show", "ah-tk-20202021-2302", "--format", "json"));
        var cites = json.RootElement.GetProperty("cites").EnumerateArray().ToList();
        Assert.Contains(cites, c => c.GetProperty("target").GetString() == "kst-21501-20-1591" && c.GetProperty("kind").GetString() == "motion"
            && c.GetProperty("quote").GetString()!.Contains("Van den Nieuwenhuijzen", StringComparison.Ordinal) && c.GetProperty("start").GetInt64() > 0);
        Assert.Contains(json.RootElement.GetProperty("properties").EnumerateArray(), p => p.GetProperty("key").GetString() == "id" && p.GetProperty("value").GetString() == "ah-tk-20202021-2302");
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("citedBy").ValueKind);
    }

    [Fact]
    public async Task Trace_as_json_lines_is_one_step_per_line_with_its_parent()
    {
        var lines = (await Run("trace", "ah-tk-20202021-2302", "--depth", "1", "--format", "jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var steps = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(0, steps[0].GetProperty("depth").GetInt32());
        Assert.Equal(["kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53"],
            steps.Where(s => s.GetProperty("depth").GetInt32() == 1 && s.GetProperty("citationKind").GetString() == "motion").Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.All(steps.Skip(1), s => Assert.Equal("ah-tk-20202021-2302", s.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task Unresolved_search_related_and_stats_as_csv_have_a_header_and_rows()
    {
        var unresolved = (await Run("unresolved", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,kind,cited,citedBy,officialUrl,candidates", unresolved[0]);
        Assert.Contains(unresolved, l => l.StartsWith("2019Z10940,answer,4,", StringComparison.Ordinal));

        var search = (await Run("search", "Oeigoeren", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,kind,date,inCorpus,citedBy,askers,answerers,title,match,snippet,highlights", search[0]);
        Assert.True(search.Length > 1, string.Join('\n', search));

        var stats = await Run("stats", "--format", "csv");
        Assert.Contains("# totals\nwhat,count\n", stats, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await Run("stats", "--format", "json"));
        Assert.True(json.RootElement.GetProperty("totals").EnumerateArray().Single(r => r.GetProperty("what").GetString() == "documents").GetProperty("count").GetInt64() >= 2);

        using var related = JsonDocument.Parse(await Run("related", "ah-tk-20202021-2302", "--format", "json"));
        Assert.Equal(JsonValueKind.Array, related.RootElement.GetProperty("related").ValueKind);
    }

    /// <summary>Cells that a spreadsheet would run or split are quoted or neutralised (RFC 4180).</summary>
    public static TheoryData<string, string> Cells => new()
    {
        { "plain", "plain" },
        { "a, b", "\"a, b\"" },
        { "zei \"ja\"", "\"zei \"\"ja\"\"\"" },
        { "twee\nregels", "\"twee\nregels\"" },
        { "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"" },
        { "-12", "-12" },
        { "@cmd", "'@cmd" },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Csv_cells_follow_rfc_4180_and_never_start_a_formula(string value, string cell) => Assert.Equal(cell, Output.CsvCell(value));

    [Fact]
    public void Piped_output_keeps_whole_lines_so_grep_finds_ids()
    {
        // The real process with stdout redirected: no table row is wrapped at 80 columns, so every cited id is on one line.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kvgraph.dll"));
        foreach (var a in new[] { "show", "ah-tk-20202021-2302", "--store", _store.Path })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment.Remove("KVGRAPH_STORE");
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, p.ExitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("kst-21501-20-1591", StringComparison.Ordinal) && l.Contains("motion", StringComparison.Ordinal));
        Assert.Contains("motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)", line, StringComparison.Ordinal);
        Assert.StartsWith("── ah-tk-20202021-2302", output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_reads_a_folder_and_streams_one_document_per_line()
    {
        var (exit, output, err) = await CliRunner.Run("extract", TestPaths.Seeds, "--format", "jsonl");
        Assert.True(exit == 0, err);
        var docs = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetProperty("id").GetString()).ToList();
        Assert.Equal(["ah-tk-20202021-2302", "answer:2019Z19189"], docs.Order(StringComparer.Ordinal));

        // A folder as JSON is an array; a missing path is named with the reason and the exit code says so.
        var (_, array, _) = await CliRunner.Run("extract", TestPaths.Seeds, "--format", "json");
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(array).RootElement.ValueKind);
        var (missing, _, why) = await CliRunner.Run("extract", Path.Combine(TestPaths.Seeds, "nope.txt"), "--format", "json");
        Assert.Equal(1, missing);
        Assert.Contains("nope.txt: no such file or folder", why, StringComparison.Ordinal);
    }

    /// <summary>Bad option values are the user's mistake, said in their words; the bounds are the API's (QueryLimits).</summary>
    public static TheoryData<string[], string> BadOptions => new()
    {
        // not a number: no .NET type name
        { ["trace", "ah-tk-20202021-2302", "--depth", "abc"], "--depth must be a whole number from 1 to 10, not 'abc'." },
        // beyond the shared bound
        { ["trace", "ah-tk-20202021-2302", "--depth", "11"], "--depth must be a whole number from 1 to 10, not '11'." },
        { ["related", "ah-tk-20202021-2302", "-n", "51"], "--limit must be a whole number from 1 to 50, not '51'." },
        { ["search", "stikstof", "-n", "0"], "--limit must be a whole number from 1 to 100, not '0'." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public async Task Bad_option_values_get_a_plain_message(string[] args, string message)
    {
        var (exit, output, err) = await CliRunner.Run([.. args, "--store", _store.Path]);
        Assert.Equal(2, exit);
        Assert.Contains(message, err + output, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Int32", err + output, StringComparison.Ordinal);
    }

    private async Task<string> Run(params string[] args)
    {
        var (exit, output, err) = await CliRunner.Run([.. args, "--store", _store.Path]);
        Assert.True(exit == 0, err + output);
        return output;
    }
}
