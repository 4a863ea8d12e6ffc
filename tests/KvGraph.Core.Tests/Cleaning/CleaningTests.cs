using KvGraph.Core.Cleaning;

namespace KvGraph.Core.Tests.Cleaning;

/// <summary>The cleaning steps on short phrasings taken from the corpus, positive and negative rows.</summary>
public sealed class CleaningTests
{
    [Theory]
    [InlineData("Vragen van het lid DaniëlleJansen (Nieuw", "Vragen van het lid Daniëlle Jansen (Nieuw")] // camel glue of a name
    [InlineData("de uitvoering van de motieDrost c.s.", "de uitvoering van de motie Drost c.s.")]     // glue before a name
    [InlineData("in Nederland inNederland", "in Nederland in Nederland")]                              // two-letter word glued
    [InlineData("Bushoff en Patijn(beiden GroenLinks-PvdA)", "Bushoff en Patijn (beiden GroenLinks-PvdA)")] // glue before '('
    [InlineData("marges aan te pakken,zodat stijgende", "marges aan te pakken, zodat stijgende")]     // comma glue
    [InlineData("van 18 november2024", "van 18 november 2024")]                                        // month glued to year
    [InlineData("GroenLinks-PvdA en ChristenUnie", "GroenLinks-PvdA en ChristenUnie")]                 // party names stay
    [InlineData("ligt bijhet ziekenhuis", "ligt bijhet ziekenhuis")]                                   // lower-case glue is not safe: left
    [InlineData("organisatie(s) en (mensenrechten)experts", "organisatie(s) en (mensenrechten)experts")] // no split before lower case
    [InlineData("zie https://nos.nl/artikel/2542490-Meer", "zie https://nos.nl/artikel/2542490-Meer")] // addresses untouched
    [InlineData("McKinsey en iPhone", "McKinsey en iPhone")]                                           // one lower-case letter: no seam
    public void Glue_is_split_only_where_the_seam_is_certain(string input, string expected) =>
        Assert.Equal(expected, GlueSplitter.Split(input));

    [Theory]
    [InlineData(new[] { "bedreigt uitvoering Zorgak-", "koord, https://nos.nl" }, "bedreigt uitvoering Zorgakkoord, https://nos.nl")] // hyphenation
    [InlineData(new[] { "met 25 andere EU-", "lidstaten" }, "met 25 andere EU-lidstaten")]             // real hyphen after capitals
    [InlineData(new[] { "het aanvullend zorg-", "en welzijnsakkoord" }, "het aanvullend zorg- en welzijnsakkoord")] // shared word part
    [InlineData(new[] { "de VN-", "Mensenrechtenraad" }, "de VN-Mensenrechtenraad")]                  // capital after hyphen
    [InlineData(new[] { "een zee-", "eend" }, "een zee-eend")]                                        // Dutch vowel-clash hyphen
    [InlineData(new[] { "(https://", "nos.nl/artikel/1)" }, "(https://nos.nl/artikel/1)")]           // address broken after a slash
    [InlineData(new[] { "eerste regel", "tweede regel" }, "eerste regel tweede regel")]
    public void Lines_are_joined_and_hyphenation_is_undone(string[] lines, string expected) =>
        Assert.Equal(expected, LineJoiner.Join(lines));

    [Theory]
    [InlineData("Directie Azié en Oceanié", "Directie Azië en Oceanië")]
    [InlineData("te verifiéren noch", "te verifiëren noch")]
    [InlineData("van geéxecuteerde gevangenen", "van geëxecuteerde gevangenen")]
    [InlineData("de moskeeén in Xinjiang", "de moskeeën in Xinjiang")]
    [InlineData("©nze Referentie", "Onze Referentie")]
    [InlineData("één café en een coupé", "één café en een coupé")]                                  // real accents stay
    [InlineData("© 2019 Rijksoverheid", "© 2019 Rijksoverheid")]                                      // a real copyright sign stays
    public void Ocr_damage_is_repaired(string input, string expected) =>
        Assert.Equal(expected, OcrRepair.Repair(input).Text);

    [Theory]
    [InlineData("Chinese kampen»?1", "Chinese kampen»?[1]", 1)]                                       // openkamer seed
    [InlineData("en stelselmatige verkrachting vergoelijken?2", "en stelselmatige verkrachting vergoelijken?[2]", 1)]
    [InlineData("(21 501-20, nr. 1591)", "(21 501-20, nr. 1591)", 0)]                                 // a Kamerstuk is not a marker
    [InlineData("Op 11 maart jl. heeft", "Op 11 maart jl. heeft", 0)]
    [InlineData("versie 3.5 van", "versie 3.5 van", 0)]
    public void Footnote_markers_after_punctuation_are_separated(string input, string expected, int count)
    {
        var (text, markers) = FootnoteMarkers.Separate(input);
        Assert.Equal(expected, text);
        Assert.Equal(count, markers.Count);
    }

    [Theory]
    [InlineData("In de brief van 29 juni 20222 is", "In de brief van 29 juni 2022[2] is")]            // year + note 2
    [InlineData("het KNMI)1 en", "het KNMI)[1] en")]
    [InlineData("World Weather Attribution2, dat", "World Weather Attribution[2], dat")]
    [InlineData("in de CO2 uitstoot", "in de CO2 uitstoot")]                                          // not a note: "CO" is not a word
    [InlineData("op 29 juni 20229 is", "op 29 juni 20229 is")]                                        // no note 9 in the document
    [InlineData("uitvoering te geven aan de motie JosephAgema,7 blijft de keuze", "uitvoering te geven aan de motie JosephAgema,[7] blijft de keuze")] // ll-1980: note 7 after a comma
    [InlineData("uitvoering te geven aan de motie JosephAgema,9 blijft de keuze", "uitvoering te geven aan de motie JosephAgema,9 blijft de keuze")] // no note 9 in the document
    [InlineData("het aantal steeg van 2,1 naar 2,7 procent", "het aantal steeg van 2,1 naar 2,7 procent")] // a decimal comma: a digit, not a word, before it
    public void Markers_are_separated_only_for_notes_that_exist(string input, string expected)
    {
        var known = new HashSet<int> { 1, 2, 7 };
        Assert.Equal(expected, FootnoteMarkers.Separate(input, known.Contains).Text);
    }

    [Theory]
    [InlineData("Tom van den Nieuwenhuijzen-Wittens", "Van den Nieuwenhuijzen-Wittens")]
    [InlineData("Kirsten van den Hul", "Van den Hul")]
    [InlineData("Bram van Ojik", "Van Ojik")]
    [InlineData("Sigrid Kaag", "Kaag")]
    [InlineData("Kuzu", "Kuzu")]
    public void Full_names_become_parliamentary_surnames(string full, string surname) =>
        Assert.Equal(surname, PersonNames.Surname(full));

    [Theory]
    [InlineData("MINHAS", "Minhas")]
    [InlineData("VAN DER GRAAF", "Van der Graaf")]
    [InlineData("DIEDERIK VAN DIJK", "Diederik van Dijk")]
    [InlineData("FABER-VAN DE KLASHORST", "Faber-van de Klashorst")]
    public void Upper_case_motion_headings_become_proper_case(string upper, string expected) =>
        Assert.Equal(expected, PersonNames.FromUpperCase(upper));

    [Fact]
    public void Normalizer_unifies_line_ends_and_spaces_but_keeps_paragraphs()
    {
        Assert.Equal("a b\n\nc\nd", TextNormalizer.Normalize("\uFEFFa\u00A0b  \r\n\r\nc\rd"));
    }
}
