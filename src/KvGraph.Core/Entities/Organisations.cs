namespace KvGraph.Core.Entities;

/// <summary>An organisation: international bodies, EU institutions and Dutch public and civil bodies.</summary>
/// <param name="Id">Canonical id, <c>org:&lt;slug&gt;</c> (<c>org:vn</c>, <c>org:vn-mensenrechtenraad</c>).</param>
/// <param name="Name">Display name.</param>
public sealed record Organisation(string Id, string Name);

/// <summary>
/// Known organisations and the ways documents write them. The longest phrase wins, so
/// "VN-Mensenrechtenraad" is the Human Rights Council and not also the VN at the same span.
/// Abbreviations match with their capitals only ("OM", "NS", "IND"); full names in any case.
/// </summary>
public static class Organisations
{
    // slug | display name | aliases (';'-separated). Aliases of 5 characters or less are case-sensitive.
    private static readonly string[] Table =
    [
        "vn|Verenigde Naties|VN;Verenigde Naties;UN;United Nations;V.N.",
        "vn-mensenrechtenraad|VN-Mensenrechtenraad|VN-Mensenrechtenraad;Mensenrechtenraad;Mensenrechtenraad van de VN;Mensenrechtenraad van de Verenigde Naties;UN Human Rights Council;Human Rights Council;UNHRC",
        "vn-hoge-commissaris-mensenrechten|VN Hoge Commissaris voor de Mensenrechten|VN Hoge Commissaris voor de Mensenrechten;VN Hoge Commissaris voor Mensenrechten;VN-Hoge Commissaris voor de Mensenrechten;Hoge Commissaris voor de Mensenrechten;Hoge Commissaris voor Mensenrechten;Hoge Commissaris voor de Mensenrechten van de VN;Hoge Commissaris voor de Mensenrechten van de Verenigde Naties;OHCHR;UN High Commissioner for Human Rights",
        "vn-algemene-vergadering|Algemene Vergadering van de VN|Algemene Vergadering van de VN;Algemene Vergadering van de Verenigde Naties;VN Algemene Vergadering;VN-Algemene Vergadering;AVVN;UNGA",
        "vn-veiligheidsraad|VN-Veiligheidsraad|VN-Veiligheidsraad;Veiligheidsraad;Veiligheidsraad van de VN;Veiligheidsraad van de Verenigde Naties;UNSC",
        "unhcr|UNHCR|UNHCR;VN-Vluchtelingenorganisatie;VN-vluchtelingenorganisatie",
        "unicef|UNICEF|UNICEF;Unicef",
        "unesco|UNESCO|UNESCO;Unesco",
        "unrwa|UNRWA|UNRWA",
        "who|Wereldgezondheidsorganisatie|WHO;Wereldgezondheidsorganisatie;World Health Organization",
        "imf|Internationaal Monetair Fonds|IMF;Internationaal Monetair Fonds",
        "wereldbank|Wereldbank|Wereldbank;World Bank",
        "wto|Wereldhandelsorganisatie|WTO;Wereldhandelsorganisatie",
        "ilo|Internationale Arbeidsorganisatie|ILO;Internationale Arbeidsorganisatie",
        "iaea|IAEA|IAEA;Internationaal Atoomenergieagentschap",
        "icc|Internationaal Strafhof|ICC;Internationaal Strafhof;International Criminal Court",
        "icj|Internationaal Gerechtshof|ICJ;Internationaal Gerechtshof",
        "opcw|OPCW|OPCW;Organisatie voor het Verbod op Chemische Wapens",
        "eu|Europese Unie|EU;Europese Unie;E.U.",
        "europese-commissie|Europese Commissie|Europese Commissie;EC",
        "europees-parlement|Europees Parlement|Europees Parlement;EP",
        "europese-raad|Europese Raad|Europese Raad",
        "raad-van-de-eu|Raad van de Europese Unie|Raad van de Europese Unie;Raad van de EU",
        "raad-buitenlandse-zaken|Raad Buitenlandse Zaken|Raad Buitenlandse Zaken;RBZ",
        "eu-hof-van-justitie|Hof van Justitie van de Europese Unie|Hof van Justitie van de Europese Unie;Hof van Justitie van de EU;Europees Hof van Justitie;HvJ EU",
        "ehrm|Europees Hof voor de Rechten van de Mens|EHRM;Europees Hof voor de Rechten van de Mens",
        "raad-van-europa|Raad van Europa|Raad van Europa",
        "navo|NAVO|NAVO;NATO;Noord-Atlantische Verdragsorganisatie",
        "oeso|OESO|OESO;OECD;Organisatie voor Economische Samenwerking en Ontwikkeling",
        "ovse|OVSE|OVSE;OSCE;Organisatie voor Veiligheid en Samenwerking in Europa",
        "frontex|Frontex|Frontex",
        "europol|Europol|Europol",
        "interpol|Interpol|Interpol",
        "g20|G20|G20",
        "g7|G7|G7",
        "asean|ASEAN|ASEAN",
        "afrikaanse-unie|Afrikaanse Unie|Afrikaanse Unie",
        "arabische-liga|Arabische Liga|Arabische Liga",
        "amnesty-international|Amnesty International|Amnesty International;Amnesty",
        "human-rights-watch|Human Rights Watch|Human Rights Watch",
        "rode-kruis|Rode Kruis|Rode Kruis;Internationale Comité van het Rode Kruis;ICRC",
        "artsen-zonder-grenzen|Artsen zonder Grenzen|Artsen zonder Grenzen",
        "vno-ncw|VNO-NCW|VNO-NCW;VNO NCW",
        "mkb-nederland|MKB-Nederland|MKB-Nederland",
        "fnv|FNV|FNV",
        "cnv|CNV|CNV",
        "lto|LTO Nederland|LTO;LTO Nederland",
        "nza|Nederlandse Zorgautoriteit|NZa;Nederlandse Zorgautoriteit",
        "prorail|ProRail|ProRail",
        "ns|Nederlandse Spoorwegen|NS;Nederlandse Spoorwegen",
        "rivm|RIVM|RIVM;Rijksinstituut voor Volksgezondheid en Milieu",
        "cbs|Centraal Bureau voor de Statistiek|CBS;Centraal Bureau voor de Statistiek",
        "cpb|Centraal Planbureau|CPB;Centraal Planbureau",
        "scp|Sociaal en Cultureel Planbureau|SCP;Sociaal en Cultureel Planbureau",
        "pbl|Planbureau voor de Leefomgeving|PBL;Planbureau voor de Leefomgeving",
        "wrr|WRR|WRR;Wetenschappelijke Raad voor het Regeringsbeleid",
        "aiv|Adviesraad Internationale Vraagstukken|AIV;Adviesraad Internationale Vraagstukken",
        "aivd|AIVD|AIVD;Algemene Inlichtingen- en Veiligheidsdienst",
        "mivd|MIVD|MIVD;Militaire Inlichtingen- en Veiligheidsdienst",
        "nctv|NCTV|NCTV;Nationaal Coördinator Terrorismebestrijding en Veiligheid",
        "ind|IND|IND;Immigratie- en Naturalisatiedienst",
        "coa|COA|COA;Centraal Orgaan opvang asielzoekers",
        "belastingdienst|Belastingdienst|Belastingdienst",
        "uwv|UWV|UWV",
        "svb|SVB|SVB;Sociale Verzekeringsbank",
        "duo|DUO|DUO;Dienst Uitvoering Onderwijs",
        "raad-van-state|Raad van State|Raad van State",
        "algemene-rekenkamer|Algemene Rekenkamer|Algemene Rekenkamer;Rekenkamer",
        "nationale-ombudsman|Nationale ombudsman|Nationale ombudsman;Nationale Ombudsman",
        "om|Openbaar Ministerie|OM;Openbaar Ministerie",
        "politie|Nationale Politie|Nationale Politie",
        "koninklijke-marechaussee|Koninklijke Marechaussee|Koninklijke Marechaussee;KMar",
        "acm|Autoriteit Consument en Markt|ACM;Autoriteit Consument en Markt",
        "afm|Autoriteit Financiële Markten|AFM;Autoriteit Financiële Markten",
        "autoriteit-persoonsgegevens|Autoriteit Persoonsgegevens|Autoriteit Persoonsgegevens",
        "dnb|De Nederlandsche Bank|DNB;De Nederlandsche Bank;Nederlandsche Bank",
        "knmi|KNMI|KNMI",
        "rijkswaterstaat|Rijkswaterstaat|Rijkswaterstaat",
        "nvwa|NVWA|NVWA;Nederlandse Voedsel- en Warenautoriteit",
        "staatsbosbeheer|Staatsbosbeheer|Staatsbosbeheer",
        "college-rechten-van-de-mens|College voor de Rechten van de Mens|College voor de Rechten van de Mens",
        "nwo|NWO|NWO",
        "knaw|KNAW|KNAW",
        "ggd|GGD|GGD;GGD GHOR Nederland",
        "vng|VNG|VNG;Vereniging van Nederlandse Gemeenten",
        "ipo|IPO|Interprovinciaal Overleg",
        "tweede-kamer|Tweede Kamer|Tweede Kamer;Tweede Kamer der Staten-Generaal",
        "eerste-kamer|Eerste Kamer|Eerste Kamer;Eerste Kamer der Staten-Generaal",
    ];

