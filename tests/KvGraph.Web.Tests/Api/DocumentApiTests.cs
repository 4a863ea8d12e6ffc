using System.Text;
using System.Text.Json;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

public sealed class DocumentApiTests(SeedCorpus corpus) : ApiTestBase(corpus)
{
    private static readonly string[] SeedMotions = ["kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53"];

    [Fact]
    public async Task Seed_000_shows_its_four_motions_highlighted_inline_as_links_to_placeholders_not_in_corpus()
    {
        var doc = await GetJson($"/api/document?id={Enc(Corpus.Seed000Id)}");
        var highlighted = doc.Items("blocks").SelectMany(b => b.Items("segments"))
            .Where(s => s.GetProperty("citation").ValueKind == JsonValueKind.Object)
            .Select(s => (Text: s.Str("text")!, Cite: s.GetProperty("citation")))
            .ToList();
        var motions = highlighted.Where(h => h.Cite.Str("kind") == "motion").ToList();
        Assert.Equal(SeedMotions.Order(StringComparer.Ordinal), motions.Select(m => m.Cite.Str("target")!).Distinct().Order(StringComparer.Ordinal));
        foreach (var (text, cite) in motions)
        {
            // The highlighted run is exactly the evidence quote, and it leads to the motion page.
            Assert.Equal(cite.Str("quote"), text);
            Assert.False(cite.GetProperty("inCorpus").GetBoolean());
            Assert.Equal($"motion.html?id={cite.Str("target")}", cite.Str("href"));
            Assert.Equal($"https://zoek.officielebekendmakingen.nl/{cite.Str("target")}.html", cite.Str("officialUrl"));
        }

        // "Zie antwoord vraag 2" links inside the page, to answer 2.
        var intra = highlighted.Where(h => h.Cite.Str("kind") == "answer" && h.Cite.Str("target")!.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(intra);
        Assert.All(intra, h => Assert.StartsWith("#item-", h.Cite.Str("href"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_blocks_together_are_exactly_the_document_text_with_question_and_answer_items()
    {
        var doc = await GetJson($"/api/document?id={Enc(Corpus.Seed000Id)}");
        var extracted = Corpus.Source.GetDocument(Corpus.Seed000Id)!;
        var joined = new StringBuilder();
        foreach (var segment in doc.Items("blocks").SelectMany(b => b.Items("segments")))
        {
            joined.Append(segment.Str("text"));
        }

        Assert.Equal(extracted.Text, joined.ToString());
        var kinds = doc.Items("blocks").Select(b => b.Str("kind")).ToList();
        Assert.Equal(extracted.Items.Count(i => i.Kind == Core.Model.ItemKind.Question), kinds.Count(k => k == "question"));
        Assert.Equal(extracted.Items.Count(i => i.Kind == Core.Model.ItemKind.Answer), kinds.Count(k => k == "answer"));
        Assert.Equal("2021Z02286", doc.GetProperty("document").Str("zaak"));
        Assert.DoesNotContain('/', doc.GetProperty("document").Str("file")!);
    }

    [Fact]
    public async Task A_cited_motion_not_in_the_corpus_is_a_placeholder_with_its_official_address_and_who_cites_it()
    {
        var doc = await GetJson("/api/document?id=kst-21501-20-1596");
        var node = doc.GetProperty("node");
        Assert.False(node.GetProperty("inCorpus").GetBoolean());
        Assert.Equal("https://zoek.officielebekendmakingen.nl/kst-21501-20-1596.html", node.Str("officialUrl"));
        Assert.Equal(JsonValueKind.Null, doc.GetProperty("document").ValueKind);

        // Cited by seed 000 (2021) and by our fixture (2023), each with the quote that is the evidence.
        var citedBy = doc.Items("citedBy").ToList();
        Assert.Contains(citedBy, c => c.GetProperty("source").Str("id") == Corpus.Seed000Id && c.Str("quote")!.Contains("1596", StringComparison.Ordinal));
        Assert.True(citedBy.Count >= 2, string.Join(", ", citedBy.Select(c => c.GetProperty("source").Str("id"))));
    }

    [Fact]
    public async Task A_document_text_with_script_markup_comes_back_as_plain_json_text()
    {
        var hits = await GetJson("/api/search?q=2023Z90001");
        var id = hits.Items("hits").First().Str("id")!;
        var doc = await GetJson($"/api/document?id={Enc(id)}");
        var text = string.Concat(doc.Items("blocks").SelectMany(b => b.Items("segments")).Select(s => s.Str("text")));
        Assert.Contains("<script>window.__kvXss = 2</script>", text, StringComparison.Ordinal);
    }
}
