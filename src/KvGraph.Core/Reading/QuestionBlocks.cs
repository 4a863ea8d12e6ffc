using System.Globalization;
using System.Text.RegularExpressions;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Reading;

/// <summary>
/// The "Vraag N" / "Antwoord [N]" headings shared by letters, Aanhangsel and DOCX answers, and the grouping of an
/// answer to several questions ("Antwoord op vragen 2,3 en 6" → numbers 2, 3, 6, id "a2,3,6").
/// </summary>
internal static partial class QuestionBlocks
{
    /// <summary>
    /// The question numbers an item belongs to. A question keeps its own and leaves them pending; an answer takes
    /// its own ("Antwoord 2") or, when it names none ("Antwoord"), the questions asked since the last answer, which
    /// is how grouped answers ("Vraag 2, Vraag 3, Vraag 6, Antwoord") pair up.
    /// </summary>
    public static List<int> NumbersFor(Heading heading, List<int> pending, List<string> warnings, int offset)
    {
        if (heading.Kind == ItemKind.Question)
        {
            pending.AddRange(heading.Numbers);
            return heading.Numbers.ToList();
        }

        var numbers = heading.Numbers.Count > 0 ? heading.Numbers.ToList() : pending.ToList();
        pending.Clear();
        if (numbers.Count == 0)
        {
            warnings.Add($"an answer at offset {offset} follows no question");
        }

        return numbers;
    }

    /// <summary>A heading line: what it opens and the question numbers it names.</summary>
    public sealed record Heading(ItemKind Kind, IReadOnlyList<int> Numbers, string Rest);

    /// <summary>Reads a heading at the start of a line ("Vraag 3", "Vragen 3 en 4", "Antwoord 2", "Antwoord op vraag 1", "Antwoord"), or null.</summary>
    public static Heading? Parse(string line)
    {
        if (!MayBeHeading(line))
        {
            return null;
        }

        var m = HeadingRx().Match(line.Trim());
        if (!m.Success)
        {
            return null;
        }

        var kind = m.Groups["kind"].Value.StartsWith("Antwoord", StringComparison.OrdinalIgnoreCase) ? ItemKind.Answer : ItemKind.Question;
        var numbers = Numbers(m.Groups["nums"].Value);
        var rest = m.Groups["rest"].Value.Trim();
        if (kind == ItemKind.Question && numbers.Count == 0)
        {
            return null; // "Vraag" alone is a word in a sentence, not a heading
        }

        // A heading is short; "Antwoord van minister X (ontvangen …)" or "Vragen van het lid …" are header lines, not items.
        if (rest.Length > 0 && (kind == ItemKind.Question || numbers.Count == 0) && !rest.StartsWith(':'))
        {
            return null;
        }

        return new Heading(kind, numbers, rest.TrimStart(':', ' '));
    }

    /// <summary>
    /// False when <see cref="HeadingRx"/> cannot match <paramref name="line"/>: a heading starts (after white space) with
    /// "Vra" (Vraag, Vragen) or "Ant" (Antwoord, Antwoorden) in any case. An ASCII letter has no case equivalent but its
    /// other ASCII case in the pattern's IgnoreCase, so a line whose first three characters are ASCII and spell neither is
    /// ruled out (most lines: "Van", "Aan", "Als", "Verder"); a non-ASCII character among them is left to the regex.
    /// </summary>
    internal static bool MayBeHeading(string line)
    {
        var first = line.AsSpan().TrimStart();
        if (first.IsEmpty)
        {
            return false;
        }

        var word = (first[0] | 0x20) == 'v' ? "vra" : (first[0] | 0x20) == 'a' ? "ant" : null;
        if (word is null)
        {
            return first[0] >= 128;
        }

        for (var k = 1; k < word.Length; k++)
        {
            if (k >= first.Length)
            {
                return false; // shorter than any heading word
            }

            if (first[k] >= 128)
            {
                return true;
            }

            if ((first[k] | 0x20) != word[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"2,3 en 6" → [2, 3, 6]; "3 t/m 5" → [3, 4, 5].</summary>
    public static List<int> Numbers(string text)
    {
        var list = new List<int>();
        var range = RangeRx().Match(text);
        if (range.Success)
        {
            var a = int.Parse(range.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(range.Groups["b"].Value, CultureInfo.InvariantCulture);
            if (b >= a && b - a < 50)
            {
                list.AddRange(Enumerable.Range(a, b - a + 1));
                return list;
            }
        }

        foreach (Match n in NumberRx().Matches(text))
        {
            var v = int.Parse(n.Value, CultureInfo.InvariantCulture);
            if (!list.Contains(v))
            {
                list.Add(v);
            }
        }

        return list;
    }

    /// <summary>The item id: "q1", "a1", "a2,3,6".</summary>
    public static string Id(ItemKind kind, IReadOnlyList<int> numbers) =>
        (kind == ItemKind.Question ? "q" : "a") + string.Join(',', numbers);

    [GeneratedRegex(@"^(?<kind>Vragen|Vraag|Antwoorden|Antwoord)(?:\s+(?:op\s+)?(?:de\s+)?(?:vragen|vraag))?\s*(?<nums>[0-9]{1,3}(?:\s*(?:,|en|t/m|tot en met|-|–)\s*[0-9]{1,3})*)?\.?(?<rest>.*)$", RegexOptions.IgnoreCase, Patterns.MatchTimeoutMs)]
    internal static partial Regex HeadingRx();

    [GeneratedRegex(@"(?<a>[0-9]{1,3})\s*(?:t/m|tot en met|-|–)\s*(?<b>[0-9]{1,3})", RegexOptions.None, Patterns.MatchTimeoutMs)]
    private static partial Regex RangeRx();

    [GeneratedRegex(@"[0-9]{1,3}", RegexOptions.None, Patterns.NoTimeout)]
    private static partial Regex NumberRx();
}
