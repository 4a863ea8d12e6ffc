using System.Text.RegularExpressions;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// Splits words that PDF-to-text glued together, only where the seam is certain: a lower-case run followed by
/// a capitalised word ("DaniëlleJansen", "motieDrost"), a word glued to an opening parenthesis before a name or
/// party ("Klashorst(PVV)"), and punctuation with no space after it (",zodat", ".Verschillende"). Lower-case glue
/// ("bijhet") cannot be split without a dictionary and is left alone. Brand and party names written in camel case
/// are kept.
/// </summary>
public static partial class GlueSplitter
{
    private static readonly HashSet<string> CamelCaseWords = new(StringComparer.Ordinal)
    {
        "GroenLinks", "ChristenUnie", "BoerBurgerBeweging", "ProRail", "PostNL", "TenneT", "YouTube", "WhatsApp",
        "LinkedIn", "TikTok", "PowerPoint", "SharePoint", "OpenAI", "ChatGPT", "BioNTech", "BlackRock", "PayPal",
        "GitHub", "JavaScript", "FrieslandCampina", "NextGenerationEU", "VluchtelingenWerk", "StemWijzer",
        "KiesWijzer", "GasTerra", "FlixBus", "AstraZeneca", "SolarWinds", "CoronaMelder", "MijnOverheid",
        "DigiD", "RvdK", "NedCar", "SchipholGroup", "TaxiPost", "EenVandaag", "RTLNieuws", "NieuwsUur",
        "BuZa", "MinBuZa", "ZonMw", "ActiZ", "InEen", "GGDGHOR", "VeiligThuis", "MedMij", "SamenDoen",
    };

    /// <summary>Splits the safe kinds of glue in one line of text.</summary>
    public static string Split(string line)
    {
        ArgumentNullException.ThrowIfNull(line);

        // Token by token (the runs of non-white-space a `\S+` regex would match, and SplitToken on each), the rules run
        // only on tokens they can change, and the line is copied only when one does. The text is walked once, from seam
        // to seam (NextSeam): every character a seam's test reads is a letter or a seam character, never white space,
        // so a seam of the line is a seam of its token and a token without one is never looked at.
        System.Text.StringBuilder? split = null;
        var copied = 0;
        var p = NextSeam(line, 1);
        while (p >= 0)
        {
            var index = p;
            while (index > 0 && !char.IsWhiteSpace(line[index - 1]))
            {
                index--;
            }

            var end = p + 1;
            while (end < line.Length && !char.IsWhiteSpace(line[end]))
            {
                end++;
            }

            var token = line.AsSpan(index, end - index);
            var replaced = SplitToken(token.ToString());
            if (!token.SequenceEqual(replaced))
            {
                split ??= new System.Text.StringBuilder(line.Length + 16);
                split.Append(line, copied, index - copied).Append(replaced);
                copied = end;
            }

            p = NextSeam(line, end + 1);
        }

        return split is null ? line : split.Append(line, copied, line.Length - copied).ToString();
    }

    /// <summary>
    /// The first place at or after <paramref name="from"/> (at least 1) where a rule of <see cref="SplitToken"/> may
    /// fire, or -1 when none can fire there or later, so most text is returned as it is without the per-token
    /// replacements. Each rule needs its own shape: a letter, "(" and a letter (ParenRx); a letter then "19" or "20"
    /// (MonthYearRx); two lower-case letters, "," and a lower-case letter (CommaRx); three lower-case letters, "." and an
    /// upper-case letter (PeriodRx); a lower-case letter, "?" or "!" and an upper-case letter (QuestionRx); two lower-case
    /// letters, an upper-case and a lower-case letter (CamelRx). A rule that does not fire leaves the text as it was, so
    /// the next rule sees the same text. It may find a place where no rule fires.
    /// </summary>
    internal static int NextSeam(ReadOnlySpan<char> text, int from)
    {
        // Only a seam character can be glued: one of "(12,.?!", an upper-case letter (ASCII A-Z, or a non-ASCII
        // character, left to char.IsUpper). Both are found by vectorised searches; nonAscii keeps the next non-ASCII
        // position, so that the text is searched for one only once.
        var nonAscii = -1;
        for (var i = Math.Max(1, from); i + 1 < text.Length; i++)
        {
            if (nonAscii < i)
            {
                var o = text[i..].IndexOfAnyExceptInRange('\0', '\u007f');
                nonAscii = o < 0 ? int.MaxValue : i + o;
            }

            var a = text[i..].IndexOfAny(SeamChars);
            var next = Math.Min(a < 0 ? int.MaxValue : i + a, nonAscii);
            if (next >= text.Length - 1)
            {
                return -1;
            }

            i = next;
            var c = text[i];
            var before = text[i - 1];
            var after = text[i + 1];
            var glued = c switch
            {
                '(' => char.IsLetter(before) && char.IsLetter(after),
                '1' => char.IsLetter(before) && after == '9',
                '2' => char.IsLetter(before) && after == '0',
                ',' => i >= 2 && char.IsLower(before) && char.IsLower(text[i - 2]) && char.IsLower(after),
                '.' => i >= 3 && char.IsLower(before) && char.IsLower(text[i - 2]) && char.IsLower(text[i - 3]) && char.IsUpper(after),
                '?' or '!' => char.IsLower(before) && char.IsUpper(after),
                _ => i >= 2 && char.IsUpper(c) && char.IsLower(before) && char.IsLower(text[i - 2]) && char.IsLower(after),
            };
            if (glued)
            {
                return i;
            }
        }

        return -1;
    }

