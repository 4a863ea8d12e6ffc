using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Web.Hosting;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// `serve` says when the store's last build never finished, as `stats` and `search` do (issue 11): every API response
/// carries the <c>KvGraph-Store-Unfinished</c> header, <c>/api/status</c> gives the build's start, the version the
/// answers come from and the notice; a store whose build finished has neither.
/// </summary>
[Collection(UnfinishedCollection.Name)]
public sealed partial class UnfinishedStoreTests(UnfinishedStore store, SeedCorpus seeds) : ExplorerClient(() => new ExplorerFactory(store.Source, store.StorePath))
{
    /// <summary>Every endpoint, answering 200, 404 and 400 (the header is on errors too).</summary>
    private static readonly string[] Urls =
    [
        "/api/status",
        "/api/search?q=Rusland",
        "/api/document?id=ah-tk-20202021-2302",
        "/api/document?id=kst-99999-1",
        "/api/neighbourhood?id=ah-tk-20202021-2302",
        "/api/trace?id=ah-tk-20202021-2302",
        "/api/trace?id=ah-tk-20202021-2302&reverse=true",
        "/api/related?id=ah-tk-20202021-2302",
        "/api/motions",
        "/api/motions/stats",
        "/api/cypher?view=document&id=ah-tk-20202021-2302",
        "/api/search",
    ];

    [Fact]
    public async Task Every_api_response_of_an_unfinished_store_says_so_in_a_header()
    {
        var statuses = new List<int>();
        foreach (var url in Urls)
        {
            using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
            statuses.Add((int)response.StatusCode);
            Assert.True(response.Headers.TryGetValues(ExplorerHost.UnfinishedHeader, out var values), $"{url}: no {ExplorerHost.UnfinishedHeader} header");
            var value = Assert.Single(values);
            var m = HeaderRx().Match(value);
            Assert.True(m.Success, $"{url}: {value}");
            var started = DateTimeOffset.Parse(m.Groups["started"].Value, CultureInfo.InvariantCulture);
            Assert.InRange(started, store.StartedAfter.AddSeconds(-1), store.StartedBefore);
        }

        Assert.Contains(200, statuses);
        Assert.Contains(404, statuses);
        Assert.Contains(400, statuses);
    }

    [Fact]
    public async Task Status_gives_the_start_the_version_and_the_notice_and_the_answers_are_the_earlier_state()
    {
        var status = await GetJson("/api/status");
        var unfinished = status.GetProperty("storeUnfinished");
        Assert.Equal(1, unfinished.GetProperty("version").GetInt64());
        Assert.InRange(unfinished.GetProperty("started").GetDateTimeOffset(), store.StartedAfter, store.StartedBefore);
        var notice = unfinished.GetProperty("notice").GetString()!;
        Assert.StartsWith("the last build (started ", notice, StringComparison.Ordinal);
        Assert.Contains("did not finish: it is still running, or it was stopped before its commit. These answers come from the state of the last finished build (1 build has changed it). Run `kvgraph build` again to finish it.", notice, StringComparison.Ordinal);

        // The answers themselves are the first build's, whole.
        var doc = await GetJson("/api/document?id=ah-tk-20202021-2302");
        Assert.Equal("ah-tk-20202021-2302", doc.GetProperty("node").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_store_whose_build_finished_has_no_header_and_no_notice()
    {
        using var finished = new ExplorerFactory(seeds);
        using var client = finished.CreateClient();
        foreach (var url in Urls)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.False(response.Headers.Contains(ExplorerHost.UnfinishedHeader), $"{url}: {ExplorerHost.UnfinishedHeader} on a finished store");
        }

        using var status = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
        Assert.Equal("""{"storeUnfinished":null}""", await status.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^started=(?<started>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z); version=1$")]
    private static partial Regex HeaderRx();
}
