namespace KvGraph.Core.Entities;

/// <summary>A political party in the Tweede Kamer.</summary>
/// <param name="Id">Canonical id, <c>party:&lt;abbreviation slug&gt;</c> (<c>party:gl</c>, <c>party:gl-pvda</c>).</param>
/// <param name="Abbreviation">The short name used in parliament ("GL", "PvdA", "CU").</param>
/// <param name="Name">The display name ("GroenLinks").</param>
/// <param name="Aliases">Other ways the party is written.</param>
public sealed record Party(string Id, string Abbreviation, string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// The parties of the Tweede Kamer, current and recent, with the ways documents write them.
/// Abbreviations are matched with their capitals ("SP", "DENK"), full names in any case, so the verb
/// "denk" or the word "volt" in running text is not a party.
/// </summary>
public static class Parties
{
    /// <summary>All known parties.</summary>
    public static IReadOnlyList<Party> All { get; } =
    [
        P("vvd", "VVD", "VVD", "Volkspartij voor Vrijheid en Democratie"),
        P("pvv", "PVV", "PVV", "Partij voor de Vrijheid"),
        P("cda", "CDA", "CDA", "Christen-Democratisch Appèl", "Christen Democratisch Appèl"),
        P("d66", "D66", "D66", "Democraten 66"),
        P("gl", "GL", "GroenLinks", "Groen Links"),
        P("pvda", "PvdA", "PvdA", "Partij van de Arbeid", "PVDA"),
        P("gl-pvda", "GL-PvdA", "GroenLinks-PvdA", "GroenLinks/PvdA", "GL/PvdA", "GroenLinks PvdA", "GL-PVDA"),
        P("sp", "SP", "SP", "Socialistische Partij"),
        P("pvdd", "PvdD", "Partij voor de Dieren", "PVDD"),
        P("cu", "CU", "ChristenUnie", "Christen Unie", "CU"),
        P("sgp", "SGP", "SGP", "Staatkundig Gereformeerde Partij"),
        P("denk", "DENK", "DENK"),
        P("fvd", "FvD", "Forum voor Democratie", "FVD"),
        P("ja21", "JA21", "JA21"),
        P("volt", "Volt", "Volt", "Volt Nederland"),
        P("bbb", "BBB", "BoerBurgerBeweging", "Boer Burger Beweging", "BoerBurger Beweging"),
        P("nsc", "NSC", "Nieuw Sociaal Contract"),
        P("bij1", "BIJ1", "BIJ1", "Bij1"),
        P("50plus", "50PLUS", "50PLUS", "50Plus"),
        P("bvnl", "BVNL", "BVNL", "Groep Van Haga", "Belang van Nederland"),
        P("groep-krol", "Groep Krol", "Groep Krol"),
        P("groep-van-kooten-arissen", "Groep Van Kooten-Arissen", "Groep Van Kooten-Arissen"),
        P("lid-omtzigt", "Lid Omtzigt", "Lid Omtzigt"),
        P("lid-gundogan", "Lid Gündogan", "Lid Gündogan"),
        P("fractie-den-haan", "Fractie Den Haan", "Fractie Den Haan"),
        P("lid-ephraim", "Lid Ephraim", "Lid Ephraim"),
    ];

    // One-member groups as the open-data ZaakActor's ActorFractie names them: by the member's surname. Only a header
    // or a record field is normalised with these; running text is not (the PartyRecognizer's lexicon leaves them out,
    // or "het lid Omtzigt" would be a party).
    private static readonly (string Alias, string Slug)[] FieldOnlyAliases =
    [
        ("Omtzigt", "lid-omtzigt"), ("Gündogan", "lid-gundogan"), ("Gündoğan", "lid-gundogan"), ("Den Haan", "fractie-den-haan"), ("Ephraim", "lid-ephraim"),
    ];

    private static readonly Dictionary<string, Party> ById = All.ToDictionary(p => p.Id, StringComparer.Ordinal);

    private static readonly Dictionary<string, Party> ByKey = BuildKeys();

    internal static PhraseLexicon<Party> Lexicon { get; } = BuildLexicon();

    /// <summary>The party with this id (<c>party:gl</c>), or null.</summary>
    public static Party? Get(string id) => ById.TryGetValue(id, out var p) ? p : null;

    /// <summary>
    /// Normalises a party as written in a header or between brackets ("GL", "(GroenLinks)", "Partij voor de
    /// Dieren", "gl-pvda") to its id and display name; null when it is not a known party.
    /// </summary>
    public static (string Id, string Name)? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var key = Key(raw.Trim().Trim('(', ')', '[', ']', '.', ',', ' '));
        return ByKey.TryGetValue(key, out var p) ? (p.Id, p.Name) : null;
    }

    /// <summary>
    /// The name a party is shown by, everywhere (CLI, explorer, Neo4j, exports), from its id or any way it is written:
    /// <c>party:volt</c> → "Volt", <c>party:gl</c> or "GL" → "GroenLinks", <c>party:gl-pvda</c> → "GroenLinks-PvdA",
    /// <c>party:bij1</c> → "BIJ1". A party that is not known shows as written, never as an id: <c>party:x-y</c> → "x y".
    /// </summary>
    public static string? DisplayName(string? idOrName)
    {
        if (string.IsNullOrWhiteSpace(idOrName))
        {
            return null;
        }

        var s = idOrName.Trim();
        if (Get(s) is { } byId)
        {
            return byId.Name;
        }

        var raw = s.StartsWith("party:", StringComparison.Ordinal) ? s["party:".Length..].Replace('-', ' ') : s;
        return Normalize(raw) is { } n ? n.Name : raw;
    }

    /// <summary>The party record for a raw name, or null (see <see cref="Normalize"/>).</summary>
    public static Party? Find(string? raw) => Normalize(raw) is { } n ? ById[n.Id] : null;

    private static Party P(string slug, string abbreviation, string name, params string[] aliases) =>
        new($"party:{slug}", abbreviation, name, aliases);

    // Lookup keys ignore case, diacritics, spaces and hyphens: "GL-PvdA", "gl pvda" and "GLPvdA" are one party.
    private static string Key(string s) => TextFold.Slug(s).Replace("-", string.Empty, StringComparison.Ordinal);

    private static Dictionary<string, Party> BuildKeys()
    {
        var d = new Dictionary<string, Party>(StringComparer.Ordinal);
        foreach (var p in All)
        {
            foreach (var a in new[] { p.Abbreviation, p.Name, p.Id["party:".Length..] }.Concat(p.Aliases))
            {
                d.TryAdd(Key(a), p);
            }
        }

        foreach (var (alias, slug) in FieldOnlyAliases)
        {
            d.TryAdd(Key(alias), All.Single(p => p.Id == $"party:{slug}"));
        }

        return d;
    }

    private static PhraseLexicon<Party> BuildLexicon()
    {
        var lex = new PhraseLexicon<Party>();
        foreach (var p in All)
        {
            foreach (var a in new[] { p.Abbreviation, p.Name }.Concat(p.Aliases))
            {
                // Several-word names are unambiguous in any case; short names only with their capitals.
                lex.Add(a, p, ignoreCase: a.Contains(' ', StringComparison.Ordinal) && a.Length > 12);
            }
        }

        return lex;
    }
}