    private static readonly Dictionary<string, Organisation> ById = [];

    internal static PhraseLexicon<Organisation> Lexicon { get; } = BuildLexicon();

    /// <summary>Every known organisation.</summary>
    public static IReadOnlyCollection<Organisation> All => ById.Values;

    /// <summary>The organisation with this id, or null.</summary>
    public static Organisation? Get(string id) => ById.TryGetValue(id, out var o) ? o : null;

    /// <summary>"VN Mensenrechtenraad", "NATO" → the organisation; null when the whole text is none.</summary>
    public static Organisation? Normalize(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : Lexicon.Lookup(raw.Trim());

    private static PhraseLexicon<Organisation> BuildLexicon()
    {
        var lex = new PhraseLexicon<Organisation>();

        // "EC" and "EP" are too often something else (an article, a page) unless spelled out; "Amnesty" alone
        // is the organisation, but "amnestie" is not, which the case-sensitive short form keeps apart.
        foreach (var row in Table)
        {
            var parts = row.Split('|');
            var org = new Organisation($"org:{parts[0]}", parts[1]);
            ById.Add(org.Id, org);
            foreach (var alias in parts[2].Split(';'))
            {
                if (alias is "EC" or "EP")
                {
                    continue;
                }

                lex.Add(alias, org, ignoreCase: alias.Length > 5 && alias.Contains(' ', StringComparison.Ordinal));
            }
        }

        return lex;
    }
}