    // The ASCII characters at which a seam can be (NextSeam).
    private static readonly System.Buffers.SearchValues<char> SeamChars = System.Buffers.SearchValues.Create("(12,.?!ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    internal static string SplitToken(string token)
    {
        if (token.Contains("://", StringComparison.Ordinal) || token.Contains('@', StringComparison.Ordinal) ||
            token.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || token.Contains(".nl", StringComparison.OrdinalIgnoreCase) ||
            token.Contains(".com", StringComparison.OrdinalIgnoreCase) || token.Contains(".org", StringComparison.OrdinalIgnoreCase))
        {
            return token;
        }

        // Each rule runs only on a token that holds the character its match needs ("(", "19"/"20", ",", ".", "?"/"!", an
        // upper-case letter): a token passed by NextSeam usually has one seam, and every regex call starts a timeout clock.
        var t = token.Contains('(', StringComparison.Ordinal) ? ParenRx().Replace(token, "$1 (") : token;
        t = t.Contains("19", StringComparison.Ordinal) || t.Contains("20", StringComparison.Ordinal) ? MonthYearRx().Replace(t, "$1 $2") : t;
        t = t.Contains(',', StringComparison.Ordinal) ? CommaRx().Replace(t, ", ") : t;
        t = t.Contains('.', StringComparison.Ordinal) ? PeriodRx().Replace(t, ". ") : t;
        t = t.AsSpan().IndexOfAny('?', '!') >= 0 ? QuestionRx().Replace(t, "$1 ") : t;
        return HasUpper(t) ? CamelRx().Replace(t, m => KeepCamel(t, m.Index) ? m.Value : m.Value + " ") : t;
    }

    // Whether the text holds an upper-case letter (\p{Lu}, which char.IsUpper tells), without which CamelRx cannot match.
    private static bool HasUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    // True when the seam at index lies inside a camel-case word we know to be written that way.
    private static bool KeepCamel(string token, int seam)
    {
        var start = seam;
        while (start > 0 && char.IsLetter(token[start - 1]))
        {
            start--;
        }

        var end = seam + 1;
        while (end < token.Length && char.IsLetter(token[end]))
        {
            end++;
        }

        var word = token[start..end];
        foreach (var known in CamelCaseWords)
        {
            if (word.Contains(known, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Two lower-case letters, then an upper-case letter that starts a lower-case word: the seam is after the lower case.
    [GeneratedRegex(@"(?<=\p{Ll})\p{Ll}(?=\p{Lu}\p{Ll})", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex CamelRx();

    // "18 november2024": a month name glued to its year.
    [GeneratedRegex(@"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)((?:19|20)[0-9]{2})\b", RegexOptions.IgnoreCase, Patterns.NoTimeout)]
    private static partial Regex MonthYearRx();

    [GeneratedRegex(@"(\p{L})\((?=\p{Lu}|beiden|allen|ingezonden|ontvangen)", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex ParenRx();

    [GeneratedRegex(@"(?<=\p{Ll}\p{Ll}),(?=\p{Ll}\p{Ll})", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex CommaRx();

    [GeneratedRegex(@"(?<=\p{Ll}\p{Ll}\p{Ll})\.(?=\p{Lu}\p{Ll})", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex PeriodRx();

    [GeneratedRegex(@"(\p{Ll}[?!])(?=\p{Lu})", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex QuestionRx();
}
