using KvGraph.Core.Graph;
using KvGraph.Web.Tests.Support;
using Microsoft.Playwright;

namespace KvGraph.Web.Tests.Browser;

/// <summary>
/// The start, person, party and dossier pages and the grouped graph in real headless Chromium on the real corpus: lists
/// with captions and CSV links, person links from the motion page, counts that count documents.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class PagesBrowserTests(RealCorpus corpus, CorpusBrowserHost host) : IClassFixture<CorpusBrowserHost>
{
    [SkippableFact]
    public async Task The_start_page_shows_the_corpus_figures_and_the_most_cited_lists_each_with_a_caption_and_a_csv_link()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        await page.GotoAsync(host.BaseUrl + "/");
        var home = page.Locator("#home");
        await home.Locator("table.documents").First.WaitForAsync();

        var counts = Profiles.Counts(corpus.Graph);
        Assert.Equal(counts.Documents.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), await home.Locator(".figure-documents").InnerTextAsync());
        Assert.Contains("%) lead to a document in the corpus", await home.Locator(".corpus-figures").InnerTextAsync(), StringComparison.Ordinal);

        // The search box still works (search.js owns it), and the motion counts are there.
        Assert.Equal(1, await page.Locator("header input[name=q]").CountAsync());
        await page.Locator("section.motion-stats .stat-adopted").WaitForAsync();

        // Every list is a table with a caption and a CSV link that downloads the same rows.
        var overview = Profiles.Overview(corpus.Graph);
        var lists = new[] { overview.MostCitedMotions, overview.MostCitedLetters, overview.MostCitedAnswers, overview.RecentAnswers }.Count(l => l.Count > 0);
        var tables = home.Locator("table.list");
        Assert.Equal(1 + lists, await tables.CountAsync());
        Assert.Equal(await tables.CountAsync(), await home.Locator("table.list caption a.csv-link").CountAsync());
        Assert.Equal(0, await home.Locator("th:not([scope=col])").CountAsync());
        var motions = home.Locator("table.documents").First;
        Assert.StartsWith("Most-cited motions", await motions.Locator("caption").InnerTextAsync(), StringComparison.Ordinal);
        var first = motions.Locator("tr.doc-row").First;
        var id = await first.GetAttributeAsync("data-id");
        Assert.Equal($"motion.html?id={Uri.EscapeDataString(id!)}", await first.Locator("a").First.GetAttributeAsync("href"));
        var csvHref = await motions.Locator("caption a.csv-link").GetAttributeAsync("href");
        var csv = await page.EvaluateAsync<string>("async u => (await fetch(u)).text()", csvHref);
        Assert.StartsWith("id,kind,title,date,inCorpus,citedBy\n" + id + ",", csv, StringComparison.Ordinal);
        Assert.Equal(await motions.Locator("tr.doc-row").CountAsync(), csv.TrimEnd('\n').Split('\n').Length - 1);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_sponsor_on_the_motion_page_links_to_their_person_page_with_parties_and_motions_not_a_placeholder()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/motion.html?id={Uri.EscapeDataString("zaak:2022Z00782")}");
        var klaver = page.Locator("ul.sponsors a.person-link", new() { HasTextString = "Klaver" });
        await klaver.WaitForAsync();
        Assert.Equal("party.html?id=party%3Avolt", await page.Locator("ul.sponsors li.sponsor", new() { HasTextString = "Dassen" }).Locator("a.party-link").GetAttributeAsync("href"));
        await klaver.ClickAsync();
        await page.WaitForURLAsync("**/person.html?id=*");
        await page.Locator("main h1").WaitForAsync();
        Assert.Equal("Klaver", await page.Locator("main h1").InnerTextAsync());
        Assert.Equal(0, await page.Locator("text=cited but not in the corpus").CountAsync());

        var party = page.Locator("table.parties tr.party-span[data-party='party:gl']");
        Assert.Contains("GroenLinks", await party.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("party.html?id=party%3Agl", await party.Locator("a").GetAttributeAsync("href"));
        var motion = page.Locator($"table.motions tr.motion-row[data-id='{corpus.Graph.Find("zaak:2022Z00782")!.Id}']");
        Assert.Equal("verworpen", await motion.Locator(".badge.outcome").GetAttributeAsync("data-outcome"));

        // Accessible lists: one h1, captions on every table, column headers scoped.
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        Assert.Equal(await page.Locator("main table").CountAsync(), await page.Locator("main table > caption").CountAsync());
        Assert.Equal(await page.Locator("main table").CountAsync(), await page.Locator("main table caption a.csv-link").CountAsync());
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task The_party_page_lists_its_votes_and_the_dossier_page_its_motions_with_outcome()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await host.NewPage();
        // limit=500: every vote of the party is listed, not only the newest 200.
        await page.GotoAsync($"{host.BaseUrl}/party.html?id=party:vvd&limit=500");
        var vote = page.Locator("table.votes tr.party-vote[data-id='kst-21501-08-721']");
        await vote.WaitForAsync();
        Assert.Equal("voor", await vote.GetAttributeAsync("data-vote"));
        Assert.Contains("aangenomen", await vote.InnerTextAsync(), StringComparison.Ordinal);
        var summary = await page.Locator(".party-votes").InnerTextAsync();
        var profile = Profiles.Party(corpus.Graph, "party:vvd")!;
        Assert.Contains($"{profile.VotedFor:N0} for, {profile.VotedAgainst:N0} against", summary, StringComparison.Ordinal);

        await page.GotoAsync($"{host.BaseUrl}/dossier.html?id=21501-08");
        var row = page.Locator("table.motions tr.motion-row[data-id='kst-21501-08-721']");
        await row.WaitForAsync();
        Assert.Equal("aangenomen", await row.GetAttributeAsync("data-outcome"));
        Assert.Contains("21501-08", await page.Locator("main h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("table.documents tr.doc-row[data-id='kst-21501-08-721']").CountAsync() == 1);
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_large_neighbourhood_is_grouped_by_kind_and_a_group_opens_on_click()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);

        // The party with the most votes and, of those (six parties tie at four on the corpus), the most members: its motions
        // and its people, more than a group's worth. Ties are not left to the order the graph lists its nodes in: by id,
        // as the store lists them, the first of the six (50PLUS) has no member and nothing to group.
        var graph = corpus.Graph;
        var party = graph.Nodes.Where(n => n.Label == NodeLabel.Party)
            .Select(n => (Node: n, Votes: graph.Outgoing(n.Id, EdgeType.Voted).Count, Members: graph.Incoming(n.Id, EdgeType.MemberOf).Count))
            .OrderByDescending(p => p.Votes).ThenByDescending(p => p.Members).ThenBy(p => p.Node.Id, StringComparer.Ordinal).First().Node;
        var page = await host.NewPage();
        await page.GotoAsync($"{host.BaseUrl}/graph.html?id={Uri.EscapeDataString(party.Id)}");
        await page.WaitForFunctionAsync("() => window.kvGraph && window.kvGraph.cy.nodes('[?group]').length > 0");
        var status = await page.Locator(".graph-status").InnerTextAsync();
        Assert.Matches(@"^\d+ nodes: \d+ shown, \d+ in \d+ groups? \(click a group to open it\)", status);
        Assert.DoesNotContain(" of ", status, StringComparison.Ordinal);

        // Few nodes are drawn, the rest stand in their group; opening the group from the legend draws them.
        var drawn = await page.EvaluateAsync<int>("() => window.kvGraph.cy.nodes().filter(n => n.visible()).length");
        Assert.InRange(drawn, 2, 30);
        var label = await page.EvaluateAsync<string>("() => window.kvGraph.cy.nodes('[?group]').first().data('label')");
        var count = await page.EvaluateAsync<int>("() => window.kvGraph.cy.nodes('[?group]').first().data('count')");
        await page.Locator($".graph-legend button.group-toggle[data-label='{label}']").ClickAsync();
        await page.WaitForFunctionAsync($"() => window.kvGraph.cy.nodes('[?group]').filter(n => n.data('label') === '{label}').length === 0");
        var visibleOfKind = await page.EvaluateAsync<int>($"() => window.kvGraph.cy.nodes().filter(n => n.visible() && n.data('label') === '{label}' && !n.data('group')).length");
        Assert.Equal(count, visibleOfKind);

        // The kind filter hides a kind altogether.
        await page.Locator($".graph-legend input[value='{label}']").UncheckAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>($"() => window.kvGraph.cy.nodes().filter(n => n.visible() && n.data('label') === '{label}').length"));
        await page.CloseAsync();
    }
}

