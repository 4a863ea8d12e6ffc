using KvGraph.Core.Entities;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Entities;

/// <summary>
/// The shared lexicon tries' roots pass over a token by a sketch of its key before they hash it for the dictionary. The
/// sketch may let a key through that no child has, never the other way round: these tests hold every root key to it and
/// compare the sketched look-up with the plain one on every token of real texts.
/// </summary>
public sealed class LexiconSketchSpec
{
    [Fact]
    public void Every_first_word_of_a_phrase_passes_the_sketch()
    {
        var (exact, folded) = LexiconSet.Entities.Roots;
        foreach (var root in new[] { exact, folded })
        {
            var keys = root.Keys.ToList();
            Assert.True(keys.Count > 100, $"only {keys.Count} first words");
            foreach (var key in keys)
            {
                Assert.True(root.TryGet(key, out var child), key);
                Assert.True(root.ByKey.TryGetValue(key, out var plain));
                Assert.Same(plain, child);
            }
        }
    }

    [SkippableFact]
    public void Sketched_lookups_equal_plain_lookups_on_every_token_of_the_real_texts()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = Directory.GetFiles(TestPaths.Seeds, "*.txt")
            .Concat(Directory.GetFiles(TestPaths.Corpus("kamervragen-limburg", "docs"), "*.txt"))
            .Concat(Directory.GetFiles(TestPaths.Corpus("learninglion-kamervragen", "txt"), "*.txt"));
        var (exact, folded) = LexiconSet.Entities.Roots;
        int tokens = 0, found = 0, ruledOut = 0;
        foreach (var file in files)
        {
            var t = new TextTokens(File.ReadAllText(file));
            foreach (var (start, end) in t.Tokens)
            {
                foreach (var (root, keys) in new[] { (exact, t.ExactKeys), (folded, t.FoldedKeys) })
                {
                    var key = keys.AsSpan(start, end - start);
                    var sketched = root.TryGet(key, out var child);
                    var plain = root.ByKey.TryGetValue(key, out var expected);
                    Assert.True(sketched == plain, $"{file}: '{key}'");
                    Assert.Same(expected, child);
                    found += plain ? 1 : 0;
                    ruledOut += plain ? 0 : 1;
                    tokens++;
                }
            }
        }

        // The texts hold phrases, and most tokens start none.
        Assert.True(found > 1000, $"{found} of {tokens} look-ups found a first word");
        Assert.True(ruledOut > tokens / 2, $"{ruledOut} of {tokens} look-ups found nothing");
    }

    [SkippableFact]
    public void Phrases_at_start_equal_each_lexicons_first_match_at_every_capitalised_word_of_the_real_texts()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = Directory.GetFiles(TestPaths.Seeds, "*.txt")
            .Concat(Directory.GetFiles(TestPaths.Corpus("kamervragen-limburg", "docs"), "*.txt"));
        var set = LexiconSet.Entities;
        var members = new (int Member, Func<TextTokens, bool> FirstAtZero)[]
        {
            (set.IndexOf(Offices.Lexicon), t => FirstAtZero(Offices.Lexicon.Find(t))),
            (set.IndexOf(Countries.Lexicon), t => FirstAtZero(Countries.Lexicon.Find(t))),
            (set.IndexOf(Organisations.Lexicon), t => FirstAtZero(Organisations.Lexicon.Find(t))),
            (set.IndexOf(Parties.Lexicon), t => FirstAtZero(Parties.Lexicon.Find(t))),
        };
        int snippets = 0, starting = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsUpper(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
                {
                    continue;
                }

                var snippet = new TextTokens(text.Substring(i, Math.Min(80, text.Length - i)));
                var at = set.PhrasesAtStart(new TextTokens(snippet.Text));
                foreach (var (member, firstAtZero) in members)
                {
                    var expected = firstAtZero(snippet);
                    Assert.True(expected == at[member], $"{file} at {i}, member {member}: «{snippet.Text}»");
                    starting += expected ? 1 : 0;
                }

                snippets++;
            }
        }

        // Real texts name offices, countries, organisations and parties at capitalised words, and mostly do not.
        Assert.True(starting > 500 && starting < snippets, $"{starting} phrases at the start of {snippets} snippets");
    }

    private static bool FirstAtZero<T>(IEnumerable<PhraseMatch<T>> matches)
        where T : class
    {
        foreach (var m in matches)
        {
            return m.Start == 0;
        }

        return false;
    }
}
