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
}
