using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Motions: sponsor(s), dossier and number, in the forms the corpus and the seeds use.</summary>
public sealed class MotionRecognizerTests
{
    public static TheoryData<string, string> Positive => new()
    {
        // seed 000, answer 9
        { "Conform de motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591) onderzoekt het Ministerie", "kst-21501-20-1591|Van den Nieuwenhuijzen c.s." },
        // seed 000, answer 9: a list of motions, each with its own sponsor
        { "conform de moties Sjoerdsma c.s. (21 501-20, nr. 1596), Ploumen (35 570 V, nr. 43) en Kuzu (35 570 V, nr. 53).", "kst-21501-20-1596|Sjoerdsma c.s.;kst-35570-V-43|Ploumen;kst-35570-V-53|Kuzu" },
        // issue 2 §3: slash-joined sponsors, unnumbered
        { "Hoe staat het met de uitvoering van de motie Sjoerdsma/Kuzu?", "|Sjoerdsma/Kuzu" },
        // issue 2 §3: "van het lid"
        { "Zoals gevraagd in de motie van het lid Bikker over gezinsbeleid.", "|Bikker" },
        // issue 2 §3: "van de leden … en …"
        { "De motie van de leden Piri en Veldkamp verzoekt de regering", "|Piri en Veldkamp" },
        // brief: adjective before motie
        { "Uitvoering van de aangenomen motie van het lid Boswijk c.s. is gestart.", "|Boswijk c.s." },
        // kamervragen-limburg: glued "c.s.(Kamerstuk"
        { "Kunt u aangeven hoe er uitvoering wordt gegeven aan de motie Drost c.s.(Kamerstuk 21 501-20, nr. 1963), die oproept", "kst-21501-20-1963|Drost c.s." },
        // kamervragen-limburg: glued "nr.2870"
        { "Mede in hetkader van de motie Piri (Kamerstuk 21 501-02, nr.2870) zal het kabinet", "kst-21501-02-2870|Piri" },
        // kamervragen-limburg: slash and Kamerstuk
        { "de Raad vanState over de motie Beckerman/Bushoff (Kamerstuk 33 529, nr. 1219).", "kst-33529-1219|Beckerman/Bushoff" },
        // kamervragen-limburg: glued "Kamerstuk33 529"
        { "de aangenomen motie Beckerman/Bushoff (Kamerstuk33 529, nr. 1219) over het bewijsvermoeden", "kst-33529-1219|Beckerman/Bushoff" },
        // brief: "gewijzigde motie"
        { "De gewijzigde motie Omtzigt c.s. (Kamerstuk 35 300, nr. 12) is aangenomen.", "kst-35300-12|Omtzigt c.s." },
        // brief: hyphenated "motie-Omtzigt"
        { "Naar aanleiding van de motie-Omtzigt heeft het kabinet een onderzoek laten doen.", "|Omtzigt" },
        // kamervragen-limburg: "motie-Van Nispen c.s." with Kamerstuk
        { "en de uitvoering van de motie-Van Nispen c.s. (Kamerstuk 24 587, nr. 995)(ingezonden 15 november 2024).", "kst-24587-995|Van Nispen c.s." },
        // issue 2 §3: number with vergaderjaar
        { "de motie Van der Lee (Kamerstukken II 2019/20, 35 300-XV, nr. 28) vraagt om", "kst-35300-XV-28|Van der Lee" },
        // split over line breaks, as PDF text comes
        { "Conform de motie Van den\nNieuwenhuijzen c.s. (21 501-20,\nnr. 1591) onderzoekt", "kst-21501-20-1591|Van den Nieuwenhuijzen c.s." },
        // kamervragen-limburg: compact Kamerstuk number
        { "Tegelijkertijd sluit Nederland ditconform motie Klaver c.s. (Kamerstuk 21501-20-2128) niet uit.", "kst-21501-20-2128|Klaver c.s." },
        // kamervragen-limburg: number first, sponsors after ("vande" glued)
        { "Zoals aangekondigd in reactie op de motie (TK vergaderjaar 2023–2024, 36 410 XVI, nr. 116) vande leden Mohandis (GroenLinks-PvdA) en Van Nispen (SP)", "kst-36410-XVI-116|Mohandis (GroenLinks-PvdA) en Van Nispen (SP)" },
        // learninglion: sponsor before the motion
        { "de uitvoering van de op 20 juni jl. door het lid Mutluer ingediende motie over nader onderzoek", "|Mutluer" },
        // kamervragen-limburg: motion glued to the sponsor, double-barrelled name
        { "de uitvoering van de motieBikker-Van den Hil.", "|Bikker-Van den Hil" },
        // kamervragen-limburg: dossier without space, c.s.
        { "Bent u bekend met de aangenomen motie Dobbe c.s. (Kamerstuk 36180, nr. 107), die de regering verzoekt", "kst-36180-107|Dobbe c.s." },
        // learninglion: "van de leden" over a line break, lower-case particle
        { "Hoe leest u dit rapport in het kader van de aangenomen motie van de leden\nAlkaya en van Raan over geen exportkredietverzekeringen", "|Alkaya en van Raan" },
        // learninglion: unnumbered sponsorless motion with a Kamerstuk ("onze motie")
        { "de uitwerking van onze motie (Kamerstuk 25 424, nr. 691) over structurele financiering", "kst-25424-691|" },
        // learninglion: party after the name
        { "In mijn appreciatie van de motie VanDijk (PVV) omtrent uniformen in detentie", "|VanDijk (PVV)" },
        // learninglion: "van kamerlid"
        { "de motie van kamerlid De Hoop over periodieke controles op Schiphol.", "|De Hoop" },
        // learninglion: multi-word names joined by a slash
        { "van de aanpak jaarrekeningen vraagt de motie-Bruins Slot/Pia Dijkstra\n(Kamerstuk 28 828, nr. 66), de regering", "kst-28828-66|Bruins Slot/Pia Dijkstra" },
        // kamervragen-limburg: PDF glued the adjective to "motie"
        { "Erkent u dat de doelgroep zoals omschreven in de aangenomenmotie-Van Nispen c.s. bestaat uit", "|Van Nispen c.s." },
        // kamervragen-limburg: the number after the subject ("over …")
        { "Mede naar aanleiding van de motie EI Yassini en Peters over het effect van de herinvoering van de basisbeurs (Kamerstukken II,vergaderjaar 2022/2023 36 229, nr. 29).", "kst-36229-29|EI Yassini en Peters" },
        // moties-toegelicht: a verb between "motie" and the number, no sponsor
        { "Op 3 juli 2019 heeft de Kamer een motie aangenomen (Kamerstuk 31 409, nr. 263) die", "kst-31409-263|" },
        // non-breaking spaces and an en dash in the dossier
        { "de motie Kuzu\u00a0(35\u00a0570\u2013V, nr.\u00a053)", "kst-35570-V-53|Kuzu" },
    };

