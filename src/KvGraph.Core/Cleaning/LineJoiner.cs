using System.Text;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// Joins the lines of one paragraph the way a reader would: a word broken over a line end by hyphenation
/// ("Zorgak-" / "koord") becomes one word again, a real hyphen ("EU-" / "lidstaten", "zorg-" / "en welzijn")
/// stays, and every other line break becomes a space.
/// </summary>
public static class LineJoiner
{
    // After "zorg-" these words show the hyphen stands for a shared word part ("zorg- en welzijnsakkoord").
    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "en", "of", "tot", "dan", "als", "noch", "c.q.", "en/of" };

    /// <summary>Joins <paramref name="lines"/> into one line.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var sb = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (sb.Length == 0)
            {
                sb.Append(line);
                continue;
            }

            switch (HyphenJoin(sb, line))
            {
                case HyphenKind.Hyphenation:
                    sb.Length--; // drop the hyphen, glue the halves
                    sb.Append(line);
                    break;
                case HyphenKind.RealHyphen:
                    sb.Append(line);
                    break;
                default:
                    // A web address broken after a slash continues without a space. The last token ends with "/" only
                    // when the text does, so the tail is looked at only then (not a 200-char copy per joined line).
                    if (sb[^1] != '/')
                    {
                        sb.Append(' ').Append(line);
                        break;
                    }

                    var tail = sb.ToString(Math.Max(0, sb.Length - 200), Math.Min(200, sb.Length));
                    var lastToken = tail[(tail.LastIndexOf(' ') + 1)..];
                    if (lastToken.EndsWith('/') && lastToken.Contains("http", StringComparison.OrdinalIgnoreCase))
                    {
                        sb.Append(line);
                    }
                    else
                    {
                        sb.Append(' ').Append(line);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private enum HyphenKind
    {
        None,
        Hyphenation,
        RealHyphen,
    }

    private static HyphenKind HyphenJoin(StringBuilder sb, string next)
    {
        if (sb.Length < 2 || sb[^1] != '-')
        {
            return HyphenKind.None;
        }

        var before = sb[^2];
        if (!char.IsLetter(before))
        {
            return HyphenKind.None; // "2023 -" or "- " list dashes: keep the space
        }

        var first = next[0];
        if (!char.IsLetter(first))
        {
            return HyphenKind.RealHyphen;
        }

        var firstWord = next.Split(' ', 2)[0].TrimEnd(',', '.', ';', ':');
        if (Conjunctions.Contains(firstWord))
        {
            // "zorg-" + "en welzijnsakkoord": the hyphen ends a word; a space follows it.
            sb.Append(' ');
            return HyphenKind.RealHyphen;
        }

        if (char.IsUpper(before) || char.IsUpper(first))
        {
            return HyphenKind.RealHyphen; // "EU-lidstaten", "Noord-Holland", "VN-Mensenrechtenraad"
        }

        // Dutch writes a hyphen where two equal vowels meet in a compound ("zee-eend", "auto-ongeluk").
        if (IsVowel(before) && char.ToLowerInvariant(before) == char.ToLowerInvariant(first))
        {
            return HyphenKind.RealHyphen;
        }

        return HyphenKind.Hyphenation;
    }

    private static bool IsVowel(char c) => "aeiouAEIOU".Contains(c, StringComparison.Ordinal);
}
