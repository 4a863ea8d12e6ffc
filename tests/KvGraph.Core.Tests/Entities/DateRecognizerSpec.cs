using KvGraph.Core.Entities;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Entities;

public sealed class DateRecognizerSpec
{
    private static readonly DateRecognizer Recognizer = new();

    // Seed 000 was answered on 12 April 2021; seed 004 has no date, its zaak 2019Z19189 gives 2019.
    private static readonly DateOnly Answered000 = new(2021, 4, 12);

    [Theory]
    [InlineData("gepubliceerd op 22 maart 2021 met", "22 maart 2021", "2021-03-22", DatePrecision.Day, false)] // absolute day
    [InlineData("Ingediend 4 februari 2021", "4 februari 2021", "2021-02-04", DatePrecision.Day, false)] // header date
    [InlineData("de Kamerbrief over Xinjiang van 27\naugustus 2018 (kenmerk", "27\naugustus 2018", "2018-08-27", DatePrecision.Day, false)] // split over a line
    [InlineData("de brief van 10 sept. 2024", "10 sept. 2024", "2024-09-10", DatePrecision.Day, false)] // abbreviated month
    [InlineData("het rapport van maart 2021 laat", "maart 2021", "2021-03", DatePrecision.Month, false)] // month and year
    [InlineData("Op 11 maart jl. heeft Nederland", "11 maart jl.", "2021-03-11", DatePrecision.Day, true)] // relative, same year
    [InlineData("Op 18 november jl. organiseerde", "18 november jl.", "2020-11-18", DatePrecision.Day, true)] // relative, after the answer: the year before
    [InlineData("met China op 16 december jl. Ook", "16 december jl.", "2020-12-16", DatePrecision.Day, true)] // relative, December before April
    [InlineData("op 12 januari j.l. heeft", "12 januari j.l.", "2021-01-12", DatePrecision.Day, true)] // j.l. with dots
    [InlineData("op 1 maart jongstleden sprak", "1 maart jongstleden", "2021-03-01", DatePrecision.Day, true)] // written in full
    [InlineData("de kappersbranche begin maart naar aanleiding", "begin maart", "2021-03", DatePrecision.PartOfMonth, true)] // partial, no year
    [InlineData("de sancties op 22 maart door de EU", "22 maart", "2021-03-22", DatePrecision.Day, true)] // day and month, year of the answer
    [InlineData("dit wordt eind 2023 afgerond", "eind 2023", "2023", DatePrecision.Year, false)] // partial year
    [InlineData("medio juni 2020 besloten", "medio juni 2020", "2020-06", DatePrecision.PartOfMonth, false)] // partial month with year
    [InlineData("dat zij in 2015 zijn gestopt", "2015", "2015", DatePrecision.Year, false)] // year after a preposition of time
    [InlineData("de notitie van 04-02-2021", "04-02-2021", "2021-02-04", DatePrecision.Day, false)] // numeric
    public void Finds_dates_against_the_answer_date(string text, string quote, string id, DatePrecision precision, bool relative)
    {
        var found = EntityKit.Run(Recognizer, text, reference: Answered000);
        var date = Assert.Single(found);
        Assert.Equal(quote, date.Quote);
        Assert.Equal(id, date.Id);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(relative, date.Relative);
    }

    [Theory]
    [InlineData("co-sponsorden op 24 september jl. een bijeenkomst", "2019-09-24", DatePrecision.Day)] // seed 004
    [InlineData("Op 8 juli jl. stuurden 22 landen", "2019-07-08", DatePrecision.Day)] // seed 004
    [InlineData("de VN-Mensenrechtenraad van maart jl. vond", "2019-03", DatePrecision.Month)] // month only
    public void Without_a_date_the_zaak_year_is_used(string text, string id, DatePrecision precision)
    {
        var date = Assert.Single(EntityKit.Run(Recognizer, text, reference: null, inferredYear: 2019));
        Assert.Equal(id, date.Id);
        Assert.Equal(precision, date.Precision);
        Assert.True(date.Relative);
    }

    [Theory]
    [InlineData("het meisje van 12 jaar")] // 'mei' inside a word
    [InlineData("een bedrag van € 35 570 miljoen")] // amount
    [InlineData("de motie (35 570 V, nr. 43)")] // kamerstuk numbers
    [InlineData("Kamerstukken II 2019/20, 35 300-XV, nr. 28")] // vergaderjaar, not a year mention
    [InlineData("zie artikel 2015 van het wetboek")] // bare number without a time preposition
    [InlineData("in 2015 gevallen werd geen aangifte gedaan")] // a count
    [InlineData("bel 070-348 6486")] // phone number
    [InlineData("Vraag 3\n\nZie antwoord vraag 2.")] // list numbers
    [InlineData("in maart wordt het besproken")] // a month alone is too vague
    [InlineData("de 46e bijeenkomst met 25 andere EU-lidstaten")] // ordinals and counts
    [InlineData("op 31 februari 2021")] // no such day
    [InlineData("in 2019/20 is dit besproken")] // a vergaderjaar range
    [InlineData("het Meiboom-akkoord van juni")] // capitalised word with a month inside
    [InlineData("de zaak 2021Z02286 loopt")] // zaak number
    [InlineData("kenmerk 2018715781")] // kenmerk
    [InlineData("de 2021-versie van het rapport")] // year as a word part
    public void Does_not_take_numbers_for_dates(string text)
    {
        Assert.Empty(EntityKit.Run(Recognizer, text, reference: Answered000));
    }

    [Fact]
    public void Leaves_out_a_relative_date_it_cannot_resolve()
    {
        Assert.Empty(EntityKit.Run(Recognizer, "Op 11 maart jl. heeft Nederland", reference: null, inferredYear: null));
        Assert.Single(EntityKit.Run(Recognizer, "Op 11 maart 2021 heeft Nederland", reference: null, inferredYear: null));
    }

    [Theory]
    [InlineData(3, 11, 2021, 3, 11, 2021)] // the day itself is not in the future
    [InlineData(3, 11, 2021, 3, 12, 2020)] // one day after the reference: the year before
    [InlineData(1, 1, 2021, 12, 31, 2020)] // new year's eve, referred to on 1 January
    public void Past_year_rule(int refMonth, int refDay, int refYear, int month, int day, int expected)
    {
        Assert.Equal(expected, RelativeDates.PastYear(month, day, new DateOnly(refYear, refMonth, refDay), null));
    }
}