    public static TheoryData<string> Negative => new()
    {
        // a motion of no confidence names no sponsor: "van wantrouwen" is not a name
        "Er werd een motie van wantrouwen ingediend tegen de minister.",
        // "deze motie" cites nothing identifiable
        "Aan deze motie is op verschillende momenten uitvoering gegeven.",
        // a motion by a faction, not a member
        "Hoe komt het dat er een motie door de PVV-fractie is ingediend over kleding",
        // "promotie" and "emotie" contain "motie"
        "De promotie Van der Berg vond plaats; de emotie Was groot.",
        // the generic plural
        "Ik ga niet over de moties die politieke partijen indienen.",
        // a motion number without a dossier is not a Kamerstuk
        "Zoals gevraagd in motie nr. 1591 van vorig jaar.",
        // a vote count is not a number of the motion
        "De motie is aangenomen met 76 stemmen.",
        // "motie van treurnis", "motie van orde": kinds of motion, not sponsors
        "Een motie van treurnis werd verworpen en een motie van orde aangenomen.",
        // a question about an unnamed motion
        "Hoe beoordeelt u de motie?",
        // moties-toegelicht: plural without sponsors
        "Tijdens het debat werden vier moties ingediend.",
        // capitalised "Emoties" and the words "commotie" and "promotie"
        "Emoties liepen hoog op; de commotie over de promotie was groot.",
        // kamervragen-limburg: a demonstrative, no sponsor
        "Kunt u aangeven wat is gedaan om deze motie uit te voeren?",
        // a footnote-like number is not a sponsor or a Kamerstuk
        "Motie 3 verzoekt de regering om een plan.",
        // "in de hand" is not a name
        "Met de motie in de hand ging zij naar het kabinet.",
        // the Kamer is not a sponsor
        "In de motie De Kamer, gehoord de beraadslaging, wordt verzocht",
        // a parenthesis without a Kamerstuk
        "Zij diende een motie in (zie bijlage 3).",
        // a motion by a whole chamber, not a member
        "De Tweede Kamer nam de motie unaniem aan.",
    };

    [SkippableTheory]
    [MemberData(nameof(Positive))]
    public void Finds_motions(string text, string expected) => Rows.AssertFinds("motion", text, expected, CitationKind.Motion);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_no_motion(string text) => Rows.AssertNothing("motion", text);

    [SkippableFact]
    public void Splits_sponsor_names()
    {
        var c = Rows.Single("motion", "de motie van de leden Piri en Veldkamp (21 501-02, nr. 2800) en de motie Sjoerdsma/Kuzu c.s. en motie-VanNispen c.s.");
        Assert.Equal(["Piri", "Veldkamp"], c[0].Sponsors);
        Assert.Equal(["Sjoerdsma", "Kuzu"], c[1].Sponsors);
        Assert.Equal(["Van Nispen"], c[2].Sponsors);
        Assert.Equal("kst-21501-02-2800", c[0].Target);
        Assert.Null(c[1].Target);
    }

    [SkippableFact]
    public void Each_motion_of_a_list_has_its_own_span()
    {
        const string text = "conform de moties Sjoerdsma c.s. (21 501-20, nr. 1596), Ploumen (35 570 V, nr. 43) en Kuzu (35 570 V, nr. 53).";
        var c = Rows.Single("motion", text);
        Assert.Equal(["moties Sjoerdsma c.s. (21 501-20, nr. 1596)", "Ploumen (35 570 V, nr. 43)", "Kuzu (35 570 V, nr. 53)"], c.Select(x => x.Quote));
        Assert.True(c.All(x => x.Confidence == 1.0));
    }
}
