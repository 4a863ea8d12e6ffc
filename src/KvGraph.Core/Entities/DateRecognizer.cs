using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Entities;

/// <summary>
/// Dates in running text, each with its precision:
/// absolute ("22 maart 2021" day, "maart 2021" month, "04-02-2021", "2021-02-04"),
/// relative ("11 maart jl.", "maart jl.", "8 juli j.l.", "16 december jongstleden") resolved with
/// <see cref="RelativeDates.PastYear"/>, day and month without a year ("op 22 maart") resolved with
/// <see cref="RelativeDates.NearYear"/>, and partial ("begin maart", "medio juni 2020" part-of-month;
/// "eind 2023" year). A bare year is a date only after a preposition of time ("in 2015", "sinds 2019"), and
/// not when a count follows ("in 2015 gevallen") or it is a range ("in 2019/20").
/// The id is ISO 8601 at the precision (2021-03-11, 2021-03, 2021); the name is the phrase as written.
/// Relative dates that cannot be resolved (no reference date and no inferred year) are left out.
/// </summary>
internal sealed partial class DateRecognizer : IEntityRecognizer
{
    private const string Full = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";

    private const string Jl = @"(?:jl\.?|j\.\s?l\.?|jongstleden|laatstleden|l\.l\.?)(?!\p{L})";

    // A count after a year makes it a number ("in 2015 gevallen").
    private const string Counted = @"(?!\s+(?:gevallen|personen|mensen|euro|keer|stuks|km|kilometer|meter|leden|dagen|uur|woningen|banen|kinderen|jongeren|studenten|bedrijven|asielzoekers|vluchtelingen|miljoen|miljard|ton|hectare|procent)(?!\p{L}))";

