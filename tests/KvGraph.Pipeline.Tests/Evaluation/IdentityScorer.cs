using System.Globalization;
using System.Text;

namespace KvGraph.Pipeline.Tests.Evaluation;

/// <summary>What one gold row resolved to and whether the graph honours it.</summary>
public sealed record IdentityOutcome(IdentityRow Row, IReadOnlyList<string> A, IReadOnlyList<string> B)
{
    /// <summary>
    /// The graph links the two endpoints. A <c>same</c> row is linked only when both sets hold exactly one node and it is
    /// the same one (a mention split over two nodes is not linked); a <c>different</c> row is linked when the sets intersect.
    /// </summary>
    public bool Linked => Row.Relation == IdentityRelation.Same
        ? A.Count == 1 && B.Count == 1 && A[0] == B[0]
        : A.Intersect(B, StringComparer.Ordinal).Any();

    /// <summary>The graph honours the row: a <c>same</c> row is linked, a <c>different</c> row is not.</summary>
    public bool Holds => Row.Relation == IdentityRelation.Same ? Linked : !Linked;

    /// <summary>A <c>different</c> row with an endpoint that resolved to nothing holds trivially; the report counts these.</summary>
    public bool Vacuous => Row.Relation == IdentityRelation.Different && (A.Count == 0 || B.Count == 0);
}

/// <summary>Pairwise precision and recall over a group of outcomes.</summary>
/// <param name="Same">Must-link rows.</param>
/// <param name="Different">Must-not-link rows.</param>
/// <param name="LinkedSame">Must-link rows the graph links (true positives).</param>
/// <param name="LinkedDifferent">Must-not-link rows the graph links (false positives).</param>
/// <param name="Vacuous">Must-not-link rows that hold only because an endpoint resolved to nothing.</param>
public sealed record IdentityScore(int Same, int Different, int LinkedSame, int LinkedDifferent, int Vacuous)
{
    /// <summary>linked-and-same / all-linked; NaN when nothing is linked.</summary>
    public double Precision => LinkedSame + LinkedDifferent == 0 ? double.NaN : (double)LinkedSame / (LinkedSame + LinkedDifferent);

    /// <summary>linked-and-same / all-same; NaN when there are no must-link rows.</summary>
    public double Recall => Same == 0 ? double.NaN : (double)LinkedSame / Same;

    public static IdentityScore Of(IEnumerable<IdentityOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var list = outcomes.ToList();
        var same = list.Where(o => o.Row.Relation == IdentityRelation.Same).ToList();
        var different = list.Where(o => o.Row.Relation == IdentityRelation.Different).ToList();
        return new IdentityScore(same.Count, different.Count, same.Count(o => o.Linked), different.Count(o => o.Linked), different.Count(o => o.Vacuous));
    }
}

/// <summary>Resolves every gold row against the graph and scores it per category and set.</summary>
public sealed class IdentityScorer
{
    private readonly IdentityEndpointResolver _resolver;

    public IdentityScorer(IdentityEndpointResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        _resolver = resolver;
    }

    public IReadOnlyList<IdentityOutcome> Evaluate(IEnumerable<IdentityRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.Select(r => new IdentityOutcome(r, _resolver.Resolve(r.A), _resolver.Resolve(r.B)))];
    }

    /// <summary>
    /// The printed report: for every category and overall, the score on dev, heldout and both; then every row the graph
    /// violates with what each endpoint resolved to.
    /// </summary>
    public static string Report(IReadOnlyList<IdentityOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"category",-20} {"set",-8} {"same",5} {"diff",5} {"TP",5} {"FP",5} {"vacuous",7} {"precision",9} {"recall",7}");
        var groups = outcomes.Select(o => o.Row.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(c => (Name: c, Rows: outcomes.Where(o => o.Row.Category == c).ToList()))
            .Append((Name: "OVERALL", Rows: outcomes.ToList()));
        foreach (var (name, rows) in groups)
        {
            foreach (var (set, subset) in new[]
            {
                ("dev", rows.Where(o => !o.Row.Heldout)),
                ("heldout", rows.Where(o => o.Row.Heldout)),
                ("all", rows),
            })
            {
                var s = IdentityScore.Of(subset);
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"{name,-20} {set,-8} {s.Same,5} {s.Different,5} {s.LinkedSame,5} {s.LinkedDifferent,5} {s.Vacuous,7} {Format(s.Precision),9} {Format(s.Recall),7}");
            }
        }

        var violated = outcomes.Where(o => !o.Holds).ToList();
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Violated rows: {violated.Count}");
        foreach (var o in violated)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- [{o.Row.Category}] {o.Row}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    A → {Nodes(o.A)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    B → {Nodes(o.B)}");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    evidence: {o.Row.Evidence}");
        }

        return sb.ToString();
    }

    /// <summary>A score as printed: three decimals, or a dash when undefined.</summary>
    public static string Format(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Nodes(IReadOnlyList<string> ids) => ids.Count == 0 ? "(nothing)" : "{" + string.Join(", ", ids) + "}";
}
