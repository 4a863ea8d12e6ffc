using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Kamerstukken with dossier and number, dossiers without number, and numbers that only look like them.</summary>
public sealed class KamerstukRecognizerTests
{
    public static TheoryData<string, string> Positive => new()
    {
        // issue 2 §3
        { "Zie Kamerstuk 23 432, nr. 537 voor de details.", "kst-23432-537" },
        // issue 2 §3: Kamerstukken II with vergaderjaar and roman numeral after a hyphen
        { "(Kamerstukken II 2019/20, 35 300-XV, nr. 28)", "kst-35300-XV-28" },
        // seed 000: bare dossier and number in parentheses
        { "zoals eerder gemeld (21 501-20, nr. 1591) aan uw Kamer", "kst-21501-20-1591" },
        // brief: hyphenated roman suffix
        { "Kamerstuk 36 410-V, nr. 51", "kst-36410-V-51" },
        // brief: a list of numbers in one dossier
        { "Kamerstukken 29 544, nrs. 1200 en 1201", "kst-29544-1200;kst-29544-1201" },
        // learninglion: numbers repeated with "nr."
        { "Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA", "kst-25424-679;kst-25424-684;kst-25424-685" },
        // kamervragen-limburg: hyphenated word, two dossiers
        { "deels te voorkomen (Kamerstuk-ken 23 645, nr. 811 en 29 984, nr. 1207). Daarnaast", "kst-23645-811;kst-29984-1207" },
        // kamervragen-limburg: glued "Kamerstuk23 432, nr.502"
        { "op basis van het bezettingsrecht golden (zie bv. Kamerstuk23 432, nr.502).", "kst-23432-502" },
        // kamervragen-limburg: compact form
        { "conform (Kamerstuk 21501-20-2128) niet uit.", "kst-21501-20-2128" },
        // learninglion: "Kamerstukken ll" (PDF damage of II) and a roman numeral after a space
        { "Kamerstukken ll 2023/24, 36 410 XVI, nr. 160", "kst-36410-XVI-160" },
        // learninglion: glued vergaderjaar "II2015–16"
        { "Kamerstukken II2015–16, 34 104, nr. 128.", "kst-34104-128" },
        // kamervragen-limburg: "vergaderjaar" without comma before the dossier
        { "(Kamerstukken II,vergaderjaar 2022/2023 36 229, nr. 29).", "kst-36229-29" },
        // learninglion: comma after "Kamerstuk", "nr" without dot
        { "Kamerstuk, 28 828, nr. 70 en Kamerstukken II, 2022/2023, 31 839, nr 874", "kst-28828-70;kst-31839-874" },
        // learninglion: number over a line break
        { "aangenomen door de leden Erkens en Grinwis (Kamerstuk 36 197,\nnr. 15) over", "kst-36197-15" },
        // learninglion: "TK" and vergaderjaar before a bare dossier
        { "TK 2023/24, 31 839, nr. 1024.", "kst-31839-1024" },
        // kamervragen-limburg: single-letter dossier suffix
        { "3Kamerstuk 36 410 A, nr. 51", "kst-36410-A-51" },
        // kamervragen-limburg: date after the number is not a second number
        { "3Kamerstuk 31 839, nr. 1031, 5 november 2024, Voortgangsbrief", "kst-31839-1031" },
        // brief: a dossier without number, after "Kamerstuk"
        { "Zie de begroting (Kamerstuk 36 600 XVI) voor de bedragen.", "dossier:36600-XVI" },
        // brief: a dossier and then a Kamerstuk
        { "Kamerstukken 32 317 en 21 501-20, nr. 1234", "dossier:32317;kst-21501-20-1234" },
        // learninglion pdftotext: letters and digits spaced, nine numbers of one dossier
        { "Kamers tukken 2 9665, nummers 4 27, 4 3 3, 4 35 en 4 73.", "kst-29665-427;kst-29665-433;kst-29665-435;kst-29665-473" },
        // learninglion pdftotext: spaced compact form with roman suffix
        { "1Kamers tuk 3 6200-XII- 60", "kst-36200-XII-60" },
        // learninglion pdftotext: spaced chamber, vergaderjaar, dossier and number
        { "1 2 Kamers tukken I I, 2 0 22-2023, 3 1936, nr. 1 0 5 3", "kst-31936-1053" },
        // learninglion pdftotext: official id with a space
        { "Wijziging van de A rbeidsomstandighedenwet 1 998 (kst -30552-3). Zie", "kst-30552-3" },
        // official id
        { "https://zoek.officielebekendmakingen.nl/kst-35570-V-43.html", "kst-35570-V-43" },
        // kamervragen-limburg: comma glued to the dossier after a vergaderjaar
        { "(Kamerstukken II 2021/22,36 021, nr.6; I 2022/23, 36 021, B)", "kst-36021-B;kst-36021-6" },
        // kamervragen-limburg 065, footnote 5: an Eerste Kamer stuk is lettered
        { "Eerste Kamer, 36 373, H", "kst-36373-H" },
        // brief: the same stuk with chamber and vergaderjaar
        { "Kamerstukken I 2023/24, 36 373, H", "kst-36373-H" },
        // learninglion 2271, footnote 14: a continuation list, one citation per number
        { "Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA", "kst-25424-679;kst-25424-684;kst-25424-685" },
        // brief: "nrs." with three numbers
        { "Kamerstuk 36 410 VIII, nrs. 12, 13 en 14", "kst-36410-VIII-12;kst-36410-VIII-13;kst-36410-VIII-14" },
        // brief: two numbers after "nrs."
        { "Kamerstuk 36 410 VIII, nrs. 12 en 15", "kst-36410-VIII-12;kst-36410-VIII-15" },
    };