    public string Name => "date";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context)
    {
        var text = context.Text;
        var rx = DateRx();
        for (var at = NextStart(text, 0); at >= 0;)
        {
            var m = rx.Match(text, at);
            if (!m.Success)
            {
                at = NextStart(text, at + 1);
                continue;
            }

            at = NextStart(text, m.Index + m.Length);
            context.Cancellation.ThrowIfCancellationRequested();
            if (Resolve(m, context) is not { } r)
            {
                continue;
            }

            var quote = text.Substring(m.Index, m.Length);
            yield return new Entity(EntityKind.Date, r.Id, OneSpace(quote), m.Index, m.Index + m.Length)
            {
                Precision = r.Precision,
                Relative = r.Relative,
                Quote = quote,
            };
        }
    }

    // The first three letters (lower case) of the words a date can start with: part-of-month words and month names and
    // abbreviations (every one at least three letters). Every other alternative starts with an ASCII digit.
    private static readonly string[] Prefixes =
        ["beg", "ein", "med", "hal", "mid", "pri", "ult", "jan", "feb", "maa", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    // Where a date can start, in ASCII: a digit or the first letter of a prefix, either case; indexed by the character.
    private static readonly bool[] StartChars = MakeStartChars();

    // The prefixes as three letters a-z, indexed (a * 26 + b) * 26 + c.
    private static readonly bool[] PrefixTable = MakePrefixTable();

    // ASCII letters and digits: what char.IsLetterOrDigit says of an ASCII character.
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// The next position from <paramref name="from"/> where a date can start; the anchored <see cref="DateRx"/> is tried
    /// only there. A candidate is a word start (no letter or digit before it) at an ASCII digit, at a word whose first
    /// three letters are a prefix, or at a non-ASCII character (case-insensitive equivalences stay the regex's to decide).
    /// The regex decides every candidate, and every position it could match at is one, so the matches are those of one
    /// unanchored scan. The rest of a word of ASCII letters and digits holds no word start and is passed over in one
    /// search; each character is looked at once: linear in the text.
    /// </summary>
    private static int NextStart(string text, int from)
    {
        var span = text.AsSpan();
        var i = from;
        var afterLetterOrDigit = i > 0 && char.IsLetterOrDigit(span[i - 1]);
        while (i < span.Length)
        {
            var c = span[i];
            if (afterLetterOrDigit && char.IsAsciiLetterOrDigit(c))
            {
                var rest = span[i..].IndexOfAnyExcept(AsciiLettersAndDigits);
                if (rest < 0)
                {
                    return -1;
                }

                i += rest; // the character before i is still an ASCII letter or digit
                continue;
            }

            if (!afterLetterOrDigit && (c >= 128 || StartChars[c]) && !NoDateAt(span[i..]))
            {
                return i;
            }

            afterLetterOrDigit = char.IsLetterOrDigit(c);
            i++;
        }

        return -1;
    }

    // Whether no date can start at the start of s (a word start that StartChars let through), decided from its first word:
    // - ASCII letters: a date that starts with a letter starts with a part-of-month word ("begin", "medio" …) followed by
    //   white space or a month name (Full) followed by no letter, so its word is the whole run of ASCII letters there, and
    //   that run must be one of Words in some case (ASCII letters match a pattern letter only as the same letter in either
    //   case). A first three letters that are no prefix say so before the run is read. When a non-ASCII character ends the
    //   run (it might be a letter, or match one ignoring case) the regex decides.
    // - ASCII digits: a date that starts with a digit is a day ("22 maart", "1e", "3de": one or two digits, then "e", "ste",
    //   "de" or white space), a numeric date ("04-02-2021": one or two digits, then "-" or "/"), an ISO date or a year
    //   after a preposition ("2021-02-04", "in 2015": four digits starting "19" or "20"). Any other run of digits (three,
    //   five or more; four not starting 19 or 20; one or two before a printable ASCII character that cannot follow) starts
    //   none. A non-ASCII or control character after one or two digits is left to the regex (it may be white space).
    // - A non-ASCII character is left to the regex.
    internal static bool NoDateAt(ReadOnlySpan<char> s)
    {
        if (char.IsAsciiDigit(s[0]))
        {
            return NoDateAtDigits(s);
        }

        if (s.Length < 3)
        {
            return char.IsAscii(s[0]) && (s.Length < 2 || char.IsAscii(s[1]));
        }

        if (!char.IsAscii(s[0]) || !char.IsAscii(s[1]) || !char.IsAscii(s[2]))
        {
            return false;
        }

        // Every prefix is three letters a-z: an ASCII character that is none of them in lower case starts none.
        int a = (s[0] | 0x20) - 'a', b = (s[1] | 0x20) - 'a', c = (s[2] | 0x20) - 'a';
        if ((uint)a >= 26 || (uint)b >= 26 || (uint)c >= 26 || !PrefixTable[((a * 26) + b) * 26 + c])
        {
            return true;
        }

        var end = s.IndexOfAnyExcept(AsciiLetters);
        if (end >= 0 && !char.IsAscii(s[end]))
        {
            return false;
        }

        var word = end < 0 ? s : s[..end];
        foreach (var w in Words)
        {
            if (w.Length == word.Length && System.Text.Ascii.EqualsIgnoreCase(word, w))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NoDateAtDigits(ReadOnlySpan<char> s)
    {
        var end = s.IndexOfAnyExceptInRange('0', '9');
        var digits = end < 0 ? s.Length : end;
        if (digits == 4)
        {
            return !(s.StartsWith("19", StringComparison.Ordinal) || s.StartsWith("20", StringComparison.Ordinal));
        }

        if (digits > 2 || end < 0)
        {
            return true;
        }

        var next = s[end];
        if (char.IsAsciiLetter(next))
        {
            return (next | 0x20) is not ('e' or 's' or 'd');
        }

        // Printable ASCII punctuation is no white space; "-" and "/" start a numeric date's separator.
        return next is > ' ' and < '\x7f' && next is not ('-' or '/');
    }

    // The words a date can start with: the part-of-month words and the month names of DateRx, in lower case.
    internal static readonly string[] Words =
        ["begin", "eind", "einde", "medio", "half", "halverwege", "midden", "primo", "ultimo", .. Full.Split('|')];

    private static readonly SearchValues<char> AsciiLetters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static bool[] MakeStartChars()
    {
        var table = new bool[128];
        foreach (var c in "0123456789")
        {
            table[c] = true;
        }

        foreach (var p in Prefixes)
        {
            table[p[0]] = true;
            table[char.ToUpperInvariant(p[0])] = true;
        }

        return table;
    }

    private static bool[] MakePrefixTable()
    {
        var table = new bool[26 * 26 * 26];
        foreach (var p in Prefixes)
        {
            table[((((p[0] - 'a') * 26) + (p[1] - 'a')) * 26) + (p[2] - 'a')] = true;
        }

        return table;
    }

    private static (string Id, DatePrecision Precision, bool Relative)? Resolve(Match m, RecognitionContext c)
    {
        var g = m.Groups;
        if (g["part"].Success)
        {
            if (g["yonly"].Success)
            {
                return (g["yonly"].Value, DatePrecision.Year, false);
            }

            return MonthDate(g["pmon"].Value, g["pyear"], g["pjl"].Success, c, DatePrecision.PartOfMonth);
        }

        if (g["day"].Success)
        {
            var month = DutchDates.Month(g["dmon"].Value);
            var day = Int(g["day"].Value);
            if (month is null || day is < 1 or > 31)
            {
                return null;
            }

            if (g["dyear"].Success)
            {
                return DutchDates.Create(Int(g["dyear"].Value), month.Value, day) is { } abs ? (DutchDates.Iso(abs), DatePrecision.Day, false) : null;
            }

            var year = g["djl"].Success
                ? RelativeDates.PastYear(month.Value, day, c.ReferenceDate, c.InferredYear)
                : RelativeDates.NearYear(month.Value, day, c.ReferenceDate, c.InferredYear);
            return year is { } y && DutchDates.Create(y, month.Value, day) is { } rel ? (DutchDates.Iso(rel), DatePrecision.Day, true) : null;
        }

        if (g["mmon"].Success)
        {
            return MonthDate(g["mmon"].Value, g["myear"], g["mjl"].Success, c, DatePrecision.Month);
        }

        if (g["nd"].Success)
        {
            return DutchDates.Create(Int(g["ny"].Value), Int(g["nm"].Value), Int(g["nd"].Value)) is { } d ? (DutchDates.Iso(d), DatePrecision.Day, false) : null;
        }

        if (g["iy"].Success)
        {
            return DutchDates.Create(Int(g["iy"].Value), Int(g["im"].Value), Int(g["id"].Value)) is { } d ? (DutchDates.Iso(d), DatePrecision.Day, false) : null;
        }

        return g["year"].Success ? (g["year"].Value, DatePrecision.Year, false) : null;
    }

    private static (string, DatePrecision, bool)? MonthDate(string monthName, Group yearGroup, bool jl, RecognitionContext c, DatePrecision precision)
    {
        if (DutchDates.Month(monthName) is not { } month)
        {
            return null;
        }

        if (yearGroup.Success)
        {
            return ($"{Int(yearGroup.Value):D4}-{month:D2}", precision, false);
        }

        var year = jl
            ? RelativeDates.PastYear(month, null, c.ReferenceDate, c.InferredYear)
            : RelativeDates.NearYear(month, null, c.ReferenceDate, c.InferredYear);
        return year is { } y ? ($"{y:D4}-{month:D2}", precision, true) : null;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    // The backreference is case-sensitive ((?-i:…); "-" and "/" have no case): the regex source generator cannot emit a
    // case-insensitive backreference and would fall back to the interpreter for the whole pattern.
    // No timeout (Patterns.NoTimeout): the pattern is anchored (\G) at a word start that NextStart found, and every
    // repetition in it is bounded except \s+ and \s*, which run over one blank run each; a blank run is reached only
    // from the word just before it (forwards) or the year just after it (the lookbehind, backwards), and a candidate's
    // attempt ends at the first non-blank after its run, so all attempts together read each character a bounded number of
    // times: linear (LinearityTests: "dates", and long blank runs around date words).
    [GeneratedRegex(
        @"\G(?<![\p{L}\p{N}])(?:" +
        @"(?<part>begin|eind|einde|medio|half|halverwege|midden|primo|ultimo)\s+(?:(?<pmon>" + Full + @")(?!\p{L})(?:\s+(?<pyear>(?:18|19|20|21)[0-9]{2})(?![0-9])|\s*(?<pjl>" + Jl + @"))?|(?<yonly>(?:19|20|21)[0-9]{2})(?![0-9/–-])" + Counted + ")" +
        @"|(?<![.,/-])(?<day>[0-3]?[0-9])(?:e|ste|de)?\s+(?<dmon>" + DutchDates.MonthPattern + @")(?!\p{L})(?:\s+(?<dyear>(?:18|19|20|21)[0-9]{2})(?![0-9])|\s*(?<djl>" + Jl + "))?" +
        @"|(?<mmon>" + Full + @")(?!\p{L})(?:\s+(?<myear>(?:18|19|20|21)[0-9]{2})(?![0-9])|\s*(?<mjl>" + Jl + "))" +
        @"|(?<![.,/-])(?<nd>[0-3]?[0-9])(?<sep>[-/])(?<nm>[01]?[0-9])(?-i:\k<sep>)(?<ny>(?:19|20)[0-9]{2})(?![0-9/-])" +
        @"|(?<iy>(?:19|20)[0-9]{2})-(?<im>[01][0-9])-(?<id>[0-3][0-9])(?![0-9-])" +
        @"|(?<=(?<![\p{L}])(?:in|sinds|vanaf|tot|voor|vóór|na|per|rond|omstreeks|uit)\s+)(?<year>(?:19|20)[0-9]{2})(?![0-9/–-]|\s*[/–-]\s*[0-9]|[.,][0-9])" + Counted +
        ")",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Recognition.Patterns.NoTimeout)]
    internal static partial Regex DateRx();

    // The quote with each run of white space as one space; most dates have only single spaces, and keep their quote.
    private static string OneSpace(string quote)
    {
        for (var i = 0; i < quote.Length; i++)
        {
            // Regex \s is what char.IsWhiteSpace says.
            if (char.IsWhiteSpace(quote[i]) && (quote[i] != ' ' || (i + 1 < quote.Length && char.IsWhiteSpace(quote[i + 1]))))
            {
                return Spaces().Replace(quote, " ");
            }
        }

        return quote;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex Spaces();
}
