using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Earlier letters by date, absolute and relative.</summary>
public sealed class LetterRecognizerTests
{
    public static TheoryData<string, string> Positive => new()
    {
        // kamervragen-limburg 055 with the year written: the date first, the letter after "geïnformeerd … middels"
        { "Op 29 oktober 2024 is de Kamer aanvullend geïnformeerd over de BNI-koppeling middels een Kamerbrief (BZ2407724).", "letter:2024-10-29" },
        // seed 004, answer 2,3,6 (date over a line break)
        { "verwijs ik u naar de Kamerbrief over Xinjiang van 27\naugustus 2018 (kenmerk 2018715781). Het kabinet", "letter:2018-08-27" },
        // issue 2 §3
        { "In mijn brief van 10 september 2024 heb ik u geïnformeerd", "letter:2024-09-10" },
        // brief
        { "De Kamerbrief van 5 juni 2024 gaat hierop in.", "letter:2024-06-05" },
        // brief
        { "Zoals ik u bij brief van 3 mei 2023 meldde", "letter:2023-05-03" },
        // brief: "d.d."
        { "per brief d.d. 6 maart 2024", "letter:2024-03-06" },
        // kamervragen-limburg: glued "van12"
        { "Hoe verhoudt dit aantal zich tot de brief van uw ambtsvoorganger van12 april 2024, waarin zij schreef", "letter:2024-04-12" },
        // learninglion: footnote digit glued to the year ("20222" is 2022, note 2)
        { "In de brief van 29 juni 20222 is aangegeven dat", "letter:2022-06-29" },
        // learninglion: a compound ("voortgangsbrief") with the date over a line break
        { "Zoals gemeld in de voortgangsbrief van\n21 juni 2024 is", "letter:2024-06-21" },
        // kamervragen-limburg: title in guillemets, "d.d."
        { "de Kamerbrief «Voortgang aanpak netcongestie» d.d. 11 juni 2024", "letter:2024-06-11" },
    };

    public static TheoryData<string> Negative => new()
    {
        // brief: no date
        "de brief die ik stuurde aan de gemeente",
        // kamervragen-limburg: a letter from an organisation, no date
        "Kent u de brief van de Nederlandse Stichting Water- & Zwemveiligheid betreffende zwemles?",
        // learninglion: no date after "van"
        "Hierover heb ik u in mijn brief van afgelopen zomer geïnformeerd.",
        // a date without a letter
        "Op 27 augustus 2018 sprak de minister met de ambassadeur.",
        // "briefing" is not a letter
        "De briefing van 3 mei 2023 was besloten.",
        // seed 004: a letter by 22 states, dated before the word "brief"
        "Op 8 juli jl. stuurden 22 landen, waaronder Nederland, een brief over Xinjiang aan de voorzitter van de VN-Mensenrechtenraad.",
        // a promise of a future letter
        "Ik zal uw Kamer voor 1 januari per brief informeren.",
        // learninglion: the letter itself
        "Deze brief stuur ik u mede namens de minister van Justitie en Veiligheid.",
        // a letter by a person, no date
        "De brief van de burgemeester kwam te laat.",
        // an impossible date is no date
        "In de brief van 31 februari 2024 stond niets.",
        // plural letters without a single date
        "de brieven van de gemeenten",
        // "op" without a date
        "de brief die ik op korte termijn stuur",
        // kamervragen-limburg 055 without the letter: the Kamer informed, by what is not said
        "Op 29 oktober 2024 is de Kamer aanvullend geïnformeerd over de BNI-koppeling.",
        // the Kamer informed in a debate, a letter only in the next sentence
        "Op 29 oktober 2024 is de Kamer geïnformeerd in het debat. Een brief volgt later.",
        // the Kamer informed, the letter is someone else's
        "Op 29 oktober 2024 is de Kamer geïnformeerd over de brief die de gemeente stuurde.",
    };

    [SkippableTheory]
    [MemberData(nameof(Positive))]
    public void Finds_letters(string text, string expected) => Rows.AssertFinds("letter", text, expected, CitationKind.Letter);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_no_letter(string text) => Rows.AssertNothing("letter", text);

    [SkippableFact]
    public void The_seed_letter_keeps_its_kenmerk_and_subject()
    {
        var c = Assert.Single(Rows.Single("letter", "verwijs ik u naar de Kamerbrief over Xinjiang van 27\naugustus 2018 (kenmerk 2018715781). Het"));
        Assert.Equal("2018715781", c.Reference);
        Assert.Equal("Xinjiang", c.Subject);
        Assert.Equal(new DateOnly(2018, 8, 27), c.Date);
        Assert.Equal("Kamerbrief over Xinjiang van 27\naugustus 2018 (kenmerk 2018715781)", c.Quote);
    }

    [SkippableFact]
    public void A_letter_with_its_kamerstuk_in_the_phrase_is_still_found_by_the_letter_recogniser()
    {
        // kamervragen-limburg: title with its Kamerstuk, then "op <date>"; the settle stage makes it the Kamerstuk
        var c = Assert.Single(Rows.Single("letter", "geïnformeerd in de Kamerbrief Toekomst samenwerking met maatschappelijke organisaties in ontwikkelingshulp (Kamerstuk 36600, nr. 13) op 11 november 2024."));
        Assert.Equal("letter:2024-11-11", c.Target);
        Assert.Null(c.Reference);
    }

    [SkippableTheory]
    // learninglion: "jl." in the same year as the document
    [InlineData("In de brief van 27 juni jl. heeft mijn ambtsvoorganger uw Kamer geïnformeerd", "2024-11-20", "letter:2024-06-27")]
    // brief: "12 maart jl." after the reference date means last year
    [InlineData("de brief van 12 maart jl.", "2024-02-01", "letter:2023-03-12")]
    // learninglion: footnote glued after "jl."
    [InlineData("Zoals toegelicht in de Kamerbrief van 15 december jl.3", "2024-11-20", "letter:2023-12-15")]
    // kamervragen-limburg 055: the date first, "Op 29 oktober is de Kamer … geïnformeerd … middels een Kamerbrief"
    [InlineData("Op 29 oktober is de Kamer aanvullend geïnformeerd over de BNI-koppeling middels een Kamerbrief (BZ2407724).", "2024-11-22", "letter:2024-10-29")]
    public void Resolves_relative_dates_against_the_reference_date(string text, string reference, string expected)
    {
        var c = Assert.Single(Rows.Single("letter", text, DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, c.Target);
        Assert.True(c.Confidence < 1);

        // Without any date the plain pipeline cannot resolve "jl.", so it cites no letter rather than a wrong one.
        Assert.DoesNotContain(Rows.Pipeline(text).Citations, x => x.Kind == CitationKind.Letter);
    }

    [SkippableFact]
    public void Uses_the_inferred_year_when_no_date_is_known()
    {
        var c = Assert.Single(Rows.Single("letter", "bij brief van 15 november jl.", referenceDate: null, inferredYear: 2019));
        Assert.Equal("letter:2019-11-15", c.Target);
        Assert.True(c.Confidence < 0.9);
    }
}
