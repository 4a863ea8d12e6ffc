using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>Aanhangsel and Handelingen references, and page footers that only look like them.</summary>
public sealed class AanhangselHandelingenTests
{
    public static TheoryData<string, string> Aanhangsel => new()
    {
        // brief
        { "Aanhangsel Handelingen II 2023/24, nr. 1234", "ah-tk-20232024-1234" },
        // brief: "van de", en dash
        { "Aanhangsel van de Handelingen, vergaderjaar 2024–2025, nr. 505", "ah-tk-20242025-505" },
        // kamervragen-limburg question pages: "Zie ook …", hyphen
        { "(ontvangen 18 november 2024). Zie ook Aanhangsel Handelingen, vergaderjaar 2024-2025, nr. 1028", "ah-tk-20242025-1028" },
        // kamervragen-limburg: glued words
        { "Zie ook AanhangselHandelingen, vergaderjaar 2024–2025, nr. 244.", "ah-tk-20242025-244" },
        // kamervragen-limburg: "vergaderjaar" glued to the comma, number glued
        { "Zie ook Aanhangsel Handelingen,vergaderjaar 2023–2024,nr. 2116.", "ah-tk-20232024-2116" },
        // learninglion: over a line break
        { "Zie ook Aanhangsel Handelingen,\nvergaderjaar 2014–2015, nr. 403.", "ah-tk-20142015-403" },
        // kamervragen-limburg footnote: chamber and vergaderjaar
        { "1Aanhangsel Handelingen II, vergaderjaar 2023–2024, nr. 2267", "ah-tk-20232024-2267" },
        // kamervragen-limburg footnote: the chamber's own wording
        { "3Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel van de Handelingen, nr. 2386 (Antwoord", "ah-tk-20232024-2386" },
        // kamervragen-limburg footnote: without "nr."
        { "4Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel van de Handelingen 2386.", "ah-tk-20232024-2386" },
        // learninglion footnote
        { "2Kamervragen (Aanhangsel) 2023–2024, nr. 2267", "ah-tk-20232024-2267" },
        // learninglion: damaged official id
        { "(zie Kamerstuk 23 432, nr.502; ah-tk-2017–2018, nr.2509).", "ah-tk-20172018-2509" },
        // learninglion: official id with an en dash
        { "(zie bv. ah-tk-20202021–2345,Kamervragen (Aanhangsel) 2020–2021, nr. 2345).", "ah-tk-20202021-2345;ah-tk-20202021-2345" },
    };

    public static TheoryData<string, string> Handelingen => new()
    {
        // brief
        { "Handelingen II 2023/24, nr. 45, item 12", "h-tk-20232024-45-12" },
        // brief
        { "(Handelingen II 2019/20, nr. 30, item 5)", "h-tk-20192020-30-5" },
        // kamervragen-limburg
        { "Handelingen II, vergaderjaar 2024–2025, nr. 8", "h-tk-20242025-8" },
        // official id
        { "h-tk-20232024-45-12", "h-tk-20232024-45-12" },
    };

    public static TheoryData<string> Negative => new()
    {
        // kamervragen-limburg running page footer: "Aanhangsel 1" is a page number
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1",
        // kamervragen-limburg header of the document itself, no number
        "Vergaderjaar 2024–2025 Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer",
        // "handelingen" as an ordinary word
        "een financiële prikkel voor het uitvoeren van veel medische handelingen te verminderen",
        // Handelingen without a number cannot be found
        "Handelingen II 2019/20, blz. 1234",
        // kamervragen-limburg: another running footer (page 2)
        "Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 2",
        // kamervragen-limburg: a question page footer
        "’s-Gravenhage 2024Tweede Kamer, vergaderjaar 2024–2025, Vragen 1",
        // kamervragen-limburg header line
        "Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden",
        // Handelingen as a publication, no reference
        "De Handelingen worden later gepubliceerd.",
        // an appendix of a report
        "Aanhangsel bij het rapport, nr. 4",
    };

    [SkippableTheory]
    [MemberData(nameof(Aanhangsel))]
    public void Finds_aanhangsel(string text, string expected) => Rows.AssertFinds("aanhangsel", text, expected, CitationKind.Aanhangsel);

    [SkippableTheory]
    [MemberData(nameof(Handelingen))]
    public void Finds_handelingen(string text, string expected) => Rows.AssertFinds("handelingen", text, expected, CitationKind.Handelingen);

    [SkippableTheory]
    [MemberData(nameof(Negative))]
    public void Finds_neither(string text)
    {
        Rows.AssertNothing("aanhangsel", text);
        Rows.AssertNothing("handelingen", text);
    }

    [SkippableFact]
    public void Aanhangsel_handelingen_is_not_a_handelingen_citation() =>
        Assert.Empty(Rows.Single("handelingen", "Aanhangsel Handelingen II 2023/24, nr. 1234"));
}
