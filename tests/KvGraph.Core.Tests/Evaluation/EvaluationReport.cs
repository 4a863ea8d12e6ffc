using System.Globalization;
using System.Text;
using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>Counts for one citation kind (or the micro total).</summary>
internal sealed record KindCounts(string Kind, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>Null when nothing was predicted (precision is undefined).</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Null when nothing was expected (recall is undefined).</summary>
    public double? Recall => TruePositives + FalseNegatives == 0 ? null : (double)TruePositives / (TruePositives + FalseNegatives);
}

/// <summary>Per-kind and micro-averaged precision and recall over all evaluated documents, with every error listed.</summary>
internal sealed class EvaluationReport
{
    private readonly IReadOnlyList<DocumentScore> _scores;

    public EvaluationReport(IReadOnlyList<DocumentScore> scores)
    {
        _scores = scores;
        var kinds = CitationKeys.KindNames.Order(StringComparer.Ordinal).ToList();
        PerKind = kinds
            .Select(k => new KindCounts(
                k,
                scores.Sum(s => s.TruePositives.Count(t => t.Gold.Kind == k)),
                scores.Sum(s => s.FalsePositives.Count(f => CitationKeys.KindName(f.Kind) == k)),
                scores.Sum(s => s.FalseNegatives.Count(f => f.Kind == k))))
            .ToList();
        Total = new KindCounts(
            "ALL (micro)",
            PerKind.Sum(k => k.TruePositives),
            PerKind.Sum(k => k.FalsePositives),
            PerKind.Sum(k => k.FalseNegatives));
    }

    public IReadOnlyList<KindCounts> PerKind { get; }

    public KindCounts Total { get; }

    /// <summary>The per-kind table only (for a subset such as the held-out documents).</summary>
    public string RenderTotals()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{_scores.Count} documents, {_scores.Sum(s => s.Gold.Required.Count())} required gold citations.");
        AppendTable(sb);
        return sb.ToString();
    }

    public string Render()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"KvGraph citation evaluation: {_scores.Count} documents, {_scores.Sum(s => s.Gold.Required.Count())} required gold citations, " +
                           $"{_scores.Sum(s => s.Gold.Citations.Count(c => c.Optional))} optional.");
        sb.AppendLine();
        AppendTable(sb);

        sb.AppendLine();
        sb.AppendLine("Per document (TP / FP / FN, optional matched):");
        foreach (var s in _scores)
        {
            sb.AppendLine(inv, $"  {s.Gold.GoldFile,-34} {s.TruePositives.Count,3} / {s.FalsePositives.Count,3} / {s.FalseNegatives.Count,3}  ({s.OptionalMatches.Count} opt){(s.Error is null ? string.Empty : "  ERROR: " + s.Error)}");
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"False negatives ({Total.FalseNegatives}): expected by the gold, not found");
        foreach (var s in _scores)
        {
            foreach (var fn in s.FalseNegatives)
            {
                sb.AppendLine(inv, $"  FN {s.Gold.GoldFile}: {fn.Kind} {fn.Target}  «{Clip(fn.Quote)}»{(fn.Note is null ? string.Empty : "  [" + fn.Note + "]")}");
            }
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"False positives ({Total.FalsePositives}): found, not in the gold");
        foreach (var s in _scores)
        {
            foreach (var fp in s.FalsePositives)
            {
                sb.AppendLine(inv, $"  FP {s.Gold.GoldFile}: {CitationKeys.KindName(fp.Kind)} {fp.Target ?? "(null, sponsor " + (fp.Sponsor ?? "none") + ")"}  «{Clip(fp.Quote)}» @{fp.Start}{(fp.Item is null ? string.Empty : " in " + fp.Item)}");
            }
        }

        var viaAlt = _scores.SelectMany(s => s.TruePositives.Where(t => t.ViaAlternative).Select(t => (s, t))).ToList();
        if (viaAlt.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"Matched through an alternative reading ({viaAlt.Count}):");
            foreach (var (s, t) in viaAlt)
            {
                sb.AppendLine(inv, $"  ALT {s.Gold.GoldFile}: gold {t.Gold.Kind} {t.Gold.Target} ← {CitationKeys.KindName(t.Predicted.Kind)} {t.Predicted.Target ?? "(sponsor " + t.Predicted.Sponsor + ")"}");
            }
        }

        return sb.ToString();
    }

    private void AppendTable(StringBuilder sb)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"{"kind",-12} {"gold",5} {"pred",5} {"TP",5} {"FP",5} {"FN",5} {"precision",10} {"recall",8}");
        foreach (var k in PerKind.Append(Total))
        {
            var gold = k.TruePositives + k.FalseNegatives;
            var pred = k.TruePositives + k.FalsePositives;
            sb.AppendLine(inv, $"{k.Kind,-12} {gold,5} {pred,5} {k.TruePositives,5} {k.FalsePositives,5} {k.FalseNegatives,5} {Format(k.Precision),10} {Format(k.Recall),8}");
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Clip(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 140 ? flat : flat[..137] + "...";
    }
}
