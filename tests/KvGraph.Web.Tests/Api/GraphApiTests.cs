using System.Text.Json;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

public sealed class GraphApiTests(SeedCorpus corpus) : ApiTestBase(corpus)
{
    [Fact]
    public async Task Neighbourhood_of_seed_000_has_cites_edges_to_its_motions_with_quotes()
    {
        var n = await GetJson($"/api/neighbourhood?id={Enc(Corpus.Seed000Id)}");
        var cites = n.Items("edges").Where(e => e.Str("type") == "CITES" && e.Str("source") == Corpus.Seed000Id).ToList();
        Assert.Contains(cites, e => e.Str("target") == "kst-35570-V-43" && e.Str("kind") == "motion" && e.Str("quote")!.Contains("43", StringComparison.Ordinal));
        var nodeIds = n.Items("nodes").Select(x => x.Str("id")).ToHashSet();
        Assert.All(n.Items("edges"), e => Assert.True(nodeIds.Contains(e.Str("source")) && nodeIds.Contains(e.Str("target"))));
        Assert.DoesNotContain(n.Items("edges"), e => e.Str("source") == e.Str("target"));
    }

    [Fact]
    public async Task Neighbourhood_is_cut_at_the_limit_and_says_so()
    {
        var n = await GetJson($"/api/neighbourhood?id={Enc(Corpus.Seed000Id)}&limit=2");
        Assert.Equal(2, n.Items("edges").Count());
        Assert.True(n.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Trace_and_reverse_trace_follow_the_citation_chain()
    {
        var forward = await GetJson($"/api/trace?id={Enc(Corpus.Seed000Id)}&depth=1");
        Assert.Contains(forward.Items("children"), c => c.GetProperty("node").Str("id") == "kst-21501-20-1591" && c.Str("kind") == "motion");
        var reverse = await GetJson("/api/trace?id=kst-21501-20-1596&reverse=true&depth=2");
        Assert.Contains(reverse.Items("children"), c => c.GetProperty("node").Str("id") == Corpus.Seed000Id);
    }

    [Fact]
    public async Task Related_questions_of_seed_000_include_seed_004_with_reasons_and_scores()
    {
        var seed004 = (await GetJson("/api/search?q=2019Z19189")).Items("hits").First().Str("id")!;
        var related = await GetJson($"/api/related?id={Enc(Corpus.Seed000Id)}");
        var hit = Assert.Single(related.EnumerateArray(), r => r.GetProperty("node").Str("id") == seed004);
        Assert.True(hit.GetProperty("score").GetDouble() > 0);
        Assert.NotEmpty(hit.Items("reasons"));
        Assert.All(hit.Items("reasons"), r => Assert.False(string.IsNullOrEmpty(r.Str("detail"))));
    }

    [Fact]
    public async Task Motion_page_data_has_sponsors_with_parties_and_a_dated_timeline_of_citing_documents()
    {
        var m = await GetJson("/api/motion?id=kst-21501-20-1591");
        Assert.Contains(m.Items("sponsors"), s => s.Str("name")!.Contains("Nieuwenhuijzen", StringComparison.OrdinalIgnoreCase) && s.Str("party") == "GroenLinks");
        var entry = Assert.Single(m.Items("timeline"), t => t.Str("documentId") == Corpus.Seed000Id);
        Assert.StartsWith("2021-", entry.Str("date"), StringComparison.Ordinal);
        Assert.Equal("cited", entry.Str("kind"));
        Assert.True(entry.GetProperty("inCorpus").GetBoolean());

        // Cited, never voted on in the seeds: no source gives its fate, and no title beyond its id (never the text "null").
        Assert.Empty(m.GetProperty("fate").Items("claims"));
        Assert.Equal(JsonValueKind.Null, m.GetProperty("fate").GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("title").ValueKind);
        Assert.Equal(m.Items("timeline").Count(), m.GetProperty("citedBy").GetInt32());

        var shared = await GetJson("/api/motion?id=kst-21501-20-1596");
        var dates = shared.Items("timeline").Select(t => t.Str("date") ?? "9999").ToList();
        Assert.True(dates.Count >= 2);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains(shared.Items("sponsors"), s => s.Str("name") == "Sjoerdsma");
    }
}
