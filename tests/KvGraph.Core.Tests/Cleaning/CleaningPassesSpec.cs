using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.TestSupport;

namespace KvGraph.Core.Tests.Cleaning;

/// <summary>
/// The cleaning steps the Aanhangsel reader runs on every line and paragraph skip work only where it cannot change the
/// result: FootnoteMarkers runs a pattern only where <see cref="FootnoteMarkers.MayMark"/> finds a place it can replace,
/// GlueSplitter walks the text from seam to seam (<see cref="GlueSplitter.NextSeam"/>) instead of token by token, and
/// LineJoiner looks at the last token only when the text ends in "/". Each is held to its definition (the patterns run
/// unconditionally; SplitToken on every <c>\S+</c> token; the joiner as it was) on crafted rows and on every line and
/// paragraph of every real text.
/// </summary>
public sealed class CleaningPassesSpec
{
    private static readonly HashSet<int> Known = [1, 2, 3, 7, 12];

    // The definition of FootnoteMarkers.Separate: every pattern replaces wherever it matches, no place skipped.
    private static (string Text, List<(int, int)> Markers) SeparateByDefinition(string text, Func<int, bool>? isKnown)
    {
        var markers = new List<(int, int)>();
        var t = FootnoteMarkers.AfterPunctuationRx().Replace(text, m =>
        {
            var n = int.Parse(m.Groups["n"].Value);
            if (n == 0 || (isKnown is not null && !isKnown(n)))
            {
                return m.Value;
            }

            markers.Add((n, m.Index));
            return $"{m.Groups["p"].Value}[{n}]";
        });
        if (isKnown is null)
        {
            return (t, markers);
        }

        t = FootnoteMarkers.YearRx().Replace(t, m =>
        {
            var n = int.Parse(m.Groups["n"].Value);
            if (!isKnown(n))
            {
                return m.Value;
            }

            markers.Add((n, m.Index));
            return $"{m.Groups["date"].Value}[{n}]";
        });
        t = FootnoteMarkers.AfterCommaRx().Replace(t, m =>
        {
            var n = int.Parse(m.Groups["n"].Value);
            if (n == 0 || !isKnown(n))
            {
                return m.Value;
            }

            markers.Add((n, m.Index));
            return $",[{n}]";
        });
        t = FootnoteMarkers.AfterWordRx().Replace(t, m =>
        {
            var n = int.Parse(m.Groups["n"].Value);
            if (!isKnown(n))
            {
                return m.Value;
            }

            markers.Add((n, m.Index));
            return $"{m.Groups["w"].Value}[{n}]";
        });
        return (t, markers);
    }

