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
        var set = LexiconSet.Entities;
        var member = set.IndexOf(this);
        if (member >= 0)
        {
            // One walk for all five entity lexicons, made once per text (see LexiconSet).
            foreach (var hit in tokenised.HitsOf(set, cancellationToken)[member])
            {
                yield return new PhraseMatch<T>(hit.Start, hit.End, (T)hit.Value);
            }

            yield break;
        }

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

    internal static bool IsJoiner(ReadOnlySpan<char> gap)
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

    // The ASCII characters that are token characters (IsTokenChar), so that runs of ASCII are skipped by a vectorised
    // search instead of a call per character; a non-ASCII character is still asked IsTokenChar, so the tokens are the same.
    private static readonly System.Buffers.SearchValues<char> AsciiTokenChars =
        System.Buffers.SearchValues.Create("&0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> AsciiOtherChars = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 128).Select(c => (char)c).Where(c => !IsTokenChar(c)).ToArray());

    internal static List<(int Start, int End)> Tokenize(string text)
    {
        var list = new List<(int, int)>(text.Length / 6);
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            // The next character that is not an ASCII non-token character: a token starts there unless it is a
            // non-ASCII character that is no letter or digit.
            var skip = span[i..].IndexOfAnyExcept(AsciiOtherChars);
            if (skip < 0)
            {
                break;
            }

            i += skip;
            if (text[i] >= 128 && !IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            while (true)
            {
                var run = span[i..].IndexOfAnyExcept(AsciiTokenChars);
                if (run < 0)
                {
                    i = span.Length;
                    break;
                }

                i += run;
                if (text[i] < 128 || !IsTokenChar(text[i]))
                {
                    break;
                }

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

    /// <summary>Copies this lexicon's phrases into the shared tries of a <see cref="LexiconSet"/>, as its member <paramref name="member"/>.</summary>
    internal void CopyInto(LexiconSet.Node exact, LexiconSet.Node folded, int member)
    {
        Copy(_exact, exact, member);
        Copy(_folded, folded, member);
    }

    private static void Copy(Node from, LexiconSet.Node into, int member)
    {
        if (from.Terminal)
        {
            into.AddTerminal(member, from.Value);
        }

        foreach (var (key, child) in from.Children)
        {
            Copy(child, into.Child(key), member);
        }
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
        FoldedKeys = TextFold.Lower(ExactKeys);
    }

    private LexiconSet? _hitsSet;
    private IReadOnlyList<LexiconSet.Hit>[]? _hits;

    /// <summary>The text tokenised.</summary>
    public string Text { get; }

    /// <summary>Start (inclusive) and end (exclusive) of each token, in text order.</summary>
    public IReadOnlyList<(int Start, int End)> Tokens => _tokens;

    /// <summary><see cref="Tokens"/> as a span, for the shared walk's inner loop (no interface call per token).</summary>
    internal ReadOnlySpan<(int Start, int End)> TokenSpan => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens);

    /// <summary>The text with diacritics folded (<see cref="TextFold.Fold(string)"/>): the keys of case-sensitive phrases.</summary>
    public string ExactKeys { get; }

    /// <summary><see cref="ExactKeys"/> in invariant lower case: the keys of phrases that match in any case.</summary>
    public string FoldedKeys { get; }

    /// <summary>The phrases of each member of <paramref name="set"/> in this text, found in one walk on first use and kept.</summary>
    internal IReadOnlyList<LexiconSet.Hit>[] HitsOf(LexiconSet set, CancellationToken cancellationToken)
    {
        if (!ReferenceEquals(_hitsSet, set) || _hits is null)
        {
            _hits = set.Find(this, cancellationToken);
            _hitsSet = set;
        }

        return _hits;
    }
}

/// <summary>
/// Several <see cref="PhraseLexicon{T}"/>s walked as one: their phrases in one token trie (one for case-sensitive phrases,
/// one for the others) whose nodes say which members end a phrase there. One walk over a text's tokens gives every
/// member's matches, each exactly what that lexicon's own walk gives (leftmost, then longest, non-overlapping within the
/// member): a member's own walk stops where its trie has no child, and below that point the shared trie holds no
/// phrase end of that member. The entity recognisers each ask for their lexicon's matches; the first pays the walk.
/// </summary>
internal sealed class LexiconSet
{
    private readonly object[] _members;
    private readonly Node _exact = new();
    private readonly Node _folded = new();

    private LexiconSet(params object[] members)
    {
        _members = members;
    }

    /// <summary>The five entity lexicons: countries, parties, offices, organisations, topics.</summary>
    public static LexiconSet Entities { get; } = Build();

    /// <summary>The roots of the shared tries (case-sensitive phrases, then the others), for the tests of their sketch.</summary>
    internal (Node Exact, Node Folded) Roots => (_exact, _folded);

    /// <summary>The member number of <paramref name="lexicon"/>, or -1 when it is not a member.</summary>
    public int IndexOf(object lexicon) => Array.IndexOf(_members, lexicon);

    /// <summary>Each member's phrases in <paramref name="tokenised"/>, in text order; blockers consume their span and are left out.</summary>
    public IReadOnlyList<Hit>[] Find(TextTokens tokenised, CancellationToken cancellationToken)
    {
        var n = _members.Length;
        var hits = new List<Hit>[n];
        for (var k = 0; k < n; k++)
        {
            hits[k] = [];
        }

        var text = tokenised.Text;
        var tokens = tokenised.TokenSpan;
        var next = new int[n];
        var lastA = new int[n];
        var lastB = new int[n];
        var valueA = new object?[n];
        var valueB = new object?[n];
        for (var i0 = 0; i0 < tokens.Length; i0++)
        {
            if (((i0 + 1) & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var active = false;
            for (var k = 0; k < n; k++)
            {
                active |= next[k] <= i0;
                lastA[k] = -1;
                lastB[k] = -1;
            }

            if (!active)
            {
                continue;
            }

            Walk(_exact, text, tokens, tokenised.ExactKeys, i0, lastA, valueA);
            Walk(_folded, text, tokens, tokenised.FoldedKeys, i0, lastB, valueB);
            for (var k = 0; k < n; k++)
            {
                if (next[k] > i0)
                {
                    continue;
                }

                int last;
                object? value;
                if (lastA[k] >= 0 && (lastB[k] < 0 || lastA[k] >= lastB[k]))
                {
                    (last, value) = (lastA[k], valueA[k]);
                }
                else if (lastB[k] >= 0)
                {
                    (last, value) = (lastB[k], valueB[k]);
                }
                else
                {
                    continue;
                }

                if (value is not null)
                {
                    hits[k].Add(new Hit(tokens[i0].Start, tokens[last].End, value));
                }

                next[k] = last + 1;
            }
        }

        return hits;
    }

    /// <summary>
    /// Whether each member has a phrase (not a blocker) that starts at the very start of <paramref name="tokenised"/>'s
    /// text: what "the member's first match in <see cref="Find"/> starts at 0" says, found by the one walk from the first
    /// token instead of a walk from every token. A member's first match starts at 0 only when its walk from the first
    /// token (at 0) ends a phrase; when that phrase is a blocker it consumes its span and every later match starts after it.
    /// </summary>
    public bool[] PhrasesAtStart(TextTokens tokenised)
    {
        var n = _members.Length;
        var at = new bool[n];
        var tokens = tokenised.TokenSpan;
        if (tokens.Length == 0 || tokens[0].Start != 0)
        {
            return at;
        }

        int[] lastA = new int[n], lastB = new int[n];
        object?[] valueA = new object?[n], valueB = new object?[n];
        Array.Fill(lastA, -1);
        Array.Fill(lastB, -1);
        Walk(_exact, tokenised.Text, tokens, tokenised.ExactKeys, 0, lastA, valueA);
        Walk(_folded, tokenised.Text, tokens, tokenised.FoldedKeys, 0, lastB, valueB);
        for (var k = 0; k < n; k++)
        {
            // The same choice as Find's: the longer of the two walks' phrases, the case-sensitive one on a tie.
            at[k] = lastA[k] >= 0 && (lastB[k] < 0 || lastA[k] >= lastB[k]) ? valueA[k] is not null
                : lastB[k] >= 0 && valueB[k] is not null;
        }

        return at;
    }

    private static LexiconSet Build()
    {
        var set = new LexiconSet(Countries.Lexicon, Parties.Lexicon, Offices.Lexicon, Organisations.Lexicon, Topics.Lexicon);
        Countries.Lexicon.CopyInto(set._exact, set._folded, 0);
        Parties.Lexicon.CopyInto(set._exact, set._folded, 1);
        Offices.Lexicon.CopyInto(set._exact, set._folded, 2);
        Organisations.Lexicon.CopyInto(set._exact, set._folded, 3);
        Topics.Lexicon.CopyInto(set._exact, set._folded, 4);
        set._exact.IndexKeys();
        set._folded.IndexKeys();
        return set;
    }

    // Records, for each member, the last token of its deepest phrase from token `from` and that phrase's value.
    private static void Walk(Node root, string text, ReadOnlySpan<(int Start, int End)> tokens, string keys, int from, int[] last, object?[] value)
    {
        var node = root;
        for (var j = from; j < tokens.Length; j++)
        {
            if (j > from && !PhraseLexicon<object>.IsJoiner(text.AsSpan(tokens[j - 1].End, tokens[j].Start - tokens[j - 1].End)))
            {
                break;
            }

            if (!node.TryGet(keys.AsSpan(tokens[j].Start, tokens[j].End - tokens[j].Start), out var next))
            {
                break;
            }

            node = next;
            if (node.Ends is { } ends)
            {
                foreach (var (member, v) in ends)
                {
                    last[member] = j;
                    value[member] = v;
                }
            }
        }
    }

    /// <summary>One member's phrase: token span and value (never a blocker's null).</summary>
    internal readonly record struct Hit(int Start, int End, object Value);

    /// <summary>A node of the shared trie: children by token key, and the members whose phrase ends here, with its value.</summary>
    internal sealed class Node
    {
        private readonly Dictionary<string, Node> _children = new(StringComparer.Ordinal);

        public Node() => ByKey = _children.GetAlternateLookup<ReadOnlySpan<char>>();

        public Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> ByKey { get; }

        public List<(int Member, object? Value)>? Ends { get; private set; }

        /// <summary>The keys of this node's children.</summary>
        public IEnumerable<string> Keys => _children.Keys;

        // A root's children by a sketch of their keys (first, second and last char, length), one bit each: most tokens of
        // a text start no phrase, and a clear bit says so without hashing the token for the dictionary.
        private const int SketchBits = 1 << 16;
        private ulong[]? _sketch;

        public Node Child(string key)
        {
            _sketch = null;
            return _children.TryGetValue(key, out var c) ? c : _children[key] = new Node();
        }

        /// <summary>Sketches this node's child keys (once its trie is built), so that <see cref="TryGet"/> can pass over a key no child has.</summary>
        public void IndexKeys()
        {
            var sketch = new ulong[SketchBits / 64];
            foreach (var key in _children.Keys)
            {
                var b = SketchOf(key);
                sketch[b >> 6] |= 1UL << (b & 63);
            }

            _sketch = sketch;
        }

        /// <summary>The child under <paramref name="key"/>: <see cref="ByKey"/>, after the sketch (when there is one) has not ruled it out.</summary>
        public bool TryGet(ReadOnlySpan<char> key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Node next)
        {
            if (_sketch is { } sketch)
            {
                var b = SketchOf(key);
                if ((sketch[b >> 6] & (1UL << (b & 63))) == 0)
                {
                    next = null;
                    return false;
                }
            }

            return ByKey.TryGetValue(key, out next);
        }

        // Equal keys have equal sketches, so a key whose bit is clear is no child's key.
        private static int SketchOf(ReadOnlySpan<char> key)
        {
            if (key.IsEmpty)
            {
                return 0;
            }

            var h = (uint)key[0];
            h = (h * 31) + (key.Length > 1 ? key[1] : 0u);
            h = (h * 31) + key[^1];
            h = (h * 31) + (uint)key.Length;
            h ^= h >> 15;
            h *= 0x2c1b3c6dU;
            h ^= h >> 12;
            return (int)(h & (SketchBits - 1));
        }

        public void AddTerminal(int member, object? value) => (Ends ??= []).Add((member, value));
    }
}

/// <summary>Folds the diacritics of Latin letters ("ë", "é" → "e"), the way OCR and typists confuse them.</summary>
internal static class TextFold
{
    internal const string From = "áàâäãåéèêëíìîïóòôöõúùûüýÿçñÁÀÂÄÃÅÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÝÇÑşŞğĞıøØćčšžłńśźżřěůđĆČŠŽŁŃŚŹŻŘĚŮĐ";
    internal const string To = "aaaaaaeeeeiiiiooooouuuuyycnAAAAAAEEEEIIIIOOOOOUUUUYCNsSgGioOccszlnszzreudCCSZLNSZZREUD";

    // Fold of every char below U+0180 (ASCII, Latin-1 and Latin Extended-A, where all of From lies), looked up instead of
    // searched; the first listing of a char in From wins, as IndexOf gives. A char above the table is searched as before.
    private static readonly char[] Table = BuildTable();

    private static char[] BuildTable()
    {
        var table = new char[0x180];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        for (var i = From.Length - 1; i >= 0; i--)
        {
            if (From[i] < table.Length)
            {
                table[From[i]] = To[i];
            }
        }

        return table;
    }

    public static char Fold(char c)
    {
        if (c < Table.Length)
        {
            return Table[c];
        }

        var i = From.IndexOf(c, StringComparison.Ordinal);
        return i >= 0 ? To[i] : c;
    }

    public static string Fold(string s)
    {
        // ASCII stays as it is: the text is copied whole and only its non-ASCII characters are looked at.
        var first = s.AsSpan().IndexOfAnyExceptInRange('\0', '\x7f');
        return first < 0
            ? s
            : string.Create(s.Length, (s, first), static (into, state) =>
            {
                state.s.AsSpan().CopyTo(into);
                var i = state.first;
                while (i < into.Length)
                {
                    into[i] = Fold(into[i]);
                    var next = into[(i + 1)..].IndexOfAnyExceptInRange('\0', '\x7f');
                    i = next < 0 ? into.Length : i + 1 + next;
                }
            });
    }

    /// <summary>
    /// <paramref name="s"/> in invariant lower case: what <see cref="string.ToLowerInvariant()"/> gives, char for char. With
    /// invariant globalization that is a loop over every char; here runs of ASCII are lower-cased by the vectorised
    /// <see cref="System.Text.Ascii.ToLower(ReadOnlySpan{char}, Span{char}, out int)"/>, and each run of non-ASCII chars by the
    /// runtime's own span <see cref="MemoryExtensions.ToLowerInvariant(ReadOnlySpan{char}, Span{char})"/> (the same casing
    /// table, surrogate pairs as code points). A pair never straddles two runs (both its halves are non-ASCII), and the char
    /// after a run's last char is ASCII in the whole string too, so a lone surrogate at a run's end is treated alike.
    /// </summary>
    public static string Lower(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return s.Length == 0
            ? s
            : string.Create(s.Length, s, static (into, s) =>
            {
                var from = s.AsSpan();
                var i = 0;
                while (i < from.Length)
                {
                    var ascii = from[i..].IndexOfAnyExceptInRange('\0', '\x7f');
                    var end = ascii < 0 ? from.Length : i + ascii;
                    if (end > i)
                    {
                        System.Text.Ascii.ToLower(from[i..end], into[i..end], out _);
                        i = end;
                        if (i == from.Length)
                        {
                            break;
                        }
                    }

                    var other = from[i..].IndexOfAnyInRange('\0', '\x7f');
                    end = other < 0 ? from.Length : i + other;
                    from[i..end].ToLowerInvariant(into[i..end]);
                    i = end;
                }
            });
    }

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
