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

        var m = MinistryRx().Match(office);
        var ministry = m.Success ? m.Groups["m"].Value : office;
        var slug = NodeIds.Slug(ministry);
        return slug.Length == 0 ? null : slug;
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

    [GeneratedRegex(@"(?:\b(?:van|voor)\s+|portefeuille\s+)(?<m>\p{L}[\p{L} ,\-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex MinistryRx();

    [GeneratedRegex(@"(?:[Mm]inister|[Ss]taatssecretaris)\s+(?:van|voor)\s+\p{Lu}[\p{L}\-]+(?:,?\s+(?:en|\p{Lu}[\p{L}\-]+))*", RegexOptions.CultureInvariant)]
    private static partial Regex NamedRx();
}
