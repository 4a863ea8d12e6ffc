using KvGraph.Core.Cleaning;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Cleaning;

/// <summary>
/// <see cref="TextNormalizer.Lines"/> cuts a normalised text into collapsed, trimmed lines in one pass. It is held to its
/// definition (<c>Split('\n').Select(l => CollapseSpaces(l).Trim())</c>) on crafted rows and on every real text.
/// </summary>
public sealed class NormalizerSpec
{
    private static List<string> LinesByDefinition(string text) =>
        text.Split('\n').Select(l => TextNormalizer.CollapseSpaces(l).Trim()).ToList();

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
    public void Every_real_text_is_cut_as_by_definition()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var changed = 0;
        foreach (var file in files)
        {
            var raw = File.ReadAllText(file);
            var normalized = TextNormalizer.Normalize(raw);
            Assert.Equal(LinesByDefinition(normalized), TextNormalizer.Lines(normalized));
            changed += normalized == raw ? 0 : 1;
        }

        // Most real texts have something to normalise (CRLF, trailing blanks, no-break spaces).
        Assert.True(changed > 100, $"{changed} texts changed by normalising");
    }
}
