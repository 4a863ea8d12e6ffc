using System.Text.RegularExpressions;
using KvGraph.Core.Reading;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Reading;

/// <summary>
/// The Aanhangsel reader joins an accent that PDF text writes as a separate spacing character to its letter ("Kostic´"
/// → "Kostić"). It finds those accents by a search for the accent characters; these tests hold it to the regex replace it
/// replaced (a letter, an optional space, the accent, then a letter, white space or the end), on crafted edge cases and
/// on every real Q/A text.
/// </summary>
public sealed partial class SpacingAccentsSpec
{
    // The pattern and replacement the reader used before, kept here as the definition to compare with.
    [GeneratedRegex(@"(\p{L}) ?([´¸¨ˇ`])(?=\p{L}|\s|$)")]
    private static partial Regex OldRx();

    private static string Old(string text) =>
        text.AsSpan().IndexOfAny("´¸¨ˇ`") < 0 ? text : OldRx().Replace(text, m => (m.Groups[1].Value + m.Groups[2].Value switch
        {
            "´" => "\u0301",
            "¸" => "\u0327",
            "¨" => "\u0308",
            "ˇ" => "\u030C",
            _ => "\u0300",
        }).Normalize(System.Text.NormalizationForm.FormC));

    [Theory]
    [InlineData("Kostic´ (PVV)", "Kostic\u0301 (PVV)")]
    [InlineData("Yes¸ilgöz", "Yes\u0327ilgöz")]
    [InlineData("Kostic ´ (PVV)", "Kostic\u0301 (PVV)")]
    [InlineData("e`", "e\u0300")]
    [InlineData("e`\n", "e\u0300\n")]
    [InlineData("a¨b¨c", "a\u0308b\u0308c")] // the first match's lookahead "b" is not part of it, so "b¨" is the next match
    [InlineData("´a", "´a")]
    [InlineData("a´1", "a´1")]
    [InlineData("a  ´b", "a  ´b")]
    [InlineData("1 ´b", "1 ´b")]
    [InlineData("aˇˇx", "a\u030Cˇx")]
    [InlineData("ˇˇx", "ˇ\u030Cx")]
    [InlineData("a´´ b", "a´´ b")] // an accent after the first is neither a letter nor white space
    [InlineData("a´ ´ b", "a\u0301 ´ b")]
    [InlineData("`", "`")]
    [InlineData("no accents here", "no accents here")]
    public void Crafted_cases_equal_the_regex_replace(string text, string expected)
    {
        // The expected strings were written by hand, letter and combining mark apart, and composed as the reader composes
        // them (where the runtime composes at all); the regex must agree, or the case itself is wrong.
        Assert.Equal(Old(text), AanhangselReader.SpacingAccents(text));
        Assert.Equal(expected.Normalize(System.Text.NormalizationForm.FormC), Old(text));
    }

    [Fact]
    public void Every_string_of_up_to_four_characters_from_an_alphabet_of_accents_letters_and_spaces_equals_the_regex_replace()
    {
        const string alphabet = "a1 ´¸ˇ`\n";
        var count = 0;
        foreach (var text in Strings(alphabet, 4))
        {
            Assert.True(Old(text) == AanhangselReader.SpacingAccents(text), $"'{text}'");
            count++;
        }

        Assert.True(count > 4000, $"{count} strings");
    }

    [SkippableFact]
    public void Every_real_qa_text_gives_what_the_regex_replace_gives()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = Directory.GetFiles(TestPaths.Corpus("kamervragen-limburg", "docs"), "*.txt")
            .Concat(Directory.GetFiles(TestPaths.Corpus("learninglion-kamervragen", "txt"), "*.txt"))
            .Concat(Directory.GetFiles(TestPaths.Seeds, "*.txt"));
        var changed = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var expected = Old(text);
            Assert.True(expected == AanhangselReader.SpacingAccents(text), file);
            changed += expected == text ? 0 : 1;
        }

        // At least one real text has such an accent (ll: "Kostic´ (PVV)"), so the comparison is not only of untouched texts.
        Assert.True(changed >= 1, "no real text has a spacing accent");
    }

    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        IEnumerable<string> level = [string.Empty];
        for (var n = 1; n <= maxLength; n++)
        {
            level = level.SelectMany(s => alphabet.Select(c => s + c)).ToList();
            foreach (var s in level)
            {
                yield return s;
            }
        }
    }
}
