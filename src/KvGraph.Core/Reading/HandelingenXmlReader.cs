using System.Text.RegularExpressions;
using System.Text;
using System.Xml.Linq;
using System.Xml;
using KvGraph.Core.Cleaning;
using KvGraph.Core.Extraction;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;
using KvGraph.Core.Text;

namespace KvGraph.Core.Reading;

/// <summary>
/// Handelingen in the officielebekendmakingen XML (<c>&lt;officiele-publicatie&gt;&lt;handelingen&gt;</c>): the text
/// of each paragraph element becomes a paragraph; the id <c>h-tk-&lt;vj&gt;-&lt;vergadering&gt;-&lt;item&gt;</c> comes
/// from the metadata record address or the file name; the date from <c>vergaderdatum</c>. Text that was stored as
/// UTF-8 read as Latin-1 ("KrÃ¶ger") is repaired.
/// </summary>
internal sealed partial class HandelingenXmlReader : IDocumentReader
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "al", "titel", "kop", "nr", "vergaderdatum", "vergadertijd", "vergadering-nummer", "spreker", "li", "tussenkop", "label",
    };

    public string Format => "handelingen-xml";

    public double Detect(SourceDocument source)
    {
        var head = source.Text.Length > 3000 ? source.Text[..3000] : source.Text;
        return head.Contains("<officiele-publicatie", StringComparison.Ordinal) && source.Text.Contains("<handelingen", StringComparison.Ordinal) ? 0.95 : 0;
    }

    public ReadDocument Read(SourceDocument source)
    {
        var raw = source.Text;
        var warnings = new List<string>();
        if (LooksDoubleEncoded(raw))
        {
            raw = RepairDoubleEncoding(raw);
            warnings.Add("the text was UTF-8 read as Latin-1 (mojibake) and has been repaired");
        }

        var start = raw.IndexOf('<', StringComparison.Ordinal);
        XDocument xml;
        try
        {
            xml = XDocument.Parse(start > 0 ? raw[start..] : raw);
        }
        catch (XmlException e)
        {
            throw new DocumentFormatException(source.File, $"not well-formed XML ({e.Message})", e);
        }

        var text = new TextBuilder();
        var sb = new StringBuilder();
        foreach (var el in xml.Descendants().Where(e => BlockElements.Contains(e.Name.LocalName) && !e.Ancestors().Any(a => BlockElements.Contains(a.Name.LocalName))))
        {
            var t = TextNormalizer.CollapseSpaces(string.Join(' ', el.DescendantNodes().OfType<XText>().Select(x => x.Value.Trim()).Where(x => x.Length > 0)));
            text.Paragraph(t);
        }

        var metaUrl = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "meta" && (string?)e.Attribute("name") == "OVERHEIDop.externMetadataRecord")?.Attribute("content")?.Value;
        var id = (metaUrl is null ? null : HtkRx().Match(metaUrl) is { Success: true } m ? m.Value : null)
            ?? (HtkRx().Match(Path.GetFileName(source.File)) is { Success: true } f ? f.Value : null)
            ?? ReaderSupport.FileId(source.File);
        var dateText = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "vergaderdatum")?.Value;
        var date = dateText is null ? null : DateRx().Match(dateText) is { Success: true } dm ? ReaderSupport.DateOf(dm.Value) : null;
        var vj = HtkRx().Match(id) is { Success: true } hm ? hm.Groups["vj"].Value : null;
        // The item's own title ("Stemmingen moties Informele Milieuraad …"); a motion read out inside has a <titel> "Motie" too.
        var title = (xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "item-titel")
            ?? xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "titel"))?.Value.Trim();

        var doc = new DocumentInfo
        {
            Kind = DocumentKind.Handelingen,
            Id = id,
            Title = title is null ? null : TextNormalizer.CollapseSpaces(title.Replace('\n', ' ')),
            Date = date,
            Vergaderjaar = vj,
            SourceUrl = Kinds.CitationKinds.OfficialUrl(id),
        };
        return new ReadDocument { Format = Format, Text = text.ToString(), Doc = doc, Warnings = warnings };
    }

    private static bool LooksDoubleEncoded(string text) => text.Contains("Ã", StringComparison.Ordinal) && MojibakeRx().IsMatch(text);

    // Undo one round of "UTF-8 bytes decoded as Latin-1/Windows-1252": map each char back to its byte and decode as UTF-8.
    private static string RepairDoubleEncoding(string text)
    {
        var bytes = new byte[text.Length * 2];
        var n = 0;
        foreach (var c in text)
        {
            var b = Cp1252Byte(c);
            if (b < 0)
            {
                n += Encoding.UTF8.GetBytes(c.ToString(), 0, 1, bytes, n);
            }
            else
            {
                bytes[n++] = (byte)b;
            }
        }

        return Encoding.UTF8.GetString(bytes, 0, n);
    }

    private static int Cp1252Byte(char c)
    {
        if (c < 0x80 || (c >= 0xA0 && c <= 0xFF) || (c >= 0x80 && c <= 0x9F))
        {
            return c;
        }

        var i = Array.IndexOf(Cp1252High, c);
        return i >= 0 ? 0x80 + i : -1;
    }

    private static readonly char[] Cp1252High =
    [
        '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
        '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
    ];

    [GeneratedRegex(@"Ã[\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex MojibakeRx();

    [GeneratedRegex(@"h-tk-(?<vj>[0-9]{8})-[0-9]+(?:-[0-9]+)?", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex HtkRx();

    [GeneratedRegex(@"[0-9]{1,2}\s+\p{L}+\s+[0-9]{4}", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex DateRx();
}
