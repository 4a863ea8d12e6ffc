using System.Text;

namespace KvGraph.Core.Cleaning;

/// <summary>
/// Builds a reader's cleaned text piece by piece and hands out the offsets of what was appended, so item
/// and metadata spans are taken from the very text the recognisers later see (spans stay honest by construction).
/// </summary>
internal sealed class TextBuilder
{
    private readonly StringBuilder _text = new();

    public int Length => _text.Length;

    /// <summary>Appends a paragraph, separated from what came before by one blank line; returns its span.</summary>
    public (int Start, int End) Paragraph(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return (_text.Length, _text.Length);
        }

        if (_text.Length > 0)
        {
            _text.Append(_text[^1] == '\n' ? "\n" : "\n\n");
        }

        var start = _text.Length;
        _text.Append(t);
        return (start, _text.Length);
    }

    /// <summary>Appends a line directly under the previous one (no blank line); returns its span.</summary>
    public (int Start, int End) Line(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return (_text.Length, _text.Length);
        }

        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }

        var start = _text.Length;
        _text.Append(t);
        return (start, _text.Length);
    }

    public override string ToString() => _text.ToString();
}
