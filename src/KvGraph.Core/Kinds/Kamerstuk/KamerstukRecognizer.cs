using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Kamerstuk;

/// <summary>
/// Kamerstukken: "Kamerstuk 23 432, nr. 537", "Kamerstukken II 2019/20, 35 300-XV, nr. 28", a bare "(21 501-20, nr. 1591)",
/// lists ("Kamerstukken 29 544, nrs. 1200 en 1201", "Kamerstukken 23 645, nr. 811 en 29 984, nr. 1207"), compact
/// "Kamerstuk 21501-20-2128", official ids "kst-35570-V-43"; and, after the word Kamerstuk, a dossier without number
/// ("Kamerstuk 36 600 XVI" → <c>dossier:36600-XVI</c>).
/// A bare dossier-and-number needs the comma and "nr." ("21 501, nr. 3"), so amounts and distances
/// ("€ 35 570 miljoen", "21 501 km") never match; "nr. 3" alone has no dossier and never matches either.
/// </summary>
internal sealed partial class KamerstukRecognizer : ICitationRecognizer
{
    private const string Prefix =
        @"(?<pre>[Kk]amer-?[ \u00a0\n]?stuk(?:-?[ \u00a0\n]?ken)?(?:dossier)?(?:[ \u00a0]{0,2}" + Patterns.Chamber + @")?[ \u00a0\n]{0,2},?[ \u00a0\n]{0,2}(?:vergaderjaar[ \u00a0\n]{0,2})?(?:" + Patterns.Vergaderjaar + @"[ \u00a0\n]{0,2},?[ \u00a0\n]{0,2})?)";

    private const string Segment =
        @"(?<seg>(?<d>" + Patterns.Dossier + @")(?:[ \u00a0\n]{0,2},?[ \u00a0\n]{0,3}(?<list>" + Patterns.NrList + @")|[ \u00a0]?-(?<cnr>[0-9]{2,5})(?![0-9\p{L}]))?)";

    public string Name => "kamerstuk";

    public IReadOnlyList<string> Triggers { get; } = ["nr", "kamerstuk", "kamer-stuk", "kamers tuk", "kst", "eerste kamer"];

