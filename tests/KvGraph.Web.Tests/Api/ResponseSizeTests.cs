using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// Response sizes are bounded on the real corpus (7,000+ motions, hub motions cited by many documents): the largest page
/// a client may ask for is the cap, a larger or absurd page size is a 400 naming the field (never a 500, never a dump).
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class ResponseSizeTests(RealCorpus corpus) : ExplorerClient(() => new ExplorerFactory(corpus.Source, corpus.StorePath))
{
    [SkippableFact]
    public async Task The_largest_page_is_the_cap_and_says_there_is_more()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);

        // InputRules.MaxPageSize = 100; the corpus holds far more motions and far more hits for "motie".
        var motions = await GetJson("/api/motions?pageSize=100");
        Assert.Equal(100, motions.Items("items").Count());
        Assert.True(motions.GetProperty("total").GetInt32() > 1000, motions.GetProperty("total").ToString());

        var search = await GetJson("/api/search?q=motie&pageSize=100");
        Assert.Equal(100, search.Items("hits").Count());
        Assert.True(search.GetProperty("hasMore").GetBoolean());

        // Beyond the last allowed page: an empty page, not an error and not the whole list.
        var last = await GetJson("/api/motions?pageSize=100&page=1000");
        Assert.Empty(last.Items("items"));
    }

    [SkippableTheory]
    [InlineData("/api/motions?pageSize=101", "pageSize")]
    [InlineData("/api/motions?pageSize=2147483647", "pageSize")]
    [InlineData("/api/search?q=motie&pageSize=1000000", "pageSize")]
    [InlineData("/api/search?q=motie&page=1001", "page")]
    [InlineData("/api/neighbourhood?id=kst-21501-20-1591&limit=501", "limit")]
    [InlineData("/api/related?id=kst-21501-20-1591&limit=51", "limit")]
    [InlineData("/api/motion?id=kst-21501-20-1591&limit=501", "limit")]
    public async Task A_page_size_or_limit_over_the_cap_is_a_400_naming_it(string url, string field)
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var (status, problem, mediaType) = await GetProblem(url);
        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [SkippableTheory]
    [InlineData("/api/motions?pageSize=99999999999")]
    [InlineData("/api/search?q=motie&pageSize=-99999999999")]
    public async Task A_page_size_beyond_any_number_is_a_400_not_a_500(string url)
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(400, (int)response.StatusCode);
    }
}
