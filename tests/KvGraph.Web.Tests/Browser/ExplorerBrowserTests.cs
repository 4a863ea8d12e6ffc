using System.Text.Json;
using KvGraph.Web.Tests.Support;
using Microsoft.Playwright;

namespace KvGraph.Web.Tests.Browser;

/// <summary>The explorer in real headless Chromium on the seeds, as a user would go through it.</summary>
[Collection(SeedCollection.Name)]
public sealed class ExplorerBrowserTests(SeedCorpus corpus, BrowserHost host) : IClassFixture<BrowserHost>
{
    private static readonly string[] SeedMotions = ["kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53"];

    [SkippableFact]
    public async Task Search_open_seed_000_see_motions_related_and_graph_expand_and_screenshot()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await NewPage();

        // Search "Xinjiang" from the start page.
        await page.GotoAsync(host.BaseUrl + "/");
        await page.FillAsync("header input[name=q]", "Xinjiang");
        await page.PressAsync("header input[name=q]", "Enter");
        var hit = page.Locator($"li.result[data-id='{corpus.Seed000Id}']");
        await hit.WaitForAsync();
        Assert.Contains("answer", await hit.Locator(".badge-kind").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Van Ojik (GroenLinks)", await hit.Locator(".result-askers").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Blok (VVD)", await hit.Locator(".result-answerers").InnerTextAsync(), StringComparison.Ordinal);

