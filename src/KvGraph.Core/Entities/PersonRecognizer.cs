using System.Buffers;
using System.Text.RegularExpressions;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;

namespace KvGraph.Core.Entities;

/// <summary>
/// People named in the text, found by what stands around the name, never by a list of names:
/// a title before it ("Minister Kaag", "minister Van Weel", "de staatssecretaris Van Ark", "het lid Bikker",
/// "de leden Piri en Veldkamp", "Kamerlid Omtzigt", "de motie Van den Nieuwenhuijzen c.s."), a party in
/// brackets after it ("Kuzu (DENK)", "Tom van den Nieuwenhuijzen-Wittens (GL)",
/// "Sigrid Kaag (minister zonder portefeuille buitenlandse zaken) (D66)"), or a signature under a
/// minister's office ("De Minister van Buitenlandse Zaken,\nStef Blok", also joined on one line by a reader).
/// Ids follow <see cref="PersonIds"/>. Roles: minister, staatssecretaris, member, sponsor.
/// </summary>
/// <remarks>
/// Without a first name a surname's tussenvoegsel takes a capital ("Van Ojik"), and that is what tells
/// "minister Van Weel" (a person) from "minister van Buitenlandse Zaken" (an office). Capitalised words that
/// are offices, countries, organisations or common title words are not taken for names.
/// </remarks>
internal sealed partial class PersonRecognizer : IEntityRecognizer
{
    private const string Sp = @"[ \t\u00a0]+";

    private const string Particle = @"(?:Van|De|Den|Der|Ter|Ten|Te|In|Op|Von|Du|La|Le|El|Al)";

    private const string TvCap = Particle + @"(?:" + Sp + @"(?:de|den|der|het|'t|’t|ter|te|ten|la|van))*";

    private const string TvLow = @"(?:van|de|den|der|ter|ten|te|in|op|von|du|la|le)(?:" + Sp + @"(?:de|den|der|het|'t|’t|ter|te|ten|la))*";

    // A double surname may carry its own tussenvoegsel after the hyphen: "Faber-Van de Klashorst".
    private const string Sur = @"(?:IJ|\p{Lu})\p{Ll}[\p{L}\p{M}'’]*(?:-(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er)(?:[ \t]+(?:de|den|der))*[ \t]+)?(?:IJ|\p{Lu})\p{Ll}[\p{L}\p{M}'’]*)*";

    // A first name is a capitalised word that is not itself a tussenvoegsel ("Van" in "Van Dijk").
    private const string First = @"(?!" + Particle + @"[ \t\u00a0])(?:IJ|\p{Lu})\p{Ll}+(?:-(?!" + Particle + @"[ \t\u00a0])\p{Lu}\p{Ll}+)?";

    // After a title: the surname, optionally after a first name ("het lid Inge van Dijk", "het lid Edgar Mulder").
    private const string NameT = @"(?:" + First + Sp + "(?:" + TvLow + Sp + ")?|" + TvCap + Sp + ")?" + Sur;

