using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// Footnote reference numbers that text extraction glued to the preceding word or quote ("kampen»?1",
/// "onderzoek?1", "29 juni 20222" where footnote 2 follows the year, "JosephAgema,7 blijft"). They are rewritten as "[1]" so that the
/// digit can never merge into a number a recogniser reads (a year, a Kamerstuk number) and the reader still sees
/// where the note was.
/// </summary>
public static partial class FootnoteMarkers
{
    /// <summary>One marker found: its number and where it stood in the input.</summary>
    public sealed record Marker(int Number, int Index);

    /// <summary>
    /// Rewrites glued markers in <paramref name="text"/>. <paramref name="isKnown"/> says whether a footnote with that
    /// number exists (null: accept any small number after sentence punctuation, as on openkamer pages).
    /// </summary>
    public static (string Text, IReadOnlyList<Marker> Markers) Separate(string text, Func<int, bool>? isKnown = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var markers = new List<Marker>();

        // Every pattern below has a digit after a particular character; most paragraphs have none of these places, and a
        // pattern is only run where one is (DigitAfter), which leaves the result as it was.
        // After closing punctuation or a quote that ends a sentence: "»?1", "?2", "”.3".
        var t = !DigitAfter(text, c => c is '?' or '!' or '.' or '»' or '”' or '’' or '"' or ')') ? text : AfterPunctuationRx().Replace(text, m =>
        {
            var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            if (n == 0 || (isKnown is not null && !isKnown(n)))
            {
                return m.Value;
            }

            markers.Add(new Marker(n, m.Index));
            return $"{m.Groups["p"].Value}[{n}]";
        });

        if (isKnown is not null)
        {
            // A year directly followed by a marker: "29 juni 20222" is 29 juni 2022 with note 2.
            t = !HasDigits(t, 5) ? t : YearRx().Replace(t, m =>
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (!isKnown(n))
                {
                    return m.Value;
                }

                markers.Add(new Marker(n, m.Index));
                return $"{m.Groups["date"].Value}[{n}]";
            });

            // A marker after a comma that follows a word: "de motie JosephAgema,7 blijft". Only known notes.
            t = !DigitAfter(t, c => c == ',') ? t : AfterCommaRx().Replace(t, m =>
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (n == 0 || !isKnown(n))
                {
                    return m.Value;
                }

                markers.Add(new Marker(n, m.Index));
                return $",[{n}]";
            });

            // A word directly followed by a marker: "Zorgakkoord1". Only known notes, only real words.
            t = !DigitAfter(t, char.IsLower) ? t : AfterWordRx().Replace(t, m =>
            {
                var n = int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                if (!isKnown(n))
                {
                    return m.Value;
                }

                markers.Add(new Marker(n, m.Index));
                return $"{m.Groups["w"].Value}[{n}]";
            });
        }

        return (t, markers);
    }

    /// <summary>Whether an ASCII digit directly follows a character for which <paramref name="before"/> holds.</summary>
    private static bool DigitAfter(string text, Func<char, bool> before)
    {
        var s = text.AsSpan();
        var i = s.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            if (i > 0 && before(s[i - 1]))
            {
                return true;
            }

            var next = s[(i + 1)..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return false;
    }

    /// <summary>Whether <paramref name="run"/> ASCII digits follow each other somewhere (a year with a marker has five).</summary>
    private static bool HasDigits(string text, int run)
    {
        var s = text.AsSpan();
        var i = s.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var end = s[i..].IndexOfAnyExceptInRange('0', '9');
            var length = end < 0 ? s.Length - i : end;
            if (length >= run)
            {
                return true;
            }

            var next = end < 0 ? -1 : s[(i + length)..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : i + length + next;
        }

        return false;
    }

    [GeneratedRegex(@"(?<p>(?<=\p{L}|\))[?!.»”’"")]{1,3})(?<n>[0-9]{1,2})(?=\s|$|[,;:])", RegexOptions.Multiline, Patterns.NoTimeout)]
    private static partial Regex AfterPunctuationRx();

    [GeneratedRegex(@"(?<date>\b[0-9]{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (?:19|20)[0-9]{2})(?<n>[0-9]{1,2})\b", RegexOptions.IgnoreCase, Patterns.NoTimeout)]
    private static partial Regex YearRx();

    [GeneratedRegex(@"(?<=\p{L}),(?<n>[0-9]{1,2})(?= \p{L})", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex AfterCommaRx();

    [GeneratedRegex(@"(?<w>\b\p{L}\p{Ll}{3,})(?<n>[0-9]{1,2})(?=[\s,.;:]|$)", RegexOptions.Multiline, Patterns.MatchTimeoutMs)]
    private static partial Regex AfterWordRx();
}
