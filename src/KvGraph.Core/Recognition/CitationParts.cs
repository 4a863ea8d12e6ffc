using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KvGraph.Core.Recognition;

/// <summary>Small helpers the token factories share: sponsor splitting, number lists, whitespace.</summary>
internal static partial class CitationParts
{
    /// <summary>Collapses runs of whitespace (line breaks, non-breaking spaces) to one space and trims.</summary>
    public static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The sponsor names in a sponsor phrase: "Sjoerdsma/Kuzu" → [Sjoerdsma, Kuzu]; "Piri en Veldkamp" → [Piri, Veldkamp];
    /// "Van den Nieuwenhuijzen c.s." → [Van den Nieuwenhuijzen]. Parties in parentheses and "c.s." are not names;
    /// PDF-glued particles are split again ("VanNispen" → "Van Nispen").
    /// </summary>
    public static IReadOnlyList<string> SplitSponsors(string phrase)
    {
        var text = Squash(CsRx().Replace(PartyRx().Replace(phrase, " "), " "));
        var names = new List<string>();
        foreach (var raw in SeparatorRx().Split(text))
        {
            var name = GluedParticleRx().Replace(raw.Trim(' ', ',', '/'), "$1 ");

            // Without a first name a surname's particle is capitalised ("van Raan" → "Van Raan").
            if (name.Length > 1 && char.IsLower(name[0]) && LeadingParticleRx().IsMatch(name))
            {
                name = string.Concat(char.ToUpperInvariant(name[0]).ToString(), name[1..]);
            }
            if (name.Length > 1 && !names.Contains(name, StringComparer.Ordinal))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>The sponsor phrase as written, with whitespace squashed ("Van den\nNieuwenhuijzen c.s." → one line).</summary>
    public static string SponsorPhrase(string raw) => Squash(raw).TrimEnd(',', ' ');

    /// <summary>
    /// The numbers of a number list, in order, ranges expanded ("1200 en 1201" → 1200, 1201; "10 t/m 12" → 10, 11, 12).
    /// Ranges are capped so a damaged "1 t/m 9999" cannot explode.
    /// </summary>
    public static IReadOnlyList<int> Numbers(string list) => NumberSpans(list).Select(n => n.Number).ToList();

    /// <summary>
    /// The numbers of a number list with where each is written in <paramref name="list"/>: a number of a range that is
    /// not written ("11" in "10 t/m 12") has the span of the range's last number.
    /// </summary>
    public static IReadOnlyList<(int Number, int Index, int Length)> NumberSpans(string list)
    {
        var result = new List<(int Number, int Index, int Length)>();
        int? previous = null;
        var range = false;
        foreach (Match m in NumberOrRangeRx().Matches(list))
        {
            if (m.Groups["range"].Success)
            {
                range = previous is not null;
                continue;
            }

            var n = int.Parse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture);
            if (range && previous is { } p && n > p && n - p <= 30)
            {
                for (var i = p + 1; i <= n; i++)
                {
                    result.Add((i, m.Index, m.Length));
                }
            }
            else if (!result.Exists(r => r.Number == n))
            {
                result.Add((n, m.Index, m.Length));
            }

            previous = n;
            range = false;
        }

        return result;
    }

    /// <summary>
    /// Moves <paramref name="start"/> back over one of <paramref name="words"/> and the space before it ("mijn antwoorden",
    /// "ons kenmerk"), so the regexes can start at a rare literal and still quote the whole phrase.
    /// </summary>
    public static int ExtendBack(string text, int start, IReadOnlyList<string> words)
    {
        var i = start;
        while (i > 0 && start - i < 3 && text[i - 1] is ' ' or '\u00a0' or '\n')
        {
            i--;
        }

        if (i == start)
        {
            return start;
        }

        foreach (var w in words)
        {
            var from = i - w.Length;
            if (from >= 0 && string.CompareOrdinal(text, from, w, 0, w.Length) == 0 && (from == 0 || !char.IsLetter(text[from - 1])))
            {
                return from;
            }
        }

        return start;
    }

    /// <summary>True when <paramref name="index"/> lies inside a URL (a run of non-space characters holding "://" or "www.").</summary>
    public static bool InUrl(string text, int index)
    {
        var start = index;
        var limit = Math.Max(0, index - 300);
        while (start > limit && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var run = text.AsSpan(start, index - start);
        return run.Contains("://", StringComparison.Ordinal) || run.Contains("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The end of the non-space run that holds <paramref name="index"/> (to skip repeats inside one URL).</summary>
    public static int EndOfRun(string text, int index)
    {
        var end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// True when [<paramref name="start"/>, <paramref name="end"/>) overlaps one of <paramref name="spans"/>, which are in
    /// text order and do not overlap each other (a regex's matches): a binary search, so asking for every match of a long
    /// text stays linear.
    /// </summary>
    public static bool OverlapsAny(List<(int Start, int End)> spans, int start, int end)
    {
        // The first span that ends after start; the spans' ends increase, so no later span starts earlier.
        int lo = 0, hi = spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (spans[mid].End <= start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < spans.Count && spans[lo].Start < end;
    }

    [GeneratedRegex(@"\([^()]{0,40}\)", RegexOptions.CultureInvariant)]
    private static partial Regex PartyRx();

    [GeneratedRegex(@"\bc\.\s?s\.?", RegexOptions.CultureInvariant)]
    private static partial Regex CsRx();

    [GeneratedRegex(@"\s*/\s*|\s*,\s*|\s+en\s*(?=\p{Lu}|van\b|de\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SeparatorRx();

    [GeneratedRegex(@"^(Van|De|Den|Der|Ter|Ten)(?=\p{Lu}\p{Ll})", RegexOptions.CultureInvariant)]
    private static partial Regex GluedParticleRx();

    [GeneratedRegex(@"^(?:van|de|den|der|ter|ten|te)\s", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingParticleRx();

    [GeneratedRegex(@"[0-9]{1,5}|(?<range>t/m|tot\s+en\s+met|[-\u2013])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberOrRangeRx();
}