    /// <summary>Lettered-stuk and continuation look-alikes that are not Kamerstukken.</summary>
    public static TheoryData<string> NotLetteredOrContinued => new()
    {
        // an amount followed by a capital: no Eerste Kamer context
        "Het budget is 36 373, A is het plan.",
        // "Tweede Kamer" is not "Eerste Kamer"; a lettered stuk needs the Eerste Kamer
        "Tweede Kamer, 36 373, H",
        // a postcode-like number after "Eerste Kamer" without a comma and letter
        "De Eerste Kamer stemde op 36 373 punten.",
        // learninglion 2271: a continuation without any dossier is not a Kamerstuk
        "nr. 684 en 685",
        // articles in a list, not numbers of a stuk
        "artikelen 12, 13 en 14 van de wet",
        // a word after the comma, not a letter of a stuk
        "Eerste Kamer, 36 373, Hoofdstuk",
    };

    [SkippableTheory]
    [MemberData(nameof(NotLetteredOrContinued))]
    public void Finds_no_lettered_or_continued_kamerstuk(string text) => Rows.AssertNothing("kamerstuk", text);

    [Fact]
    public void Each_number_of_a_continuation_list_has_its_own_span()
    {
        // learninglion 2271, footnote 14
        const string text = "Kamerstukken II, 25 424, nr. 679, nr. 684 en 685, en het IZA";
        var found = Rows.Single("kamerstuk", text);
        Assert.Equal(["Kamerstukken II, 25 424, nr. 679", "684", "685"], found.Select(c => c.Quote).ToArray());
        Assert.All(found, c => Assert.Equal(text[c.Start..c.End], c.Quote));
    }

    public static TheoryData<string> Negative => new()
    {
        // issue 2 §3: amounts
        "De kosten bedragen € 35 570 miljoen over vier jaar.",
        // amounts in words
        "Dat kost 35 570 euro per jaar.",
        // counts
        "De gemeente telt 21 501 inwoners.",
        // distances
        "De route is 21 501 km lang.",
        // list items: a number without dossier
        "Zie punt 2 en nr. 3 van de lijst.",
        // article numbers
        "Op grond van artikel 3.2 en art. 21 van de wet.",
        // phone numbers
        "Bel 070 456 7890 voor meer informatie.",
        // years
        "In 2021 en 2022 is dat niet gebeurd.",
        // ISSN in page footers (kamervragen-limburg)
        "ISSN 0921 - 7398’s-Gravenhage 2024",
        // postcodes
        "Het adres is Bezuidenhoutseweg 67, 2594 AC Den Haag.",
        // percentages
        "Dat is 35,5 procent van 21 501 aanvragen.",
        // EU law numbers
        "Richtlijn 2011/95/EU en Verordening (EU) 2016/679 zijn van toepassing.",
        // a number alone
        "nr. 1591 is de hoogste.",
        // URL with numbers
        "https://nos.nl/artikel/2542490-meer-ziekenhuizen-in-financiele-problemen",
        // an amount in thousands
        "Het budget is verhoogd met 21 501 000 euro.",
        // a count followed by a list item
        "In 2023 waren er 12 345 meldingen; zie nr. 3 op de lijst.",
        // a post box and postcode (ministry letterheads)
        "Postbus 20011, 2500 EA Den Haag",
        // a phone number with a dash
        "Tel. 070 - 456 78 90",
        // a vergaderjaar alone
        "in het vergaderjaar 2021/22 en 2023–2024",
        // an article of a regulation
        "artikel 21 501 van de verordening",
        // a page and item of a report
        "pagina 12, nr. 3 van het rapport",
        // kamervragen-limburg: Staatsblad references are not Kamerstukken
        "Stb. 2024, 153, het inwerkingtredingsbesluit is gepubliceerd in Stb. 2024, 213.",
        // an ISBN
        "ISBN 978-90-12345-67-8",
        // kamervragen-limburg: a period of years and an amount
        "een bedrag van € 2,8 miljard voor de periode 2023–2027",
        // a date followed by a number
        "Op 31 december 2024, nr. 5 op de agenda.",
    };

    [SkippableTheory]
    [MemberData(nameof(Positive))]
    public void Finds_kamerstukken(string text, string expected) =>
        Rows.AssertFinds("kamerstuk", text, expected, CitationKind.Kamerstuk, CitationKind.Dossier);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_no_kamerstuk(string text) => Rows.AssertNothing("kamerstuk", text);
}
