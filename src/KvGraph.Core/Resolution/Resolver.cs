using System.Globalization;
using KvGraph.Core.Graph;
using KvGraph.Core.Model;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Identity and resolution over the corpus: which document an id or alias stands for, which file owns a document
/// that several files assert (an answer as PDF and as text; a question in its own file and in its answer's), and
/// which motion an unnumbered "motie Bikker" most likely is. Built once per graph load in O(documents).
/// <para>
/// Unnumbered motions: candidates are motion documents whose sponsors include the citation's first sponsor (by slug)
/// and, when the citation names more sponsors, all of them; submitted on or before the citing document's date and at
/// most <see cref="MotionWindowDays"/> days before it. The latest such motion wins; two on that same date are
/// ambiguous and resolve to nothing. Without a date on
/// the citing document, only a single candidate is accepted. Otherwise the citation stays a placeholder
/// <c>motion:&lt;sponsor&gt;</c>.
/// </para>
/// </summary>
public sealed class Resolver
{
    /// <summary>How far back an unnumbered motion is looked for: a year and a half covers a debate cycle.</summary>
    public const int MotionWindowDays = 550;

    private readonly Dictionary<string, AliasClaim> _aliases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DocumentAliases> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Id, DateOnly? Date, HashSet<string> Sponsors)>> _motionsBySponsor = new(StringComparer.Ordinal);

    private Resolver()
    {
    }

    /// <summary>An empty resolver: nothing is in the corpus.</summary>
    public static Resolver Empty { get; } = new();

    /// <summary>The documents in the corpus (owner entries).</summary>
    public IReadOnlyCollection<DocumentAliases> Documents => _owners.Values;

    /// <summary>Builds the resolver from every document's aliases.</summary>
    public static Resolver Create(IEnumerable<DocumentAliases> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var r = new Resolver();
        foreach (var d in documents)
        {
            if (!r._owners.TryGetValue(d.Id, out var current) || Better(d, current))
            {
                r._owners[d.Id] = d;
            }
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

            if (d.Kind == DocumentKind.Motion && d.Sponsors.Count > 0)
            {
                var slugs = d.Sponsors.Select(NodeIds.Slug).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
                var date = d.Date is { } iso && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dd) ? dd : (DateOnly?)null;
                foreach (var s in slugs)
                {
                    if (!r._motionsBySponsor.TryGetValue(s, out var list))
                    {
                        r._motionsBySponsor[s] = list = [];
                    }

                    list.Add((d.Id, date, slugs));
                }
            }
        }

        return r;
    }

    /// <summary>The canonical id of the document <paramref name="idOrAlias"/> stands for, or null when it is not in the corpus (<see cref="AliasRule"/>).</summary>
    public string? Resolve(string idOrAlias) =>
        AliasRule.Resolve(idOrAlias, key => _aliases.TryGetValue(key, out var hit) ? [hit] : []);

    /// <summary>True when <paramref name="id"/> is the canonical id of a document in the corpus.</summary>
    public bool IsDocument(string id) => _owners.ContainsKey(id);

    /// <summary>The aliases entry of the file that owns document <paramref name="id"/>, or null.</summary>
    public DocumentAliases? Owner(string id) => _owners.GetValueOrDefault(id);

    /// <summary>
    /// The motion document an unnumbered motion citation most likely is (see the type's remarks), or null.
    /// </summary>
    /// <param name="sponsors">Sponsor surnames, first the lead sponsor.</param>
    /// <param name="citingDate">ISO date of the citing document.</param>
    public string? ResolveMotion(IReadOnlyList<string> sponsors, string? citingDate)
    {
        ArgumentNullException.ThrowIfNull(sponsors);
        var slugs = sponsors.Select(NodeIds.Slug).Where(s => s.Length > 0).ToList();
        if (slugs.Count == 0 || !_motionsBySponsor.TryGetValue(slugs[0], out var candidates))
        {
            return null;
        }

        var matching = candidates.Where(c => slugs.All(c.Sponsors.Contains)).ToList();
        if (citingDate is null || !DateOnly.TryParseExact(citingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cited))
        {
            return matching.Count == 1 ? matching[0].Id : null;
        }

        var window = matching
            .Where(c => c.Date is { } d && d <= cited && cited.DayNumber - d.DayNumber <= MotionWindowDays)
            .OrderByDescending(c => c.Date)
            .ToList();

        // Two motions by the same sponsors on the latest date: no way to tell which one is meant; stay a placeholder.
        return window.Count == 0 || (window.Count > 1 && window[1].Date == window[0].Date) ? null : window[0].Id;
    }

    /// <summary>The placeholder kind of an unresolved target, from the citation kind or the shape of the id.</summary>
    public static string PlaceholderKind(string target, string? citationKind) =>
        citationKind is { Length: > 0 } k ? k
        : target.StartsWith("kst-", StringComparison.Ordinal) ? "kamerstuk"
        : target.StartsWith("ah-tk-", StringComparison.Ordinal) ? "aanhangsel"
        : target.StartsWith("h-tk-", StringComparison.Ordinal) ? "handelingen"
        : target.StartsWith("kv-tk-", StringComparison.Ordinal) ? "question"
        : target.StartsWith("letter:", StringComparison.Ordinal) ? "letter"
        : target.StartsWith("motion:", StringComparison.Ordinal) ? "motion"
        : target.StartsWith("ECLI:", StringComparison.Ordinal) ? "ecli"
        : Ids.IsZaak(target) ? "zaak"
        : "reference";

    private static bool Better(DocumentAliases a, DocumentAliases b) =>
        a.Primary != b.Primary ? a.Primary
        : a.Weight != b.Weight ? a.Weight > b.Weight
        : string.CompareOrdinal(a.File, b.File) < 0;

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
