using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Identity and resolution over the corpus, the one alias resolver: which document an id or alias stands for, which
/// file owns a document that several files assert (an answer as PDF and as text; a question in its own file and in its
/// answer's), which ids are one document from different sources (<see cref="Merges"/>: a motion's text and its open-data
/// record), which motion an unnumbered "motie Bikker" is (<see cref="MotionIdentity"/>), and which letter a letter
/// mention is (<see cref="LetterIdentity"/>). Built once per graph load in O(documents + letter mentions).
/// </summary>
public sealed class Resolver
{
    private readonly Dictionary<string, AliasClaim> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DocumentAliases> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocumentMerge> _merged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DocumentMerge>> _mergedInto = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sittingDays = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DocumentAliases>> _copies = new(StringComparer.Ordinal);
    private MotionIdentity _motions = MotionIdentity.Create([]);
    private LetterIdentity _letters = LetterIdentity.Empty;

    private Resolver()
    {
    }

    /// <summary>An empty resolver: nothing is in the corpus.</summary>
    public static Resolver Empty { get; } = new();

    /// <summary>The documents in the corpus (owner entries).</summary>
    public IReadOnlyCollection<DocumentAliases> Documents => _owners.Values;

    /// <summary>Builds the resolver from every document's aliases and every letter mention in the corpus.</summary>
    public static Resolver Create(IEnumerable<DocumentAliases> documents, IEnumerable<LetterMention>? letters = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var r = new Resolver();
        var losers = new List<DocumentAliases>();
        foreach (var d in documents)
        {
            if (!r._owners.TryGetValue(d.Id, out var current))
            {
                r._owners[d.Id] = d;
            }
            else if (Better(d, current))
            {
                r._owners[d.Id] = d;
                losers.Add(current);
            }
            else
            {
                losers.Add(d);
            }
        }

        // Copies: other files that assert a document as their own (a paired question in an answer's file is no copy).
        foreach (var copy in losers.Where(l => l.Primary))
        {
            if (!r._copies.TryGetValue(copy.Id, out var list))
            {
                r._copies[copy.Id] = list = [];
            }

            list.Add(copy);
        }

        foreach (var d in r._owners.Values)
        {
            r.Claim(d.Id, d.Id, AliasEntry.Exact);
        }

        foreach (var d in r._owners.Values)
        {
            foreach (var a in d.Aliases)
            {
                r.Claim(a.Alias, d.Id, a.Priority);
            }
        }

        r._motions = MotionIdentity.Create(r._owners.Values);
        foreach (var merge in MotionIdentity.Merges(r._owners.Values))
        {
            r._merged[merge.From] = merge;
            if (!r._mergedInto.TryGetValue(merge.Into, out var list))
            {
                r._mergedInto[merge.Into] = list = [];
            }

            list.Add(merge);
        }

        r._letters = LetterIdentity.Create(letters ?? []);
        foreach (var d in r._owners.Values)
        {
            if (d.Kind == DocumentKind.Handelingen && d.Date is { Length: > 0 } day && SittingOf(d.Id) is { } sitting
                && (!r._sittingDays.TryGetValue(sitting, out var known) || string.CompareOrdinal(day, known) < 0))
            {
                r._sittingDays[sitting] = day;
            }
        }

        return r;
    }

    /// <summary>
    /// The day of the sitting a Handelingen item belongs to (<c>h-tk-20172018-70-6</c> of <c>h-tk-20172018-70</c>), as a
    /// dated item of that sitting gives it (the XML dates only the first item), or null.
    /// </summary>
    public string? SittingDate(string handelingenId) =>
        SittingOf(handelingenId) is { } s && _sittingDays.TryGetValue(s, out var day) ? day : null;

    /// <summary>The sitting of a Handelingen item: <c>h-tk-20172018-70</c> for <c>h-tk-20172018-70-6</c>; null for anything else.</summary>
    public static string? SittingOf(string id) =>
        id is not null && id.StartsWith("h-tk-", StringComparison.Ordinal) && id.Split('-') is { Length: 5 } parts && parts[2].All(char.IsAsciiDigit) && parts[3].All(char.IsAsciiDigit) && parts[4].All(char.IsAsciiDigit)
            ? string.Join('-', parts[..4]) : null;