        // Open seed 000: its four motions are highlighted inline.
        await hit.Locator("a.result-title").ClickAsync();
        await page.WaitForURLAsync("**/doc.html?id=*");
        var motions = page.Locator("article.doc-body a.cite-motion");
        await motions.First.WaitForAsync();
        var targets = await motions.EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.dataset.target))].sort()");
        Assert.Equal(SeedMotions.Order(StringComparer.Ordinal), targets);
        var background = await motions.First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.True(await page.Locator("table.citations .not-in-corpus").CountAsync() >= 4);

        // The related panel lists seed 004 with its reasons and scores.
        var related = page.Locator("#related li.related-item");
        await related.First.WaitForAsync();
        Assert.True(await related.CountAsync() >= 1);
        Assert.Contains("score", await related.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#related li.reason").CountAsync() >= 1);

        // The graph shows the neighbourhood; clicking a motion node expands it with the documents citing it.
        await page.WaitForFunctionAsync("() => window.kvGraph && window.kvGraph.cy.nodes().length > 4");
        var before = await page.EvaluateAsync<int>("() => window.kvGraph.cy.nodes().length");
        await ClickNode(page, "kst-21501-20-1596", before);
        Assert.True(await page.EvaluateAsync<bool>("() => window.kvGraph.expanded.has('kst-21501-20-1596')"));
        var legend = await page.Locator(".graph-legend .legend-item").AllInnerTextsAsync();
        Assert.Contains(legend, l => l.StartsWith(" Answer", StringComparison.Ordinal) || l.Contains("Answer", StringComparison.Ordinal));
        Assert.Contains(legend, l => l.Contains("Placeholder", StringComparison.Ordinal));

        // Hovering a CITES edge shows its quote.
        var quote = await HoverEdge(page, corpus.Seed000Id, "kst-35570-V-43");
        Assert.Contains("35 570 V, nr. 43", quote, StringComparison.Ordinal);

        // Filter by edge kind: unticking "CITES motion" hides those edges.
        const string motionEdges = "() => { const e = window.kvGraph.cy.edges().filter(x => x.data('cat') === 'CITES motion'); return [e.length, e.filter(x => x.hasClass('filtered')).length]; }";
        var shownBefore = await page.EvaluateAsync<int[]>(motionEdges);
        Assert.True(shownBefore[0] >= 4 && shownBefore[1] == 0, $"{shownBefore[0]} motion edges, {shownBefore[1]} hidden");
        await page.Locator(".graph-filters input[value='CITES motion']").UncheckAsync();
        var hiddenAfter = await page.EvaluateAsync<int[]>(motionEdges);
        Assert.Equal(hiddenAfter[0], hiddenAfter[1]);
        await page.Locator(".graph-filters input[value='CITES motion']").CheckAsync();

        // Export PNG downloads a real PNG.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button.graph-export").ClickAsync());
        var pngPath = Path.Combine(Path.GetTempPath(), $"kvgraph-export-{Guid.NewGuid():N}.png");
        await download.SaveAsAsync(pngPath);
        var png = await File.ReadAllBytesAsync(pngPath);
        File.Delete(pngPath);
        Assert.True(png.Length > 2000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', $"export is {png.Length} bytes");

        // The screenshot of the explorer (scrolled to the answer that cites the motions) is not blank.
        await page.Locator("article.doc-body a.cite-motion").First.ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => { const a = document.querySelector('article.doc-body a.cite-motion'); window.scrollBy(0, a.getBoundingClientRect().top - 300); }");
        var shot = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false, Type = ScreenshotType.Png });
        var variance = await PixelVariance(shot);
        Assert.True(variance > 100, $"screenshot looks blank (pixel variance {variance:F1})");
        if (Environment.GetEnvironmentVariable("KVGRAPH_WRITE_SCREENSHOT") == "1")
        {
            await File.WriteAllBytesAsync(WebPaths.Screenshot, shot);
        }

        // Click one motion: its page names its sponsor and party, the answers citing it, and where the official text is.
        await page.Locator("article.doc-body a.cite-motion[data-target='kst-21501-20-1591']").First.ClickAsync();
        await page.WaitForURLAsync("**/motion.html?id=kst-21501-20-1591");
        var sponsor = page.Locator("ul.sponsors li.sponsor").Filter(new() { HasText = "Nieuwenhuijzen" });
        await sponsor.WaitForAsync();
        Assert.DoesNotMatch(@"(^|\n)null(\n|$)", await page.Locator("main").InnerTextAsync()); // no missing title shown as "null"
        Assert.Contains("GroenLinks", await sponsor.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator($"ol.timeline li[data-id='{corpus.Seed000Id}']").CountAsync());
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-21501-20-1591.html", await page.Locator(".not-in-corpus a.official").GetAttributeAsync("href"));
        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task Show_as_cypher_shows_the_statement_from_cypher_queries_or_says_none_is_there()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var page = await NewPage();
        await page.GotoAsync($"{host.BaseUrl}/doc.html?id={Uri.EscapeDataString(corpus.Seed000Id)}");
        var button = page.Locator("button.cypher-toggle[data-view='document']");
        await button.ClickAsync();
        var shown = page.Locator("button.cypher-toggle[data-view='document'] + .cypher-body");
        await shown.Locator("pre.cypher-text, .error").First.WaitForAsync();
        if (await shown.Locator("pre.cypher-text").CountAsync() == 1)
        {
            var file = await shown.Locator("code").InnerTextAsync();
            var text = await shown.Locator("pre.cypher-text").InnerTextAsync();
            Assert.Equal((await File.ReadAllTextAsync(Path.Combine(WebPaths.CypherQueries, file))).Trim(), text.Trim());
            Assert.Contains(corpus.Seed000Id, await shown.Locator("pre.cypher-params").InnerTextAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("No Cypher", await shown.Locator(".error").InnerTextAsync(), StringComparison.Ordinal);
        }

        await page.CloseAsync();
    }

    [SkippableFact]
    public async Task A_document_whose_text_contains_script_renders_it_as_text()
    {
        Skip.If(host.SkipReason is not null, host.SkipReason);
        var id = corpus.Source.Search("2023Z90001", KvGraph.Core.Graph.DocumentFilter.None, 0, 1).Ids.Single();
        var page = await NewPage();
        var dialogs = 0;
        page.Dialog += async (_, d) =>
        {
            dialogs++;
            await d.DismissAsync();
        };
        await page.GotoAsync($"{host.BaseUrl}/doc.html?id={Uri.EscapeDataString(id)}");
        await page.Locator("article.doc-body").WaitForAsync();
        await page.WaitForFunctionAsync("() => window.kvGraph && window.kvGraph.cy.nodes().length > 1");

        Assert.Contains("<script>window.__kvXss = 1; alert('xss')</script>", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        var body = await page.Locator("article.doc-body").InnerTextAsync();
        Assert.Contains("<script>window.__kvXss = 2</script>", body, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=\"window.__kvXss=3\">", body, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__kvXss === undefined"));
        Assert.Equal(0, dialogs);

        // Every link says how it was made. "de motie-Ploumen over digitale weerbaarheid" matches no motion in the corpus: it
        // stays an unresolved mention, visibly marked in the text and in the citations table, the evidence on hover; the
        // explicit Kamerstuk number of the Sjoerdsma motion is not marked.
        var uncertain = page.Locator("article.doc-body .cite.low-confidence");
        Assert.Equal(1, await uncertain.CountAsync());
        Assert.Contains("Ploumen", await uncertain.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("unresolved", await uncertain.GetAttributeAsync("title") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("unresolved", await page.Locator("table.citations td.how-low").First.GetAttributeAsync("data-method"));
        Assert.Equal("explicit-id", await page.Locator("article.doc-body .cite[data-target='kst-21501-20-1596']").First.GetAttributeAsync("data-method"));
        Assert.Equal(0, await page.Locator("article.doc-body .cite[data-target='kst-21501-20-1596'].low-confidence").CountAsync());

        // The search page shows what was typed as text too.
        await page.GotoAsync($"{host.BaseUrl}/index.html?q={Uri.EscapeDataString("<img src=x onerror=window.__kvXss=4>")}");
        await page.Locator("main h1").WaitForAsync();
        Assert.Contains("<img src=x", await page.Locator("main h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__kvXss === undefined"));
        await page.CloseAsync();
    }

    private Task<IPage> NewPage() => host.NewPage();

    /// <summary>
    /// Clicks a graph node where it is drawn on the canvas, as a user would, once the page has stopped moving
    /// (panels above the graph fill in as their data arrives; the graph must keep taking clicks after that).
    /// </summary>
    private static async Task ClickNode(IPage page, string id, int nodesBefore)
    {
        await page.Locator("#graph .graph-canvas").ScrollIntoViewIfNeededAsync();
        var at = await page.EvaluateAsync<JsonElement>(
            $@"async () => {{
                const where = () => {{ const box = document.querySelector('#graph .graph-canvas').getBoundingClientRect(); const p = window.kvGraph.cy.getElementById({JsonSerializer.Serialize(id)}).renderedPosition(); return {{ x: box.left + p.x, y: box.top + p.y }}; }};
                let last = where();
                for (let i = 0; i < 20; i++) {{
                    await new Promise(r => setTimeout(r, 100));
                    const now = where();
                    if (Math.abs(now.x - last.x) < 0.5 && Math.abs(now.y - last.y) < 0.5) return now;
                    last = now;
                }}
                return last;
            }}");
        await page.Mouse.ClickAsync((float)at.GetProperty("x").GetDouble(), (float)at.GetProperty("y").GetDouble());
        await page.WaitForFunctionAsync($"() => window.kvGraph.cy.nodes().length > {nodesBefore}");
    }

    /// <summary>Moves the mouse onto the middle of an edge and returns the tooltip text.</summary>
    private static async Task<string> HoverEdge(IPage page, string source, string target)
    {
        var at = await page.EvaluateAsync<JsonElement>(
            $"() => {{ const box = document.querySelector('#graph .graph-canvas').getBoundingClientRect(); const m = window.kvGraph.cy.edges().filter(e => e.data('source') === {JsonSerializer.Serialize(source)} && e.data('target') === {JsonSerializer.Serialize(target)}).first().renderedMidpoint(); return {{ x: box.left + m.x, y: box.top + m.y }}; }}");
        await page.Mouse.MoveAsync((float)at.GetProperty("x").GetDouble(), (float)at.GetProperty("y").GetDouble());
        var tip = page.Locator("#graph .graph-tip");
        await tip.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        return await tip.InnerTextAsync();
    }

    /// <summary>The variance of the grey levels of a PNG, computed by the browser itself (no image library needed).</summary>
    private async Task<double> PixelVariance(byte[] png)
    {
        var context = await host.Browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var variance = await page.EvaluateAsync<double>(
            @"async (b64) => {
                const img = new Image();
                img.src = 'data:image/png;base64,' + b64;
                await img.decode();
                const c = document.createElement('canvas');
                c.width = img.width; c.height = img.height;
                const g = c.getContext('2d');
                g.drawImage(img, 0, 0);
                const d = g.getImageData(0, 0, c.width, c.height).data;
                let n = 0, sum = 0, sq = 0;
                for (let i = 0; i < d.length; i += 16) { const v = (d[i] + d[i + 1] + d[i + 2]) / 3; n++; sum += v; sq += v * v; }
                const mean = sum / n;
                return sq / n - mean * mean;
            }",
            Convert.ToBase64String(png));
        await context.CloseAsync();
        return variance;
    }
}
