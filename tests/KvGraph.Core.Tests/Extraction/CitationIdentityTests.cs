using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Tests.Recognition;
using KvGraph.Core.Text;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Extraction;

/// <summary>The identity rules of the settle stage (CitationIdentity), on real phrasings and real documents.</summary>
public sealed class CitationIdentityTests
{
    /// <summary>A letter cited with its Kamerstuk number: one kamerstuk citation (target, date).</summary>
    public static TheoryData<string, string, string> LetterWithNumber => new()
    {
        // issue: Kamerbrief with a title in guillemets, "d.d." and the number in parentheses
        { "Kamerbrief «Voortgang verduurzaming industrie» d.d. 10 oktober 2024 (Kamerstuk 29 826, nr. 214)", "kst-29826-214", "2024-10-10" },
        // kamervragen-limburg 042, answer 5
        { "In mijn brief van 10 september 2024 (Kamerstuk 23 432, nr.537)heb ik", "kst-23432-537", "2024-09-10" },
        // brief: letter and Kamerstuk in one parenthesis
        { "(brief van 10 september 2024, Kamerstuk 23 432, nr. 537)", "kst-23432-537", "2024-09-10" },
        // kamervragen-limburg 067: the number inside the letter phrase, the date after it
        { "geïnformeerd in de Kamerbrief Toekomst samenwerking met maatschappelijke organisaties in ontwikkelingshulp (Kamerstuk 36600, nr. 13) op 11 november 2024.", "kst-36600-13", "2024-11-11" },
    };

    /// <summary>A letter and a Kamerstuk that are not one thing: both stay (letter target, kamerstuk target).</summary>
    public static TheoryData<string, string, string> LetterAndNumberApart => new()
    {
        // words between the letter and the number: the Kamerstuk is something else the letter mentions
        { "In mijn brief van 10 september 2024 heb ik verwezen naar Kamerstuk 23 432, nr. 537.", "letter:2024-09-10", "kst-23432-537" },
        // the number comes first
        { "Kamerstuk 23 432, nr. 537 en mijn brief van 10 september 2024 gaan hierop in.", "letter:2024-09-10", "kst-23432-537" },
        // a sentence between them
        { "Zie de brief van 5 juni 2024. Kamerstuk 23 432, nr. 537 volgt later.", "letter:2024-06-05", "kst-23432-537" },
        // a letter with a kenmerk, then a separate Kamerstuk after a clause
        { "de Kamerbrief over Xinjiang van 27 augustus 2018 (kenmerk 2018715781), en later Kamerstuk 35 570 V, nr. 43", "letter:2018-08-27", "kst-35570-V-43" },
    };

    [SkippableTheory]
    [MemberData(nameof(LetterWithNumber))]
    public void A_letter_cited_with_its_kamerstuk_number_is_that_kamerstuk(string text, string target, string date)
    {
        var doc = Rows.Pipeline(text);
        var c = Assert.Single(doc.Citations);
        Assert.Equal(CitationKind.Kamerstuk, c.Kind);
        Assert.Equal(target, c.Target);
        Assert.Equal(date, DutchDates.Iso(c.Date));
        Assert.Equal(doc.Text[c.Start..c.End], c.Quote);
        Assert.Contains("brief", c.Quote, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nr", c.Quote, StringComparison.Ordinal);
        Assert.Contains(target[(target.LastIndexOf('-') + 1)..], c.Quote, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(LetterAndNumberApart))]
    public void A_letter_and_a_kamerstuk_apart_stay_two_citations(string text, string letter, string kamerstuk)
    {
        var doc = Rows.Pipeline(text);
        Assert.Contains(doc.Citations, c => c.Kind == CitationKind.Letter && c.Target == letter);
        Assert.Contains(doc.Citations, c => c.Kind == CitationKind.Kamerstuk && c.Target == kamerstuk && c.Date is null);
    }

    [Fact]
    public void The_subject_of_a_letter_with_its_number_is_kept()
    {
        var c = Assert.Single(Rows.Pipeline("Kamerbrief «Voortgang verduurzaming industrie» d.d. 10 oktober 2024 (Kamerstuk 29 826, nr. 214)").Citations);
        Assert.Equal("Voortgang verduurzaming industrie", c.Subject);
        Assert.Equal("Kamerbrief «Voortgang verduurzaming industrie» d.d. 10 oktober 2024 (Kamerstuk 29 826, nr. 214)", c.Quote);
    }

    /// <summary>kst-36410-V-51 (moties-toegelicht): the motion's heading and onderwerp are the motion itself.</summary>
    [SkippableFact]
    public void A_motion_never_cites_itself_from_its_heading()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var path = TestPaths.Corpus("moties-toegelicht", "motions", "6dfd93cb-1c1c-4f51-b5e1-253baf6bebf6.txt");
        var doc = Extractor.Default.Extract(new SourceDocument(path, File.ReadAllText(path)));
        Assert.Equal("kst-36410-V-51", doc.Doc.Id);
        Assert.DoesNotContain(doc.Citations, c => c.Kind == CitationKind.Motion && c.Target is null);
    }

