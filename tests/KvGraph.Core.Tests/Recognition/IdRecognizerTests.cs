using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Zaak numbers (also OCR-repaired), TK document numbers, ministry references and ECLI.</summary>
public sealed class IdRecognizerTests
{
    public static TheoryData<string, string> Zaak => new()
    {
        // seed 000 header
        { "Kamervraag 2021Z02286", "2021Z02286" },
        // kamervragen-limburg question pages
        { "Nispen (SP), ingezonden 19 november 2024 (vraagnummer 2024Z18794).", "2024Z18794" },
        // kamervragen-limburg: hyphenated keyword
        { "ingezonden 25 september 2024 (vraag-nummer 2024Z14250).", "2024Z14250" },
        // kamervragen-limburg footer id of the questions
        { "kv-tk-2024Z18893", "2024Z18893" },
        // seed 004: OCR turned the Z into a 2, in a kenmerk context
        { "Deze vragen werden ingezonden op‘ met kenmerk 2019219189.", "2019Z19189" },
        // brief: kenmerk in parentheses
        { "zoals eerder gemeld (kenmerk 2019210940) aan uw Kamer", "2019Z10940" },
        // brief: a zaak given as kenmerk, with a date
        { "Kenmerk 2024Z00081, d.d. 6 maart 2024", "2024Z00081" },
        // kamervragen-limburg footnote: the marker 3 glued to the zaak
        { "32024Z15585/2024D37938", "2024Z15585" },
        // kamervragen-limburg: lower-case z
        { "In voornoemd stuk (2024z00081) is de Kamer geïnformeerd", "2024Z00081" },
    };

    public static TheoryData<string, string> TkDocument => new()
    {
        // brief
        { "Zie document 2024D12345.", "2024D12345" },
        // kamervragen-limburg: "Kamerstuk" before a D number
        { "Zoals in de beantwoording (Kamerstuk 2024D28457) van vragen", "2024D28457" },
        // brief: as kenmerk
        { "met kenmerk 2024D45202", "2024D45202" },
        // kamervragen-limburg footnote URL: one citation for the two ids in one URL
        { "www.tweedekamer.nl/kamerstukken/detail?id=2024D42030&did=2024D42030", "2024D42030" },
    };

    public static TheoryData<string, string> Reference => new()
    {
        // brief
        { "Uw brief met kenmerk 2024-0000123456 is ontvangen.", "2024-0000123456" },
        // brief
        { "Ons kenmerk BZ-123456", "BZ-123456" },
        // seed 004 sidebar
        { "Onze Referentie\nBZDOC-693942081-24", "BZDOC-693942081-24" },
        // learninglion letter header, PDF spaced letters
        { "Kenmerk\nI E NW/BSK-2023/297705", "IENW/BSK-2023/297705" },
        // a bare BZDOC reference
        { "(BZDOC-1234567-12)", "BZDOC-1234567-12" },
        // kamervragen-limburg 055: a ministry kenmerk with no keyword, in parentheses after the letter
        { "Op 29 oktober is de Kamer aanvullend geïnformeerd over de BNI-koppeling middels een Kamerbrief (BZ2407724).", "BZ2407724" },
    };

    public static TheoryData<string, string> Ecli => new()
    {
        // brief
        { "Zie ECLI:NL:HR:2024:123.", "ECLI:NL:HR:2024:123" },
        // kamervragen-limburg
        { "(ABRS 2 oktober2024, ECLI:NL:RVS:2024:3946) gedaan.", "ECLI:NL:RVS:2024:3946" },
        // kamervragen-limburg: broken over a line by PDF extraction
        { "Rechtbank Den Haag, 21 febuari 2023, ECLI:NL-\n:RBDHA:2023:2055", "ECLI:NL:RBDHA:2023:2055" },
        // lower case
        { "ecli:nl:rbmne:2021:6269,", "ECLI:NL:RBMNE:2021:6269" },
    };

