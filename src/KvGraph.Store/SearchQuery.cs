using System.Text;
using KvGraph.Core.Graph;

namespace KvGraph.Store;

/// <summary>
/// What a user typed into search, read once into words, phrases and prefixes joined by AND (implicit), OR and NOT, and
/// written out as an FTS5 query in which every user term is a quoted string: FTS5's own syntax (<c>NEAR(</c>, column
/// filters like <c>title:</c>, <c>^</c>, parentheses) is never run, only searched for as text. Mistakes get a fallback and a
/// note instead of an error: an unbalanced quote makes a phrase of the rest, a lone OR is ignored, a part with only
/// excluded words is dropped.
/// <list type="bullet">
/// <item><c>stikstof netcongestie</c>: both words (AND).</item>
/// <item><c>stikstof OR netcongestie</c>: either (OR in capitals; a lower-case "or" is a word).</item>
/// <item><c>stikstof NOT boeren</c>, <c>stikstof -boeren</c>: the first without the second.</item>
/// <item><c>Oeigoer*</c>: words starting with "Oeigoer".</item>
/// <item><c>"Kamerbrief over Xinjiang"</c>: the words in this order.</item>
/// </list>
/// AND binds before OR: <c>a b OR c</c> is (a and b) or c. Case and diacritics do not matter (the index folds them).
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(string text, string? fts, IReadOnlyList<string> notes, string? idCandidate)
    {
        Text = text;
        Fts = fts;
        Notes = notes;
        IdCandidate = idCandidate;
    }

    /// <summary>The text as typed (trimmed).</summary>
    public string Text { get; }

    /// <summary>The FTS5 MATCH expression, or null when there is nothing to look for in the texts.</summary>
    public string? Fts { get; }

    /// <summary>What was not taken as typed, and how it was read instead (for the user).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The text when it is one token that may be an id or alias (no spaces, quotes or operators), else null.</summary>
    public string? IdCandidate { get; }

    /// <summary>True when the text holds nothing to search for.</summary>
    public bool IsEmpty => Fts is null && IdCandidate is null;

    /// <summary>Reads the user's text. Never throws for any text; a text longer than <see cref="QueryLimits.MaxQueryLength"/> is cut, with a note.</summary>
    public static SearchQuery Parse(string? text)
    {
        var notes = new List<string>();
        var t = (text ?? string.Empty).Trim();
        if (t.Length > QueryLimits.MaxQueryLength)
        {
            t = t[..QueryLimits.MaxQueryLength];
            notes.Add($"Only the first {QueryLimits.MaxQueryLength} characters were searched for.");
        }

        var groups = new List<Group> { new() };
        var negateNext = false;
        var terms = 0;
        var pendingOr = false;
        foreach (var token in Tokens(t, notes))
        {
            if (!token.Quoted && token.Text == "OR")
            {
                if (groups[^1].IsEmpty || pendingOr)
                {
                    notes.Add("OR needs words on both sides; a lone OR was ignored.");
                }
                else
                {
                    pendingOr = true;
                }

                continue;
            }

            if (!token.Quoted && token.Text is "AND")
            {
                continue;
            }

            if (!token.Quoted && token.Text == "NOT")
            {
                negateNext = true;
                continue;
            }

            var raw = token.Text;
            var negated = negateNext;
            negateNext = false;
            var prefix = false;
            if (!token.Quoted)
            {
                if (raw.Length > 1 && raw[0] == '-')
                {
                    negated = true;
                    raw = raw[1..];
                }

                if (raw.Length > 1 && raw[^1] == '*')
                {
                    prefix = true;
                    raw = raw.TrimEnd('*');
                }
            }

            if (!raw.Any(char.IsLetterOrDigit))
            {
                continue; // punctuation only ("^", "(", "*"): nothing to find
            }

            if (++terms > QueryLimits.MaxSearchTerms)
            {
                if (terms == QueryLimits.MaxSearchTerms + 1)
                {
                    notes.Add($"Only the first {QueryLimits.MaxSearchTerms} words were searched for.");
                }

                continue;
            }

            if (pendingOr)
            {
                groups.Add(new Group());
                pendingOr = false;
            }

            var fts = "\"" + raw.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (prefix ? "*" : string.Empty);
            (negated ? groups[^1].Excluded : groups[^1].Required).Add(fts);
        }

        if (pendingOr)
        {
            notes.Add("OR needs words on both sides; a lone OR was ignored.");
        }

        if (negateNext)
        {
            notes.Add("NOT needs a word after it; it was ignored.");
        }

        var parts = new List<string>();
        foreach (var g in groups.Where(g => !g.IsEmpty))
        {
            if (g.Required.Count == 0)
            {
                notes.Add($"Only excluded words ({string.Join(" ", g.Excluded.Select(e => "-" + e.Trim('"', '*')))}) leave nothing to find; add a word to look for.");
                continue;
            }

            var expr = g.Required.Count == 1 ? g.Required[0] : "(" + string.Join(" AND ", g.Required) + ")";
            foreach (var x in g.Excluded)
            {
                expr = $"({expr} NOT {x})";
            }

            parts.Add(expr);
        }

        var idCandidate = t.Length > 0 && !t.Any(char.IsWhiteSpace) && !t.Contains('"', StringComparison.Ordinal) && !t.EndsWith('*') && !t.StartsWith('-') ? t : null;
        return new SearchQuery(t, parts.Count == 0 ? null : string.Join(" OR ", parts), notes, idCandidate);
    }

    private static IEnumerable<(string Text, bool Quoted)> Tokens(string text, List<string> notes)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    notes.Add("A quote was not closed; the rest was taken as one phrase.");
                    end = text.Length;
                }

                yield return (text[(i + 1)..end], true);
                i = end + 1;
                continue;
            }

            var sb = new StringBuilder();
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                sb.Append(text[i++]);
            }

            yield return (sb.ToString(), false);
        }
    }

    private sealed class Group
    {
        public List<string> Required { get; } = [];

        public List<string> Excluded { get; } = [];

        public bool IsEmpty => Required.Count == 0 && Excluded.Count == 0;
    }
}
