using System.Text;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>
/// Whitespace-insensitive search: PDF and DOCX text breaks lines anywhere, so a hand-copied quote is compared with
/// runs of whitespace collapsed to one space, and a hit is mapped back to offsets in the original text.
/// </summary>
internal static class LooseText
{
    /// <summary>The text with whitespace runs collapsed to a single space, trimmed.</summary>
    public static string Collapse(string text) => Build(text).Text;

    /// <summary>Offsets in <paramref name="text"/> of every whitespace-insensitive occurrence of <paramref name="snippet"/>.</summary>
    public static IReadOnlyList<(int Start, int End)> FindAll(string text, string snippet)
    {
        var (collapsed, map) = Build(text);
        var needle = Collapse(snippet);
        var hits = new List<(int, int)>();
        if (needle.Length == 0)
        {
            return hits;
        }

        for (var at = collapsed.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = collapsed.IndexOf(needle, at + 1, StringComparison.Ordinal))
        {
            hits.Add((map[at], map[at + needle.Length - 1] + 1));
        }

        return hits;
    }

    private static (string Text, int[] Map) Build(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        var pendingSpace = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (pendingSpace < 0 && sb.Length > 0)
                {
                    pendingSpace = i;
                }

                continue;
            }

            if (pendingSpace >= 0)
            {
                sb.Append(' ');
                map.Add(pendingSpace);
                pendingSpace = -1;
            }

            sb.Append(text[i]);
            map.Add(i);
        }

        return (sb.ToString(), map.ToArray());
    }
}
