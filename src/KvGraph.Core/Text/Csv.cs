using System.Globalization;
using System.Text;

namespace KvGraph.Core.Text;

/// <summary>
/// RFC 4180 CSV, the one writer the CLI's <c>--format csv</c> and the explorer's <c>format=csv</c> share: a cell is quoted
/// when it holds a comma, quote or line break (quotes doubled), lines end in LF, and a cell that starts with =, +, - or @
/// (and is not a number) gets a leading ' so a spreadsheet never runs a title as a formula.
/// </summary>
public static class Csv
{
    /// <summary>One cell, guarded and quoted as needed.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var v = value.Length > 1 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + value : value;
        return v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>A value as a cell shows it: empty for null, invariant numbers, true/false, a list joined by "; ".</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IEnumerable<string> list => string.Join("; ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>Appends one line: the values as cells, comma-separated, then LF.</summary>
    public static StringBuilder AppendLine(StringBuilder sb, IEnumerable<object?> values)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(values);
        return sb.AppendJoin(',', values.Select(v => Cell(Text(v)))).Append('\n');
    }

    /// <summary>A whole table: the header line, then one line per row.</summary>
    public static string Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var sb = AppendLine(new StringBuilder(), columns);
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"{row.Count} cells for {columns.Count} columns", nameof(rows));
            }

            AppendLine(sb, row);
        }

        return sb.ToString();
    }
}
