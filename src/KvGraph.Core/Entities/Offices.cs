namespace KvGraph.Core.Entities;

/// <summary>A ministry or a minister's post.</summary>
/// <param name="Id">Canonical id, <c>office:&lt;slug of the portfolio&gt;</c> (<c>office:buitenlandse-zaken</c>).</param>
/// <param name="Name">The portfolio as written after "Ministerie van"/"Minister voor" ("Buitenlandse Zaken").</param>
/// <param name="Abbreviation">The usual abbreviation (BZ, VWS), or null.</param>
public sealed record Office(string Id, string Name, string? Abbreviation);

/// <summary>
/// Ministries and ministers' posts, current and recent, with their abbreviations. Ministries and the
/// minister at their head share one id ("Ministerie van Buitenlandse Zaken" and "Minister van Buitenlandse
/// Zaken" are both <c>office:buitenlandse-zaken</c>); a minister without portfolio has the id of the post
/// ("Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking").
/// </summary>
public static class Offices
{
    // slug-source name | abbreviation | other names and abbreviations. Abbreviations marked with '!' are
    // only an office after "ministerie van"/"minister van" ("AZ" alone is a football club, "EZ" a word).
    private static readonly string[] Table =
    [
        "Algemene Zaken|AZ!|",
        "Buitenlandse Zaken|BZ!|BuZa",
        "Binnenlandse Zaken en Koninkrijksrelaties|BZK|Binnenlandse Zaken;BiZa",
        "Defensie|DEF!|Def!",
        "Economische Zaken en Klimaat|EZK|",
        "Economische Zaken|EZ!|",
        "Klimaat en Groene Groei|KGG|",
        "Financiën|FIN!|Fin!",
        "Infrastructuur en Waterstaat|IenW|I&W;IenW;IW!",
        "Infrastructuur en Milieu|IenM|I&M",
        "Justitie en Veiligheid|JenV|J&V;JenV;JV!",
        "Veiligheid en Justitie|VenJ|V&J",
        "Landbouw, Natuur en Voedselkwaliteit|LNV|Landbouw Natuur en Voedselkwaliteit",
        "Landbouw, Visserij, Voedselzekerheid en Natuur|LVVN|",
        "Onderwijs, Cultuur en Wetenschap|OCW|OC&W;OCenW",
        "Sociale Zaken en Werkgelegenheid|SZW|",
        "Volksgezondheid, Welzijn en Sport|VWS|",
        "Volkshuisvesting en Ruimtelijke Ordening|VRO|",
        "Asiel en Migratie|AenM|A&M",
        "Buitenlandse Handel en Ontwikkelingssamenwerking|BHOS|BH&OS;BHenOS",
        "Ontwikkelingssamenwerking|OS!|",
        "Buitenlandse Handel|BH!|",
        "Europese Zaken||",
        "Rechtsbescherming||",
        "Medische Zorg en Sport||Medische Zorg",
        "Langdurige Zorg en Sport||Langdurige Zorg",
        "Primair en Voortgezet Onderwijs||Basis- en Voortgezet Onderwijs en Media;Primair en Voortgezet Onderwijs en Media",
        "Hoger Onderwijs||",
        "Klimaat en Energie||Klimaat- en Energiebeleid",
        "Natuur en Stikstof||",
        "Armoedebeleid, Participatie en Pensioenen||Armoedebeleid",
        "Koninkrijksrelaties en Digitalisering||Digitalisering en Koninkrijksrelaties",
        "Jeugd, Preventie en Sport||",
        "Herstel en Groningen||Mijnbouw",
        "Fiscaliteit en Belastingdienst||Fiscaliteit, Belastingdienst en Douane;Toeslagen en Douane",
        "Migratie||",
    ];

    private static readonly string[] Prefixes =
    [
        "ministerie van", "ministerie voor", "minister van", "minister voor", "staatssecretaris van", "staatssecretaris voor",
        "departement van", "ministers van", "minister-president, minister van",
    ];

    private static readonly Dictionary<string, Office> ById = [];

    internal static PhraseLexicon<Office> Lexicon { get; } = BuildLexicon();

    /// <summary>Every known office.</summary>
    public static IReadOnlyCollection<Office> All => ById.Values;

    /// <summary>The office with this id, or null.</summary>
    public static Office? Get(string id) => ById.TryGetValue(id, out var o) ? o : null;

    /// <summary>
    /// The office a phrase names: "Minister van Buitenlandse Zaken", "minister buitenlandse zaken",
    /// "minister zonder portefeuille buitenlandse zaken", "ministerie van VWS", "BZK". The first office the
    /// phrase contains wins; null when it names none.
    /// </summary>
    public static Office? Normalize(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : Found.Get(raw);

    /// <summary>The lexicon's answer per phrase, worked out once: the same offices head every answer of a ministry.</summary>
    private static readonly Text.StringMemo<Office?> Found = new(raw => Lexicon.FirstIn(raw));

    /// <summary>The canonical id of an office name as written, or null.</summary>
    public static string? IdOf(string? raw) => Normalize(raw)?.Id;

    private static PhraseLexicon<Office> BuildLexicon()
    {
        var lex = new PhraseLexicon<Office>();

        // The EU's Council of foreign ministers is not the ministry.
        lex.Add("Raad Buitenlandse Zaken", null, ignoreCase: true);

        foreach (var row in Table)
        {
            var parts = row.Split('|');
            var name = parts[0];
            var abbreviation = parts[1].TrimEnd('!');
            var office = new Office($"office:{TextFold.Slug(name)}", name, abbreviation.Length == 0 ? null : abbreviation);
            ById.Add(office.Id, office);

            var names = new List<(string Text, bool NeedsPrefix, bool IsAbbreviation)> { (name, SingleWord(name), false) };
            if (parts[1].Length > 0)
            {
                names.Add((abbreviation, parts[1].EndsWith('!'), true));
            }

            foreach (var alias in parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var a = alias.TrimEnd('!');
                var isAbbreviation = !a.Contains(' ', StringComparison.Ordinal) && a.Any(char.IsUpper) && a.Length <= 6;
                names.Add((a, alias.EndsWith('!') || (!isAbbreviation && SingleWord(a)), isAbbreviation));
            }

            foreach (var (text, needsPrefix, isAbbreviation) in names)
            {
                if (!needsPrefix)
                {
                    // Several-word portfolios are unmistakable in any case ("minister buitenlandse zaken" in a
                    // header); abbreviations and one-word names keep their capitals.
                    lex.Add(text, office, ignoreCase: !isAbbreviation && !SingleWord(text));
                }
                else if (!isAbbreviation)
                {
                    // "Defensie", "Financiën" with a capital in running text are the ministry.
                    lex.Add(text, office);
                }

                foreach (var prefix in Prefixes)
                {
                    lex.Add($"{prefix} {text}", office, ignoreCase: !isAbbreviation);
                    if (isAbbreviation)
                    {
                        lex.Add($"{char.ToUpperInvariant(prefix[0])}{prefix[1..]} {text}", office);
                    }
                }
            }
        }

        return lex;
    }

    private static bool SingleWord(string s) => !s.Contains(' ', StringComparison.Ordinal);
}
