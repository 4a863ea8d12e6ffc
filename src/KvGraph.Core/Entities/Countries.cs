namespace KvGraph.Core.Entities;

/// <summary>A country with its ISO 3166-1 alpha-2 code and Dutch display name.</summary>
public sealed record Country(string Code, string Name);

/// <summary>
/// Dutch country names, adjectives and demonyms → ISO 3166-1 alpha-2. Covers the UN members and the
/// territories Dutch parliamentary texts name (Hongkong, Taiwan, Palestijnse Gebieden, Kosovo as XK, the
/// Caribbean countries of the Kingdom). Matching is case-sensitive: Dutch writes these with a capital, and
/// the capital is what separates "Chili" from "chili".
/// </summary>
/// <remarks>
/// Deliberately absent: "Frans" (the first name of Frans Timmermans; the adjective "Franse" is in), bare
/// "Korea" and "Guinea" (ambiguous), "Engels"/"Engelse" (the language), "Holland" (a region), "Tibet"
/// (a region, not a state). Phrases that contain a country word but name something else are blockers.
/// </remarks>
public static class Countries
{
    // code | names | adjectives and demonyms. The first name is the display name.
    private static readonly string[] Table =
    [
        "NL|Nederland;Koninkrijk der Nederlanden|Nederlandse;Nederlands;Nederlanders",
        "CN|China;Volksrepubliek China|Chinese;Chinees;Chinezen",
        "DE|Duitsland|Duitse;Duits;Duitsers",
        "FR|Frankrijk|Franse;Fransman",
        "ES|Spanje|Spaanse;Spaans;Spanjaarden",
        "SE|Zweden|Zweedse;Zweeds",
        "FI|Finland|Finse;Fins",
        "EE|Estland|Estse;Ests;Estlandse",
        "LT|Litouwen|Litouwse;Litouws",
        "LV|Letland|Letse;Lets;Letlandse",
        "LU|Luxemburg|Luxemburgse;Luxemburgs",
        "GB|Verenigd Koninkrijk;VK;UK;Groot-Brittannië;Engeland;Schotland;Wales;Noord-Ierland|Britse;Brits;Britten;Schotse;Noord-Ierse",
        "US|Verenigde Staten;Verenigde Staten van Amerika;VS;USA;Amerika|Amerikaanse;Amerikaans;Amerikanen",
        "CA|Canada|Canadese;Canadees",
        "AU|Australië|Australische;Australisch",
        "NZ|Nieuw-Zeeland|Nieuw-Zeelandse",
        "UA|Oekraïne|Oekraïense;Oekraïens;Oekraïners",
        "RU|Rusland;Russische Federatie|Russische;Russisch;Russen",
        "BY|Belarus;Wit-Rusland|Belarussische;Wit-Russische",
        "IL|Israël|Israëlische;Israëlisch;Israëliërs",
        "PS|Palestina;Palestijnse Gebieden;Palestijnse gebieden;Bezette Palestijnse Gebieden;Gaza;Gazastrook;Westelijke Jordaanoever;Westoever|Palestijnse;Palestijns;Palestijnen",
        "TR|Turkije|Turkse;Turks;Turken",
        "MA|Marokko|Marokkaanse;Marokkaans;Marokkanen",
        "SR|Suriname|Surinaamse;Surinaams;Surinamers",
        "BE|België|Belgische;Belgisch;Belgen",
        "IT|Italië|Italiaanse;Italiaans;Italianen",
        "PL|Polen|Poolse;Pools",
        "HU|Hongarije|Hongaarse;Hongaars",
        "GR|Griekenland|Griekse;Grieks;Grieken",
        "PT|Portugal|Portugese;Portugees",
        "AT|Oostenrijk|Oostenrijkse;Oostenrijks",
        "DK|Denemarken|Deense;Deens",
        "NO|Noorwegen|Noorse;Noors",
        "IE|Ierland|Ierse;Iers",
        "IS|IJsland|IJslandse",
        "CH|Zwitserland|Zwitserse;Zwitsers",
        "LI|Liechtenstein|",
        "MC|Monaco|",
        "AD|Andorra|",
        "SM|San Marino|",
        "VA|Vaticaanstad;Heilige Stoel;Vaticaan|",
        "MT|Malta|Maltese",
        "CY|Cyprus|Cypriotische",
        "CZ|Tsjechië;Tsjechische Republiek|Tsjechische;Tsjechisch",
        "SK|Slowakije|Slowaakse",
        "SI|Slovenië|Sloveense",
        "HR|Kroatië|Kroatische",
        "BA|Bosnië en Herzegovina;Bosnië-Herzegovina;Bosnië|Bosnische",
        "RS|Servië|Servische",
        "ME|Montenegro|Montenegrijnse",
        "MK|Noord-Macedonië;Macedonië|Noord-Macedonische;Macedonische",
        "AL|Albanië|Albanese",
        "XK|Kosovo|Kosovaarse",
        "RO|Roemenië|Roemeense",
        "BG|Bulgarije|Bulgaarse",
        "MD|Moldavië;Moldova|Moldavische",
        "GE|Georgië|Georgische",
        "AM|Armenië|Armeense",
        "AZ|Azerbeidzjan|Azerbeidzjaanse",
        "KZ|Kazachstan|Kazachse",
        "UZ|Oezbekistan|Oezbeekse",
        "TM|Turkmenistan|Turkmeense",
        "KG|Kirgizië;Kirgizstan|Kirgizische",
        "TJ|Tadzjikistan|Tadzjiekse",
        "AF|Afghanistan|Afghaanse;Afghaans;Afghanen",
        "PK|Pakistan|Pakistaanse",
        "IN|India|Indiase;Indiaas",
        "BD|Bangladesh|Bengalese;Bangladeshi",
        "LK|Sri Lanka|Sri Lankaanse",
        "NP|Nepal|Nepalese",
        "BT|Bhutan|",
        "MV|Maldiven|",
        "MM|Myanmar;Birma|Myanmarese;Birmese",
        "TH|Thailand|Thaise",
        "LA|Laos|Laotiaanse",
        "KH|Cambodja|Cambodjaanse",
        "VN|Vietnam|Vietnamese",
        "MY|Maleisië|Maleisische",
        "SG|Singapore|Singaporese",
        "ID|Indonesië|Indonesische",
        "PH|Filipijnen|Filipijnse",
        "BN|Brunei|",
        "TL|Oost-Timor;Timor-Leste|",
        "JP|Japan|Japanse;Japans",
        "KR|Zuid-Korea|Zuid-Koreaanse",
        "KP|Noord-Korea|Noord-Koreaanse",
        "MN|Mongolië|Mongoolse",
        "TW|Taiwan|Taiwanese",
        "HK|Hongkong;Hong Kong|Hongkongse",
        "MO|Macau|",
        "IR|Iran|Iraanse;Iraans",
        "IQ|Irak|Iraakse;Iraaks",
        "SY|Syrië|Syrische;Syrisch;Syriërs",
        "LB|Libanon|Libanese",
        "JO|Jordanië|Jordaanse",
        "SA|Saoedi-Arabië|Saoedische;Saoedi-Arabische",
        "YE|Jemen|Jemenitische",
        "OM|Oman|",
        "AE|Verenigde Arabische Emiraten;VAE|",
        "QA|Qatar;Katar|Qatarese",
        "KW|Koeweit|Koeweitse",
        "BH|Bahrein|",
        "EG|Egypte|Egyptische",
        "LY|Libië|Libische",
        "TN|Tunesië|Tunesische",
        "DZ|Algerije|Algerijnse",
        "MR|Mauritanië|",
        "SN|Senegal|Senegalese",
        "GM|Gambia|",
        "GN|Guinee|",
        "GW|Guinee-Bissau|",
        "SL|Sierra Leone|",
        "LR|Liberia|Liberiaanse",
        "CI|Ivoorkust|Ivoriaanse",
        "GH|Ghana|Ghanese",
        "BF|Burkina Faso|",
        "ML|Mali|Malinese",
        "NE|Niger|",
        "NG|Nigeria|Nigeriaanse",
        "TG|Togo|",
        "BJ|Benin|",
        "CM|Kameroen|Kameroense",
        "TD|Tsjaad|",
        "CF|Centraal-Afrikaanse Republiek|",
        "SD|Soedan|Soedanese",
        "SS|Zuid-Soedan|Zuid-Soedanese",
        "ET|Ethiopië|Ethiopische",
        "ER|Eritrea|Eritrese;Eritreeërs",
        "DJ|Djibouti|",
        "SO|Somalië|Somalische",
        "KE|Kenia|Keniaanse",
        "UG|Oeganda|Oegandese",
        "RW|Rwanda|Rwandese",
        "BI|Burundi|Burundese",
        "TZ|Tanzania|Tanzaniaanse",
        "CD|Democratische Republiek Congo;DR Congo;DRC;Congo|Congolese",
        "CG|Republiek Congo;Congo-Brazzaville|",
        "GA|Gabon|",
        "GQ|Equatoriaal-Guinea|",
        "ST|Sao Tomé en Principe|",
        "AO|Angola|Angolese",
        "ZM|Zambia|",
        "ZW|Zimbabwe|Zimbabwaanse",
        "MW|Malawi|",
        "MZ|Mozambique|Mozambikaanse",
        "MG|Madagaskar|",
        "MU|Mauritius|",
        "SC|Seychellen|",
        "KM|Comoren|",
        "CV|Kaapverdië|",
        "NA|Namibië|Namibische",
        "BW|Botswana|",
        "ZA|Zuid-Afrika|Zuid-Afrikaanse",
        "LS|Lesotho|",
        "SZ|Eswatini;Swaziland|",
        "MX|Mexico|Mexicaanse",
        "GT|Guatemala|",
        "BZ|Belize|",
        "HN|Honduras|",
        "SV|El Salvador|",
        "NI|Nicaragua|",
        "CR|Costa Rica|",
        "PA|Panama|",
        "CU|Cuba|Cubaanse",
        "HT|Haïti|Haïtiaanse",
        "DO|Dominicaanse Republiek|",
        "DM|Dominica|",
        "JM|Jamaica|Jamaicaanse",
        "BS|Bahama's;Bahamas|",
        "BB|Barbados|",
        "TT|Trinidad en Tobago|",
        "GD|Grenada|",
        "LC|Saint Lucia|",
        "VC|Saint Vincent en de Grenadines|",
        "KN|Saint Kitts en Nevis|",
        "AG|Antigua en Barbuda|",
        "CO|Colombia|Colombiaanse",
        "VE|Venezuela|Venezolaanse",
        "GY|Guyana|",
        "EC|Ecuador|Ecuadoraanse",
        "PE|Peru|Peruaanse",
        "BO|Bolivia|Boliviaanse",
        "BR|Brazilië|Braziliaanse",
        "PY|Paraguay|",
        "UY|Uruguay|",
        "AR|Argentinië|Argentijnse",
        "CL|Chili|Chileense",
        "FJ|Fiji|",
        "PG|Papoea-Nieuw-Guinea|",
        "SB|Salomonseilanden|",
        "VU|Vanuatu|",
        "WS|Samoa|",
        "TO|Tonga|",
        "TV|Tuvalu|",
        "KI|Kiribati|",
        "NR|Nauru|",
        "PW|Palau|",
        "MH|Marshalleilanden|",
        "FM|Micronesië|",
        "AW|Aruba|Arubaanse",
        "CW|Curaçao|Curaçaose",
        "SX|Sint Maarten|",
        "GL|Groenland|",
        "TC|Turks- en Caicoseilanden|",
    ];

