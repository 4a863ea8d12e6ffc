using System.Text.RegularExpressions;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// Letters to parliament (Kamerbrieven) as text: a ministry letterhead with "Datum", "Betreft" and "Kenmerk", then
/// "Geachte voorzitter,". The date is the letter's own; its id is <c>letter:&lt;date&gt;</c>, the id a citation
/// "mijn brief van 18 oktober 2023" resolves to. The kenmerk is kept as an own id.
/// </summary>
internal sealed partial class LetterReader : IDocumentReader
{
    public string Format => "letter";

    public double Detect(SourceDocument source)
    {
        // The ordinal search first: most texts have no "Datum" and are turned away before the case-insensitive one.
        var head = source.Text.AsSpan(0, Math.Min(source.Text.Length, 4000));
        return head.Contains("Datum", StringComparison.Ordinal) && head.Contains("Geachte voorzitter", StringComparison.OrdinalIgnoreCase) ? 0.6 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var normalized = TextNormalizer.Normalize(source.Text);
        var lines = TextNormalizer.Lines(normalized);
        var greeting = lines.FindIndex(l => l.StartsWith("Geachte", StringComparison.OrdinalIgnoreCase));
        var head = lines.Take(greeting < 0 ? 40 : greeting).ToList();

        // The letterhead puts labels and values in two columns, which text extraction often serialises as all labels
        // first: the date and subject are then the first date-like and first non-label lines after "Datum"/"Betreft".
        DateOnly? date = null;
        foreach (var l in head)
        {
            if (l.Length < 60 && DayMonthYearRx().Match(l) is { Success: true } dm && DutchDates.TryParse(dm.Value) is { } d)
            {
                date = d;
                break;
            }
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var ownIds = new List<string>();
        var kenmerkAt = head.FindIndex(l => l == "Kenmerk" || l.StartsWith("Ons kenmerk", StringComparison.Ordinal));
        if (kenmerkAt >= 0 && kenmerkAt + 1 < head.Count)
        {
            var k = head[kenmerkAt + 1].Replace(" ", string.Empty, StringComparison.Ordinal);
            metadata["kenmerk"] = k;
            ownIds.Add(k);
        }

        string? title = null;
        var betreftAt = head.FindIndex(l => l.StartsWith("Betreft", StringComparison.Ordinal));
        if (betreftAt >= 0)
        {
            var inline = head[betreftAt]["Betreft".Length..].Trim();
            title = inline.Length > 0
                ? inline
                : head.Skip(betreftAt + 1).FirstOrDefault(l => l.Length > 3 && DutchDates.TryParse(l) is null && !LabelRx().IsMatch(l));
        }

        var text = new TextBuilder();
        var paragraph = new List<string>();
        foreach (var l in lines.Skip(Math.Max(0, greeting)))
        {
            if (l.Length == 0 || PageFurniture.IsFooter(l) || PageNumberRx().IsMatch(l))
            {
                if (paragraph.Count > 0 && (l.Length == 0 && EndsSentence(paragraph[^1])))
                {
                    text.Paragraph(LineJoiner.Join(paragraph));
                    paragraph.Clear();
                }

                continue;
            }

            paragraph.Add(l);
        }

        if (paragraph.Count > 0)
        {
            text.Paragraph(LineJoiner.Join(paragraph));
        }

        var warnings = new List<string>();
        if (date is null)
        {
            warnings.Add("the letter's date could not be read from its letterhead");
        }

        var doc = new DocumentInfo
        {
            Kind = DocumentKind.Letter,
            Id = date is { } day ? Ids.Letter(day) : ReaderSupport.FileId(source.File),
            Title = title,
            Date = date,
            OwnIds = ownIds,
        };
        return new ReadDocument { Format = Format, Text = text.ToString(), Doc = doc, Metadata = metadata, Warnings = warnings };
    }

    private static bool EndsSentence(string line) => line.Length > 0 && ".?!:;".Contains(line[^1], StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:Datum|Betreft|Kenmerk|Bijlage\(n\)|Uw kenmerk|Ons kenmerk|Contactpersoon)$", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex LabelRx();

    [GeneratedRegex(@"\b[0-9]{1,2}\s+" + DutchDates.MonthPattern + @"\s+[0-9]{4}\b", RegexOptions.IgnoreCase, Patterns.MatchTimeoutMs)]
    private static partial Regex DayMonthYearRx();

    [GeneratedRegex(@"^(?:Pagina\s+)?[0-9]{1,3}(?:\s+van\s+[0-9]{1,3})?$", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex PageNumberRx();
}
