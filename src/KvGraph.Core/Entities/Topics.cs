namespace KvGraph.Core.Entities;

/// <summary>A policy topic.</summary>
/// <param name="Id">Canonical id, <c>topic:&lt;slug&gt;</c>.</param>
/// <param name="Name">Display name.</param>
public sealed record Topic(string Id, string Name);

/// <summary>
/// Topics: the document's own subject list (Onderwerpen) plus a small lexicon of policy keywords, each with
/// the inflections and compounds documents use. Kept modest on purpose: a keyword must name its topic on
/// its own ("zorg" alone is usually "worry", so it is not a keyword; "jeugdzorg" is).
/// </summary>
public static class Topics
{
    // topic | forms (';'-separated, matched in any case).
    private static readonly string[] Table =
    [
        "mensenrechten|mensenrechten;mensenrecht;mensenrechtenschending;mensenrechtenschendingen;mensenrechtensituatie;mensenrechtenverdedigers;mensenrechtendialoog;mensenrechtenbeleid;mensenrechtenrapportage",
        "Oeigoeren|Oeigoeren;Oeigoer;Oeigoerse",
        "Xinjiang|Xinjiang",
        "Tibet|Tibet;Tibetaanse;Tibetanen",
        "dwangarbeid|dwangarbeid",
        "genocide|genocide",
        "sancties|sancties;sanctie;sanctieregime;sanctielijst;sanctiepakket;mensenrechtensanctieregime",
        "asiel|asiel;asielzoekers;asielzoeker;asielbeleid;asielaanvragen;asielaanvraag;asielprocedure",
        "migratie|migratie;migratiebeleid;migranten",
        "stikstof|stikstof;stikstofuitstoot;stikstofdepositie;stikstofcrisis",
        "klimaat|klimaat;klimaatverandering;klimaatbeleid;klimaatdoelen;klimaatakkoord",
        "energie|energietransitie;energieprijzen;energievoorziening",
        "corona|corona;coronavirus;coronacrisis;COVID-19;covid",
        "gezondheidszorg|gezondheidszorg;jeugdzorg;ouderenzorg;ggz;geestelijke gezondheidszorg;zorgverzekering;zorgkosten",
        "onderwijs|onderwijs;basisonderwijs;hoger onderwijs;voortgezet onderwijs",
        "wonen|woningmarkt;woningbouw;huurwoningen;woningnood;volkshuisvesting",
        "pensioenen|pensioen;pensioenen;pensioenstelsel",
        "defensie|krijgsmacht;wapenexport;wapenleveranties",
        "handel|handelsbetrekkingen;handelsbeleid;handelsakkoord;handelsverdrag;exportcontrole",
        "imvo|IMVO;maatschappelijk verantwoord ondernemen;due diligence;ketentransparantie",
        "privacy|privacy;gegevensbescherming",
        "terrorisme|terrorisme;terrorismebestrijding",
        "toeslagen|kinderopvangtoeslag;toeslagenaffaire;hersteloperatie",
        "gaswinning|gaswinning;aardbevingen",
        "landbouw|landbouw;veehouderij;landbouwbeleid",
        "persvrijheid|persvrijheid;journalisten",
        "discriminatie|discriminatie;racisme",
    ];

    private static readonly Dictionary<string, Topic> ById = [];

    internal static PhraseLexicon<Topic> Lexicon { get; } = BuildLexicon();

    /// <summary>The topics of the keyword lexicon.</summary>
    public static IReadOnlyCollection<Topic> All => ById.Values;

    /// <summary>The id for a topic as written: "openbare orde en veiligheid" → <c>topic:openbare-orde-en-veiligheid</c>.</summary>
    public static string IdFor(string name) => $"topic:{TextFold.Slug(name)}";

    private static PhraseLexicon<Topic> BuildLexicon()
    {
        var lex = new PhraseLexicon<Topic>();
        foreach (var row in Table)
        {
            var parts = row.Split('|');
            var topic = new Topic(IdFor(parts[0]), parts[0]);
            ById.Add(topic.Id, topic);
            foreach (var form in parts[1].Split(';'))
            {
                lex.Add(form, topic, ignoreCase: true);
            }
        }

        return lex;
    }
}
