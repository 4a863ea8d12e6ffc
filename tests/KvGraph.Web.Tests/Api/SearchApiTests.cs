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

    [Fact]
    public async Task Search_reports_the_true_total_and_lists_each_document_once()
    {
        var all = await GetJson("/api/search?q=Xinjiang&pageSize=100");
        var total = all.GetProperty("total").GetInt32();
        Assert.Equal(all.Items("hits").Count(), total);
        var first = await GetJson("/api/search?q=Xinjiang&pageSize=1");
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        Assert.Equal(total > 1, first.GetProperty("hasMore").GetBoolean());

        var alias = await GetJson("/api/search?q=kv-tk-2021Z02286");
        var ids = alias.Items("hits").Select(h => h.Str("id")).ToList();
        Assert.Equal("kv-tk-2021Z02286", ids[0]);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("question", alias.Items("hits").First().Str("kind"));
    }

    [Fact]
    public async Task Snippets_are_plain_text_with_highlight_offsets()
    {
        var page = await GetJson("/api/search?q=Xinjiang");
        foreach (var hit in page.Items("hits"))
        {
            var snippet = hit.Str("snippet")!;
            Assert.DoesNotContain("[Xinjiang]", snippet, StringComparison.Ordinal);
            var spans = hit.GetProperty("highlights").EnumerateArray().Select(s => (s[0].GetInt32(), s[1].GetInt32())).ToList();
            Assert.NotEmpty(spans);
            Assert.All(spans, s => Assert.Equal("xinjiang", snippet[s.Item1..s.Item2].ToLowerInvariant()));
        }
    }

    [Fact]
    public async Task A_cited_document_not_in_the_corpus_is_found_by_its_id()
    {
        var hit = (await GetJson("/api/search?q=kst-21501-20-1591")).Items("hits").First();
        Assert.Equal("kst-21501-20-1591", hit.Str("id"));
        Assert.False(hit.GetProperty("inCorpus").GetBoolean());
        Assert.Equal(1, hit.GetProperty("citedBy").GetInt32());
        Assert.Equal("not in corpus — cited by 1", hit.Str("snippet"));
    }

    [Fact]
    public async Task Filters_have_the_cli_semantics_with_and_without_words()
    {
        var kaag = await GetJson("/api/search?answerer=Kaag");
        var ids = kaag.Items("hits").Select(h => h.Str("id")).ToList();
        Assert.Contains(Corpus.Seed000Id, ids);
        Assert.DoesNotContain("answer:2019Z19189", ids);
        Assert.Equal(ids.Count, kaag.GetProperty("total").GetInt32());

        var answers = await GetJson("/api/search?q=Xinjiang&kind=answer&kind=question&to=2021-04-12");
        Assert.All(answers.Items("hits"), h => Assert.Contains(h.Str("kind"), new[] { "answer", "question" }));
        Assert.Contains(answers.Items("hits"), h => h.Str("id") == Corpus.Seed000Id);

        var cited = await GetJson("/api/document?id=2019Z10940&answerer=Kaag");
        Assert.Empty(cited.Items("citedBy"));
        var citedAll = await GetJson("/api/document?id=2019Z10940");
        Assert.NotEmpty(citedAll.Items("citedBy"));
    }

    [Fact]
    public async Task Bad_filters_and_query_syntax_are_answered_as_such()
    {
        using var bad = await Client.GetAsync(new Uri("/api/search?q=Xinjiang&from=2024-13-01", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not a date", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noted = await GetJson("/api/search?q=" + Uri.EscapeDataString("Xinjiang OR"));
        Assert.NotEmpty(noted.Items("notes"));
        Assert.NotEmpty(noted.Items("hits"));
        var injected = await GetJson("/api/search?q=" + Uri.EscapeDataString("NEAR(Xinjiang title: ^"));
        Assert.Equal(0, injected.GetProperty("total").GetInt32());
    }
}