    // Phrases that contain a country word but are not that country.
    private static readonly string[] Blockers =
    [
        "Zuid-Amerika", "Zuid-Amerikaanse", "Noord-Amerika", "Noord-Amerikaanse", "Latijns-Amerika", "Latijns-Amerikaanse",
        "Midden-Amerika", "Midden-Amerikaanse", "Nieuw-Guinea", "Turks fruit", "Nederlandse Antillen", "Frans-Guyana",
        "Nieuw-Nederland", "Indiase Oceaan", "Brits-Indië",
    ];

    private static readonly Dictionary<string, Country> ByCode = BuildByCode();

    internal static PhraseLexicon<Country> Lexicon { get; } = BuildLexicon();

    /// <summary>Every country, by code.</summary>
    public static IReadOnlyCollection<Country> All => ByCode.Values;

    /// <summary>The country with this ISO alpha-2 code, or null.</summary>
    public static Country? Get(string code) => ByCode.TryGetValue(code.ToUpperInvariant(), out var c) ? c : null;

    /// <summary>"Duitsland", "Duitse", "Australié" (OCR) → DE/AU…; null when the whole text is no country.</summary>
    public static Country? Normalize(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : Lexicon.Lookup(raw.Trim());

    private static Dictionary<string, Country> BuildByCode()
    {
        var d = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var row in Table)
        {
            var parts = row.Split('|');
            d.Add(parts[0], new Country(parts[0], parts[1].Split(';')[0]));
        }

        return d;
    }

    private static PhraseLexicon<Country> BuildLexicon()
    {
        var lex = new PhraseLexicon<Country>();
        foreach (var b in Blockers)
        {
            lex.Add(b, null);
        }

        foreach (var row in Table)
        {
            var parts = row.Split('|');
            var country = ByCode[parts[0]];
            foreach (var word in parts[1].Split(';').Concat(parts[2].Split(';', StringSplitOptions.RemoveEmptyEntries)))
            {
                lex.Add(word, country);
            }
        }

        return lex;
    }
}
