using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Browser;

/// <summary>Every explorer page over a store whose last build did not finish shows the notice as a banner above its content (issue 11).</summary>
[Collection(UnfinishedCollection.Name)]
public sealed class UnfinishedBrowserTests(UnfinishedBrowserHost host) : IClassFixture<UnfinishedBrowserHost>
{
    private static readonly string[] Pages =
    [
        "/",
        "/index.html?q=Rusland",
        "/doc.html?id=ah-tk-20202021-2302",
        "/graph.html?id=ah-tk-20202021-2302",
        "/motion.html?id=kst-21501-20-1591",
        "/motions.html",
    ];

    [SkippableFact]
    public async Task Every_page_of_an_unfinished_store_shows_the_unfinished_build_banner()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        foreach (var url in Pages)
        {
            await page.GotoAsync(host.BaseUrl + url);
            var banner = page.Locator("#store-unfinished[role=alert]");
            await banner.WaitForAsync();
            Assert.True(await banner.IsVisibleAsync(), url);
            var text = await banner.InnerTextAsync();
            Assert.StartsWith("Unfinished build: the last build (started ", text, StringComparison.Ordinal);
            Assert.Contains("did not finish", text, StringComparison.Ordinal);
            Assert.Contains("the last finished build (1 build has changed it)", text, StringComparison.Ordinal);

            // Above the page's own content, which still loads (the answers are the earlier build's).
            Assert.True(await page.EvaluateAsync<bool>("() => document.body.firstElementChild.id === 'store-unfinished'"), url);
            await page.Locator("main :not(p.muted)").First.WaitForAsync();
        }

        await page.CloseAsync();
    }
}
