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
    /// <summary>The properties <see cref="DateOf"/> reads, in the order it tries them.</summary>
    public static readonly IReadOnlyList<string> DateKeys = ["date", "answered", "submitted"];

    /// <summary>The documents citing <paramref name="id"/> (after alias resolution), at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<Citing> CitedBy(this ICitationGraph graph, string id, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return Citers(graph, id, limit, u => graph.Incoming(u, EdgeType.Cites), ids =>
        {
            graph.PrefetchNodes(ids);
            return graph.Find;
        });
    }

    /// <summary>
    /// The documents citing <paramref name="id"/> as <see cref="CitedBy"/> lists them (the same documents in the same
    /// order, each with as many mentions at the same positions), read narrowly when the graph can
    /// (<see cref="ICitationKeys"/>): each citer's node then holds its label, name, kind and dates only
    /// (<see cref="ICitationKeys.NodeKeys"/>) and each mention its <c>start</c> only. For counting and choosing the citers
    /// to show (a hub has thousands; a terminal shows <see cref="QueryLimits.MaxCitedBy"/>); <see cref="InFull"/> reads the
    /// chosen ones whole. On any other graph, <see cref="CitedBy"/> itself.
    /// </summary>
    public static IReadOnlyList<Citing> CitedByKeys(this ICitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph is not ICitationKeys keys)
        {
            return graph.CitedBy(id);
        }

        return Citers(graph, id, int.MaxValue, u => graph.Find(u) is { } n ? keys.CitesKeysInto(n.Id) : [], ids =>
        {
            var nodes = keys.NodeKeys(ids).ToDictionary(n => n.Id, StringComparer.Ordinal);
            return nodes.GetValueOrDefault;
        });
    }

    /// <summary>
    /// The citers of <paramref name="id"/> among <paramref name="sources"/>, whole, by source id: each as <see cref="CitedBy"/>
    /// holds it, read from those sources' own CITES edges (a few each), not from all the edges into a hub.
    /// </summary>
    public static IReadOnlyDictionary<string, Citing> InFull(this ICitationGraph graph, string id, IReadOnlyCollection<string> sources)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sources);
        var chosen = sources.Distinct(StringComparer.Ordinal).ToList();
        (graph as ICitationKeys)?.PrefetchCites(chosen);
        var outgoing = chosen.ToDictionary(s => s, s => graph.Outgoing(s, EdgeType.Cites), StringComparer.Ordinal);
        var citers = Citers(graph, id, int.MaxValue, u => graph.Find(u) is { } n ? chosen.SelectMany(s => outgoing[s].Where(e => e.Target == n.Id)) : [], ids =>
        {
            graph.PrefetchNodes(ids);
            return graph.Find;
        });
        return citers.ToDictionary(c => c.Source.Id, StringComparer.Ordinal);
    }

    // The one cited-by rule over some reads: a node and the documents it answers or that answer it are one unit; each
    // CITES edge into the unit from outside it, once per source and position, grouped per source; the sources' nodes read
    // together; ordered by date, then id. incoming(u) gives the CITES edges into unit member u (in the graph's order per
    // source); nodes(ids) reads those ids' nodes and hands back the look-up.
    private static IReadOnlyList<Citing> Citers(ICitationGraph graph, string id, int limit, Func<string, IEnumerable<GraphEdge>> incoming, Func<IReadOnlyCollection<string>, Func<string, GraphNode?>> nodes)
    {
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
        foreach (var edge in unit.Distinct(StringComparer.Ordinal).SelectMany(incoming))
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

        var find = nodes(bySource.Keys);
        return [.. bySource
            .Select(kv => new Citing(
                find(kv.Key) ?? new GraphNode(kv.Key, NodeLabel.Placeholder, kv.Key, new Dictionary<string, object?>()),
                [.. kv.Value.OrderBy(e => e.Properties.GetValueOrDefault("start") is long s ? s : long.MaxValue)]))
            .OrderBy(c => c.Date, StringComparer.Ordinal)
            .ThenBy(c => c.Source.Id, StringComparer.Ordinal)
            .Take(limit)];
    }

    /// <summary>The date a node is placed at in lists: its date, else answered, else submitted (empty when none). The one rule CLI and explorer share.</summary>
    public static string DateOf(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var key in DateKeys)
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

/// <summary>
/// Narrow reads of a graph for counting and ordering a hub's citers (<see cref="CitedByQuery.CitedByKeys"/>): a store reads
/// only the columns these need instead of thousands of whole nodes and quotes.
/// </summary>
public interface ICitationKeys
{
    /// <summary>The node properties <see cref="NodeKeys"/> keeps: the dates <see cref="CitedByQuery.DateOf"/> reads and the kind.</summary>
    static IReadOnlyList<string> Keys { get; } = [.. CitedByQuery.DateKeys, "kind"];

    /// <summary>The CITES edges into <paramref name="id"/> (an exact id) as <c>Incoming(id, CITES)</c> lists them, each with its <c>start</c> property only.</summary>
    IReadOnlyList<GraphEdge> CitesKeysInto(string id);

    /// <summary>The nodes of <paramref name="ids"/> that exist, each with its id, label and name as merged and of its properties only <see cref="Keys"/>.</summary>
    IReadOnlyList<GraphNode> NodeKeys(IReadOnlyCollection<string> ids);

    /// <summary>
    /// The MEMBER_OF edges out of <paramref name="id"/>, the exact id of a node that exists, as <c>Outgoing(id, MEMBER_OF)</c>
    /// lists them, without reading the node (Outgoing finds it first): a motion's sponsor's parties.
    /// </summary>
    IReadOnlyList<GraphEdge> MembershipsOf(string id);

    /// <summary>A hint that the nodes and outgoing CITES edges of <paramref name="ids"/> are read next (one query, not one per id).</summary>
    void PrefetchCites(IReadOnlyCollection<string> ids);
}