    public IEnumerable<Citation> Find(RecognitionContext context)
    {
        var text = context.Text;
        var covered = new List<(int Start, int End)>();

        // Eerste Kamer stukken are lettered: "Kamerstukken I 2023/24, 36 373, H", "Eerste Kamer, 36 373, H".
        var lettered = new List<(int Start, int End)>();
        foreach (Match m in EersteKamerRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (Ids.NormalizeDossier(CitationParts.Squash(m.Groups["d"].Value)) is { } dossier)
            {
                var start = m.Groups["pre"].Index;
                var end = m.Index + m.Length;
                lettered.Add((start, end));
                yield return new Citation(CitationKind.Kamerstuk, $"kst-{dossier}-{m.Groups["l"].Value}", null, text[start..end], start, end, 1.0);
            }
        }

        foreach (Match m in KamerstukRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            covered.Add((m.Index, m.Index + m.Length));
            var hasPrefix = m.Groups["pre"].Success;
            var segs = m.Groups["seg"].Captures;
            var ds = m.Groups["d"].Captures;
            var lists = m.Groups["list"].Captures;
            var cnrs = m.Groups["cnr"].Captures;
            for (var i = 0; i < segs.Count; i++)
            {
                var seg = segs[i];
                var dossierRaw = Inside(ds, seg)?.Value;
                if (dossierRaw is null || Ids.NormalizeDossier(CitationParts.Squash(dossierRaw)) is not { } dossier)
                {
                    continue;
                }

                var start = i == 0 && hasPrefix ? m.Index : seg.Index;
                var end = seg.Index + seg.Length;
                var confidence = hasPrefix ? 1.0 : 0.95;
                if (Inside(lists, seg) is { } list)
                {
                    // Each number its own span: the first the phrase up to its number, the next ones just their number.
                    var firstNumber = true;
                    foreach (var (n, at, length) in CitationParts.NumberSpans(list.Value))
                    {
                        var numberEnd = list.Index + at + length;
                        yield return firstNumber
                            ? Kst(dossier, n, start, numberEnd, text, confidence)
                            : Kst(dossier, n, list.Index + at, numberEnd, text, confidence);
                        firstNumber = false;
                    }
                }
                else if (Inside(cnrs, seg) is { } compact)
                {
                    // "Kamerstuk 21501-20-2128" and "(23 432-537)": the last hyphen part is the number.
                    if (hasPrefix || (seg.Index > 0 && text[seg.Index - 1] == '('))
                    {
                        yield return Kst(dossier, int.Parse(compact.Value, NumberStyles.None, CultureInfo.InvariantCulture), start, end, text, confidence);
                    }
                }
                else if (hasPrefix && !CitationParts.OverlapsAny(lettered, seg.Index, end))
                {
                    yield return new Citation(CitationKind.Dossier, $"dossier:{dossier}", null, text[start..end], start, end, 1.0);
                }
            }
        }

        // pdftotext sometimes spaces the letters and digits ("Kamers tukken 2 9665, nummers 4 27, 4 3 3 en 4 73"):
        // a second pattern reads that, only where the regular one found nothing.
        foreach (Match m in SpacedRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var end = m.Index + m.Length;
            if (CitationParts.OverlapsAny(covered, m.Index, end))
            {
                continue;
            }

            var digits = m.Groups["d"].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
            var suffix = m.Groups["suf"].Success ? m.Groups["suf"].Value.Replace(" ", string.Empty, StringComparison.Ordinal) : string.Empty;
            if (Ids.NormalizeDossier(digits + suffix) is not { } dossier)
            {
                continue;
            }

            var numbers = m.Groups["cnr"].Success ? [m.Groups["cnr"].Value] : SpacedListRx().Split(m.Groups["list"].Value);
            foreach (var raw in numbers)
            {
                var n = raw.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
                if (n.Length > 0 && int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    yield return Kst(dossier, number, m.Index, end, text, 0.9);
                }
            }
        }

        foreach (Match m in KstIdRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (Ids.NormalizeDossier(m.Groups["d"].Value) is { } dossier)
            {
                yield return Kst(dossier, int.Parse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture), m.Index, m.Index + m.Length, text, 1.0);
            }
        }
    }

    private static Citation Kst(string dossier, int number, int start, int end, string text, double confidence) =>
        new(CitationKind.Kamerstuk, $"kst-{dossier}-{number.ToString(CultureInfo.InvariantCulture)}", null, text[start..end], start, end, confidence);

    /// <summary>The capture of a group that lies inside a segment capture (captures of nested repeated groups are flattened).</summary>
    internal static Capture? Inside(CaptureCollection captures, Capture outer)
    {
        foreach (Capture c in captures)
        {
            if (c.Index >= outer.Index && c.Index + c.Length <= outer.Index + outer.Length)
            {
                return c;
            }
        }

        return null;
    }

    [GeneratedRegex(Prefix + "?" + Segment + @"(?:[ \u00a0\n]{0,2}(?:,|;|en)[ \u00a0\n]{1,3}" + Segment + "){0,5}", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex KamerstukRx();

    [GeneratedRegex(
        @"[Kk]amer-?[ \u00a0]?s[ \u00a0]?tuk(?:ken|nummer)?(?:[ \u00a0]{0,2}(?:I[ \u00a0]?I)(?![\p{L}]))?[ \u00a0]{0,2},?[ \u00a0]{0,2}" +
        @"(?:[0-9](?: ?[0-9]){3} ?[-\u2013/] ?[0-9](?: ?[0-9]){1,3}[ \u00a0]{0,2},?[ \u00a0]{0,2})?" +
        @"(?<d>[0-9](?: ?[0-9]){4})(?! ?[0-9])(?<suf> ?[-\u2013] ?(?:[IVXL]{1,6}|[0-9]{1,2})(?![\p{L}0-9]))?" +
        @"(?: ?[-\u2013] ?(?<cnr>[0-9](?: ?[0-9]){0,3})(?! ?[0-9])|[ \u00a0]{0,2},?[ \u00a0]{0,2}(?:nrs?\.?|nummers?)[ \u00a0]{0,2}(?<list>[0-9](?: ?[0-9]){0,3}(?:[ \u00a0]{0,2}(?:,|en)[ \u00a0]{0,2}[0-9](?: ?[0-9]){0,3}){0,12}))",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex SpacedRx();

    [GeneratedRegex(
        @"(?<pre>(?:[Kk]amerstuk(?:ken)?[ \u00a0\n]{1,2}I|Eerste[ \u00a0\n]Kamer|(?<=[;(][ \u00a0\n]{0,2})I)(?![\p{L}])[ \u00a0\n]{0,2},?[ \u00a0\n]{0,2}(?:" + Patterns.Vergaderjaar + @"[ \u00a0\n]{0,2},?[ \u00a0\n]{0,2})?)" +
        @"(?<d>[0-9]{2}[ \u00a0.]?[0-9]{3}(?:[ \u00a0]{0,2}[-\u2013][ \u00a0]{0,2}[0-9]{1,2}|[ \u00a0][IVXL]{1,6})?)(?![0-9])[ \u00a0\n]{0,2},[ \u00a0\n]{0,2}(?<l>[A-Z]{1,2})(?![\p{L}0-9])",
        RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex EersteKamerRx();

    [GeneratedRegex(@",|\ben\b", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex SpacedListRx();

    [GeneratedRegex(@"(?<![\p{L}0-9])kst ?-(?<d>[0-9]{4,6}(?:-[0-9A-Z]{1,5})?)-(?<n>[0-9]{1,5})(?![0-9])", RegexOptions.CultureInvariant, Recognition.Patterns.NoTimeout)]
    private static partial Regex KstIdRx();
}
