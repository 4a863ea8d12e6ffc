using KvGraph.Core.Extraction;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>
/// Real lines from the corpus with numbers that look like citations but are not: amounts, budget and treaty articles,
/// paragraph and list numbers, counts, years, an ISSN, page footers and page numbers, a post box and postcode, a document's own ids, a news article's date and a
/// long number in a URL. The extractor must return no citation inside them.
/// (The corpus holds no telephone numbers; the 19-digit status number in a footnote URL stands in for them.)
/// </summary>
public sealed class NotCitationsTests
{
    private const string Limburg = "kamervragen-limburg/docs/";

    /// <summary>File, the exact line or phrase, and the token that must not end up in any citation's quote.</summary>
    public static TheoryData<string, string, string> Rows { get; } = new()
    {
        // Amounts.
        { Limburg + "001_Antwoord_op_vragen_van_het_lid_Dani_lle_.pdf.txt", "een bedrag van € 2,8 miljard aan transformatiemiddelen", "2,8 miljard" },
        { "learninglion-kamervragen/txt/1a2d8959-7ce1-411d-bffe-c78970ae8d6b.txt", "tot een maximum van € 750 miljoen", "750 miljoen" },
        { Limburg + "055_Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt", "niet bijgesteld met EUR 319 miljoen in 2025", "319 miljoen" },
        { Limburg + "042_Antwoord_op_het_lid_Van_Baarle_over_het_.pdf.txt", "Nederland heeft in 2023 circa EUR 51 miljoen uitgegeven", "51 miljoen" },

        // Budget, statute and treaty articles; paragraphs of a court opinion; a UN resolution.
        { Limburg + "033_Antwoord_op_vragen_van_het_lid_Soepboer_.docx.txt", "risicoreservering (artikel 11.04) is getroffen van 250 miljoen euro", "artikel 11.04" },
        { "moties-toegelicht/motions/kst-31288-1008.txt", "artikel 1.3, lid 5 van de Wet op het hoger onderwijs", "artikel 1.3" },
        { Limburg + "013_Antwoord_op_vragen_van_het_lid_Ellian_ov.pdf.txt", "conform de procedure uit art. 26 Regeling selectie", "art. 26" },
        { Limburg + "042_Antwoord_op_het_lid_Van_Baarle_over_het_.pdf.txt", "in paragraaf 278 van het advies", "paragraaf 278" },
        { Limburg + "042_Antwoord_op_het_lid_Van_Baarle_over_het_.pdf.txt", "(Resolutie 2672C (XXV), 8 december 1970)", "2672C" },

        // Counts, ratios and years.
        { Limburg + "009_Antwoord_op_vragen_van_het_lid_Van_Nispe.docx.txt", "Het aantal advocaten in het stelsel was in 2023 5.971. In 2022 was dit aantal 6.125.", "5.971" },
        { Limburg + "021_Antwoord_op_vragen_van_het_lid_Mohandis_.pdf.txt", "(0,3 per 25.000inwoners)", "25.000" },

        // List items and answer headings (a heading is not a reference to that answer).
        { Limburg + "046_Antwoord_op_vragen_van_de_leden_Kathmann.docx.txt", "(1) de te beschermen belangen, (2) de dreiging", "(2) de dreiging" },
        { Limburg + "046_Antwoord_op_vragen_van_de_leden_Kathmann.docx.txt", "Antwoord vraag 2:", "Antwoord vraag 2" },

        // ISSN and running page footers.
        { Limburg + "004_Antwoord_op_vragen_van_de_leden_Van_Nisp.pdf.txt", "ISSN 0921 - 7398", "0921 - 7398" },
        { Limburg + "004_Antwoord_op_vragen_van_de_leden_Van_Nisp.pdf.txt", "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2", "Aanhangsel 2" },

        // A letter's own kenmerk in every page's sidebar, its post box and postcode, its page numbers.
        { "learninglion-kamervragen/txt/verzamelbrief-luchtvaart.txt", "Kenmerk I E NW/BSK-2023/297705", "297705" },
        { "learninglion-kamervragen/txt/verzamelbrief-luchtvaart.txt", "> Retouradres Postbus 20901 2500 EX D en Haag", "20901" },
        { "learninglion-kamervragen/txt/verzamelbrief-luchtvaart.txt", "P agina 2 van 7", "P agina 2" },

        // A motion's own footer is its own id, not a citation.
        { "moties-toegelicht/motions/kst-31409-383.txt", "Tweede Kamer, vergaderjaar 2022–2023, 31 409, nr. 383", "nr. 383" },

        // A news article's date is not an earlier letter; a long number in a URL is no kenmerk.
        { Limburg + "009_Antwoord_op_vragen_van_het_lid_Van_Nispe.docx.txt", "In het artikel van de NOS van 11 november jl.", "NOS van 11 november" },
        { Limburg + "003_Antwoord_op_vragen_van_het_lid_Boswijk_o.pdf.txt", "x.com/hubertsmeets/status/1849009806952071192", "1849009806952071192" },
    };

    [SkippableTheory]
    [MemberData(nameof(Rows))]
    public void NoCitationInside(string file, string snippet, string token)
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var path = TestPaths.Corpus(file.Split('/'));
        var raw = File.ReadAllText(path);
        Assert.True(LooseText.FindAll(raw, snippet).Count > 0, $"the table row «{snippet}» is not in {file}");

        var extracted = Extractor.Default.Extract(new SourceDocument(path, raw));

        // Where the cleaned text still holds the line, no citation may overlap it.
        foreach (var (start, end) in LooseText.FindAll(extracted.Text, snippet))
        {
            var inside = extracted.Citations.Where(c => c.Start < end && c.End > start).ToList();
            Assert.True(inside.Count == 0, $"{file}: «{snippet}» holds citation(s) " + string.Join("; ", inside.Select(c => $"{c.Kind} {c.Target} «{c.Quote}»")));
        }

        // Wherever cleaning moved or dropped it, the look-alike number must still not be quoted as a citation.
        var needle = LooseText.Collapse(token);
        var quoting = extracted.Citations.Where(c => LooseText.Collapse(c.Quote).Contains(needle, StringComparison.Ordinal)).ToList();
        Assert.True(quoting.Count == 0, $"{file}: '{token}' was taken for a citation: " + string.Join("; ", quoting.Select(c => $"{c.Kind} {c.Target} «{c.Quote}»")));
    }
}
