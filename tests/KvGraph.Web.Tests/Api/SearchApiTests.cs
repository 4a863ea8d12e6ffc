using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

public sealed class SearchApiTests(SeedCorpus corpus) : ApiTestBase(corpus)
{
    [Fact]
    public async Task Full_text_search_for_Xinjiang_finds_both_seeds_with_kind_date_askers_and_answerers()
    {
        var page = await GetJson("/api/search?q=Xinjiang");
        var hits = page.Items("hits").ToList();
        var seed000 = Assert.Single(hits, h => h.Str("id") == Corpus.Seed000Id);
        Assert.Equal("answer", seed000.Str("kind"));
        Assert.Equal("2021-04-12", seed000.Str("answered"));
        var askers = seed000.Items("askers").Select(a => $"{a.Str("name")} ({a.Str("party")})").ToList();
        Assert.Contains(askers, a => a.Contains("Van Ojik", StringComparison.OrdinalIgnoreCase) && a.EndsWith("(GroenLinks)", StringComparison.Ordinal));
        Assert.Contains(seed000.Items("answerers"), a => a.Str("name")!.Contains("Blok", StringComparison.Ordinal));

        // Seed 004 speaks of Xinjiang too (the earlier letter "Kamerbrief over Xinjiang").
        Assert.True(hits.Count >= 2, $"expected both seeds, got {string.Join(", ", hits.Select(h => h.Str("id")))}");
        Assert.DoesNotContain(hits, h => h.Str("id")!.Contains("2023Z90001", StringComparison.Ordinal) || h.Str("id")!.Contains("9001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_by_zaak_number_finds_seed_000_first()
    {
        var page = await GetJson("/api/search?q=2021Z02286");
        Assert.Equal(Corpus.Seed000Id, page.Items("hits").First().Str("id"));
    }

    [Fact]
    public async Task Search_pages_are_bounded_and_report_whether_more_follow()
    {
        var first = await GetJson("/api/search?q=Oeigoeren&pageSize=1");
        Assert.Single(first.Items("hits"));
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        var second = await GetJson("/api/search?q=Oeigoeren&pageSize=1&page=2");
        Assert.Single(second.Items("hits"));
        Assert.NotEqual(first.Items("hits").Single().Str("id"), second.Items("hits").Single().Str("id"));
    }

    [Fact]
    public async Task Search_with_nothing_found_is_an_empty_page_not_an_error()
    {
        var page = await GetJson("/api/search?q=zzzqqqxxx");
        Assert.Empty(page.Items("hits"));
        Assert.False(page.GetProperty("hasMore").GetBoolean());
    }
}
