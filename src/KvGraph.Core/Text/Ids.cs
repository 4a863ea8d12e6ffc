using System.Globalization;
using System.Text.RegularExpressions;

namespace KvGraph.Core.Text;

/// <summary>
/// Canonical identifiers, following officielebekendmakingen where it has one:
/// <c>kst-21501-20-1591</c>, <c>dossier:21501-20</c>, <c>ah-tk-20202021-2302</c>, <c>h-tk-20232024-45-12</c>,
/// <c>kv-tk-2021Z02286</c>, zaak <c>2021Z02286</c>, <c>letter:2018-08-27</c>, ECLI as is.
/// </summary>
public static partial class Ids
{
    /// <summary>
    /// Normalises a dossier as written ("21 501-20", "35 570 V", "35 300-XV", "36200 VII") to "21501-20", "35570-V", "35300-XV", "36200-VII".
    /// Returns null when the text is not a dossier.
    /// </summary>
    public static string? NormalizeDossier(string raw)
    {
        var m = DossierRx().Match(raw.Trim());
        if (!m.Success)
        {
            return null;
        }

        var main = m.Groups["main"].Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00a0", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal);
        if (main.Length is < 4 or > 6)
        {
            return null;
        }

        var suffix = m.Groups["suffix"].Value.Trim(' ', '-', '\u2013', '\u00a0').ToUpperInvariant().Replace(' ', '-');
        return suffix.Length == 0 ? main : $"{main}-{suffix}";
    }

    /// <summary><c>kst-&lt;dossier&gt;-&lt;nr&gt;</c> from a dossier as written and a number.</summary>
    public static string? Kamerstuk(string dossierRaw, string number)
    {
        var dossier = NormalizeDossier(dossierRaw);
        var nr = number.Trim();
        return dossier is null || nr.Length == 0 ? null : $"kst-{dossier}-{nr}";
    }

    /// <summary><c>dossier:&lt;dossier&gt;</c>.</summary>
    public static string? Dossier(string dossierRaw) => NormalizeDossier(dossierRaw) is { } d ? $"dossier:{d}" : null;

    /// <summary>The dossier part of a <c>kst-</c> id ("kst-35570-V-43" → "35570-V"), or null.</summary>
    public static string? DossierOfKamerstuk(string kstId)
    {
        if (!kstId.StartsWith("kst-", StringComparison.Ordinal))
        {
            return null;
        }

        var last = kstId.LastIndexOf('-');
        return last > 4 ? kstId[4..last] : null;
    }

    /// <summary>
    /// Normalises a vergaderjaar ("2020-2021", "2020–2021", "2020/21", "2020/2021", "20202021") to "20202021"; null if it is not one.
    /// </summary>
    public static string? Vergaderjaar(string raw)
    {
        var m = VergaderjaarRx().Match(raw.Trim());
        if (!m.Success)
        {
            return null;
        }

        var first = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = m.Groups["b"].Value;
        var second = b.Length == 2 ? (first / 100 * 100) + int.Parse(b, CultureInfo.InvariantCulture) : int.Parse(b, CultureInfo.InvariantCulture);
        if (second < first)
        {
            second += 100; // 1999/00
        }

        return second == first + 1 ? $"{first}{second}" : null;
    }

    /// <summary><c>ah-tk-&lt;vj&gt;-&lt;nr&gt;</c>.</summary>
    public static string Aanhangsel(string vergaderjaar, string number) => $"ah-tk-{vergaderjaar}-{number.Trim()}";

    /// <summary><c>h-tk-&lt;vj&gt;-&lt;nr&gt;[-&lt;item&gt;]</c>.</summary>
    public static string Handelingen(string vergaderjaar, string number, string? item = null) =>
        string.IsNullOrWhiteSpace(item) ? $"h-tk-{vergaderjaar}-{number.Trim()}" : $"h-tk-{vergaderjaar}-{number.Trim()}-{item.Trim()}";

    /// <summary><c>kv-tk-&lt;zaak&gt;</c>, the id of the written questions of a zaak.</summary>
    public static string Question(string zaak) => $"kv-tk-{zaak}";

    /// <summary><c>letter:yyyy-mm-dd</c>.</summary>
    public static string Letter(DateOnly date) => $"letter:{DutchDates.Iso(date)}";

    /// <summary>True for a well-formed zaak number (2021Z02286).</summary>
    public static bool IsZaak(string text) => ZaakRx().IsMatch(text);

    /// <summary>
    /// Reads a zaak number. A clean one ("2021Z02286", also lower-case z) is returned as is. OCR damage that turns
    /// the Z into a digit ("2019219189", "2018715781") is repaired only when <paramref name="kenmerkContext"/> says the
    /// token stands where a zaak/kenmerk is expected, because a bare ten-digit number is far more often something else.
    /// </summary>
    public static bool TryReadZaak(string token, bool kenmerkContext, out string zaak, out bool corrected)
    {
        zaak = string.Empty;
        corrected = false;
        var t = token.Trim();
        var m = ZaakRx().Match(t);
        if (m.Success && m.Length == t.Length)
        {
            zaak = $"{t[..4]}Z{t[5..]}";
            return true;
        }

        // OCR: Z read as 2 or 7 (and rarely as a 1): yyyy?nnnnn with a plausible year.
        if (kenmerkContext && OcrZaakRx().Match(t) is { Success: true } o && o.Length == t.Length)
        {
            var year = int.Parse(t[..4], CultureInfo.InvariantCulture);
            if (year is >= 1995 and <= 2100)
            {
                zaak = $"{t[..4]}Z{t[5..]}";
                corrected = true;
                return true;
            }
        }

        return false;
    }

    /// <summary>The year in a zaak number, used to date documents whose date is missing.</summary>
    public static int? YearOfZaak(string? zaak) =>
        zaak is { Length: >= 4 } && int.TryParse(zaak.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    [GeneratedRegex(@"^(?<main>[0-9]{2}[ \u00a0.]?[0-9]{3}|[0-9]{4,6})(?<suffix>(?:[ \u00a0]?[-\u2013][ \u00a0]?[0-9A-Za-z]{1,5}|[ \u00a0][IVXL]{1,6}(?![a-z])|[ \u00a0][A-Z](?![a-z]))*)", RegexOptions.CultureInvariant)]
    private static partial Regex DossierRx();

    [GeneratedRegex(@"^(?<a>(?:19|20)[0-9]{2})\s*[-\u2013/]\s*(?<b>(?:19|20)?[0-9]{2})$|^(?<a>(?:19|20)[0-9]{2})(?<b>(?:19|20)[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex VergaderjaarRx();

    [GeneratedRegex(@"(?:19|20)[0-9]{2}[Zz][0-9]{5}", RegexOptions.CultureInvariant)]
    private static partial Regex ZaakRx();

    [GeneratedRegex(@"(?:19|20)[0-9]{2}[271][0-9]{5}", RegexOptions.CultureInvariant)]
    private static partial Regex OcrZaakRx();
}
