using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Dossiers named as such, without a number.</summary>
public sealed class DossierRecognizerTests
{
    public static TheoryData<string, string> Positive => new()
    {
        // brief
        { "Dit valt onder dossier 31 015 van de commissie.", "dossier:31015" },
        // roman numeral suffix
        { "zie dossiernummer 36 600 XVI.", "dossier:36600-XVI" },
        // hyphenated suffix
        { "in dossier 21 501-20 besproken", "dossier:21501-20" },
    };

    public static TheoryData<string> Negative => new()
    {
        // seed 004: "dossier" as a word
        "Daarom spant Nederland zich in voor een breder internationaal draagvlak op dit dossier.",
        // a dossier with a number is a Kamerstuk, not a bare dossier (checked through the dossier recogniser only)
        "het dossier van 2021 is gesloten.",
        // a dossier's title, no number at all
        "het dossier Raad Buitenlandse Zaken",
        // kamervragen-limburg (toeslagen): case files, not parliamentary dossiers
        "de dossiers van gedupeerde ouders worden opnieuw bekeken",
        // a year after the word is no dossier number
        "in het dossier uit 2023 staat dat",
    };

    [SkippableTheory]
    [MemberData(nameof(Positive))]
    public void Finds_dossiers(string text, string expected) => Rows.AssertFinds("dossier", text, expected, CitationKind.Dossier);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_no_dossier(string text) => Rows.AssertNothing("dossier", text);

    [SkippableFact]
    public void A_dossier_with_a_number_is_left_to_the_kamerstuk_recogniser()
    {
        Assert.Empty(Rows.Single("dossier", "dossier 21 501-20, nr. 1591"));
        Assert.Equal(["kst-21501-20-1591"], Rows.Single("kamerstuk", "dossier 21 501-20, nr. 1591").Select(c => c.Target));
    }
}
