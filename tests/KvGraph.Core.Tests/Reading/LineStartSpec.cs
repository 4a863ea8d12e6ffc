using KvGraph.Core.Cleaning;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>
/// The readers ask every line whether it is a "Vraag N" / "Antwoord N" heading and whether it is page furniture; the
/// anchored patterns are tried only on lines that can start a match (<see cref="QuestionBlocks.MayBeHeading"/>,
/// <see cref="PageFurniture.MayBeFooter"/>), and the inline furniture pattern only on lines with one of its literals
/// (<see cref="PageFurniture.MayHoldInline"/>). A filter must never rule out a line its pattern matches (that would lose
/// a heading, keep a footer in the text); it should rule out most lines. Held to the patterns on crafted rows and on
/// every line of every real text.
/// </summary>
public sealed class LineStartSpec
{
    [Theory]
    // Lines a heading may start: the filter lets them through.
    [InlineData("Vraag 1")] // the plain heading
    [InlineData("  vragen 2 en 3")] // white space before, lower case
    [InlineData("VRAAG 4")] // capitals
    [InlineData("Antwoord")] // an answer without a number
    [InlineData("Antwoorden op vraag 1 t/m 3")] // the plural
    [InlineData("Antwoord van minister X (ontvangen …)")] // a header line: let through, the parse says no
    [InlineData("Vrachtverkeer")] // "Vra": let through, the pattern decides (no match)
    [InlineData("Antillen")] // "Ant": the same
    [InlineData("Ántwoord 1")] // a non-ASCII first character: left to the pattern
    [InlineData("Vŕaag 1")] // a non-ASCII character within the first three: left to the pattern
    public void Heading_filter_lets_through(string line) => Assert.True(QuestionBlocks.MayBeHeading(line));

    [Theory]
    // Lines no heading starts: ruled out, and the pattern indeed does not match them.
    [InlineData("Van de minister")] // "V" but not "Vra"
    [InlineData("Aan de Kamer")] // "A" but not "Ant"
    [InlineData("Als dat zo is")] // "A" but not "Ant"
    [InlineData("Verder vraag ik")] // "Ve"
    [InlineData("Vr")] // shorter than any heading word
    [InlineData("1. Vraag")] // a digit first
    [InlineData("")] // empty
    [InlineData("   ")] // white space only
    public void Heading_filter_rules_out(string line)
    {
        Assert.DoesNotMatch(QuestionBlocks.HeadingRx(), line.Trim());
        Assert.False(QuestionBlocks.MayBeHeading(line));
    }

    [Theory]
    // Lines furniture may be: let through.
    [InlineData("ah-tk-20242025-594", true)]
    [InlineData("kv-tk-2024Z12345", true)]
    [InlineData("kst-36200-1", true)]
    [InlineData("ISSN 0921 - 7398", true)]
    [InlineData("’s-Gravenhage 2024", true)]
    [InlineData("'s-Gravenhage 2024", true)]
    [InlineData("  Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1", true)]
    [InlineData("Tweede Kamer der Staten-Generaal", true)]
    [InlineData("aan de minister", true)] // "a": let through, the pattern says no
    // Lines no furniture starts: ruled out.
    [InlineData("Ah-tk-20242025-594", false)] // the pattern ignores no case
    [InlineData("Het ISSN 0921", false)] // furniture inside a line is the inline pattern's
    [InlineData("‘s-Gravenhage 2024", false)] // another quote
    [InlineData("", false)]
    public void Footer_filter(string line, bool mayBe)
    {
        Assert.Equal(mayBe, PageFurniture.MayBeFooter(line));
        if (!mayBe)
        {
            Assert.DoesNotMatch(PageFurniture.FooterLineRx(), line.Trim());
        }
    }

    [Theory]
    [InlineData("tekst ISSN 0921 - 7398 meer", true)]
    [InlineData("einde.’s-Gravenhage 2024", true)]
    [InlineData("zin.Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 3", true)]
    [InlineData("ISSN zonder nummer", true)] // the literal: let through, the pattern says no
    [InlineData("de Tweede Kamer heeft", false)] // not the furniture's phrase
    [InlineData("issn 0921 - 7398", false)] // the pattern ignores no case
    [InlineData("Den Haag 2024", false)]
    public void Inline_filter(string line, bool mayHold)
    {
        Assert.Equal(mayHold, PageFurniture.MayHoldInline(line));
        if (!mayHold)
        {
            Assert.DoesNotMatch(PageFurniture.InlineRx(), line);
        }
    }

    [SkippableFact]
    public void Never_rules_out_a_real_heading_or_footer_and_rules_out_most_lines()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        int lines = 0, headings = 0, headingsOut = 0, footers = 0, footersOut = 0, inline = 0, inlineOut = 0;
        foreach (var file in files)
        {
            foreach (var line in TextNormalizer.Normalize(File.ReadAllText(file)).Split('\n'))
            {
                lines++;
                if (QuestionBlocks.HeadingRx().IsMatch(line.Trim()))
                {
                    headings++;
                    Assert.True(QuestionBlocks.MayBeHeading(line), $"{file}: {line}");
                }
                else
                {
                    headingsOut += QuestionBlocks.MayBeHeading(line) ? 0 : 1;
                }

                if (PageFurniture.FooterLineRx().IsMatch(line.Trim()))
                {
                    footers++;
                    Assert.True(PageFurniture.MayBeFooter(line), $"{file}: {line}");
                }
                else
                {
                    footersOut += PageFurniture.MayBeFooter(line) ? 0 : 1;
                }

                if (PageFurniture.InlineRx().IsMatch(line))
                {
                    inline++;
                    Assert.True(PageFurniture.MayHoldInline(line), $"{file}: {line}");
                }
                else
                {
                    inlineOut += PageFurniture.MayHoldInline(line) ? 0 : 1;
                }
            }
        }

        // Headings and furniture are there in their thousands, and each filter rules out most of the other lines.
        Assert.True(headings > 1000 && footers > 1000 && inline > 100, $"{headings} headings, {footers} footers, {inline} inline");
        Assert.True(headingsOut * 10 > lines * 9, $"{headingsOut} of {lines} lines ruled out as headings");
        Assert.True(footersOut * 10 > lines * 8, $"{footersOut} of {lines} lines ruled out as footers");
        Assert.True(inlineOut * 10 > lines * 9, $"{inlineOut} of {lines} lines ruled out as inline furniture");
    }
}
