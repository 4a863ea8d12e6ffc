using System.Globalization;
using KvGraph.Core.Resolution;

namespace KvGraph.Core.Graph;

/// <summary>
/// A CITES edge as a typed record: the evidence (quote and span), what was cited and how the link was made. The graph
/// stores edges as property bags (SQLite, Neo4j); this record is the one place that maps the two, so facts, resolution
/// and every view read and write CITES edges through named fields, never through string keys.
/// </summary>
/// <param name="Source">The citing document.</param>
/// <param name="Target">The cited node (raw before resolution, canonical after).</param>
/// <param name="Kind">The citation kind's JSON name (<c>motion</c>, <c>letter</c>, …).</param>
/// <param name="Quote">The exact text of the mention.</param>
/// <param name="Start">Start offset in the citing document's cleaned text.</param>
/// <param name="End">End offset (exclusive).</param>
public sealed record CitesEdge(string Source, string Target, string Kind, string Quote, long Start, long End)
{
    /// <summary>The question/answer item the mention stands in.</summary>
    public string? Item { get; init; }

    /// <summary>How sure the link is (0..1): the extraction's confidence, or the score of a weighed match.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>How the link was made (<see cref="LinkMethod"/>).</summary>
    public string Method { get; init; } = LinkMethod.ExplicitId;

    /// <summary>What was weighed, in words; null for an explicit id.</summary>
    public string? Evidence { get; init; }

    /// <summary>For an unresolved mention: its best candidates, "id (score); …".</summary>
    public string? Candidates { get; init; }

    /// <summary>The target as written, when resolution changed it (an alias, a letter's key, a motion's sponsor key).</summary>
    public string? Cited { get; init; }

    /// <summary>A letter's sender (ministry key), as weighed by <see cref="LetterIdentity"/>.</summary>
    public string? Sender { get; init; }

    /// <summary>The content words around an unnumbered motion, as weighed by <see cref="MotionIdentity"/>.</summary>
    public string? Context { get; init; }

    public string? Sponsor { get; init; }

    /// <summary>Sponsor surnames, "; "-joined.</summary>
    public string? Sponsors { get; init; }

    public string? Reference { get; init; }

    public bool Corrected { get; init; }

    public string? Original { get; init; }

    /// <summary>The cited letter's or document's date (ISO).</summary>
    public string? Date { get; init; }

    public string? Subject { get; init; }

    /// <summary>The item inside the cited document (<c>a17</c>), for an answer in another document.</summary>
    public string? Fragment { get; init; }

    /// <summary>The footnote the target was taken from.</summary>
    public long? Footnote { get; init; }

    /// <summary>The citing document's date (ISO), for weighing time windows.</summary>
    public string? DocDate { get; init; }

    /// <summary>Properties written by a later version and not known here: kept as they are.</summary>
    public IReadOnlyDictionary<string, object?> Other { get; init; } = new Dictionary<string, object?>();

    /// <summary>True when the link is uncertain enough to be shown as such (below <see cref="LinkMethod.LowConfidence"/>, or unresolved).</summary>
    public bool IsLowConfidence => Confidence < LinkMethod.LowConfidence || Method == LinkMethod.Unresolved;

    /// <summary>"sponsor+subject+date 0.72", the short form tables show.</summary>
    public string Summary => $"{Method} {Confidence.ToString("0.00", CultureInfo.InvariantCulture)}";

    /// <summary>The sponsors as a list.</summary>
    public IReadOnlyList<string> SponsorList => Sponsors?.Split("; ", StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>The edge as the graph stores it.</summary>
    public GraphEdge ToEdge()
    {
        var props = GraphFacts.Props(
            ("kind", Kind), ("quote", Quote), ("start", Start), ("end", End), ("item", Item), ("confidence", Math.Round(Confidence, 3)),
            ("method", Method), ("evidence", Evidence), ("candidates", Candidates), ("cited", Cited), ("sender", Sender), ("context", Context),
            ("sponsor", Sponsor), ("sponsors", Sponsors), ("reference", Reference), ("corrected", Corrected ? true : null), ("original", Original),
            ("date", Date), ("subject", Subject), ("fragment", Fragment), ("footnote", Footnote), ("docDate", DocDate));
        foreach (var (k, v) in Other)
        {
            props.TryAdd(k, v);
        }

        return new GraphEdge(Source, Target, EdgeType.Cites, props);
    }

    /// <summary>The typed view of a stored CITES edge.</summary>
    public static CitesEdge From(GraphEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        if (edge.Type != EdgeType.Cites)
        {
            throw new ArgumentException($"{edge.Type} is not a CITES edge.", nameof(edge));
        }

        var p = edge.Properties;
        string? S(string key) => p.GetValueOrDefault(key) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;
        long? L(string key) => p.GetValueOrDefault(key) is { } v ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
        return new CitesEdge(edge.Source, edge.Target, S("kind") ?? string.Empty, S("quote") ?? string.Empty, L("start") ?? -1, L("end") ?? -1)
        {
            Item = S("item"),
            Confidence = p.GetValueOrDefault("confidence") is { } c ? Convert.ToDouble(c, CultureInfo.InvariantCulture) : 1.0,
            Method = S("method") ?? (p.ContainsKey("cited") ? LinkMethod.Alias : LinkMethod.ExplicitId),
            Evidence = S("evidence"),
            Candidates = S("candidates"),
            Cited = S("cited"),
            Sender = S("sender"),
            Context = S("context"),
            Sponsor = S("sponsor"),
            Sponsors = S("sponsors"),
            Reference = S("reference"),
            Corrected = p.GetValueOrDefault("corrected") is true,
            Original = S("original"),
            Date = S("date"),
            Subject = S("subject"),
            Fragment = S("fragment"),
            Footnote = L("footnote"),
            DocDate = S("docDate"),
            Other = Unknown(p),
        };
    }

    /// <summary>
    /// The properties this record has no field for, in the edge's order. A loop, not <c>Where(...).ToDictionary(...)</c>: LINQ
    /// over key-value pairs (a value type) is generic code the ReadyToRun images cannot hold, JIT-compiled at every CLI call.
    /// </summary>
    private static Dictionary<string, object?> Unknown(IReadOnlyDictionary<string, object?> properties)
    {
        var other = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var kv in properties)
        {
            if (!Known.Contains(kv.Key))
            {
                other.Add(kv.Key, kv.Value);
            }
        }

        return other;
    }

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "kind", "quote", "start", "end", "item", "confidence", "method", "evidence", "candidates", "cited", "sender", "context",
        "sponsor", "sponsors", "reference", "corrected", "original", "date", "subject", "fragment", "footnote", "docDate",
    };
}
