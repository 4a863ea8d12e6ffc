using System.Text;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// The first cleaning step for every format: one newline convention, no byte-order marks or control
/// characters, no-break spaces as plain spaces (recognisers then need only one kind of space), no trailing blanks.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Normalises line ends, spaces and control characters; keeps paragraphs (blank lines) as they are.</summary>
    public static string Normalize(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var sb = new StringBuilder(raw.Length);
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

                    sb.Append('\n');
                    break;
                case '\uFEFF':
                case '\u200B':
                case '\u00AD': // soft hyphen: invisible in print, only breaks words in extracted text
                    break;
                case '\u00A0':
                case '\u2007':
                case '\u202F':
                case '\t':
                    sb.Append(' ');
                    break;
                case '\f':
                    sb.Append('\n');
                    break;
                default:
                    if (!char.IsControl(c) || c == '\n')
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        // Trailing blanks on lines carry nothing and make layout rules fragile.
        var lines = sb.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = lines[i].TrimEnd();
        }

        return string.Join('\n', lines);
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
