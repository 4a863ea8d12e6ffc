using System.Text;

namespace KvGraph.Core.Entities;

/// <summary>One phrase found in a text by a <see cref="PhraseLexicon{T}"/>.</summary>
/// <param name="Start">Start offset of the first token (inclusive).</param>
/// <param name="End">End offset of the last token (exclusive).</param>
/// <param name="Value">What the phrase stands for.</param>
internal readonly record struct PhraseMatch<T>(int Start, int End, T Value);

/// <summary>
/// A dictionary of multi-word phrases matched against a text in one left-to-right pass over its tokens
/// (a token trie), longest phrase first. This is why the lexicons can hold hundreds of names without a
/// loop of regexes over the text: the cost is linear in the text times the longest phrase.
/// </summary>
/// <remarks>
/// Tokens are runs of letters, digits and '&amp;'. Between the tokens of one phrase only white space (line
/// breaks too), hyphens, apostrophes, slashes and commas may stand, so "VN-Mensenrechtenraad",
/// "VN Mensenrechtenraad" and "VN\nMensenrechtenraad" are the same phrase, and "EU-lidstaten" contains the
/// token "EU". Diacritics are folded on both sides, so OCR's "Australié" meets "Australië".
/// A phrase whose value is null is a blocker: it consumes its span and yields nothing ("Zuid-Amerikaanse"
/// must not yield the US through its last token).
/// </remarks>
internal sealed class PhraseLexicon<T>
    where T : class
{
    private readonly Node _exact = new();
    private readonly Node _folded = new();

    /// <summary>Adds a phrase. Case-sensitive phrases keep their capitals ("VS", "Chinese"); others match in any case.</summary>
    public PhraseLexicon<T> Add(string phrase, T? value, bool ignoreCase = false)
    {
        var tokens = Tokenize(phrase);
        if (tokens.Count == 0)
        {
            throw new ArgumentException($"Empty phrase '{phrase}'.", nameof(phrase));
        }

        var node = ignoreCase ? _folded : _exact;
        foreach (var t in tokens)
        {
            var key = Key(phrase.AsSpan(t.Start, t.End - t.Start), ignoreCase);
            node = node.Children.TryGetValue(key, out var next) ? next : node.Children[key] = new Node();
        }

        // First registration wins, so a table can list its preferred reading first.
        if (!node.Terminal)
        {
            node.Terminal = true;
            node.Value = value;
        }

        return this;
    }

    /// <summary>
    /// All non-overlapping phrases in <paramref name="text"/>, leftmost and then longest first. The walk over the tokens
    /// looks at <paramref name="cancellationToken"/> every 1,024 tokens: a text without a phrase yields nothing for a long time.
    /// </summary>
    public IEnumerable<PhraseMatch<T>> Find(string text, CancellationToken cancellationToken = default) =>
        Find(new TextTokens(text), cancellationToken);

    /// <summary>
    /// <see cref="Find(string, CancellationToken)"/> over a text tokenised once (<see cref="Extraction.RecognitionContext.Tokens"/>),
    /// so that every lexicon walks the same tokens and keys.
    /// </summary>
    public IEnumerable<PhraseMatch<T>> Find(TextTokens tokenised, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenised);
        var text = tokenised.Text;
        var tokens = tokenised.Tokens;
        var exactKeys = tokenised.ExactKeys;
        var foldedKeys = tokenised.FoldedKeys;
        var i0 = 0;
        var steps = 0;
        while (i0 < tokens.Count)
        {
            if ((++steps & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var (endA, valueA, hitA) = Walk(_exact, text, tokens, exactKeys, i0);
            var (endB, valueB, hitB) = Walk(_folded, text, tokens, foldedKeys, i0);
            int last;
            T? value;
            if (hitA && (!hitB || endA >= endB))
            {
                (last, value) = (endA, valueA);
            }
            else if (hitB)
            {
                (last, value) = (endB, valueB);
            }
            else
            {
                i0++;
                continue;
            }

            if (value is not null)
            {
                yield return new PhraseMatch<T>(tokens[i0].Start, tokens[last].End, value);
            }

            i0 = last + 1;
        }
    }

    /// <summary>The value of the whole of <paramref name="phrase"/> when it is one known phrase, else null.</summary>
    public T? Lookup(string phrase)
    {
        foreach (var m in Find(phrase))
        {
            var rest = phrase.AsSpan(m.End).Trim();
            return m.Start == FirstTokenStart(phrase) && rest.IsEmpty ? m.Value : null;
        }

        return null;
    }

    /// <summary>The first known phrase anywhere in <paramref name="text"/>, or null.</summary>
    public T? FirstIn(string text)
    {
        foreach (var m in Find(text))
        {
            return m.Value;
        }

        return null;
    }

    private static int FirstTokenStart(string text)
    {
        var tokens = Tokenize(text);
        return tokens.Count == 0 ? -1 : tokens[0].Start;
    }

    private static (int Last, T? Value, bool Hit) Walk(Node root, string text, IReadOnlyList<(int Start, int End)> tokens, string keys, int from)
    {
        var node = root;
        var last = -1;
        T? value = null;
        for (var j = from; j < tokens.Count; j++)
        {
            if (j > from && !IsJoiner(text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End)))
            {
                break;
            }

            if (!node.ByKey.TryGetValue(keys.AsSpan(tokens[j].Start, tokens[j].End - tokens[j].Start), out var next))
            {
                break;
            }

            node = next;
            if (node.Terminal)
            {
                last = j;
                value = node.Value;
            }
        }

        return (last, value, last >= 0);
    }

    private static bool IsJoiner(ReadOnlySpan<char> gap)
    {
        if (gap.Length > 12)
        {
            return false;
        }

        var newlines = 0;
        foreach (var c in gap)
        {
            if (c == '\n')
            {
                newlines++;
            }
            else if (!(char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u00ad' or '\'' or '\u2019' or '/' or ','))
            {
                return false;
            }
        }

        // A phrase may wrap onto the next line, but a blank line ends it.
        return newlines <= 1;
    }

    internal static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || c == '&';

    internal static List<(int Start, int End)> Tokenize(string text)
    {
        var list = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            list.Add((s, i));
        }

        return list;
    }

    private static string Key(ReadOnlySpan<char> token, bool ignoreCase)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            sb.Append(TextFold.Fold(c));
        }

        var s = sb.ToString();
        return ignoreCase ? s.ToLowerInvariant() : s;
    }

    private sealed class Node
    {
        public Node() => ByKey = Children.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        /// <summary><see cref="Children"/> looked up by a span of the text, without making a string.</summary>
        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> ByKey { get; }

        public bool Terminal { get; set; }

        public T? Value { get; set; }
    }
}

