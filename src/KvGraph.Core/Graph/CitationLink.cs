using System.Globalization;
using KvGraph.Core.Resolution;

namespace KvGraph.Core.Graph;

/// <summary>
/// How a CITES edge was made, read from its properties in one place for every view (CLI, explorer, export):
/// the method (<see cref="LinkMethod"/>), the confidence, the evidence weighed, and for an unresolved mention its best
/// candidates.
/// </summary>
/// <param name="Method">See <see cref="LinkMethod"/>.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Evidence">What was weighed, or null for an explicit id.</param>
/// <param name="Candidates">For an unresolved mention: "id (score); …", or null.</param>
public sealed record CitationLink(string Method, double Confidence, string? Evidence, string? Candidates)
{
    /// <summary>True when the link is uncertain enough to be shown as such (below <see cref="LinkMethod.LowConfidence"/>, or unresolved).</summary>
    public bool IsLowConfidence => Confidence < LinkMethod.LowConfidence || Method == LinkMethod.Unresolved;

    /// <summary>"sponsor+subject+date 0.72", the short form tables show.</summary>
    public string Summary => $"{Method} {Confidence.ToString("0.00", CultureInfo.InvariantCulture)}";

    /// <summary>The link of a CITES edge.</summary>
    public static CitationLink Of(GraphEdge edge)
    {
        var cite = CitesEdge.From(edge);
        return new CitationLink(cite.Method, cite.Confidence, cite.Evidence, cite.Candidates);
    }
}
