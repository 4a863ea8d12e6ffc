using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Tests.Recognition;

/// <summary>
/// Runs one table row through a single recogniser and through the whole pipeline (<see cref="Extractor.Default"/> on a
/// source document made of just that sentence), and checks both against the expected targets.
/// Expected entries are targets ("kst-21501-20-1591"); "#a2" means answer 2 of the document itself; for motions an
/// entry may add the sponsor phrase after '|' ("kst-21501-20-1591|Van den Nieuwenhuijzen c.s.", "|Bikker" when unnumbered).
/// </summary>
internal static class Rows
{
    public const string DocId = "doc";

    public static IReadOnlyList<Citation> Single(string recognizer, string text, DateOnly? referenceDate = null, int? inferredYear = null)
    {
        var r = CitationRecognizers.ByName(recognizer) ?? throw new InvalidOperationException($"no recogniser {recognizer}");
        var context = new RecognitionContext(text, new DocumentInfo { Kind = DocumentKind.Answer, Id = DocId }, [])
        {
            ReferenceDate = referenceDate,
            InferredYear = inferredYear,
        };
        var found = Extractor.Triggered(text, r.Triggers) ? r.Find(context).ToList() : [];
        foreach (var c in found)
        {
            // Evidence: the quote is exactly the span, and the record is valid.
            Assert.Equal(text[c.Start..c.End], c.Quote);
            c.Validate();
        }

        return found;
    }

    /// <summary>
    /// The whole pipeline on the row. When a format reader claims a one-sentence row and then rejects it, the row is
    /// skipped with the reader's reason (a reader problem, reported, not a recogniser result).
    /// </summary>
    public static ExtractedDocument Pipeline(string text)
    {
        try
        {
            return Extractor.Default.Extract(new SourceDocument("row.txt", text));
        }
        catch (DocumentFormatException e)
        {
            Skip.If(true, $"a format reader claimed this one-sentence row and rejected it: {e.Reason}");
            throw;
        }
    }

    /// <summary>Asserts a positive row: the single recogniser finds exactly <paramref name="expected"/>, the pipeline keeps each of them.</summary>
    public static void AssertFinds(string recognizer, string text, string expected, params CitationKind[] kinds)
    {
        var want = Split(expected);
        var single = Single(recognizer, text);
        Assert.Equal(want, single.Select(c => Key(c, DocId, want)).ToList());

        var doc = Pipeline(text);
        var kept = doc.Citations.Where(c => kinds.Contains(c.Kind)).Select(c => Key(c, doc.Doc.Id, want)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want.Distinct().Order(StringComparer.Ordinal).ToList(), kept);
        foreach (var c in doc.Citations)
        {
            Assert.Equal(doc.Text[c.Start..c.End], c.Quote);
        }
    }

    /// <summary>Asserts a negative row: the recogniser finds nothing, and the whole pipeline finds no citation at all.</summary>
    public static void AssertNothing(string recognizer, string text)
    {
        Assert.Empty(Single(recognizer, text));
        var doc = Pipeline(text);
        Assert.True(doc.Citations.Count == 0, $"pipeline found: {string.Join("; ", doc.Citations.Select(c => $"{c.Kind} {c.Target} «{c.Quote}»"))}");
    }

    private static List<string> Split(string expected) =>
        expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The comparable key of a citation, in the same shape as the expected entries.</summary>
    private static string Key(Citation c, string docId, IReadOnlyList<string> want)
    {
        var target = c.Target ?? string.Empty;
        if (target.StartsWith(docId + "#", StringComparison.Ordinal))
        {
            target = target[docId.Length..];
        }

        return want.Any(w => w.Contains('|', StringComparison.Ordinal)) ? $"{target}|{c.Sponsor}" : target;
    }
}
