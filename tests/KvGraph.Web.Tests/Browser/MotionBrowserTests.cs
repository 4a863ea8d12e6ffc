using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Web.Tests.Support;
using Microsoft.Playwright;

namespace KvGraph.Web.Tests.Browser;

/// <summary>Motions' fate in real headless Chromium on the real corpus: the motion page, the motions list and the start page.</summary>
[Collection(CorpusCollection.Name)]
public sealed class MotionBrowserTests(RealCorpus corpus, CorpusBrowserHost host) : IClassFixture<CorpusBrowserHost>
{
    [SkippableFact]
    public async Task A_rejected_motion_shows_its_red_outcome_badge_the_vote_bar_with_its_counts_the_advice_and_sponsors()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/motion.html?id={Uri.EscapeDataString("zaak:2022Z00782")}");
        var badge = page.Locator("main h1 .badge.outcome");
        await badge.WaitForAsync();
        Assert.Equal("verworpen", await badge.InnerTextAsync());
        Assert.Contains("outcome-rejected", await badge.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("rgb(138, 20, 20)", await badge.EvaluateAsync<string>("e => getComputedStyle(e).color"));

        // The vote bar is one image for assistive technology, its parts as wide as their share and labelled with numbers.
        var bar = page.Locator(".vote-bar[role=img]");
        Assert.Equal("Votes: 32 for, 117 against, 0 other", await bar.GetAttributeAsync("aria-label"));
        Assert.Equal("32", await bar.Locator(".vote-for").InnerTextAsync());
        Assert.Equal("117", await bar.Locator(".vote-against").InnerTextAsync());
        Assert.Equal(0, await bar.Locator(".vote-other").CountAsync());
        var widths = await bar.EvaluateAsync<double[]>("b => [...b.querySelectorAll('.vote-part')].map(p => p.getBoundingClientRect().width)");
        Assert.InRange(widths[0] / (widths[0] + widths[1]), 0.19, 0.24); // 32 of 149

        Assert.Equal("Ontraden", await page.Locator(".motion-fate .cabinet-advice").InnerTextAsync());
        Assert.StartsWith("Motie van het lid Simons c.s.", await page.Locator("p.motion-title").InnerTextAsync(), StringComparison.Ordinal);
        var sponsors = await page.Locator("ul.sponsors li.sponsor").AllInnerTextsAsync();
        Assert.Contains(sponsors, s => s.Contains("Klaver", StringComparison.Ordinal) && s.Contains("GroenLinks", StringComparison.Ordinal));
        Assert.Contains(sponsors, s => s.Contains("Dassen", StringComparison.Ordinal) && s.Contains("Volt", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator(".disagreements").CountAsync());
        Assert.Equal(["submitted", "vote"], await page.Locator("ol.timeline li.timeline-item").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)"));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_motion_voted_in_the_handelingen_lists_the_parties_for_the_others_against_and_the_dated_vote_on_its_timeline()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/motion.html?id=kst-21501-08-721");
        var rows = page.Locator("table.party-votes tr.party-vote");
        await rows.First.WaitForAsync();
        Assert.Equal(11, await rows.CountAsync());
        var vvd = page.Locator("table.party-votes tr.party-vote[data-party='party:vvd']");
        Assert.Equal("voor", await vvd.GetAttributeAsync("data-vote"));
        Assert.Contains("h-tk-20172018-70-6", await vvd.Locator("td.source").InnerTextAsync(), StringComparison.Ordinal);
        var others = page.Locator("table.party-votes tr.others-voted");
        Assert.Contains("other parties", await others.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("tegen", await others.GetAttributeAsync("data-vote"));

        Assert.Equal("aangenomen", await page.Locator("main h1 .badge.outcome").InnerTextAsync());
        Assert.Contains("outcome-adopted", await page.Locator("main h1 .badge.outcome").GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("2018-04-05", await page.Locator(".motion-fate time.vote-date").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".vote-bar").CountAsync()); // the chair named parties, not numbers
        var vote = page.Locator("ol.timeline li.timeline-item[data-kind='vote']");
        Assert.Equal("h-tk-20172018-70-6", await vote.GetAttributeAsync("data-id"));
        Assert.Equal("2018-04-05", await vote.Locator("time").InnerTextAsync());
        Assert.Contains("zodat zij is aangenomen", await vote.Locator("blockquote").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_citation_after_the_vote_is_marked_on_the_timeline_and_counted_once_per_document()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/motion.html?id={Uri.EscapeDataString("zaak:2022Z23878")}");
        var cited = page.Locator("ol.timeline li.timeline-item[data-kind='cited']");
        await cited.First.WaitForAsync();
        Assert.Equal(1, await cited.CountAsync());
        Assert.Contains("after-vote", await cited.GetAttributeAsync("class") ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("after the vote", await cited.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("2023-10-18", await cited.Locator("time").InnerTextAsync());
        Assert.StartsWith("Cited by 1 document,", await page.Locator("p.cited-count").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task The_motions_list_filters_by_outcome_keeps_the_filter_in_the_address_and_back_restores_it()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var rejected = corpus.Graph.List(new MotionFilter { Outcome = "verworpen" }).Count;
        var all = corpus.Graph.List(new MotionFilter()).Count;
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/index.html");
        await page.Locator("header nav.top-links a[href='motions.html']").ClickAsync();
        await page.WaitForURLAsync("**/motions.html");
        await page.Locator("table.motions tr.motion-row").First.WaitForAsync();
        Assert.Equal(all.ToString(CultureInfo.InvariantCulture), await page.Locator("p.motion-total").GetAttributeAsync("data-total"));
        var outcomesBefore = await Outcomes(page);
        Assert.Contains(outcomesBefore, o => o != "verworpen");

        // Choose "verworpen": only rejected rows, the true total, the filter in the address.
        await page.Locator("#motion-filters select[name=outcome]").SelectOptionAsync("verworpen");
        await page.WaitForURLAsync("**/motions.html?outcome=verworpen");
        await page.WaitForSelectorAsync($"p.motion-total[data-total='{rejected}']");
        var outcomes = await Outcomes(page);
        Assert.Equal(25, outcomes.Length);
        Assert.All(outcomes, o => Assert.Equal("verworpen", o));
        Assert.All(await page.Locator("table.motions tr.motion-row .badge.outcome").AllInnerTextsAsync(), t => Assert.Equal("verworpen", t));

        // The next page keeps the filter; back returns to page 1, back again to no filter.
        await page.Locator("nav.pager a.next").ClickAsync();
        await page.WaitForURLAsync("**/motions.html?outcome=verworpen&page=2");
        await page.WaitForSelectorAsync("p.motion-total:has-text('26–50 shown')");
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/motions.html?outcome=verworpen");
        await page.WaitForSelectorAsync("p.motion-total:has-text('1–25 shown')");
        await page.GoBackAsync();
        await page.WaitForURLAsync("**/motions.html");
        await page.WaitForSelectorAsync($"p.motion-total[data-total='{all}']");
        Assert.Equal(string.Empty, await page.Locator("#motion-filters select[name=outcome]").InputValueAsync());
        Assert.Equal(outcomesBefore, await Outcomes(page));

        // A filter nothing passes says so; a bad date says what is wrong.
        await page.GotoAsync($"{host.BaseUrl}/motions.html?party=Volt&from=2018&to=2018");
        await page.Locator("p.no-match").WaitForAsync();
        Assert.Equal("Volt", await page.Locator("#motion-filters input[name=party]").InputValueAsync());
        await page.GotoAsync($"{host.BaseUrl}/motions.html?from=2022-13-01");
        Assert.Contains("2022-13-01", await page.Locator(".motion-results .error").InnerTextAsync(), StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task The_start_page_shows_adopted_and_rejected_counts_and_the_share_cited_later_each_linking_to_its_list()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var stats = corpus.Graph.Stats();
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/");
        var adopted = page.Locator(".motion-stats a.stat-adopted");
        await adopted.WaitForAsync();
        Assert.Equal(stats.Adopted.ToString("N0", CultureInfo.InvariantCulture), await adopted.Locator("strong").InnerTextAsync());
        Assert.Equal(stats.Rejected.ToString("N0", CultureInfo.InvariantCulture), await page.Locator(".motion-stats a.stat-rejected strong").InnerTextAsync());
        Assert.Equal("motions.html?outcome=verworpen", await page.Locator(".motion-stats a.stat-rejected").GetAttributeAsync("href"));
        var share = page.Locator(".motion-stats a.stat-cited");
        Assert.Equal("motions.html?outcome=aangenomen&citedSinceVote=true", await share.GetAttributeAsync("href"));
        Assert.Contains($"({stats.AdoptedCitedAfter} of ", await share.InnerTextAsync(), StringComparison.Ordinal);
        var never = page.Locator(".motion-stats a.stat-never");
        Assert.Equal("motions.html?adoptedNeverCited=true", await never.GetAttributeAsync("href"));
        Assert.Equal((stats.Adopted - stats.AdoptedCitedAfter).ToString("N0", CultureInfo.InvariantCulture), await never.Locator("strong").InnerTextAsync());

        // Following the adopted count opens the list filtered to adopted motions.
        await adopted.ClickAsync();
        await page.WaitForURLAsync("**/motions.html?outcome=aangenomen");
        await page.WaitForSelectorAsync($"p.motion-total[data-total='{stats.Adopted}']");
        Assert.Equal("aangenomen", await page.Locator("#motion-filters select[name=outcome]").InputValueAsync());
        Assert.All(await Outcomes(page), o => Assert.Equal("aangenomen", o));
        await page.CloseAsync();
    }

    private static Task<string[]> Outcomes(IPage page) =>
        page.Locator("table.motions tr.motion-row").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.outcome)");
}
