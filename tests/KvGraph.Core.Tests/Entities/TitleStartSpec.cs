using KvGraph.Core.Entities;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Entities;

/// <summary>
/// PersonRecognizer tries its anchored TitledRx only where NextTitle finds a candidate. NextTitle must find every position
/// where TitledRx matches (else a titled name is lost), and it should pass over the common words that begin no title
/// ("de", "het" before anything but "leden" and "lid"). Held to TitledRx on crafted rows and at every position of every
/// real text.
/// </summary>
public sealed class TitleStartSpec
{
    [Theory]
    // Titles: NextTitle stops at 0.
    [InlineData("de leden Van der Plas en Omtzigt")] // "de leden", one space
    [InlineData("de\nleden Kops")] // a line break between the two words
    [InlineData("de \u00a0 leden Kops")] // a non-ASCII space between them (regex \s)
    [InlineData("het lid Omtzigt")] // "het lid"
    [InlineData("het\tlid Omtzigt")] // a tab
    [InlineData("minister De Jonge")] // other titles are still found by their first three letters
    [InlineData("Staatssecretaris Van Ooijen")] // capital first letter
    [InlineData("motie-Omtzigt")] // "motie" with a hyphen
    public void Finds_a_title_at_the_start(string text)
    {
        Assert.Equal(0, PersonRecognizer.NextTitle(text, 0));
    }

    [Theory]
    // No title: NextTitle passes over the start (and TitledRx indeed does not match there).
    [InlineData("de minister")] // "de" before another word
    [InlineData("deze vragen")] // a word starting "de"
    [InlineData("de")] // "de" at the end of the text
    [InlineData("deleden Kops")] // no white space between the words
    [InlineData("De leden Kops")] // capital "De": the regex reads the title in lower case only
    [InlineData("het kabinet")] // "het" before another word
    [InlineData("hetzelfde")] // a word starting "het"
    public void Passes_over_a_start_without_a_title(string text)
    {
        Assert.NotEqual(0, PersonRecognizer.NextTitle(text, 0));
        Assert.False(PersonRecognizer.TitledRx().Match(text, 0).Success, text);
    }

    [Theory]
    // Candidates the regex turns down: NextTitle reads only the two words, not what follows them.
    [InlineData("het lidmaatschap")] // "lid" begins a longer word
    [InlineData("de ledenvergadering")] // "leden" begins a longer word
    public void Leaves_the_rest_to_the_regex(string text)
    {
        Assert.Equal(0, PersonRecognizer.NextTitle(text, 0));
        Assert.False(PersonRecognizer.TitledRx().Match(text, 0).Success, text);
    }

    [SkippableFact]
    public void Finds_every_real_title_and_passes_over_most_de_and_het()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        var rx = PersonRecognizer.TitledRx();
        int titles = 0, candidates = 0, deHet = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var found = new HashSet<int>();
            for (var at = PersonRecognizer.NextTitle(text, 0); at >= 0; at = PersonRecognizer.NextTitle(text, at + 1))
            {
                found.Add(at);
            }

            candidates += found.Count;
            for (var p = 0; p < text.Length; p++)
            {
                if (rx.Match(text, p).Success)
                {
                    titles++;
                    Assert.True(found.Contains(p), $"{file} at {p}: {text.Substring(p, Math.Min(30, text.Length - p))}");
                }

                if ((text[p] is 'd' or 'h') && (p == 0 || !char.IsLetter(text[p - 1])) &&
                    (text.AsSpan(p).StartsWith("de ", StringComparison.Ordinal) || text.AsSpan(p).StartsWith("het ", StringComparison.Ordinal)))
                {
                    deHet++;
                }
            }
        }

        // Hundreds of titles were compared, and the candidates are far fewer than the words "de" and "het" alone.
        Assert.True(titles > 300, $"{titles} titles");
        Assert.True(candidates < deHet / 2, $"{candidates} candidates, {deHet} times de/het");
    }
}
