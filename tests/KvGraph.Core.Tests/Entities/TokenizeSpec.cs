using KvGraph.Core.Entities;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Entities;

/// <summary>
/// The lexicons' tokens are the maximal runs of letters, digits and '&amp;'. The tokenizer skips ASCII by a vectorised
/// search and asks only non-ASCII characters one by one; these tests hold it to the definition, a character at a time,
/// on crafted texts and on every real text of the corpus.
/// </summary>
public sealed class TokenizeSpec
{
    // The definition: every maximal run of characters for which IsTokenChar holds.
    private static List<(int Start, int End)> ByDefinition(string text)
    {
        var list = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!PhraseLexicon<object>.IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < text.Length && PhraseLexicon<object>.IsTokenChar(text[i]))
            {
                i++;
            }

            list.Add((s, i));
        }

        return list;
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("VN-Mensenrechtenraad", 2)]
    [InlineData("Australië en Curaçao", 3)]
    [InlineData("«Ægypte»—Straße", 2)]
    [InlineData("AT&T 2024-2025", 3)]
    [InlineData("é", 1)]
    [InlineData("a\u0301b", 2)] // a combining mark is no letter: it ends the token
    [InlineData("x😀y", 2)] // half a surrogate pair is no letter either
    [InlineData("’s-Gravenhage", 2)]
    [InlineData("ﬁnanciën\u00a0ƒ 12", 3)]
    [InlineData("eind.", 1)]
    public void Crafted_texts_have_the_tokens_of_the_definition(string text, int count)
    {
        var tokens = PhraseLexicon<object>.Tokenize(text);
        Assert.Equal(ByDefinition(text), tokens);
        Assert.Equal(count, tokens.Count);
    }

    [SkippableFact]
    public void Every_real_text_has_the_tokens_of_the_definition()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var nonAscii = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(ByDefinition(text).SequenceEqual(PhraseLexicon<object>.Tokenize(text)), file);
            nonAscii += text.Any(c => c >= 128 && char.IsLetter(c)) ? 1 : 0;
        }

        // Letters outside ASCII (ë, é, ç) stand in many texts, so the path that asks them one by one is compared too.
        Assert.True(nonAscii > 50, $"{nonAscii} texts with a non-ASCII letter");
    }
}
