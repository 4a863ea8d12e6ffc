using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Motions read out in the Handelingen: "Zij krijgt nr. N (dossier)" is the motion kst-dossier-N, with the chair's sponsors.</summary>
public sealed class ReadOutMotionTests
{
    public static TheoryData<string, string, string> Positive => new()
    {
        // handelingen-xml-2018 h-tk-20172018-70-4: four sponsors, hyphenated surname
        { "Deze motie is voorgesteld door de leden Bergkamp, Segers, Hermans en Geluk-Poortvliet. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund. Zij krijgt nr. 253 (29538).", "kst-29538-253", "Bergkamp|Segers|Hermans|Geluk-Poortvliet" },
        // h-tk-20172018-70-10: spaces inside the brackets, as the XML gives them
        { "Deze motie is voorgesteld door de leden Koerhuis, Kops en Beckerman. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund. Zij krijgt nr. 469 ( 29453 ).", "kst-29453-469", "Koerhuis|Kops|Beckerman" },
        // h-tk-20172018-70-10: one sponsor
        { "Deze motie is voorgesteld door het lid Kops. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund. Zij krijgt nr. 471 ( 29453 ).", "kst-29453-471", "Kops" },
        // h-tk-20172018-70-11: two sponsors
        { "Deze motie is voorgesteld door de leden Veldman en Paternotte. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund. Zij krijgt nr. 307 ( 32637 ).", "kst-32637-307", "Veldman|Paternotte" },
        // a dossier with a sub-number, as EU-council motions are numbered
        { "Deze motie is voorgesteld door het lid Kröger. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund. Zij krijgt nr. 724 (21501-08).", "kst-21501-08-724", "Kröger" },
    };

    public static TheoryData<string> Negative => new()
    {
        // an amendment gets a number too, but it is no motion read out here
        "Het amendement krijgt nr. 12.",
        // the chair without a number
        "Deze motie is voorgesteld door het lid Kops. Naar mij blijkt, wordt de indiening ervan voldoende ondersteund.",
        // "krijgt" in ordinary prose
        "De gemeente krijgt nr. 3 op de lijst (2018).",
        // a number without a dossier
        "Zij krijgt nr. 253.",
        // a year in brackets is no dossier
        "Zij krijgt nr. 5 (2018).",
    };

    [Theory]
    [MemberData(nameof(Positive))]
    public void A_read_out_motion_is_its_kamerstuk_with_its_sponsors(string text, string target, string sponsors)
    {
        var found = Find(text);
        var c = Assert.Single(found);
        Assert.Equal(CitationKind.Motion, c.Kind);
        Assert.Equal(target, c.Target);
        Assert.Equal(sponsors.Split('|'), c.Sponsors);
        Assert.Equal(text[c.Start..c.End], c.Quote);
        Assert.StartsWith("Zij krijgt nr.", c.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Negative))]
    public void Other_numbers_are_not_motions(string text) => Assert.Empty(Find(text));

    private static List<Citation> Find(string text)
    {
        var recognizer = CitationRecognizers.ByName("motion-read-out")!;
        return [.. recognizer.Find(new RecognitionContext(text, new DocumentInfo { Kind = DocumentKind.Handelingen, Id = "h-tk-20172018-70-4" }, []))];
    }
}