/// <summary>The new pages show hostile text (the XSS fixture's title and the names its people carry) as text, on the seeds.</summary>
[Collection(SeedCollection.Name)]
public sealed class PagesSafetyBrowserTests(SeedCorpus corpus, BrowserHost host) : IClassFixture<BrowserHost>
{
    [SkippableFact]
    public async Task The_person_page_and_the_start_page_render_a_script_title_as_text()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var id = corpus.Source.Search("2023Z90001", DocumentFilter.None, 0, 1).Ids.Single();
        var asker = Assert.Single(Profiles.DocumentPeople(corpus.Source.Graph, id), p => p.Role == "asker");
        var page = await host.NewPage();
        var dialogs = 0;
        page.Dialog += async (_, d) =>
        {
            dialogs++;
            await d.DismissAsync();
        };

        await page.GotoAsync($"{host.BaseUrl}/person.html?id={Uri.EscapeDataString(asker.PersonId)}");
        var row = page.Locator("table.documents tr.doc-row").First;
        await row.WaitForAsync();
        Assert.Contains("<script>window.__kvXss = 1; alert('xss')</script>", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());

        await page.GotoAsync(host.BaseUrl + "/");
        await page.Locator("#home table.documents").First.WaitForAsync();
        Assert.Contains("<script>", await page.Locator("#home").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#home script, #home img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__kvXss === undefined"));
        Assert.Equal(0, dialogs);

        // The document page links its asker to the person page.
        await page.GotoAsync($"{host.BaseUrl}/doc.html?id={Uri.EscapeDataString(id)}");
        var link = page.Locator("dl.meta span.people[data-role='asker'] a.person-link");
        await link.WaitForAsync();
        Assert.Equal($"person.html?id={Uri.EscapeDataString(asker.PersonId)}", await link.GetAttributeAsync("href"));
        await page.CloseAsync();
    }
}
