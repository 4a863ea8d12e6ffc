using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Kinds.Letter;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Reference;

/// <summary>
/// Ministry references that are neither zaak nor TK document numbers: "kenmerk 2024-0000123456", "ons kenmerk BZ-123",
/// "Onze Referentie BZDOC-693942081-24", "Kenmerk IENW/BSK-2023/297705", a bare "BZDOC-…". A document's own reference
/// is dropped later by the extractor (it is in the document's own ids). "de kenmerken van het delict" holds no
/// reference; a kenmerk that is a zaak (also OCR-damaged) is the zaak recogniser's; a letter's kenmerk is the letter's.
/// </summary>
internal sealed partial class ReferenceRecognizer : ICitationRecognizer
{
    private static readonly string[] Owners = ["ons", "Ons", "onze", "Onze", "uw", "Uw"];

    public string Name => "reference";

    public IReadOnlyList<string> Triggers { get; } = ["kenmerk", "referentie", "bzdoc", "brief"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        foreach (Match m in ReferenceRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var v = m.Groups["v"];
            var value = CitationParts.Squash(v.Value).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (value.Length < 5 || !value.Any(char.IsAsciiDigit) || IsYearOrDate(value))
            {
                continue;
            }

            if (Ids.TryReadZaak(value, kenmerkContext: true, out _, out _) || TkDocumentRx().IsMatch(value))
            {
                continue;
            }

            var kw = m.Groups["kw"];
            if (kw.Success && LetterRecognizer.IsLetterKenmerk(text, kw.Index))
            {
                continue;
            }

            // Checked here rather than by a leading lookbehind, which would defeat the regex's literal search.
            if (m.Index > 0 && (char.IsLetter(text[m.Index - 1]) || !kw.Success && char.IsDigit(text[m.Index - 1])))
            {
                continue;
            }

            var start = CitationParts.ExtendBack(text, m.Index, Owners);
            yield return new Citation(CitationKind.Reference, value, null, text[start..(m.Index + m.Length)], start, m.Index + m.Length, 1.0);
        }

        // A ministry kenmerk with no keyword, in parentheses right after the letter it numbers: "Kamerbrief (BZ2407724)".
        foreach (Match m in LetterCodeRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var v = m.Groups["v"];
            if (Ids.TryReadZaak(v.Value, kenmerkContext: true, out _, out _) || TkDocumentRx().IsMatch(v.Value))
            {
                continue;
            }

            var start = v.Index - 1;
            var end = v.Index + v.Length + 1;
            yield return new Citation(CitationKind.Reference, v.Value, null, text[start..end], start, end, 0.9);
        }
    }

    private static bool IsYearOrDate(string value) => value.All(char.IsAsciiDigit) && value.Length <= 4 || DutchDates.TryParse(value) is not null;

    [GeneratedRegex(
        @"(?<kw>[Kk]enmerk|[Rr]eferentie(?:nummer)?)(?![\p{L}])[ \u00a0\n]{0,3}:?[ \u00a0\n]{0,3}" +
        @"(?<v>(?:[A-Z][ \u00a0](?=[A-Z])){0,3}[A-Za-z0-9][A-Za-z0-9/\-_.]{2,40}[A-Za-z0-9])" +
        @"|(?<v>BZDOC-[0-9]{4,12}-[0-9]{1,4})(?![0-9])",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex ReferenceRx();

    /// <summary>Letters then digits, nothing else, in parentheses after "brief": the form of a ministry's kenmerk ("BZ2407724").</summary>
    internal const string LetterCode = @"\((?<v>[A-Z]{2,8}[-/]?[0-9]{5,10})\)";

    [GeneratedRegex(@"brief(?![\p{L}])[ \u00a0\n]{0,2}" + LetterCode, RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex LetterCodeRx();

    [GeneratedRegex(@"^(?:19|20)[0-9]{2}[Dd][0-9]{5}$", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex TkDocumentRx();
}
