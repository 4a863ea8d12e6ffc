using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>Golden facts of the two seeds, as issue 2 §7 lists them, checked against what the readers make of the files.</summary>
public sealed class SeedGoldenTests
{
    private static ReadDocument Read(string path)
    {
        var source = new SourceDocument(path, File.ReadAllText(path));
        var reader = DocumentReaders.Default.OrderByDescending(r => r.Detect(source)).First();
        return reader.Read(source);
    }

    [Fact]
    public void Seed000_is_an_openkamer_answer_with_its_official_ids_and_dates()
    {
        var r = Read(TestPaths.Seed000);
        Assert.Equal("openkamer", r.Format);
        Assert.Equal(DocumentKind.Answer, r.Doc.Kind);
        Assert.Equal("ah-tk-20202021-2302", r.Doc.Id);
        Assert.Equal("2021Z02286", r.Doc.Zaak);
        Assert.Equal("kv-tk-2021Z02286", r.Doc.PairedId);
        Assert.Equal(new DateOnly(2021, 2, 4), r.Doc.Submitted);
        Assert.Equal(new DateOnly(2021, 4, 12), r.Doc.Answered);
        Assert.Equal("20202021", r.Doc.Vergaderjaar);
        Assert.Equal("De stelselmatige verkrachting van Oeigoerse vrouwen in Chinese kampen", r.Doc.Title);
        Assert.Contains("openbare orde en veiligheid", r.Doc.Topics);
    }

    [Fact]
    public void Seed000_askers_are_surnames_in_parliamentary_form_with_parties()
    {
        var r = Read(TestPaths.Seed000);
        Assert.Equal(
            [new Asker("Van den Nieuwenhuijzen-Wittens", "GL"), new Asker("Van Ojik", "GL"), new Asker("Van den Hul", "PvdA")],
            r.Doc.Askers);
        Assert.Equal(
            [new Answerer("Kaag", "minister zonder portefeuille buitenlandse zaken", "D66"), new Answerer("Blok", "minister buitenlandse zaken", "VVD")],
            r.Doc.Answerers);
    }

