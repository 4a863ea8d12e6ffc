using System.Text.Json;

namespace KvGraph.Cli.Tests;

/// <summary>
/// <c>search</c> with its query syntax, filters and true total, and the same filters on <c>show</c>'s cited-by and
/// <c>unresolved</c>, on the two seeds: seed 000 (ah-tk-20202021-2302, answered by Kaag and Blok, cites kst-21501-20-1591)
/// and seed 004 (answer:2019Z19189, answered by Blok, cites 2019Z10940 four times).
/// </summary>
public sealed class SearchCliTests(CliEndToEndTests.SeedStore store) : IClassFixture<CliEndToEndTests.SeedStore>
{
    [Fact]
    public async Task Json_has_the_true_total_and_plain_snippets_with_highlight_offsets()
    {
        using var json = JsonDocument.Parse(await Run("search", "Xinjiang", "-n", "1", "--format", "json"));
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Single(results);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 2, json.RootElement.ToString());
        var hit = results[0];
        var snippet = hit.GetProperty("snippet").GetString()!;
        Assert.DoesNotContain("[", snippet, StringComparison.Ordinal);
        var spans = hit.GetProperty("highlights").EnumerateArray().Select(s => (s[0].GetInt32(), s[1].GetInt32())).ToList();
        Assert.NotEmpty(spans);
        Assert.All(spans, s => Assert.Equal("xinjiang", snippet[s.Item1..s.Item2].ToLowerInvariant()));
    }

    [Fact]
    public async Task The_table_footer_says_how_many_of_the_total_are_shown()
    {
        using var json = JsonDocument.Parse(await Run("search", "Oeigoer*", "--format", "json"));
        var total = json.RootElement.GetProperty("total").GetInt32();
        Assert.True(total >= 2);
        var table = await Run("search", "Oeigoer*", "-n", "1");
        Assert.Contains($"1 of {total} result(s)", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cited_id_not_in_the_corpus_is_found_and_says_who_cites_it()
    {
        using var json = JsonDocument.Parse(await Run("search", "2019Z10940", "--format", "json"));
        var hit = json.RootElement.GetProperty("results").EnumerateArray().First();
        Assert.Equal("2019Z10940", hit.GetProperty("id").GetString());
        Assert.False(hit.GetProperty("inCorpus").GetBoolean());
        Assert.Equal(1, hit.GetProperty("citedBy").GetInt32());
        Assert.Equal("not in corpus — cited by 1", hit.GetProperty("snippet").GetString());
    }

    [Fact]
    public async Task Filters_without_words_list_the_matching_documents_as_csv()
    {
        var kaag = (await Run("search", "--answerer", "Kaag", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ids = kaag.Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Contains("ah-tk-20202021-2302", ids);
        Assert.DoesNotContain("answer:2019Z19189", ids);

        // --minister is --answerer; Blok answered both seeds.
        var blok = (await Run("search", "--minister", "Blok", "--kind", "answer", "--format", "csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["ah-tk-20202021-2302", "answer:2019Z19189"], blok.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));

        // Dates are inclusive; the answer of 2021-04-12 is in April 2021, not after it.
        var april = await Run("search", "Xinjiang", "--from", "2021-04", "--to", "2021-04-12", "--format", "csv");
        Assert.Contains("ah-tk-20202021-2302", april, StringComparison.Ordinal);

        // The highlights column holds the matched spans as start-end offsets into the snippet, never a .NET type name.
        var row = april.Split('\n').Single(l => l.StartsWith("ah-tk-20202021-2302,", StringComparison.Ordinal));
        Assert.DoesNotContain("KvGraph.", row, StringComparison.Ordinal);
        Assert.Matches(@",[0-9]+-[0-9]+(; [0-9]+-[0-9]+)*$", row);
        var later = await Run("search", "Xinjiang", "--from", "2021-04-13", "--format", "csv");
        Assert.DoesNotContain("ah-tk-20202021-2302", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_and_unresolved_take_the_same_filters()
    {
        using var all = JsonDocument.Parse(await Run("show", "2019Z10940", "--format", "json"));
        Assert.NotEmpty(all.RootElement.GetProperty("citedBy").EnumerateArray());
        using var none = JsonDocument.Parse(await Run("show", "2019Z10940", "--answerer", "Kaag", "--format", "json"));
        Assert.Empty(none.RootElement.GetProperty("citedBy").EnumerateArray());

        var byKaag = await Run("unresolved", "--answerer", "Kaag", "--format", "csv");
        Assert.Contains("kst-21501-20-1591,", byKaag, StringComparison.Ordinal);
        Assert.DoesNotContain("2019Z10940,", byKaag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2024-13-01", "'2024-13-01' is not a date")] // no 13th month
    [InlineData("--kind", "vraag", "'vraag' is not a kind")] // Dutch kind names are not kinds
    [InlineData("--dossier", "abc", "'abc' is not a Kamerstuk dossier number")] // not a number
    public async Task Bad_filter_values_are_a_users_message_and_exit_code_2(string option, string value, string message)
    {
        var (exit, output, err) = await CliRunner.Run("search", "Xinjiang", option, value, "--store", store.Path);
        Assert.Equal(2, exit);
        Assert.Contains(message, err + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", err + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_syntax_errors_are_notes_never_failures()
    {
        var (exit, output, err) = await CliRunner.Run("search", "\"Xinjiang", "--format", "json", "--store", store.Path);
        Assert.Equal(0, exit);
        Assert.Contains("note: A quote was not closed", err, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 1);
    }

    private async Task<string> Run(params string[] args)
    {
        var (exit, output, err) = await CliRunner.Run([.. args, "--store", store.Path]);
        Assert.True(exit == 0, err + output);
        return output;
    }
}
