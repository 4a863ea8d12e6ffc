namespace KvGraph.Store.Sqlite;

/// <summary>
/// Text in SQLite's BINARY order: its UTF-8 bytes compared, which is code point order. UTF-16 ordinal order differs for
/// characters above the surrogates, so whatever must come out as a statement's <c>ORDER BY</c> of text orders by this
/// (the tally of a first build, the merge of search's two ranking halves).
/// </summary>
internal sealed class SqliteTextOrder : IComparer<string>
{
    public static readonly SqliteTextOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        var (a, b) = (x ?? string.Empty, y ?? string.Empty);
        var i = a.AsSpan().CommonPrefixLength(b);
        if (i == a.Length || i == b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        // The first difference: compared as code points (a surrogate pair encodes one above U+FFFF).
        static int At(string s, int i) => char.IsHighSurrogate(s[i]) || char.IsLowSurrogate(s[i]) ? 0x10000 + s[i] : s[i];
        return At(a, i).CompareTo(At(b, i));
    }
}