    private const string NameF = @"(?:(?<first>" + First + @"|(?:\p{Lu}\.){1,4})" + Sp + "(?:" + TvLow + Sp + ")?|" + TvCap + Sp + ")?" + Sur;

    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "minister", "ministers", "staatssecretaris", "staatssecretarissen", "premier", "minister-president", "kamerlid", "kamerleden",
        "lid", "leden", "motie", "moties", "door", "indieners", "indiener", "beantwoord", "vragen",
        "voorzitter", "collega", "mevrouw", "meneer", "heer", "dhr", "mw",
    };

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "President", "Kamer", "Zaken", "Raad", "Staat", "Koning", "Koningin", "Minister", "Ministers", "Staatssecretaris", "Lid", "Leden",
        "Commissie", "Ambassadeur", "Mensenrechtenambassadeur", "Kabinet", "Regering", "Hierbij", "Antwoord", "Vraag", "Vragen",
        "Zie", "Ja", "Nee", "Wel", "Niet", "Ook", "Dat", "Deze", "Die", "Dit", "Het", "Een", "Zo", "Bij", "Voor", "Naar", "Met", "Op",
        "Tijdens", "Namens", "Conform", "Inmiddels", "Verder", "Daarnaast", "Tevens", "Zoals",
    };

    public string Name => "person";

    public IReadOnlyList<string> Triggers => [];

    public IEnumerable<Entity> Find(RecognitionContext context)
    {
        // One person per span: a name found both after a title and before a party in brackets keeps the
        // title's role and gains the party.
        var bySpan = new Dictionary<(int, int), Entity>();
        foreach (var e in FindAll(context))
        {
            var key = (e.Start, e.End);
            bySpan[key] = bySpan.TryGetValue(key, out var known)
                ? known with { Party = known.Party ?? e.Party, Role = known.Role == "member" ? e.Role : known.Role }
                : e;
        }

        return bySpan.Values.OrderBy(e => e.Start);
    }

    private static IEnumerable<Entity> FindAll(RecognitionContext context)
    {
        var text = context.Text;
        for (var at = NextTitle(text, 0); at >= 0;)
        {
            var m = TitledRx().Match(text, at);
            at = NextTitle(text, m.Success ? m.Index + m.Length : at + 1);
            if (!m.Success)
            {
                continue;
            }

            context.Cancellation.ThrowIfCancellationRequested();
            var role = RoleOfTitle(m.Groups["title"].Value);
            foreach (Capture name in m.Groups["n"].Captures)
            {
                // "Minister Justitie en Veiligheid": once a listed "name" is an office or the like, the rest is too.
                if (Make(text, name.Index, name.Length, role, party: null, dropFirst: false) is not { } e)
                {
                    break;
                }

                yield return e;
            }
        }

        foreach (Match m in PartyParenRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            if (Parties.Normalize(m.Groups["p"].Value) is not { } party)
            {
                continue;
            }

            // Skip an office in brackets between the name and the party: "Kaag (minister …) (D66)".
            var end = m.Index;
            while (end > 0 && text[end - 1] is ' ' or '\t')
            {
                end--;
            }

            string? office = null;
            if (end > 0 && text[end - 1] == ')')
            {
                var open = text.LastIndexOf('(', end - 1, Math.Min(end, 120));
                if (open < 0)
                {
                    continue;
                }

                office = text[(open + 1)..(end - 1)];
                end = open;
            }

            var start = Math.Max(0, end - 120);
            var cut = text.AsSpan(start, end - start).LastIndexOfAny(",;:()\n•«»");
            if (cut >= 0)
            {
                start += cut + 1;
            }

            var window = text[start..end];
            var nm = TrailingNameRx().Match(window);
            if (!nm.Success)
            {
                continue;
            }

            var role = office is null ? "member" : RoleOfTitle(office);
            var g = nm.Groups["name"];
            if (Make(text, start + g.Index, g.Length, role, party.Id, dropFirst: true) is { } e)
            {
                yield return e;
            }
        }

        foreach (Match m in SignatureRx().Matches(text))
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var g = m.Groups["name"];
            if (Make(text, g.Index, g.Length, RoleOfTitle(m.Groups["title"].Value), party: null, dropFirst: true) is { } e)
            {
                yield return e;
            }
        }
    }

    private static Entity? Make(string text, int index, int length, string role, string? party, bool dropFirst)
    {
        var raw = text.Substring(index, length);
        var words = raw.Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);

        // A title or function word caught as a first name ("Minister Kaag (D66)") is not part of the name.
        if (dropFirst && words.Length > 1 && TitleWords.Contains(words[0]))
        {
            var skip = raw.IndexOf(words[1], words[0].Length, StringComparison.Ordinal);
            index += skip;
            length -= skip;
            raw = text.Substring(index, length);
        }

        var surname = PersonIds.SurnameOf(raw);
        var words2 = surname.Split(' ');
        var firstCore = words2.FirstOrDefault(w => !PersonIds.IsParticle(w)) ?? surname;
        var surnameAt = raw.LastIndexOf(surname, StringComparison.OrdinalIgnoreCase);
        var coreAt = surnameAt < 0 ? -1 : raw.IndexOf(firstCore, surnameAt, StringComparison.Ordinal);
        if (NotNames.Contains(words2[^1]) || NotNames.Contains(firstCore) || coreAt < 0 || IsOtherThing(text, index + coreAt))
        {
            return null;
        }

        return new Entity(EntityKind.Person, PersonIds.For(surname), surname, index, index + length)
        {
            Role = role,
            Party = party,
            Quote = raw,
        };
    }

    // A capitalised phrase after a title can be an office ("Minister Van Buitenlandse Zaken"), a country or an
    // organisation: look for one that starts where the name (after its tussenvoegsels) starts.
    private static bool IsOtherThing(string text, int coreStart)
    {
        if (coreStart < 0 || coreStart >= text.Length)
        {
            return true;
        }

        // One tokenisation of the snippet and one walk from its start for the four lexicons (see LexiconSet): whether
        // the first phrase each finds in the snippet starts where the name starts.
        var snippet = new TextTokens(text.Substring(coreStart, Math.Min(80, text.Length - coreStart)));
        var set = LexiconSet.Entities;
        var at = set.PhrasesAtStart(snippet);
        return at[set.IndexOf(Offices.Lexicon)] || at[set.IndexOf(Countries.Lexicon)] ||
               at[set.IndexOf(Organisations.Lexicon)] || at[set.IndexOf(Parties.Lexicon)];
    }

    private static string RoleOfTitle(string title)
    {
        var t = title.ToLowerInvariant();
        return t.Contains("staatssecretaris", StringComparison.Ordinal) ? "staatssecretaris"
            : t.Contains("minister", StringComparison.Ordinal) || t.Contains("premier", StringComparison.Ordinal) ? "minister"
            : t.Contains("motie", StringComparison.Ordinal) ? "sponsor"
            : "member";
    }

    // The first letters of TitledRx's titles, and their first three letters (any case; "de" and "het" are read whole).
    private static readonly SearchValues<char> TitleStarts = SearchValues.Create("MmSsPpKkhd");

    private static readonly string[] TitlePrefixes = ["min", "sta", "pre", "kam", "mot"];

    /// <summary>
    /// The next position from <paramref name="from"/> where <see cref="TitledRx"/> (anchored) can match: a word start (no
    /// letter before it) whose first letters begin a title. The regex decides every candidate, and every position it could
    /// match at is one, so the matches are those of one unanchored scan.
    /// </summary>
    internal static int NextTitle(string text, int from)
    {
        var span = text.AsSpan();
        for (var i = from; i < span.Length; i++)
        {
            var hit = span[i..].IndexOfAny(TitleStarts);
            if (hit < 0)
            {
                return -1;
            }

            i += hit;
            if (i > 0 && char.IsLetter(span[i - 1]))
            {
                continue;
            }

            // "de leden" and "het lid" are titles only in lower case and only as the two words (TitledRx has no IgnoreCase):
            // "de" and "het", the commonest words of Dutch, are no candidate unless white space and "leden" or "lid" follow.
            if (span[i] is 'd' or 'h')
            {
                if (span[i] == 'd' ? TwoWords(span[i..], "de", "leden") : TwoWords(span[i..], "het", "lid"))
                {
                    return i;
                }

                continue;
            }

            if (i + 2 < span.Length)
            {
                Span<char> low = [(char)(span[i] | 0x20), (char)(span[i + 1] | 0x20), (char)(span[i + 2] | 0x20)];
                foreach (var p in TitlePrefixes)
                {
                    if (low.SequenceEqual(p))
                    {
                        return i;
                    }
                }
            }
        }

        return -1;
    }

    // Whether s starts with first, then white space (regex \s, which is what char.IsWhiteSpace says), then second.
    private static bool TwoWords(ReadOnlySpan<char> s, string first, string second)
    {
        if (!s.StartsWith(first, StringComparison.Ordinal))
        {
            return false;
        }

        var k = first.Length;
        while (k < s.Length && char.IsWhiteSpace(s[k]))
        {
            k++;
        }

        return k > first.Length && s[k..].StartsWith(second, StringComparison.Ordinal);
    }

    [GeneratedRegex(
        @"\G(?<![\p{L}])(?<title>[Mm]inister-[Pp]resident|[Mm]inisters?|[Ss]taatssecretaris(?:sen)?|[Pp]remier|[Kk]amerleden|[Kk]amerlid|het\s+lid|de\s+leden|[Mm]oties?)(?:\s+|(?<=[Mm]oties?)-)" +
        @"(?<n>" + NameT + @")(?![\p{L}])(?:\s+c\.s\.)?(?:\s*\([^()\n]{1,60}\))?" +
        @"(?:(?:\s*[,/]\s*|\s+en\s+)(?<n>" + NameT + @")(?![\p{L}])(?:\s+c\.s\.)?(?:\s*\([^()\n]{1,60}\))?)*",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Recognition.Patterns.MatchTimeoutMs)]
    internal static partial Regex TitledRx();

    [GeneratedRegex(@"\((?<p>[^()\n]{1,40})\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Recognition.Patterns.NoTimeout)]
    private static partial Regex PartyParenRx();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<name>" + NameF + @")[ \t\u00a0]*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex TrailingNameRx();

    [GeneratedRegex(
        @"(?<title>[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+[^,\n]{3,80},[ \t]*(?:\n\s*)?(?<name>" + NameF + @")[ \t\u00a0]*(?=\n|$)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Recognition.Patterns.MatchTimeoutMs)]
    private static partial Regex SignatureRx();
}
