using System.Text;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// The first cleaning step for every format: one newline convention, no byte-order marks or control
/// characters, no-break spaces as plain spaces (recognisers then need only one kind of space), no trailing blanks.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises line ends, spaces and control characters; keeps paragraphs (blank lines) as they are.</summary>
    /// <remarks>
    /// One pass into one buffer (the text never grows: every character becomes at most one): a line's trailing blanks
    /// (<see cref="char.IsWhiteSpace(char)"/>, what <see cref="string.TrimEnd()"/> removes) are dropped when its line end
    /// or the end of the text is reached, so no per-line strings are made.
    /// </remarks>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, raw.Length));
        try
        {
            var n = 0;
            var lineStart = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                switch (c)
                {
                    case '\r':
                        if (i + 1 < raw.Length && raw[i + 1] == '\n')
                        {
                            continue;
                        }

                        n = EndLine(buffer, n, lineStart);
                        lineStart = n;
                        break;
                    case '\uFEFF':
                    case '\u200B':
                    case '\u00AD': // soft hyphen: invisible in print, only breaks words in extracted text
                        break;
                    case '\u00A0':
                    case '\u2007':
                    case '\u202F':
                    case '\t':
                        buffer[n++] = ' ';
                        break;
                    case '\f':
                    case '\n':
                        n = EndLine(buffer, n, lineStart);
                        lineStart = n;
                        break;
                    default:
                        if (!char.IsControl(c))
                        {
                            buffer[n++] = c;
                        }

                        break;
                }
            }

            // Trailing blanks on lines carry nothing and make layout rules fragile.
            while (n > lineStart && char.IsWhiteSpace(buffer[n - 1]))
            {
                n--;
            }

            return new string(buffer, 0, n);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Drops the trailing blanks of the line that started at <paramref name="lineStart"/> and ends it with '\n'.</summary>
    private static int EndLine(char[] buffer, int n, int lineStart)
    {
        while (n > lineStart && char.IsWhiteSpace(buffer[n - 1]))
        {
            n--;
        }

        buffer[n++] = '\n';
        return n;
    }

    /// <summary>
    /// The lines of a normalised text, each with runs of spaces collapsed and trimmed: what
    /// <c>text.Split('\n').Select(l => CollapseSpaces(l).Trim()).ToList()</c> gives, in one pass that makes one string per
    /// line (a line without two spaces in a row is trimmed as a span and copied once).
    /// </summary>
    public static List<string> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var s = text.AsSpan();
        var start = 0;
        while (true)
        {
            var nl = s[start..].IndexOf('\n');
            var line = nl < 0 ? s[start..] : s.Slice(start, nl);
            lines.Add(line.Contains("  ", StringComparison.Ordinal) ? CollapseSpaces(line.ToString()).Trim() : line.Trim().ToString());
            if (nl < 0)
            {
                return lines;
            }

            start += nl + 1;
        }
    }

    /// <summary>Collapses runs of spaces inside a line to one.</summary>
    public static string CollapseSpaces(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.Contains("  ", StringComparison.Ordinal))
        {
            return line;
        }

        var sb = new StringBuilder(line.Length);
        var space = false;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                if (!space)
                {
                    sb.Append(c);
                }

                space = true;
            }
            else
            {
                sb.Append(c);
                space = false;
            }
        }

        return sb.ToString();
    }
}
