using KvGraph.Core.Model;
using KvGraph.Core.Extraction;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>
/// Long texts built to trip backtracking regexes (many near-misses in a row). Every recogniser must get through them;
/// a catastrophic pattern would not finish. The counts show the near-misses are not mistaken for citations.
/// </summary>
public sealed class AdversarialInputTests
{
    public static TheoryData<string, string> Inputs => new()
    {
        // numbers that almost form dossiers and number lists
        { "digits", string.Concat(Enumerable.Repeat("21 501 21 501-20, nr en 35 570 V V V , ", 4000)) },
        // capitalised words after "motie" without an end
        { "names", "motie " + string.Concat(Enumerable.Repeat("Van den De Ter Sjoerdsma/Kuzu en ", 4000)) },
        // "brief" followed by long stretches without a date
        { "letters", string.Concat(Enumerable.Repeat("de brief over het onderwerp van de minister van ", 4000)) },
        // "antwoorden op vragen" without a parenthesis
        { "answers", string.Concat(Enumerable.Repeat("mijn antwoorden op Kamervragen over het bericht dat ", 4000)) },
        // an unterminated parenthesis after many answer phrases
        { "parens", string.Concat(Enumerable.Repeat("antwoorden op vragen (Aanhangsel Handelingen vergaderjaar ", 3000)) },
    };

    [SkippableTheory]
    [MemberData(nameof(Inputs))]
    public void Every_recogniser_gets_through_near_misses(string name, string text)
    {
        var context = new RecognitionContext(text, new DocumentInfo { Kind = DocumentKind.Unknown, Id = name }, []);
        var total = 0;
        foreach (var r in CitationRecognizers.Default)
        {
            total += r.Find(context).Count(c => c.Kind is not (CitationKind.Motion or CitationKind.Dossier));
        }

        Assert.Equal(0, total);
    }
}