/// <summary>
/// A text split into the tokens every <see cref="PhraseLexicon{T}"/> walks (runs of letters, digits and '&amp;'), with
/// the keys they are looked up by: the text with its diacritics folded, and that in lower case. Folding maps each char to
/// one char, and so does invariant lower-casing inside a token (a token holds letters and digits, never half of a
/// surrogate pair): a token's keys are spans of these two strings, so no string is made per token. Made once per text.
/// </summary>
internal sealed class TextTokens
{
    private readonly List<(int Start, int End)> _tokens;

    /// <summary>Tokenises <paramref name="text"/> and makes its keys.</summary>
    public TextTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        _tokens = PhraseLexicon<object>.Tokenize(text);
        ExactKeys = TextFold.Fold(text);
        FoldedKeys = ExactKeys.ToLowerInvariant();
    }

    /// <summary>The text tokenised.</summary>
    public string Text { get; }

    /// <summary>Start (inclusive) and end (exclusive) of each token, in text order.</summary>
    public IReadOnlyList<(int Start, int End)> Tokens => _tokens;

    /// <summary>The text with diacritics folded (<see cref="TextFold.Fold(string)"/>): the keys of case-sensitive phrases.</summary>
    public string ExactKeys { get; }

    /// <summary><see cref="ExactKeys"/> in invariant lower case: the keys of phrases that match in any case.</summary>
    public string FoldedKeys { get; }
}

/// <summary>Folds the diacritics of Latin letters ("ë", "é" → "e"), the way OCR and typists confuse them.</summary>
internal static class TextFold
{
    private const string From = "áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑşŞğĞıøØćčšžłńśźżřěůđĆČŠŽŁŃŚŹŻŘĚŮĐ";
    private const string To = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCNsSgGioOccszlnszzreudCCSZLNSZZREUD";

    public static char Fold(char c)
    {
        if (c < 128)
        {
            return c;
        }

        var i = From.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? To[i] : c;
    }

    public static string Fold(string s) =>
        s.AsSpan().ContainsAnyExceptInRange('\0', '\x7f')
            ? string.Create(s.Length, s, static (into, from) =>
            {
                for (var i = 0; i < from.Length; i++)
                {
                    into[i] = Fold(from[i]);
                }
            })
            : s;

    /// <summary>A lower-case, hyphenated key without diacritics: "Van den Hul" → "van-den-hul".</summary>
    public static string Slug(string s)
    {
        var sb = new StringBuilder(s.Length);
        var dash = false;
        foreach (var c in Fold(s))
        {
            // Combining marks (a cedilla typed as a separate character) carry no letter of their own.
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (c == '&')
            {
                continue;
            }
            else if (!dash && sb.Length > 0)
            {
                sb.Append('-');
                dash = true;
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
