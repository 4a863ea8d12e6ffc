using KvGraph.Core.Entities;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Entities;

/// <summary>
/// TextFold folds a char by a table below U+0180 and by a search of its From list above it; both must give what the
/// definition gives: the To char at the first place the char stands in From, else the char itself.
/// </summary>
public sealed class TextFoldSpec
{
    [Fact]
    public void Every_char_folds_as_its_first_listing_in_from_says()
    {
        var folded = 0;
        for (var c = char.MinValue; ; c++)
        {
            var i = TextFold.From.IndexOf(c, StringComparison.Ordinal);
            var expected = i >= 0 ? TextFold.To[i] : c;
            Assert.True(expected == TextFold.Fold(c), $"U+{(int)c:X4}");
            folded += expected == c ? 0 : 1;
            if (c == char.MaxValue)
            {
                break;
            }
        }

        // Every listed char folds to something else ("ë" → "e"), so the table is not the identity.
        Assert.Equal(TextFold.From.Length, folded);
        Assert.Equal("Australie Curacao Cakir Sahin", TextFold.Fold("Australië Curaçao Çakır Şahin"));
    }

    // TextFold.Lower is held to its definition, string.ToLowerInvariant, on crafted texts, on every char alone and
    // between ASCII, and on every real text (the keys of the lexicons that match in any case are made by it).
    [Theory]
    [InlineData("")] // empty: nothing to lower
    [InlineData("abc xyz 123")] // ASCII already lower: unchanged
    [InlineData("VN-Mensenrechtenraad EU")] // ASCII capitals: the vectorised ASCII run
    [InlineData("AUSTRALIË en CURAÇAO")] // non-ASCII capitals inside ASCII words: runs alternate
    [InlineData("ÆGYPTE»—STRASSE")] // a non-ASCII run of several chars, Æ lowered, » and — unchanged
    [InlineData("ÉÉN")] // the text starts with a non-ASCII run
    [InlineData("EINDË")] // the text ends with a non-ASCII run
    [InlineData("\u212A KELVIN \u0130STANBUL")] // the Kelvin sign and dotted capital I: what the invariant table says
    [InlineData("x\U00010400y")] // a surrogate pair (Deseret capital long I) lowered as one code point
    [InlineData("A\uD801B\uDC00C")] // lone surrogates between ASCII: left as they are
    [InlineData("\uD801\uDC00\uD801")] // a pair then a lone high surrogate at the end
    [InlineData("ΣΟΦΙΑ σοφια")] // Greek capitals (no final-sigma rule in invariant casing)
    public void Lower_is_to_lower_invariant_on_crafted_texts(string text)
    {
        Assert.Equal(text.ToLowerInvariant(), TextFold.Lower(text));
    }

    [Fact]
    public void Lower_is_to_lower_invariant_for_every_char_alone_and_between_ascii()
    {
        for (var c = char.MinValue; ; c++)
        {
            var alone = c.ToString();
            var between = "Ab" + c + "Cd" + c + c + "E";
            Assert.True(alone.ToLowerInvariant() == TextFold.Lower(alone), $"U+{(int)c:X4} alone");
            Assert.True(between.ToLowerInvariant() == TextFold.Lower(between), $"U+{(int)c:X4} between ASCII");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [SkippableFact]
    public void Lower_is_to_lower_invariant_on_every_real_text()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var nonAscii = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(text.ToLowerInvariant() == TextFold.Lower(text), file);
            Assert.True(TextFold.Fold(text).ToLowerInvariant() == TextFold.Lower(TextFold.Fold(text)), file + " folded");
            nonAscii += text.Any(c => c >= 128 && char.IsUpper(c)) ? 1 : 0;
        }

        // Non-ASCII capitals (É, Ë, Ç) stand in many texts, so the runtime's span path is compared there too.
        Assert.True(nonAscii > 20, $"{nonAscii} texts with a non-ASCII capital");
    }
}
