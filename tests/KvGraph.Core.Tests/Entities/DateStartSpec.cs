using KvGraph.Core.Entities;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Entities;

/// <summary>
/// DateRecognizer tries its anchored DateRx only where NoDateAt does not rule a date out. NoDateAt reads the first word at
/// a word start; it must never rule out a position where DateRx matches (that would lose a date), and it should rule out
/// the words and numbers of running text that start none. Held to DateRx itself on crafted rows and at every word start of
/// every real text.
/// </summary>
public sealed class DateStartSpec
{
    [Theory]
    // Positions where a date starts: NoDateAt must let them through.
    [InlineData("22 maart 2021")] // day, month, year
    [InlineData("1 jan. 2020")] // one digit, abbreviated month
    [InlineData("3de maart")] // ordinal "de"
    [InlineData("1e kwartaal")] // "e" after a day: the regex decides (no month follows here)
    [InlineData("21ste juni")] // ordinal "ste"
    [InlineData("04-02-2021")] // numeric date with "-"
    [InlineData("4/2/2021")] // numeric date with "/"
    [InlineData("2021-02-04")] // ISO date
    [InlineData("2015 was")] // four digits from 20: a year after a preposition is the regex's to decide
    [InlineData("1998")] // four digits from 19 at the end of the text
    [InlineData("12\u00a0maart")] // a non-ASCII space after the day: left to the regex
    [InlineData("12\tmaart")] // a tab is white space
    [InlineData("Maart 2021")] // a month name in any case
    [InlineData("DECEMBER jl.")] // a month in capitals, relative
    [InlineData("medio juni 2020")] // a part-of-month word
    [InlineData("halverwege 2023")] // the longest part word
    [InlineData("einde maart")] // "einde", not "eind"
    [InlineData("eind 2023")] // "eind"
    [InlineData("maartë")] // a non-ASCII character after the letters: the regex decides
    [InlineData("Ïn 2015")] // a non-ASCII first character: the regex decides
    [InlineData("ma\u017Frt")] // a non-ASCII character within the first three: the regex decides
    [InlineData("april2021")] // a month glued to digits: the letter run is "april", so the regex decides (and finds none)
    [InlineData("35 570")] // a dossier number: two digits then white space could be a day, so the regex decides (no month)
    public void Lets_through(string text)
    {
        Assert.False(DateRecognizer.NoDateAt(text));
    }

    [Theory]
    // Positions where no date can start: NoDateAt rules them out (and DateRx indeed does not match there).
    [InlineData("maar dat")] // the commonest "maa" word is no month
    [InlineData("meer dan")] // "mee": no prefix at all
    [InlineData("mededeling")] // prefix "med", but not "medio"
    [InlineData("beginnen")] // "begin" followed by letters
    [InlineData("decembermaand")] // a month glued to a word
    [InlineData("mrt 2021")] // an abbreviation starts no date at a word start (only after a day)
    [InlineData("123 maart")] // three digits are no day
    [InlineData("12345")] // five digits are no year
    [InlineData("3500 euro")] // four digits not from 19 or 20
    [InlineData("12,5 procent")] // two digits then a comma
    [InlineData("7.")] // one digit then a full stop
    [InlineData("25%")] // a percentage
    [InlineData("42")] // digits to the end of the text
    [InlineData("2x")] // a letter other than e, s, d after a day
    public void Rules_out(string text)
    {
        Assert.True(DateRecognizer.NoDateAt(text));
        Assert.False(DateRecognizer.DateRx().Match(text, 0).Success, text);
    }

    [SkippableFact]
    public void Never_rules_out_a_real_date_and_rules_out_most_word_starts()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var rx = DateRecognizer.DateRx();
        int dates = 0, starts = 0, ruledOut = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            for (var p = 0; p < text.Length; p++)
            {
                if (p > 0 && char.IsLetterOrDigit(text[p - 1]))
                {
                    continue;
                }

                starts++;
                var no = DateRecognizer.NoDateAt(text.AsSpan(p));
                ruledOut += no ? 1 : 0;
                if (rx.Match(text, p).Success)
                {
                    dates++;
                    Assert.False(no, $"{file} at {p}: {text.Substring(p, Math.Min(30, text.Length - p))}");
                }
            }
        }

        // Thousands of dates were compared, and most word starts are ruled out without the regex.
        Assert.True(dates > 2000, $"{dates} dates");
        Assert.True(ruledOut > starts / 2, $"{ruledOut} of {starts} word starts ruled out");
    }
}
