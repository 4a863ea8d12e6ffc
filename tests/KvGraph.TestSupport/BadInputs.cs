using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace KvGraph.TestSupport;

/// <summary>
/// Bad input made from real documents, the way it happens to real files: other encodings, stray NULs, a text that
/// lost its line breaks, a PDF that was cut short or password-protected. The bytes are made here, in the test, from
/// corpus or seed files; nothing is copied into the repository.
/// </summary>
public static partial class BadInputs
{
    static BadInputs() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text in Windows-1252, by the framework's own code page (not KvGraph's decoding table); throws on a character it lacks.</summary>
    public static byte[] Windows1252(string text) =>
        Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text);

    /// <summary>The text in ISO-8859-1; throws on a character it lacks (see <see cref="AsLatin1Export"/>).</summary>
    public static byte[] Latin1(string text) =>
        Encoding.GetEncoding("iso-8859-1", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetBytes(text);

    /// <summary>
    /// The text as an old Latin-1 system would have held it: typographic quotes, dashes, the ellipsis, bullets and the
    /// euro sign (none of them in ISO-8859-1) as their plain forms; accented letters as they are.
    /// </summary>
    public static string AsLatin1Export(string text) => text
        .Replace('‘', '\'').Replace('’', '\'').Replace('“', '"').Replace('”', '"')
        .Replace('–', '-').Replace('—', '-').Replace('•', '*')
        .Replace("…", "...", StringComparison.Ordinal).Replace("€", "EUR", StringComparison.Ordinal);

    /// <summary>The bytes with <paramref name="count"/> NUL bytes put in at evenly spaced line ends (where a damaged export puts them).</summary>
    public static byte[] WithNuls(byte[] text, int count)
    {
        var lineEnds = Enumerable.Range(0, text.Length).Where(i => text[i] == (byte)'\n').ToList();
        var at = Enumerable.Range(1, count).Select(k => lineEnds[k * lineEnds.Count / (count + 1)]).ToHashSet();
        var result = new List<byte>(text.Length + count);
        for (var i = 0; i < text.Length; i++)
        {
            if (at.Contains(i))
            {
                result.Add(0);
            }

            result.Add(text[i]);
        }

        return [.. result];
    }

    /// <summary>The text with every line break turned into a space, repeated to exactly <paramref name="length"/> characters: one line.</summary>
    public static string OneLine(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        var sb = new StringBuilder(length + line.Length);
        while (sb.Length < length)
        {
            sb.Append(line);
        }

        return sb.ToString(0, length);
    }

    /// <summary>
    /// The PDF with an incremental update (as a PDF editor saves one) whose trailer points at a Standard security
    /// handler dictionary (RC4 128-bit, revision 3) with a user password: to a reader it is password-protected.
    /// </summary>
    public static byte[] Encrypted(byte[] pdf)
    {
        var tail = Encoding.Latin1.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(pdf.Length, 2048));
        var size = int.Parse(TrailerSize().Matches(tail)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var root = TrailerRoot().Matches(tail)[^1].Groups[1].Value;
        var previous = StartXref().Matches(tail)[^1].Groups[1].Value;
        var o = string.Concat(Enumerable.Repeat("7A3F", 16));
        var u = string.Concat(Enumerable.Repeat("C41D", 16));
        var id = string.Concat(Enumerable.Repeat("5E", 16));
        var update = new StringBuilder("\n");
        var objectOffset = pdf.Length + 1;
        update.Append(CultureInfo.InvariantCulture, $"{size} 0 obj\n<< /Filter /Standard /V 2 /R 3 /Length 128 /P -3904 /O <{o}> /U <{u}> >>\nendobj\n");
        var xrefOffset = pdf.Length + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append(CultureInfo.InvariantCulture, $"xref\n0 1\n0000000000 65535 f \n{size} 1\n{objectOffset:D10} 00000 n \n");
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size + 1} /Root {root} /Encrypt {size} 0 R /ID [<{id}> <{id}>] /Prev {previous} >>\nstartxref\n{xrefOffset}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex TrailerSize();

    [GeneratedRegex(@"/Root\s+(\d+\s+\d+\s+R)")]
    private static partial Regex TrailerRoot();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();
}
