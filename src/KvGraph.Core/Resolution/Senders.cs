using System.Text.RegularExpressions;
using KvGraph.Core.Graph;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Who sent a letter, as a short key: the ministry of the minister or state secretary ("Minister van Justitie en
/// Veiligheid", "Staatssecretaris van Justitie en Veiligheid" → <c>justitie-en-veiligheid</c>), or another sender the
/// mention names (the European Commission, parliamentary groups). Two mentions of a letter are one letter only when
/// their senders agree.
/// </summary>
public static partial class Senders
{
    /// <summary>The sender key of an office ("Minister voor Klimaat en Groene Groei" → <c>klimaat-en-groene-groei</c>), or null.</summary>
    public static string? FromOffice(string? office)
    {
        if (string.IsNullOrWhiteSpace(office))
        {
            return null;
        }

        // "Staatssecretaris van Financiën - Fiscaliteit en Belastingdienst", "… (Jeugd, Preventie en Sport)": the ministry is before the portfolio.
        var cut = office.IndexOfAny(['(', '\u2013', '\u2014']);
        var o = (cut > 0 ? office[..cut] : office).Split(" - ")[0].Trim();
        if (Abbreviations.TryGetValue(NodeIds.Slug(o), out var known))
        {
            return known;
        }

        var m = MinistryRx().Match(o);
        var ministry = m.Success ? m.Groups["m"].Value : o;
        var slug = NodeIds.Slug(ministry);
        return slug.Length == 0 ? null : Abbreviations.GetValueOrDefault(slug, slug);
    }

    /// <summary>
    /// The sender a letter mention names itself ("brief vanuit de Europese Commissie", "brief van de minister van
    /// Financiën", "brandbrief van enkele fracties"), or null when it does not (then the citing document's answerer sent it).
    /// </summary>
    public static string? NamedIn(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (quote.Contains("Commissie", StringComparison.Ordinal))
        {
            return "europese-commissie";
        }

        if (quote.Contains("fracties", StringComparison.OrdinalIgnoreCase) || quote.Contains("Kamerleden", StringComparison.OrdinalIgnoreCase))
        {
            return "kamerleden";
        }

        var m = NamedRx().Match(quote);
        return m.Success ? FromOffice(m.Value) : null;
    }

    /// <summary>Ministries as abbreviated in letterheads and signatures.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["bz"] = "buitenlandse-zaken",
        ["vws"] = "volksgezondheid-welzijn-en-sport",
        ["ezk"] = "economische-zaken-en-klimaat",
        ["ez"] = "economische-zaken",
        ["jenv"] = "justitie-en-veiligheid",
        ["jv"] = "justitie-en-veiligheid",
        ["ienw"] = "infrastructuur-en-waterstaat",
        ["ocw"] = "onderwijs-cultuur-en-wetenschap",
        ["szw"] = "sociale-zaken-en-werkgelegenheid",
        ["bzk"] = "binnenlandse-zaken-en-koninkrijksrelaties",
        ["lnv"] = "landbouw-natuur-en-voedselkwaliteit",
        ["lvvn"] = "landbouw-visserij-voedselzekerheid-en-natuur",
        ["fin"] = "financien",
        ["def"] = "defensie",
        ["kgg"] = "klimaat-en-groene-groei",
        ["az"] = "algemene-zaken",
        ["vro"] = "volkshuisvesting-en-ruimtelijke-ordening",
        ["aenm"] = "asiel-en-migratie",
        ["bhos"] = "buitenlandse-handel-en-ontwikkelingshulp",
        ["buitenlandse-handel-en-ontwikkelingssamenwerking"] = "buitenlandse-handel-en-ontwikkelingshulp",
    };

    [GeneratedRegex(@"(?:\b(?:van|voor)\s+|portefeuille\s+)(?<m>\p{L}[\p{L} ,\-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MinistryRx();

    [GeneratedRegex(@"(?:[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+\p{Lu}[\p{L}\-]+(?:,?\s+(?:en|\p{Lu}[\p{L}\-]+))*", RegexOptions.CultureInvariant)]
    private static partial Regex NamedRx();
}
