using System.Globalization;
using KvGraph.Core.Graph;

namespace KvGraph.Core.Entities.People;

/// <summary>
/// Party membership in time. A person's party is not a property of the person (members change party: Westerveld
/// GroenLinks → GroenLinks-PvdA, Pouw-Verweij JA21 → BBB) but of MEMBER_OF edges, each carrying the date of its
/// evidence: a file asserts <c>date</c> (the date of the document that names the person with the party); the
/// assembled graph holds one MEMBER_OF per person and party with <c>from</c>/<c>to</c>, the first and last such date
/// over all files, whatever order the files come in. The party shown for a document is <see cref="PartyAt"/> its date.
/// </summary>
public static class PartyMembership
{
    /// <summary>The properties of one file's MEMBER_OF edge: the date of the document that is the evidence.</summary>
    public static Dictionary<string, object?> EdgeProperties(string? documentDate)
    {
        var props = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (IsoDay(documentDate) is { } day)
        {
            props["date"] = day;
        }

        return props;
    }

    /// <summary>
    /// Folds MEMBER_OF edges (from any number of files, in any order) into one per person and party, with
    /// <c>from</c>/<c>to</c> the earliest and latest evidence date (absent when no evidence was dated). Other edges pass through.
    /// </summary>
    public static IEnumerable<GraphEdge> Aggregate(IEnumerable<GraphEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        // Spans by person, then party, and each span a class: no collection or ordering over value tuples, which
        // ReadyToRun cannot precompile (a CLI call JIT-compiled some 20 methods for them).
        var spans = new Dictionary<string, Dictionary<string, Span>>(StringComparer.Ordinal);
        var order = new List<Span>();
        foreach (var e in edges)
        {
            if (e.Type != EdgeType.MemberOf)
            {
                yield return e;
                continue;
            }

            var (from, to) = Dates(e);
            if (!spans.TryGetValue(e.Source, out var parties))
            {
                spans[e.Source] = parties = new Dictionary<string, Span>(StringComparer.Ordinal);
            }

            if (!parties.TryGetValue(e.Target, out var span))
            {
                parties[e.Target] = span = new Span(e.Source, e.Target) { From = from, To = to };
                order.Add(span);
                continue;
            }

            (span.From, span.To) = (Min(span.From, from), Max(span.To, to));
        }

        order.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source) is var bySource and not 0 ? bySource : string.CompareOrdinal(a.Target, b.Target));
        foreach (var span in order)
        {
            var props = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (span.From is not null)
            {
                props["from"] = span.From;
                props["to"] = span.To;
            }

            yield return new GraphEdge(span.Source, span.Target, EdgeType.MemberOf, props);
        }
    }

    // A person's membership of a party being folded: the earliest and latest evidence date so far.
    private sealed class Span(string source, string target)
    {
        public string Source { get; } = source;

        public string Target { get; } = target;

        public string? From { get; set; }

        public string? To { get; set; }
    }

    /// <summary>
    /// The party (target id) of a person's MEMBER_OF edges at <paramref name="date"/>: the membership whose evidence span
    /// holds the date (the one that started last when several do), else the one whose span is nearest in time; without
    /// a date, the latest. Null when there are none.
    /// </summary>
    public static string? PartyAt(IEnumerable<GraphEdge> memberOf, string? date)
    {
        ArgumentNullException.ThrowIfNull(memberOf);
        var day = Parse(IsoDay(date));
        string? best = null;
        (int Distance, int Start, string Target)? bestRank = null;
        foreach (var e in memberOf.Where(e => e.Type == EdgeType.MemberOf))
        {
            var (fromText, toText) = Dates(e);
            var from = Parse(fromText);
            var to = Parse(toText) ?? from;
            int distance;
            if (from is null || to is null)
            {
                distance = int.MaxValue; // undated evidence: only when nothing dated is known
            }
            else if (day is not { } d)
            {
                distance = -to.Value.DayNumber; // no date asked: the latest evidence
            }
            else
            {
                distance = d < from.Value ? from.Value.DayNumber - d.DayNumber : d > to.Value ? d.DayNumber - to.Value.DayNumber : 0;
            }

            var rank = (distance, -(from?.DayNumber ?? 0), e.Target);
            if (bestRank is null || Compare(rank, bestRank.Value) < 0)
            {
                bestRank = rank;
                best = e.Target;
            }
        }

        return best;
    }

    private static int Compare((int Distance, int Start, string Target) a, (int Distance, int Start, string Target) b) =>
        a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance)
        : a.Start != b.Start ? a.Start.CompareTo(b.Start)
        : string.CompareOrdinal(a.Target, b.Target);

    private static (string? From, string? To) Dates(GraphEdge e)
    {
        var date = IsoDay(e.Properties.GetValueOrDefault("date") as string);
        var from = IsoDay(e.Properties.GetValueOrDefault("from") as string) ?? date;
        var to = IsoDay(e.Properties.GetValueOrDefault("to") as string) ?? date ?? from;
        return (from, to);
    }

    private static string? IsoDay(string? date) =>
        date is { Length: >= 10 } && DateOnly.TryParseExact(date[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? date[..10] : null;

    private static DateOnly? Parse(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Min(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) <= 0 ? a : b;

    private static string? Max(string? a, string? b) => a is null ? b : b is null ? a : string.CompareOrdinal(a, b) >= 0 ? a : b;
}