    public static TheoryData<string, string> Negative => new()
    {
        // a bare ten-digit number is not an OCR'd zaak outside a kenmerk context
        { "zaak", "Het dossier telt 2019219189 bytes." },
        // a phone number
        { "zaak", "Bel 0704567890 of 070 456 7890." },
        // a year
        { "zaak", "In 2021 is dat gebeurd." },
        // "kenmerken" is a word
        { "reference", "gekeken naar de kenmerken en achtergronden van het delict" },
        // a kenmerk that is a zaak is the zaak recogniser's
        { "reference", "Kenmerk 2024Z00081" },
        // a kenmerk without digits
        { "reference", "Kenmerk: onbekend" },
        // ECLI without a number
        { "ecli", "De ECLI-standaard wordt gebruikt." },
        // TK-document-like number with too many digits
        { "tkdocument", "Bestelnummer 2024D123456 is verzonden." },
        // a citizen service number
        { "zaak", "Het BSN 123456782 is onbekend." },
        // an invoice number with ten digits and no kenmerk context
        { "zaak", "Factuurnummer 2024123456 is betaald." },
        // a model name
        { "tkdocument", "Het model 2024D is nieuw." },
        // too few digits
        { "tkdocument", "Code 2024D1234 onbekend." },
        // ECLI without its parts
        { "ecli", "Het ECLI:NL is onvolledig." },
        // "referentie" as a word
        { "reference", "met referentie naar de wet; Referentie: zie hierboven." },
        // a kenmerk that is only a year
        { "reference", "kenmerk 2024" },
        // an own kenmerk without a value
        { "reference", "ons kenmerk: onbekend" },
        // kamervragen-limburg 055 phrasing with an abbreviation, no digits, in the parentheses
        { "reference", "middels een Kamerbrief (BNI-koppeling) over de raming" },
        // letters and only two digits: a name, not a kenmerk
        { "reference", "in de Kamerbrief (COVID19) over de maatregelen" },
        // a kenmerk-like code in parentheses that follows no letter
        { "reference", "de raming van het bureau (CPB2407724) is hoger" },
        // seed 004: the letter's kenmerk belongs to the letter, not the zaak list
        { "zaak", "Kamerbrief over Xinjiang van 27 augustus 2018 (kenmerk 2018715781)" },
    };

    [SkippableTheory]
    [MemberData(nameof(Zaak))]
    public void Finds_zaak_numbers(string text, string expected) => Rows.AssertFinds("zaak", text, expected, CitationKind.Zaak);

    [SkippableTheory]
    [MemberData(nameof(TkDocument))]
    public void Finds_tk_documents(string text, string expected) => Rows.AssertFinds("tkdocument", text, expected, CitationKind.TkDocument);

    [SkippableTheory]
    [MemberData(nameof(Reference))]
    public void Finds_references(string text, string expected) => Rows.AssertFinds("reference", text, expected, CitationKind.Reference);

    [SkippableTheory]
    [MemberData(nameof(Ecli))]
    public void Finds_ecli(string text, string expected) => Rows.AssertFinds("ecli", text, expected, CitationKind.Ecli);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_no_id(string recognizer, string text) => Assert.Empty(Rows.Single(recognizer, text));

    [SkippableFact]
    public void An_ocr_repaired_zaak_is_marked_corrected_with_lower_confidence()
    {
        var c = Assert.Single(Rows.Single("zaak", "met kenmerk 2019219189."));
        Assert.Equal("2019Z19189", c.Target);
        Assert.True(c.Corrected);
        Assert.Equal("2019219189", c.OriginalText);
        Assert.True(c.Confidence < 1);

        var clean = Assert.Single(Rows.Single("zaak", "(2021Z02286)"));
        Assert.False(clean.Corrected);
        Assert.Null(clean.OriginalText);
        Assert.Equal(1.0, clean.Confidence);
    }

    [SkippableFact]
    public void The_recognisers_are_registered_in_order()
    {
        Assert.Equal(
            ["motion", "motion-read-out", "kamerstuk", "dossier", "aanhangsel", "handelingen", "answer", "answer-intra", "letter", "zaak", "tkdocument", "reference", "ecli"],
            CitationRecognizers.Default.Select(r => r.Name));
        Assert.All(CitationRecognizers.Default, r => Assert.NotEmpty(r.Triggers));
    }
}
