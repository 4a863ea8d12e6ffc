using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KvGraph.Core.Text;

/// <summary>Dutch month names and dates as they are written in parliamentary documents.</summary>
public static partial class DutchDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["feb"] = 2, ["febr"] = 2,
        ["maart"] = 3, ["mrt"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5,
        ["juni"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["jul"] = 7,
        ["augustus"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9,
        ["oktober"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>
    /// A regex alternation of the month names, long forms first so "maart" wins over "mar".
    /// Abbreviations may carry a dot ("sept.").
    /// </summary>
    public const string MonthPattern =
        @"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan\.?|febr?\.?|mrt\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|okt\.?|nov\.?|dec\.?)";

    /// <summary>The month number of a Dutch month name or abbreviation, or null.</summary>
    public static int? Month(string name)
    {
        var key = name.Trim().TrimEnd('.');
        return Months.TryGetValue(key, out var m) ? m : null;
    }

    /// <summary>
    /// Parses "4 februari 2021", "4 feb. 2021", "04-02-2021" or "2021-02-04" (whitespace and line breaks between parts allowed).
    /// </summary>
    public static DateOnly? TryParse(string text)
    {
        var t = WhiteSpace().Replace(text.Trim(), " ");
        var m = DayMonthYear().Match(t);
        if (m.Success && Month(m.Groups["month"].Value) is { } month)
        {
            return Create(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), month, int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture));
        }

        m = Numeric().Match(t);
        if (m.Success)
        {
            return Create(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture));
        }

        m = Iso().Match(t);
        return m.Success
            ? Create(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["day"].Value, CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>A valid date or null (31 februari is not a date).</summary>
    public static DateOnly? Create(int year, int month, int day) =>
        year is >= 1800 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    /// <summary>ISO form yyyy-mm-dd.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO form yyyy-mm-dd of a date that may be absent, for the edges that keep dates as text (JSON, graph properties).</summary>
    [return: NotNullIfNotNull(nameof(date))]
    public static string? Iso(DateOnly? date) => date is { } d ? Iso(d) : null;

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})\s+(?<month>[a-z]+\.?)\s+(?<year>[0-9]{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<day>[0-9]{1,2})-(?<month>[0-9]{1,2})-(?<year>[0-9]{4})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
