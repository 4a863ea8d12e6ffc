using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>A named list of rows a command prints: a table on a terminal, or JSON, JSON Lines or CSV for tools.</summary>
/// <param name="Name">The stable key in JSON (<c>citations</c>, <c>citedBy</c>) and the section name in CSV.</param>
/// <param name="Title">The table's title on a terminal.</param>
/// <param name="Columns">Column keys (camelCase; the JSON property names and the CSV header).</param>
internal sealed record Sheet(string Name, string Title, IReadOnlyList<string> Columns)
{
    public List<object?[]> Rows { get; } = [];

    /// <summary>How many rows there are in all when the sheet is one page of them (JSON writes it as <c>total</c>), else null.</summary>
    public int? Total { get; init; }

    public Sheet Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"{Name}: {cells.Length} cells for {Columns.Count} columns", nameof(cells));
        }

        Rows.Add(cells);
        return this;
    }
}

/// <summary>
/// <c>--format table|json|jsonl|csv</c>, one implementation for every command that prints data (the contract is in the
/// README): JSON is one object with a property per sheet, each an array of objects keyed by the columns; JSON Lines is one
/// object per row with <c>"sheet"</c> naming its list; CSV (RFC 4180) is the header and rows, with a <c># name</c> line
/// before each list when a command prints more than one. Values keep their type in JSON (numbers, booleans, null).
/// </summary>
internal static class Output
{
    public const string Table = "table";
    public const string Json = "json";
    public const string JsonLines = "jsonl";
    public const string Csv = "csv";

    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The <c>--format</c> option.</summary>
    public static Option<string> FormatOption()
    {
        var format = new Option<string>("--format", "-f") { Description = "table, json, jsonl or csv", DefaultValueFactory = _ => Table };
        format.AcceptOnlyFromAmong(Table, Json, JsonLines, Csv);
        return format;
    }

    /// <summary>Writes the sheets in <paramref name="format"/>; for <see cref="Table"/>, as Spectre tables.</summary>
    public static void Write(IAnsiConsole console, string format, params Sheet[] sheets)
    {
        ArgumentNullException.ThrowIfNull(console);
        switch (format)
        {
            case Json:
                Render.Raw(console, ToJson(sheets) + Environment.NewLine);
                break;
            case JsonLines:
                Render.Raw(console, ToJsonLines(sheets));
                break;
            case Csv:
                Render.Raw(console, ToCsv(sheets));
                break;
            default:
                foreach (var sheet in sheets)
                {
                    var t = new Table().Title(Render.E(sheet.Title)).AddColumns([.. sheet.Columns.Select(c => Render.E(c))]);
                    foreach (var row in sheet.Rows)
                    {
                        t.AddRow([.. row.Select(c => c is Highlighted h ? h.Markup() : Render.E(Text(c)))]);
                    }

                    console.Write(t);
                }

                break;
        }
    }

    public static string ToJson(IReadOnlyList<Sheet> sheets)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Indented))
        {
            w.WriteStartObject();
            foreach (var sheet in sheets.Where(s => s.Total is not null))
            {
                w.WriteNumber(sheets.Count(s => s.Total is not null) == 1 ? "total" : sheet.Name + "Total", sheet.Total!.Value);
            }

            foreach (var sheet in sheets)
            {
                w.WriteStartArray(sheet.Name);
                foreach (var row in sheet.Rows)
                {
                    WriteRow(w, sheet, row, withSheet: false);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static string ToJsonLines(IReadOnlyList<Sheet> sheets)
    {
        var sb = new StringBuilder();
        foreach (var sheet in sheets)
        {
            foreach (var row in sheet.Rows)
            {
                using var buffer = new MemoryStream();
                using (var w = new Utf8JsonWriter(buffer, Compact))
                {
                    WriteRow(w, sheet, row, withSheet: sheets.Count > 1);
                }

                sb.Append(Encoding.UTF8.GetString(buffer.ToArray())).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string ToCsv(IReadOnlyList<Sheet> sheets)
    {
        var sb = new StringBuilder();
        foreach (var sheet in sheets)
        {
            if (sheets.Count > 1)
            {
                sb.Append(sb.Length > 0 ? "\n" : string.Empty).Append("# ").Append(sheet.Name).Append('\n');
            }

            KvGraph.Core.Text.Csv.AppendLine(sb, sheet.Columns);
            foreach (var row in sheet.Rows)
            {
                KvGraph.Core.Text.Csv.AppendLine(sb, row.Select(Text));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled; a leading =, +, -, @ gets
    /// a ' so a spreadsheet never runs a title as a formula (a negative number stays a number).
    /// </summary>
    public static string CsvCell(string value) => KvGraph.Core.Text.Csv.Cell(value);

    private static void WriteRow(Utf8JsonWriter w, Sheet sheet, object?[] row, bool withSheet)
    {
        w.WriteStartObject();
        if (withSheet)
        {
            w.WriteString("sheet", sheet.Name);
        }

        for (var i = 0; i < sheet.Columns.Count; i++)
        {
            w.WritePropertyName(sheet.Columns[i]);
            switch (row[i])
            {
                case null:
                    w.WriteNullValue();
                    break;
                case bool b:
                    w.WriteBooleanValue(b);
                    break;
                case int n:
                    w.WriteNumberValue(n);
                    break;
                case long l:
                    w.WriteNumberValue(l);
                    break;
                case double d:
                    w.WriteNumberValue(Math.Round(d, 4));
                    break;
                case IReadOnlyList<KvGraph.Store.TextSpan> spans:
                    w.WriteStartArray();
                    foreach (var span in spans)
                    {
                        w.WriteStartArray();
                        w.WriteNumberValue(span.Start);
                        w.WriteNumberValue(span.Start + span.Length);
                        w.WriteEndArray();
                    }

                    w.WriteEndArray();
                    break;
                case IEnumerable<string> list:
                    w.WriteStartArray();
                    foreach (var s in list)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStringValue(Text(row[i]));
                    break;
            }
        }

        w.WriteEndObject();
    }

    private static string Text(object? value) => value switch
    {
        Highlighted h => h.Text,
        IReadOnlyList<KvGraph.Store.TextSpan> spans => string.Join("; ", spans.Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Start}-{x.Start + x.Length}"))),
        _ => KvGraph.Core.Text.Csv.Text(value),
    };
}

/// <summary>A cell of plain text with highlighted spans (a search snippet): plain in JSON and CSV, highlighted on a terminal.</summary>
internal sealed record Highlighted(string Text, IReadOnlyList<KvGraph.Store.TextSpan> Spans)
{
    /// <summary>Spectre markup: every piece of the text escaped, the spans in bold yellow.</summary>
    public string Markup()
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var span in Spans.Where(s => s.Start >= 0 && s.Start + s.Length <= Text.Length).OrderBy(s => s.Start))
        {
            if (span.Start < at)
            {
                continue;
            }

            sb.Append(Render.E(Text[at..span.Start])).Append("[bold yellow]").Append(Render.E(Text.Substring(span.Start, span.Length))).Append("[/]");
            at = span.Start + span.Length;
        }

        return sb.Append(Render.E(Text[at..])).ToString();
    }

    public override string ToString() => Text;
}