    [Fact]
    public void Seed000_has_nine_questions_each_with_its_answer_and_no_glued_footnote_digits()
    {
        var r = Read(TestPaths.Seed000);
        Assert.Equal(18, r.Items.Count);
        for (var n = 1; n <= 9; n++)
        {
            Assert.Contains(r.Items, i => i.Id == $"q{n}" && i.Kind == ItemKind.Question);
            Assert.Contains(r.Items, i => i.Id == $"a{n}" && i.Kind == ItemKind.Answer);
        }

        var q1 = r.Items.Single(i => i.Id == "q1");
        Assert.EndsWith("Chinese kampen»?[1]", r.Text[q1.Start..q1.End], StringComparison.Ordinal);
        Assert.Equal("Zie antwoord vraag 2.", Span(r, "a3"));
        Assert.DoesNotContain("?1", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("vergoelijken?2", r.Text, StringComparison.Ordinal);
        Assert.Equal("q1:1; q6:2", r.Metadata["footnote-markers"]);
    }

    [Fact]
    public void Seed000_keeps_the_motion_citations_readable_in_answer_9()
    {
        var r = Read(TestPaths.Seed000);
        var a9 = Span(r, "a9");
        Assert.Contains("motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)", a9, StringComparison.Ordinal);
        Assert.Contains("Ploumen (35 570 V, nr. 43) en Kuzu (35 570 V, nr. 53)", a9, StringComparison.Ordinal);
        Assert.Contains("Op 11 maart jl.", Span(r, "a2"), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed004_is_an_answer_letter_tied_to_its_repaired_zaak()
    {
        var r = Read(TestPaths.Seed004);
        Assert.Equal("ocr-letter", r.Format);
        Assert.Equal(DocumentKind.Answer, r.Doc.Kind);
        Assert.Equal("2019Z19189", r.Doc.Zaak);
        Assert.Equal("answer:2019Z19189", r.Doc.Id);
        Assert.Equal("kv-tk-2019Z19189", r.Doc.PairedId);
        Assert.Equal("2019219189 → 2019Z19189", r.Metadata["zaak-repaired"]);
        Assert.Contains(r.Warnings, w => w.Contains("2019219189", StringComparison.Ordinal));
        Assert.Null(r.Doc.Submitted);
        Assert.Null(r.Doc.Answered);
    }

    [Fact]
    public void Seed004_asker_is_Kuzu_of_DENK_and_answerer_Blok_as_minister()
    {
        var r = Read(TestPaths.Seed004);
        Assert.Equal([new Asker("Kuzu", "DENK")], r.Doc.Askers);
        Assert.Equal([new Answerer("Blok", "Minister van Buitenlandse Zaken", null)], r.Doc.Answerers);
    }

    [Fact]
    public void Seed004_sidebar_goes_to_metadata_and_own_ids_never_into_the_text()
    {
        var r = Read(TestPaths.Seed004);
        Assert.Contains("BZDOC-693942081-24", r.Doc.OwnIds);
        Assert.Equal("BZDOC-693942081-24", r.Metadata["onze-referentie"]);
        Assert.Equal("Azië en Oceanië", r.Metadata["directie"]);
        Assert.DoesNotContain("BZDOC", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Directie", r.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Referentie", r.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("©", r.Text, StringComparison.Ordinal);
        foreach (var answer in r.Items.Where(i => i.Kind == ItemKind.Answer))
        {
            var text = r.Text[answer.Start..answer.End];
            Assert.DoesNotContain("Azi", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" )", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Seed004_groups_answers_2_3_and_6_and_repairs_ocr_accents()
    {
        var r = Read(TestPaths.Seed004);
        var grouped = r.Items.Single(i => i.Id == "a2,3,6");
        Assert.Equal([2, 3, 6], grouped.Numbers);
        Assert.Equal(ItemKind.Answer, grouped.Kind);
        Assert.Contains("Kamerbrief over Xinjiang van 27 augustus 2018 (kenmerk 2018715781)", r.Text[grouped.Start..grouped.End], StringComparison.Ordinal);
        Assert.Equal(12, r.Items.Count(i => i.Kind == ItemKind.Question));
        Assert.Equal(10, r.Items.Count(i => i.Kind == ItemKind.Answer));
        Assert.Contains("verifiëren", r.Text, StringComparison.Ordinal);
        Assert.Contains("moskeeën", r.Text, StringComparison.Ordinal);
        Assert.Contains("geëxecuteerde", r.Text, StringComparison.Ordinal);
        Assert.Contains("op 24 september jl.", Span(r, "a5"), StringComparison.Ordinal);
        Assert.StartsWith("Vraag 12\nBent u van mening dat de internationale gemeenschap over genoeg middelen beschikt", Span(r, "q12"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("004")]
    public void Item_spans_lie_inside_the_cleaned_text_and_do_not_overlap(string seed)
    {
        var r = Read(seed == "000" ? TestPaths.Seed000 : TestPaths.Seed004);
        var ordered = r.Items.OrderBy(i => i.Start).ToList();
        for (var k = 0; k < ordered.Count; k++)
        {
            Assert.InRange(ordered[k].Start, 0, r.Text.Length);
            Assert.InRange(ordered[k].End, ordered[k].Start + 1, r.Text.Length);
            if (k > 0)
            {
                Assert.True(ordered[k - 1].End <= ordered[k].Start, $"{ordered[k - 1].Id} overlaps {ordered[k].Id}");
            }
        }
    }

    private static string Span(ReadDocument r, string id)
    {
        var item = r.Items.Single(i => i.Id == id);
        var text = r.Text[item.Start..item.End];
        return text.StartsWith("Antwoord", StringComparison.Ordinal) ? text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..] : text;
    }
}
