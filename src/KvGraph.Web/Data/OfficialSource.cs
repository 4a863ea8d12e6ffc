using System.Text.RegularExpressions;

namespace KvGraph.Web.Data;

/// <summary>Where the official text of an id lives, for targets that are cited but not in the corpus.</summary>
public static partial class OfficialSource
{
    private const string Zoek = "https://zoek.officielebekendmakingen.nl/";

    /// <summary>The official address for the id, or null when there is no known public address for its kind.</summary>
    public static string? UrlFor(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (OfficialPublication().IsMatch(id))
        {
            return Zoek + Uri.EscapeDataString(id) + ".html";
        }

        if (ZaakNumber().IsMatch(id))
        {
            // A zaak number of written questions is published as kv-tk-<zaak>.
            return Zoek + "kv-tk-" + Uri.EscapeDataString(id) + ".html";
        }

        if (id.StartsWith("dossier:", StringComparison.Ordinal) && id.Length > "dossier:".Length)
        {
            return Zoek + "dossier/" + Uri.EscapeDataString(id["dossier:".Length..]);
        }

        if (id.StartsWith("ECLI:", StringComparison.OrdinalIgnoreCase))
        {
            return "https://uitspraken.rechtspraak.nl/details?id=" + Uri.EscapeDataString(id);
        }

        return null;
    }

    [GeneratedRegex(@"^(kst|ah-tk|kv-tk|h-tk|h-ek|ah-ek|stcrt|stb|trb|blg)-[A-Za-z0-9\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OfficialPublication();

    [GeneratedRegex(@"^\d{4}Z\d{5}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZaakNumber();
}
