using KvGraph.Core.Text;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Text;

/// <summary>
/// <see cref="IgnoreCase.IndexOf"/> is <c>string.IndexOf(value, StringComparison.OrdinalIgnoreCase)</c>, found by a
/// vectorised search for the value's first character: these tests hold it to that definition on crafted texts (the
/// characters whose case folds across ASCII among them) and on every real text with names taken from it in other cases.
/// </summary>
public sealed class IgnoreCaseSpec
{
    [Theory]
    [InlineData("Vragen van het lid Van der Plas (BBB)", "bbb")] // a party at the end, other case
    [InlineData("Minister van Buitenlandse Zaken", "MINISTER VAN BUITENLANDSE ZAKEN")] // the whole text
    [InlineData("kamerlid Kamerlid", "Kamerlid")] // the first of two, lower case first
    [InlineData("ab", "abc")] // a value longer than the text
    [InlineData("", "a")] // an empty text
    [InlineData("abc", "")] // an empty value: the runtime's answer (0)
    [InlineData("50PLUS en 50plus", "50plus")] // a first character that is no letter: the runtime's IndexOf
    [InlineData("de ſtaten", "Staten")] // the long s folds onto S
    [InlineData("de \u212Aamer", "kamer")] // the Kelvin sign and k
    [InlineData("\u0130stanbul en istanbul", "Istanbul")] // the dotted capital I
    [InlineData("\u0131zmir en Izmir", "izmir")] // the dotless small i
    [InlineData("Curaçao CURAÇAO", "curaçao")] // a non-ASCII letter inside the value
    [InlineData("Ærø en ærø", "ærø")] // a non-ASCII first letter: the runtime's IndexOf
    [InlineData("x😀y Party😀", "party😀")] // a surrogate pair in the value: the runtime's IndexOf
    [InlineData("aaaaab", "aab")] // a failed try before the match, overlapping it
    [InlineData("Pvd", "PvdA")] // the text ends inside the value
    public void Crafted_texts_give_the_runtime_index(string text, string value) =>
        Assert.Equal(text.IndexOf(value, StringComparison.OrdinalIgnoreCase), IgnoreCase.IndexOf(text, value));

    [Fact]
    public void Every_character_before_an_ascii_value_gives_the_runtime_index()
    {
        // Each of the 65,536 characters once as the text's only candidate, before "a"/"s"/"k"/"i" values and a miss.
        foreach (var value in new[] { "aap", "Stuk", "kamer", "IN", "z" })
        {
            for (var c = 0; c <= char.MaxValue; c++)
            {
                var text = "--" + (char)c + value[1..] + "--";
                Assert.True(text.IndexOf(value, StringComparison.OrdinalIgnoreCase) == IgnoreCase.IndexOf(text, value), $"U+{c:X4} before {value}");
            }
        }
    }

    [SkippableFact]
    public void Every_real_text_gives_the_runtime_index_for_its_own_words_in_other_cases()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = Directory.GetFiles(TestPaths.CorpusRaw, "*.txt", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(TestPaths.Seeds, "*.txt"))
            .ToList();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var found = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // Words and two-word phrases from across the text, as written, upper-cased and lower-cased, plus misses.
            var words = text.Split((char[])[' ', '\n', '\t', '(', ')', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
            var values = new List<string> { "Tweede Kamer", "minister van buitenlandse zaken", "zzqx", "VVD", "GroenLinks-PvdA" };
            for (var w = 0; w + 1 < words.Length; w += Math.Max(1, words.Length / 40))
            {
                var phrase = words[w] + " " + words[w + 1];
                values.AddRange([words[w], words[w].ToUpperInvariant(), phrase.ToLowerInvariant(), phrase + "q"]);
            }

            foreach (var value in values)
            {
                var expected = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
                Assert.True(expected == IgnoreCase.IndexOf(text, value), $"{file}: \"{value}\"");
                found += expected >= 0 ? 1 : 0;
            }
        }

        Assert.True(found > 1000, $"{found} values found");
    }
}