    /// <summary>kamervragen-limburg 008: the deferral's Mededeling names its own questions' zaak.</summary>
    [SkippableFact]
    public void A_deferral_notice_does_not_cite_its_own_zaak()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var path = TestPaths.Corpus("kamervragen-limburg", "docs", "008_Uitstel_beantwoording_vragen_van_de_lede.pdf.txt");
        var doc = Extractor.Default.Extract(new SourceDocument(path, File.ReadAllText(path)));
        Assert.Equal(DocumentKind.Deferral, doc.Doc.Kind);
        Assert.Equal("2024Z16988", doc.Doc.Zaak);
        Assert.DoesNotContain(doc.Citations, c => c.Target == "2024Z16988");
    }

    /// <summary>
    /// A footnote marker right after an unnumbered motion ("c.s.[2]", as the Aanhangsel reader writes glued markers)
    /// takes the number from the note; the note's own Kamerstuk is not cited again. Row from learninglion 1432.
    /// </summary>
    [SkippableFact]
    public void A_motion_with_a_footnote_takes_its_number_from_the_note()
    {
        const string text = "hoe rijmt u dat met de aangenomen motie van het lid Van Zanten c.s.[2], waarmee een meerderheid van de Kamer heeft aangegeven dat\n[2] Kamerstuk 36 410 VIII, nr. 82";
        var doc = Rows.Pipeline(text);
        var c = Assert.Single(doc.Citations);
        Assert.Equal(CitationKind.Motion, c.Kind);
        Assert.Equal("kst-36410-VIII-82", c.Target);
        Assert.Equal(2, c.Footnote);
        Assert.Equal("Van Zanten", Assert.Single(c.Sponsors));
    }

    /// <summary>
    /// Markers that belong to the motion although they do not stand right after it alone: (text, target, footnote).
    /// </summary>
    public static TheoryData<string, string, int> FootnoteFollowed => new()
    {
        // kamervragen-limburg 008: a group of markers after the sentence; the motion right before it has the last one
        { "zoals aangegeven in het verslag van een schriftelijk overleg over de reactie op het rapport MIND onderzoek wachttijden ggz van 4 april 2024 en de uitvoering van de motie Bikker-Van den Hil.[2][3]\n[2] Kamerstuk 25 242, nr. 686\n[3] Kamerstuk 36 200, nr. 77", "kst-36200-77", 3 },
        // the same group with a space between the markers
        { "de uitvoering van de motie Bikker-Van den Hil.[2] [3]\n[2] Kamerstuk 25 242, nr. 686\n[3] Kamerstuk 36 200, nr. 77", "kst-36200-77", 3 },
        // learninglion 1481: "de betreffende motie" takes up the motion named earlier in the question
        { "Kunt u naar aanleiding van de aangenomen motie-Simons c.s., waarin wordt verzocht in gesprek te gaan met NGO’s, toelichten met welke lokale organisaties er is gesproken binnen het kader van de betreffende motie?[1]\n[1] Kamerstuk 36 200 IV, nr. 25.", "kst-36200-IV-25", 1 },
        // learninglion 1980: the marker after a comma ("JosephAgema,7" as the reader writes it)
        { "Hoewel de verplichting komt te vervallen door uitvoering te geven aan de motie Joseph Agema,[7] blijft de keuze aan de zorgaanbieders.\n[7] Kamerstukken II 2023–34, 29 509, nr. 80.", "kst-29509-80", 7 },
    };

    [SkippableTheory]
    [MemberData(nameof(FootnoteFollowed))]
    public void A_marker_in_a_group_or_after_a_phrase_that_takes_up_the_motion_is_followed(string text, string target, int footnote)
    {
        var doc = Rows.Pipeline(text);
        var c = Assert.Single(doc.Citations, c => c.Kind == CitationKind.Motion);
        Assert.Equal(target, c.Target);
        Assert.Equal(footnote, c.Footnote);
        Assert.DoesNotContain(doc.Citations, k => k.Kind == CitationKind.Kamerstuk && k.Target == target);
    }

    /// <summary>Markers that do not belong to the mention: the motion stays unnumbered, the note's Kamerstuk stays.</summary>
    public static TheoryData<string> FootnoteNotFollowed => new()
    {
        // learninglion 1432: the marker stands after the later clause, not after the motion
        "de motie van het lid Van Zanten c.s. is aangenomen en er is veel gebeurd sinds die tijd op dit terrein[2]\n[2] Kamerstuk 36 410 VIII, nr. 82",
        // kamervragen-limburg 008 reordered: the motion is not the last thing before the group, which marker is its own is unknown
        "de uitvoering van de motie Bikker-Van den Hil en het verslag van een schriftelijk overleg.[2][3]\n[2] Kamerstuk 36 200, nr. 77\n[3] Kamerstuk 25 242, nr. 686",
        // a group whose last note names two Kamerstukken
        "de uitvoering van de motie Bikker-Van den Hil.[2][3]\n[2] Kamerstuk 25 242, nr. 686\n[3] Kamerstuk 36 200, nr. 77 en Kamerstuk 36 200, nr. 78",
        // learninglion 1481 with the phrase in the next paragraph: it may take up another motion
        "In het kader van motie-Simons c.s. zijn gesprekken gevoerd.\nIk verwijs naar de betreffende motie?[1]\n[1] Kamerstuk 36 200 IV, nr. 25.",
        // "een motie" takes up nothing: it is another motion
        "naar aanleiding van de aangenomen motie-Simons c.s. is ook een motie[1] ingediend over opvang\n[1] Kamerstuk 36 200 IV, nr. 25.",
        // a comma marker is not the motion's when a clause stands between them
        "door uitvoering te geven aan de motie Joseph Agema over de cliëntprofielen,[7] blijft de keuze aan de zorgaanbieders.\n[7] Kamerstukken II 2023–34, 29 509, nr. 80.",
        // the note names two different Kamerstukken: which one is unknown
        "de motie van het lid Van Zanten c.s.[2] is aangenomen.\n[2] Kamerstuk 36 410 VIII, nr. 82 en Kamerstuk 36 410 VIII, nr. 83",
        // the note is a news article
        "de motie van het lid Van Zanten c.s.[2] is aangenomen.\n[2] NOS, 8 oktober 2024, «Toezichthouder»",
    };

    /// <summary>A phrase that takes up a motion goes to the nearest one only: (text, sponsor of the motion that stays unnumbered).</summary>
    public static TheoryData<string, string> AnaphorNearestOnly => new()
    {
        // learninglion 1481 with a second motion named between: "de betreffende motie" is that one
        { "naar aanleiding van de aangenomen motie-Simons c.s. en de motie Van Dijk over opvang, binnen het kader van de betreffende motie?[1]\n[1] Kamerstuk 36 200 IV, nr. 25.", "Simons c.s." },
        // kamervragen-limburg 008 grouped: the earlier mention keeps no marker of the group
        { "de motie Van Dijk en de uitvoering van de motie Bikker-Van den Hil.[2][3]\n[2] Kamerstuk 25 242, nr. 686\n[3] Kamerstuk 36 200, nr. 77", "Van Dijk" },
    };

    [SkippableTheory]
    [MemberData(nameof(AnaphorNearestOnly))]
    public void A_marker_goes_to_the_nearest_motion_only(string text, string sponsor)
    {
        var doc = Rows.Pipeline(text);
        var c = Assert.Single(doc.Citations, c => c.Kind == CitationKind.Motion && c.Sponsor == sponsor);
        Assert.Null(c.Target);
        Assert.Null(c.Footnote);
    }

    [SkippableTheory]
    [MemberData(nameof(FootnoteNotFollowed))]
    public void A_marker_that_is_not_the_mentions_own_is_not_followed(string text)
    {
        var doc = Rows.Pipeline(text);
        Assert.DoesNotContain(doc.Citations, c => c.Footnote is not null);
        Assert.Contains(doc.Citations, c => c.Kind == CitationKind.Motion && c.Target is null);
    }
}
