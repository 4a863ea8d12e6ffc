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

        // Every pattern below needs a run of one or two ASCII digits in a particular place, and replaces only a number
        // it accepts (not 0, a known note); most paragraphs have no such place (a decimal "1.5", a Kamerstuk "nr. 1591",
        // a year), and a pattern is only run where one is (MayMark, HasDigits), which leaves the result as
        // it was.
        // After closing punctuation or a quote that ends a sentence: "»?1", "?2", "”.3".
        var t = !MayMark(text, Place.AfterPunctuation, isKnown) ? text : AfterPunctuationRx().Replace(text, m =>
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
            t = !MayMark(t, Place.AfterComma, isKnown) ? t : AfterCommaRx().Replace(t, m =>
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
            t = !MayMark(t, Place.AfterWord, isKnown) ? t : AfterWordRx().Replace(t, m =>
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

    /// <summary>The places of a glued marker that <see cref="MayMark"/> looks for, one per pattern.</summary>
    internal enum Place
    {
        /// <summary>AfterPunctuationRx: one to three of <c>?!.»”’")</c> after a letter or ")", the number, then white space, the end or <c>,;:</c>.</summary>
        AfterPunctuation,

        /// <summary>AfterCommaRx: a letter, ",", the number, a space and a letter.</summary>
        AfterComma,

        /// <summary>AfterWordRx: a letter and three lower-case letters, the number, then white space, the end or <c>,.;:</c>.</summary>
        AfterWord,
    }

    /// <summary>
    /// False when the pattern of <paramref name="place"/> can replace nothing in <paramref name="text"/>: no whole run of
    /// one or two ASCII digits (the patterns' <c>[0-9]{1,2}</c> stands between a non-digit and a non-digit) has the
    /// characters the pattern needs right before and after it with a number the replacement accepts (not 0 where the
    /// evaluator refuses it; a known note where <paramref name="isKnown"/> is given). It may say true where the pattern then
    /// replaces nothing (the "\b" and the full look-behind are left to the pattern). Regex <c>\s</c> is
    /// <see cref="char.IsWhiteSpace(char)"/>, <c>\p{L}</c> <see cref="char.IsLetter(char)"/>, <c>\p{Ll}</c>
    /// <see cref="char.IsLower(char)"/>.
    /// </summary>
    internal static bool MayMark(string text, Place place, Func<int, bool>? isKnown)
    {
        var s = text.AsSpan();
        var i = s.IndexOfAnyInRange('0', '9');
        while (i >= 0)
        {
            var length = s[i..].IndexOfAnyExceptInRange('0', '9');
            var end = length < 0 ? s.Length : i + length;
            if (end - i <= 2 && i > 0 && Fits(s, i, end, place))
            {
                var n = end - i == 1 ? s[i] - '0' : ((s[i] - '0') * 10) + (s[i + 1] - '0');
                if ((n != 0 || place == Place.AfterWord) && (isKnown is null || isKnown(n)))
                {
                    return true;
                }
            }

            if (end >= s.Length)
            {
                return false;
            }

            var next = s[end..].IndexOfAnyInRange('0', '9');
            i = next < 0 ? -1 : end + next;
        }

        return false;
    }

    // Whether the characters around the digit run [i, end) are the ones the pattern of place needs (i > 0).
    private static bool Fits(ReadOnlySpan<char> s, int i, int end, Place place)
    {
        var after = end < s.Length ? s[end] : '\0';
        var atEnd = end == s.Length;
        switch (place)
        {
            case Place.AfterPunctuation:
                if (!(atEnd || char.IsWhiteSpace(after) || after is ',' or ';' or ':'))
                {
                    return false;
                }

                // One to three punctuation characters right before the number, after a letter or ")".
                for (var k = 1; k <= 3 && i - k >= 0 && IsClosing(s[i - k]); k++)
                {
                    if (i - k - 1 >= 0 && (char.IsLetter(s[i - k - 1]) || s[i - k - 1] == ')'))
                    {
                        return true;
                    }
                }

                return false;
            case Place.AfterComma:
                return i >= 2 && s[i - 1] == ',' && char.IsLetter(s[i - 2]) && end + 1 < s.Length && s[end] == ' ' && char.IsLetter(s[end + 1]);
            default:
                return (atEnd || char.IsWhiteSpace(after) || after is ',' or '.' or ';' or ':') &&
                    i >= 4 && char.IsLower(s[i - 1]) && char.IsLower(s[i - 2]) && char.IsLower(s[i - 3]) && char.IsLetter(s[i - 4]);
        }
    }

    private static bool IsClosing(char c) => c is '?' or '!' or '.' or '»' or '”' or '’' or '"' or ')';

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
    internal static partial Regex AfterPunctuationRx();

    [GeneratedRegex(@"(?<date>\b[0-9]{1,2} (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) (?:19|20)[0-9]{2})(?<n>[0-9]{1,2})\b", RegexOptions.IgnoreCase, Patterns.NoTimeout)]
    internal static partial Regex YearRx();

    [GeneratedRegex(@"(?<=\p{L}),(?<n>[0-9]{1,2})(?= \p{L})", RegexOptions.None, Patterns.NoTimeout)]
    internal static partial Regex AfterCommaRx();

    [GeneratedRegex(@"(?<w>\b\p{L}\p{Ll}{3,})(?<n>[0-9]{1,2})(?=[\s,.;:]|$)", RegexOptions.Multiline, Patterns.MatchTimeoutMs)]
    internal static partial Regex AfterWordRx();
}
