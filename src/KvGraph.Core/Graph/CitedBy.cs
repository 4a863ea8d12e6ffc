using System.Globalization;

namespace KvGraph.Core.Graph;

/// <summary>One document that cites another, with every mention (CITES edge) it makes of it, in text order.</summary>
/// <param name="Source">The citing document (a placeholder node when the citer is not in the graph, which cannot happen for resolved facts).</param>
/// <param name="Mentions">Its CITES edges to the cited document, ordered by position.</param>
public sealed record Citing(GraphNode Source, IReadOnlyList<GraphEdge> Mentions)
{
    /// <summary>The citing document's date, for ordering (empty when unknown).</summary>
    public string Date => CitedByQuery.DateOf(Source);
}

/// <summary>
/// "Who cites this document?", the one answer CLI, explorer and export share. A question and its answer are one unit
/// here: a citation of the questions (<c>kv-tk-…</c>) or of the answer counts for both, as a reader means "those
/// questions and their answers". Citers are documents, counted once each however often they cite; ordered by date, then id.
/// </summary>
public static class CitedByQuery
{
    /// <summary>The documents citing <paramref name="id"/> (after alias resolution), at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<Citing> CitedBy(this ICitationGraph graph, string id, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(id);
        if (graph.Find(id) is not { } node)
        {
            return [];
        }

        var unit = new List<string> { node.Id };
        unit.AddRange(graph.Outgoing(node.Id, EdgeType.Answers).Select(e => e.Target));
        unit.AddRange(graph.Incoming(node.Id, EdgeType.Answers).Select(e => e.Source));

        var bySource = new Dictionary<string, List<GraphEdge>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var edge in unit.Distinct(StringComparer.Ordinal).SelectMany(u => graph.Incoming(u, EdgeType.Cites)))
        {
            if (unit.Contains(edge.Source, StringComparer.Ordinal) || !seen.Add((edge.Source, Position(edge))))
            {
                continue;
            }

            if (!bySource.TryGetValue(edge.Source, out var list))
            {
                bySource[edge.Source] = list = [];
            }

            list.Add(edge);
        }

        graph.PrefetchNodes(bySource.Keys);
        return [.. bySource
            .Select(kv => new Citing(
                graph.Find(kv.Key) ?? new GraphNode(kv.Key, NodeLabel.Placeholder, kv.Key, new Dictionary<string, object?>()),
                [.. kv.Value.OrderBy(e => e.Properties.GetValueOrDefault("start") is long s ? s : long.MaxValue)]))
            .OrderBy(c => c.Date, StringComparer.Ordinal)
            .ThenBy(c => c.Source.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>The date a node is placed at in lists: its date, else answered, else submitted (empty when none). The one rule CLI and explorer share.</summary>
    public static string DateOf(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var key in new[] { "date", "answered", "submitted" })
        {
            if (node.Properties.GetValueOrDefault(key) is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s)
            {
                return s;
            }
        }

        return string.Empty;
    }

    private static string Position(GraphEdge edge) =>
        Convert.ToString(edge.Properties.GetValueOrDefault("start"), CultureInfo.InvariantCulture) ?? string.Empty;
}
