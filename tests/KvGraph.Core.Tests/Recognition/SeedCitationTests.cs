using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>The recognisers on the two seed documents, read from the repository's seeds folder.</summary>
public sealed class SeedCitationTests
{
    private static List<Citation> RecogniseAll(string text, DocumentInfo doc, DateOnly? referenceDate = null)
    {
        var context = new RecognitionContext(text, doc, []) { ReferenceDate = referenceDate, InferredYear = Ids(doc) };
        var found = new List<Citation>();
        foreach (var r in CitationRecognizers.Default)
        {
            if (Extractor.Triggered(text, r.Triggers))
            {
                found.AddRange(r.Find(context));
            }
        }

        foreach (var c in found)
        {
            Assert.Equal(text[c.Start..c.End], c.Quote);
        }

        return found;
    }

    private static int? Ids(DocumentInfo doc) => KvGraph.Core.Text.Ids.YearOfZaak(doc.Zaak);

    private static string Text(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    [SkippableFact]
    public void Seed_000_cites_the_four_motions_with_sponsors_and_spans()
    {
        var text = Text(TestPaths.Seed000);
        var doc = new DocumentInfo { Kind = DocumentKind.Answer, Id = "ah-tk-20202021-2302", Zaak = "2021Z02286" };
        var motions = RecogniseAll(text, doc).Where(c => c.Kind == CitationKind.Motion).ToList();

        Assert.Equal(
            [
                ("kst-21501-20-1591", "Van den Nieuwenhuijzen c.s.", "motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)"),
                ("kst-21501-20-1596", "Sjoerdsma c.s.", "moties Sjoerdsma c.s. (21 501-20, nr. 1596)"),
                ("kst-35570-V-43", "Ploumen", "Ploumen (35 570 V, nr. 43)"),
                ("kst-35570-V-53", "Kuzu", "Kuzu (35 570 V, nr. 53)"),
            ],
            // The seed writes non-breaking spaces inside the numbers ("21\u00a0501-20, nr.\u00a01591"); the quote keeps them.
            motions.Select(m => (m.Target, m.Sponsor, m.Quote.Replace('\u00a0', ' '))).ToList());
        Assert.Contains('\u00a0', motions[0].Quote);
        Assert.Equal(["Van den Nieuwenhuijzen"], motions[0].Sponsors);
        Assert.Equal(text.IndexOf("motie Van den Nieuwenhuijzen", StringComparison.Ordinal), motions[0].Start);
    }

    [SkippableFact]
    public void Seed_000_answers_3_and_4_refer_to_answer_2()
    {
        var text = Text(TestPaths.Seed000);
        var doc = new DocumentInfo { Kind = DocumentKind.Answer, Id = "ah-tk-20202021-2302", Zaak = "2021Z02286" };
        var intra = RecogniseAll(text, doc).Where(c => c.Kind == CitationKind.Answer && c.Quote.StartsWith("Zie antwoord", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, intra.Count);
        Assert.All(intra, c => Assert.Equal("ah-tk-20202021-2302#a2", c.Target));
        Assert.All(intra, c => Assert.Equal("Zie antwoord vraag 2", c.Quote));
    }

    [SkippableFact]
    public void Seed_000_through_the_pipeline_keeps_the_motions_and_drops_the_contained_kamerstukken()
    {
        var x = Extractor.Default.Extract(new SourceDocument(TestPaths.Seed000, File.ReadAllText(TestPaths.Seed000)));
        var motions = x.Citations.Where(c => c.Kind == CitationKind.Motion).Select(c => (c.Target, c.Sponsor)).ToList();
        Assert.Equal(
            [("kst-21501-20-1591", "Van den Nieuwenhuijzen c.s."), ("kst-21501-20-1596", "Sjoerdsma c.s."), ("kst-35570-V-43", "Ploumen"), ("kst-35570-V-53", "Kuzu")],
            motions);

        // The Kamerstuk inside each motion has the same target and says nothing new.
        Assert.DoesNotContain(x.Citations, c => c.Kind == CitationKind.Kamerstuk);
        Assert.Equal(2, x.Citations.Count(c => c.Kind == CitationKind.Answer && c.Target == x.Doc.Id + "#a2" && c.Quote == "Zie antwoord vraag 2"));
        Assert.All(x.Citations, c => Assert.Equal(x.Text[c.Start..c.End], c.Quote));
    }

    [SkippableFact]
    public void Seed_004_cites_the_repaired_zaak_the_letter_and_the_earlier_answer()
    {
        var text = Text(TestPaths.Seed004);
        var doc = new DocumentInfo { Kind = DocumentKind.Answer, Id = "kv-answer-2019Z19189", Zaak = "2019Z19189" };
        var found = RecogniseAll(text, doc, new DateOnly(2019, 10, 15));

        var zaak = found.Where(c => c.Kind == CitationKind.Zaak && c.Target == "2019Z10940").ToList();
        Assert.NotEmpty(zaak);
        Assert.All(zaak, c => Assert.True(c.Corrected && c.OriginalText == "2019210940" && c.Confidence < 1));

        var letter = Assert.Single(found, c => c.Kind == CitationKind.Letter);
        Assert.Equal("letter:2018-08-27", letter.Target);
        Assert.Equal("2018715781", letter.Reference);
        Assert.Equal("Xinjiang", letter.Subject);

        // The letter's kenmerk is not a zaak of its own.
        Assert.DoesNotContain(found, c => c.Target == "2018Z15781");

        var answers = found.Where(c => c.Kind == CitationKind.Answer && c.Target == "2019Z10940").ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a => Assert.StartsWith("het bericht dat er nieuw bewijs is van China's missie", a.Subject, StringComparison.Ordinal));

        // "Zoals aangeven in antwoord op vraag 5" (answer 12).
        Assert.Contains(found, c => c.Kind == CitationKind.Answer && c.Target == "kv-answer-2019Z19189#a5");
    }

    [SkippableFact]
    public void Seed_004_own_zaak_is_not_a_citation_once_the_document_knows_it()
    {
        var text = Text(TestPaths.Seed004);
        var doc = new DocumentInfo { Kind = DocumentKind.Answer, Id = "kv-answer-2019Z19189", Zaak = "2019Z19189", OwnIds = ["BZDOC-693942081-24"] };
        var found = RecogniseAll(text, doc);

        // The recogniser does read the own kenmerk ("met kenmerk 2019219189") …
        Assert.Contains(found, c => c.Target == "2019Z19189");

        // … and settling against the document's own ids removes it, and the own BZDOC reference with it.
        var settled = Extractor.Settle(found, new ReadDocument { Format = "test", Text = text, Doc = doc });
        Assert.DoesNotContain(settled, c => c.Target == "2019Z19189");
        Assert.DoesNotContain(settled, c => c.Target == "BZDOC-693942081-24");
        Assert.Contains(settled, c => c.Kind == CitationKind.Zaak && c.Target == "2019Z10940");
        Assert.Contains(settled, c => c.Kind == CitationKind.Letter && c.Target == "letter:2018-08-27");
    }

    [SkippableFact]
    public void Seed_004_through_the_pipeline_has_no_citation_of_its_own_zaak()
    {
        var x = Extractor.Default.Extract(new SourceDocument(TestPaths.Seed004, File.ReadAllText(TestPaths.Seed004)));
        Assert.Contains(x.Citations, c => c.Kind == CitationKind.Zaak && c.Target == "2019Z10940" && c.Corrected);
        Assert.Contains(x.Citations, c => c.Kind == CitationKind.Letter && c.Target == "letter:2018-08-27" && c.Reference == "2018715781");
        Skip.If(x.Doc.Zaak is null, "the reader for OCR'd letters does not set the document's zaak yet");
        Assert.DoesNotContain(x.Citations, c => c.Target == "2019Z19189");
    }
}