    private static void SameAsDefinition(string text, Func<int, bool>? isKnown)
    {
        var (expected, expectedMarkers) = SeparateByDefinition(text, isKnown);
        var (actual, actualMarkers) = FootnoteMarkers.Separate(text, isKnown);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedMarkers, actualMarkers.Select(m => (m.Number, m.Index)).ToList());
    }

    [Theory]
    // Places a pattern replaces: MayMark must let them through.
    [InlineData("kampen»?1 en", 0)] // quote and question mark after a word
    [InlineData("het KNMI)1 en", 0)] // ")" after a letter
    [InlineData("zei hij.”.12", 0)] // three closing characters, two digits, the end
    [InlineData("Attribution)).3;", 0)] // ")" then ")." and a semicolon: the first ")" follows a letter, the look-behind stands before it
    [InlineData("de motie JosephAgema,7 blijft", 1)] // a comma after a word, a space and a word
    [InlineData("Zorgakkoord1 en", 2)] // a word glued to a note
    [InlineData("het akkoord12.", 2)] // two digits, then a full stop
    [InlineData("het akkoord3\nvolgende", 2)] // a line end after the number
    [InlineData("in Ëcole1 staat", 2)] // a non-ASCII letter before the lower case
    public void Lets_through(string text, int place)
    {
        // place: 0 after punctuation, 1 after a comma, 2 after a word
        Assert.True(FootnoteMarkers.MayMark(text, (FootnoteMarkers.Place)place, Known.Contains));
        SameAsDefinition(text, Known.Contains);
    }

    [Theory]
    // Places no pattern replaces: MayMark rules them out, and the definition indeed changes nothing there.
    [InlineData("versie 3.5 van", 0)] // a decimal: a digit before the full stop
    [InlineData("€ 1.500.000 in", 0)] // thousands: digits before the full stops
    [InlineData("zie nr.1591 en", 0)] // four digits are no marker
    [InlineData("gevraagd?0 en", 0)] // note 0 does not exist
    [InlineData("gevraagd?5 en", 0)] // note 5 is not known here
    [InlineData("gevraagd?1x", 0)] // a letter after the number
    [InlineData("punten ?!.?1 en", 0)] // four closing characters after the space
    [InlineData("steeg van 2,1 naar", 1)] // a decimal comma
    [InlineData("Agema,7blijft", 1)] // no space after the number
    [InlineData("Agema,7 2", 1)] // no letter after the space
    [InlineData("in de CO2 uitstoot", 2)] // upper case before the digit
    [InlineData("het jaar2024 en", 2)] // four digits
    [InlineData("de ggz1 en", 2)] // three letters only
    [InlineData("het akkoord5 en", 2)] // note 5 is not known here
    [InlineData("het akkoord1-2", 2)] // a hyphen after the number
    public void Rules_out(string text, int place)
    {
        Assert.False(FootnoteMarkers.MayMark(text, (FootnoteMarkers.Place)place, Known.Contains));
        SameAsDefinition(text, Known.Contains);
    }

    [Theory]
    // The definition of GlueSplitter.Split is SplitToken on every run of non-white-space; the walk from seam to seam
    // must give the same text, seams in the first, middle and last token, one token with two seams, and none.
    [InlineData("Vragen van het lid DaniëlleJansen (Nieuw")] // a camel seam in the middle
    [InlineData("motieDrost")] // the only token
    [InlineData("zodat,de markt,zodat het.Verder")] // three seams in three tokens
    [InlineData("Klashorst(PVV),zodat")] // two seams in one token
    [InlineData("  leading  spaces\tinNederland\n")] // white space of several kinds around the token
    [InlineData("GroenLinks en ChristenUnie")] // seams that SplitToken keeps
    [InlineData("november2024")] // month and year
    [InlineData("https://nos.nl/a.Verschillende")] // an address: found as a seam, kept by SplitToken
    [InlineData("geen enkele naad hier")] // no seam at all
    [InlineData("a")] // too short for a seam
    [InlineData("")] // empty
    [InlineData("Ab\u00A0cdEfg")] // a no-break space is white space: two tokens
    public void Glue_split_is_split_token_on_every_token(string text)
    {
        Assert.Equal(SplitByDefinition(text), GlueSplitter.Split(text));
    }

    private static string SplitByDefinition(string text) =>
        Regex.Replace(text, @"\S+", m => GlueSplitter.SplitToken(m.Value));

    // The joiner as it was (6158565): the last 200 characters copied at every line join to find the last token.
    private static readonly HashSet<string> Conjunctions = new(StringComparer.Ordinal) { "en", "of", "tot", "dan", "als", "noch", "c.q.", "en/of" };

    private static string JoinByDefinition(IEnumerable<string> lines)
    {
        var sb = new System.Text.StringBuilder();
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
                case 1:
                    sb.Length--;
                    sb.Append(line);
                    break;
                case 2:
                    sb.Append(line);
                    break;
                default:
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

    // 0: no hyphen join, 1: hyphenation undone, 2: a real hyphen kept.
    private static int HyphenJoin(System.Text.StringBuilder sb, string next)
    {
        if (sb.Length < 2 || sb[^1] != '-')
        {
            return 0;
        }

        var before = sb[^2];
        if (!char.IsLetter(before))
        {
            return 0;
        }

        var first = next[0];
        if (!char.IsLetter(first))
        {
            return 2;
        }

        var firstWord = next.Split(' ', 2)[0].TrimEnd(',', '.', ';', ':');
        if (Conjunctions.Contains(firstWord))
        {
            sb.Append(' ');
            return 2;
        }

        if (char.IsUpper(before) || char.IsUpper(first))
        {
            return 2;
        }

        if ("aeiouAEIOU".Contains(before, StringComparison.Ordinal) && char.ToLowerInvariant(before) == char.ToLowerInvariant(first))
        {
            return 2;
        }

        return 1;
    }

    [Theory]
    [InlineData("(https://|nos.nl/artikel/1)")] // an address broken after a slash: no space
    [InlineData("zie http://x.nl/a/|b/c")] // the same with http
    [InlineData("en/of|daarna")] // a slash inside a word that is no address: a space
    [InlineData("de weg naar /|huis")] // a lone slash: a space
    [InlineData("eerste regel|tweede regel|derde")] // plain lines
    [InlineData("zorg-|en welzijn")] // the hyphen rules are untouched
    public void Lines_join_as_by_definition(string joined)
    {
        var lines = joined.Split('|'); // the lines, written with "|" between them
        Assert.Equal(JoinByDefinition(lines), LineJoiner.Join(lines));
    }

    [SkippableFact]
    public void Every_real_line_and_paragraph_is_cleaned_as_by_definition()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw}");
        var files = TestPaths.RealTexts();
        Assert.True(files.Count > 100, $"{files.Count} files");
        int places = 0, ruledOut = 0, splits = 0, marked = 0;
        Func<int, bool> small = n => n <= 20;
        foreach (var file in files)
        {
            var lines = TextNormalizer.Normalize(File.ReadAllText(file)).Split('\n');
            var paragraphs = new List<string>();
            var current = new List<string>();
            foreach (var l in lines.Append(string.Empty))
            {
                if (l.Trim().Length > 0)
                {
                    current.Add(l);
                    continue;
                }

                if (current.Count > 0)
                {
                    Assert.True(JoinByDefinition(current) == LineJoiner.Join(current), file);
                    paragraphs.Add(LineJoiner.Join(current));
                    current.Clear();
                }
            }

            foreach (var p in lines.Concat(paragraphs))
            {
                var split = GlueSplitter.Split(p);
                Assert.True(SplitByDefinition(p) == split, $"{file}: {p}");
                splits += ReferenceEquals(split, p) ? 0 : 1;
                foreach (var isKnown in new[] { null, small })
                {
                    var (expected, expectedMarkers) = SeparateByDefinition(split, isKnown);
                    var (actual, actualMarkers) = FootnoteMarkers.Separate(split, isKnown);
                    Assert.True(expected == actual, $"{file}: {split}");
                    Assert.Equal(expectedMarkers, actualMarkers.Select(m => (m.Number, m.Index)).ToList());
                    marked += actualMarkers.Count;
                }

                // How often MayMark spares a pattern that the old digit test ran: a digit after a character the
                // pattern's place begins with.
                foreach (var (place, before) in new (FootnoteMarkers.Place, Func<char, bool>)[]
                         {
                             (FootnoteMarkers.Place.AfterPunctuation, c => c is '?' or '!' or '.' or '»' or '”' or '’' or '"' or ')'),
                             (FootnoteMarkers.Place.AfterComma, c => c == ','),
                             (FootnoteMarkers.Place.AfterWord, char.IsLower),
                         })
                {
                    if (Enumerable.Range(1, Math.Max(0, split.Length - 1)).Any(i => char.IsAsciiDigit(split[i]) && before(split[i - 1])))
                    {
                        places++;
                        ruledOut += FootnoteMarkers.MayMark(split, place, small) ? 0 : 1;
                    }
                }
            }
        }

        // Glue and glued markers occur in the real texts, so both paths are compared, and MayMark spares most of the
        // pattern runs the old digit test asked for.
        Assert.True(splits > 100, $"{splits} lines or paragraphs split");
        Assert.True(marked > 100, $"{marked} markers");
        Assert.True(ruledOut * 2 > places, $"{ruledOut} of {places} pattern runs ruled out");
    }
}
