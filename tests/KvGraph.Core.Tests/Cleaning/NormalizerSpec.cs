using KvGraph.Core.Cleaning;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Cleaning;

/// <summary>
/// <see cref="TextNormalizer.Normalize"/> copies the runs between special characters by a vectorised search, and
/// <see cref="TextNormalizer.Lines"/> cuts a normalised text into collapsed, trimmed lines in one pass. Each is held to
/// its definition (the character-at-a-time loop as it was; <c>Split('\n').Select(l => CollapseSpaces(l).Trim())</c>) on
/// crafted rows, on every one of the 65,536 characters between ordinary text, and on every real text.
/// </summary>
public sealed class NormalizerSpec
{
    // Normalize as it was (6158565): every character through the switch.
    private static string NormalizeByDefinition(string raw)
    {
        var buffer = new char[Math.Max(1, raw.Length)];
        var n = 0;
        var lineStart = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 < raw.Length && raw[i + 1] == '\n')
                    {
                        continue;
                    }

                    n = EndLine(buffer, n, lineStart);
                    lineStart = n;
                    break;
                case '\uFEFF':
                case '\u200B':
                case '\u00AD':
                    break;
                case '\u00A0':
                case '\u2007':
                case '\u202F':
                case '\t':
                    buffer[n++] = ' ';
                    break;
                case '\f':
                case '\n':
                    n = EndLine(buffer, n, lineStart);
                    lineStart = n;
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        buffer[n++] = c;
                    }

                    break;
            }
        }

        while (n > lineStart && char.IsWhiteSpace(buffer[n - 1]))
        {
            n--;
        }

        return new string(buffer, 0, n);
    }

    private static int EndLine(char[] buffer, int n, int lineStart)
    {
        while (n > lineStart && char.IsWhiteSpace(buffer[n - 1]))
        {
            n--;
        }

        buffer[n++] = '\n';
        return n;
    }

    private static List<string> LinesByDefinition(string text) =>
        text.Split('\n').Select(l => TextNormalizer.CollapseSpaces(l).Trim()).ToList();

    [Theory]
    [InlineData("\uFEFFa\u00A0b  \r\n\r\nc\rd")] // byte-order mark, no-break space, trailing blanks, CRLF, CR
    [InlineData("a\r")] // a CR at the end
    [InlineData("\r\r\n\n")] // line ends only
    [InlineData("zorg\u00ADakkoord\u200B")] // invisible characters dropped
    [InlineData("a\u0085b\u0007c\u009Fd")] // C1 and C0 controls dropped (U+0085 is also white space)
    [InlineData("x\t\u2007\u202Fy \u3000\n")] // spaces of several kinds; U+3000 is white space but no control: kept, then trimmed at the line end
    [InlineData("één café\fvolgende")] // a form feed ends a line; non-ASCII letters copied
    [InlineData("")] // empty
    [InlineData("plain text without anything special")] // one run to the end
    public void Normalize_is_the_definition(string raw)
    {
        Assert.Equal(NormalizeByDefinition(raw), TextNormalizer.Normalize(raw));
    }

    [Fact]
    public void Every_character_is_normalised_as_by_definition()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var raw = $"ab{(char)c}cd {(char)c}\n{(char)c}";
            Assert.True(NormalizeByDefinition(raw) == TextNormalizer.Normalize(raw), $"U+{c:X4}");
        }
    }

    [Theory]
    [InlineData("a\nb")] // two lines
    [InlineData("  a  b  \n\n c")] // runs of spaces, leading and trailing blanks, an empty line
    [InlineData("\n")] // two empty lines
    [InlineData("")] // one empty line
    [InlineData("a\u00A0 b\t\tc ")] // white space that is no space: trimmed at the ends, not collapsed
    [InlineData("end\n")] // a text ending in a line end has an empty last line
    public void Lines_are_the_definition(string text)
    {
        Assert.Equal(LinesByDefinition(text), TextNormalizer.Lines(text));
    }

    [SkippableFact]
    public void Every_real_text_is_normalised_and_cut_as_by_definition()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var changed = 0;
        foreach (var file in files)
        {
            var raw = File.ReadAllText(file);
            var normalized = TextNormalizer.Normalize(raw);
            Assert.True(NormalizeByDefinition(raw) == normalized, file);
            Assert.Equal(LinesByDefinition(normalized), TextNormalizer.Lines(normalized));
            changed += normalized == raw ? 0 : 1;
        }

        // Most real texts have something to normalise (CRLF, trailing blanks, no-break spaces).
        Assert.True(changed > 100, $"{changed} texts changed by normalising");
    }
}
