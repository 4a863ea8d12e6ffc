using System.Text.Json;

namespace KvGraph.Cli.Tests;

/// <summary>
/// <c>kvgraph show person:…</c> on the seeds lists the person's questions, answers, motions and parties over time (Core's
/// Profiles, as the explorer's person page), not a placeholder: Van Ojik (GroenLinks) asked the questions of seed 000
/// (kv-tk-2021Z02286, 4 February 2021), which Blok, Minister of Foreign Affairs, answered on 12 April 2021.
/// </summary>
public sealed class ShowPersonTests(CliEndToEndTests.SeedStore store) : IClassFixture<CliEndToEndTests.SeedStore>
{
    [Fact]
    public async Task An_askers_questions_and_parties_are_listed()
    {
        using var json = JsonDocument.Parse(await Run("show", "person:van-ojik", "--format", "json"));
        var root = json.RootElement;
        var question = Assert.Single(root.GetProperty("questions").EnumerateArray());
        Assert.Equal("kv-tk-2021Z02286", question.GetProperty("id").GetString());
        Assert.Equal("2021-02-04", question.GetProperty("date").GetString());
        var party = Assert.Single(root.GetProperty("parties").EnumerateArray());
        Assert.Equal("GroenLinks", party.GetProperty("party").GetString());
        Assert.Equal("2021-02-04", party.GetProperty("from").GetString());
        Assert.Empty(root.GetProperty("answers").EnumerateArray());
        Assert.Empty(root.GetProperty("motions").EnumerateArray());
    }

    [Fact]
    public async Task An_answerers_answers_and_office_are_listed_and_the_table_is_not_a_placeholder()
    {
        var csv = await Run("show", "person:blok", "--format", "csv");
        Assert.Contains("# answers\nid,kind,date,citedBy,title\nah-tk-20202021-2302,answer,2021-04-12,", csv, StringComparison.Ordinal);
        Assert.Contains("minister buitenlandse zaken,1,2021-04-12,2021-04-12", csv, StringComparison.OrdinalIgnoreCase);

        var table = await Run("show", "person:blok");
        Assert.Contains("Answers signed", table, StringComparison.Ordinal);
        Assert.DoesNotContain("not in the corpus", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Questions asked", table, StringComparison.Ordinal); // an empty list is left out on a terminal
    }

    private async Task<string> Run(params string[] args)
    {
        var (exit, output, err) = await CliRunner.Run([.. args, "--store", store.Path]);
        Assert.True(exit == 0, err + output);
        return output;
    }
}