    /// <summary>The canonical id of the document <paramref name="idOrAlias"/> stands for, or null when it is not in the corpus (<see cref="AliasRule"/>).</summary>
    public string? Resolve(string idOrAlias) =>
        AliasRule.Resolve(idOrAlias, key => _aliases.TryGetValue(key, out var hit) ? [hit] : []) is { } id ? Canonical(id) : null;

    /// <summary>True when <paramref name="id"/> is the canonical id of a document in the corpus (not one merged into another).</summary>
    public bool IsDocument(string id) => _owners.ContainsKey(id) && !_merged.ContainsKey(id);

    /// <summary>The aliases entry of the file that owns document <paramref name="id"/>, or null.</summary>
    public DocumentAliases? Owner(string id) => _owners.GetValueOrDefault(id);

    /// <summary>The canonical id of a document id: itself, or the document it was merged into.</summary>
    public string Canonical(string id) => _merged.TryGetValue(id, out var m) ? m.Into : id;

    /// <summary>The merge that made <paramref name="id"/> an alias of another document, or null.</summary>
    public DocumentMerge? MergedAway(string id) => _merged.GetValueOrDefault(id);

    /// <summary>The merges into <paramref name="id"/>: the other records of this one document, each with why.</summary>
    public IReadOnlyList<DocumentMerge> MergesInto(string id) => _mergedInto.TryGetValue(id, out var list) ? list : [];

    /// <summary>Every merge, for reports and evaluation.</summary>
    public IEnumerable<DocumentMerge> Merges => _merged.Values;

    /// <summary>
    /// Documents that several files assert as their own (an answer as PDF, as text and as layout text): the file that owns
    /// each and every other copy with why it lost, by the rule that picks owners. Ordered by id, copies by path.
    /// </summary>
    public IEnumerable<DocumentCopies> Copies => _copies.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
    {
        var owner = _owners[kv.Key];
        return new DocumentCopies(owner, [.. kv.Value.OrderBy(c => c.File, StringComparer.Ordinal).Select(c => new MergedCopy(c, Compare(owner, c).Why))]);
    });

    /// <summary>Weighs the motions an unnumbered mention may be (see <see cref="MotionIdentity"/>).</summary>
    public MotionMatch ResolveMotion(IReadOnlyList<string> sponsors, string? citingDate, IReadOnlySet<string> context) =>
        _motions.Resolve(sponsors, citingDate, context);

    /// <summary>The letter a letter mention belongs to (see <see cref="LetterIdentity"/>).</summary>
    public LetterMatch ResolveLetter(string key, string? kenmerk, string? subject, string citing) =>
        _letters.Resolve(key, kenmerk, subject, citing);

    private static bool Better(DocumentAliases a, DocumentAliases b) => Compare(a, b).Better;

    /// <summary>Which of two files asserting one document owns it, and why: the one's own document, then more citations, then the first path.</summary>
    private static (bool Better, string Why) Compare(DocumentAliases a, DocumentAliases b) =>
        a.Primary != b.Primary ? (a.Primary, "only one of the two files has it as its own document (the other pairs it with an answer)")
        : a.Weight != b.Weight ? (a.Weight > b.Weight, $"more citations found in the kept file ({Math.Max(a.Weight, b.Weight)} against {Math.Min(a.Weight, b.Weight)})")
        : (string.CompareOrdinal(a.File, b.File) < 0, $"as many citations found in both ({a.Weight}); the first path in ordinal order is kept");

    private void Claim(string alias, string id, int priority)
    {
        if (string.IsNullOrWhiteSpace(alias))
        {
            return;
        }

        if (!_aliases.TryGetValue(alias, out var current) || AliasRule.Beats(id, priority, current.Id, current.Priority))
        {
            _aliases[alias] = new AliasClaim(id, priority);
        }
    }
}
