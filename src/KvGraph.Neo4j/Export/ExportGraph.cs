using KvGraph.Core.Graph;
using KvGraph.Neo4j.Push;
using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Export;

/// <summary>The graph as the exporters write it: nodes grouped by kind, relationships by type, properties cleaned for Neo4j.</summary>
public sealed class ExportGraph
{
    private ExportGraph(IReadOnlyList<ExportNode> nodes, IReadOnlyList<ExportEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    public IReadOnlyList<ExportNode> Nodes { get; }

    public IReadOnlyList<ExportEdge> Edges { get; }

    /// <summary>From the embedded graph (<see cref="ICitationGraph"/>); nodes and edges with labels or types off the whitelist are skipped and counted.</summary>
    public static ExportGraph From(ICitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var nodes = new List<ExportNode>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in graph.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            if (!GraphVocabulary.IsKnownLabel(n.Label) || !ids.Add(n.Id))
            {
                continue;
            }

            var props = PropertyValues.Clean(n.Properties);
            if (n.Name is not null)
            {
                props["name"] = n.Name;
            }

            nodes.Add(new ExportNode(n.Id, n.Label, [GraphVocabulary.IdentityLabel, .. GraphVocabulary.LabelsFor(n.Label)], props));
        }

        var edges = new List<ExportEdge>();
        foreach (var e in graph.Edges)
        {
            if (!GraphVocabulary.IsKnownEdgeType(e.Type))
            {
                continue;
            }

            foreach (var end in new[] { e.Source, e.Target })
            {
                if (ids.Add(end))
                {
                    // An endpoint the graph does not list is a placeholder, as the push makes it.
                    nodes.Add(new ExportNode(end, NodeLabel.Placeholder, [GraphVocabulary.IdentityLabel, NodeLabel.Placeholder], new Dictionary<string, object?>()));
                }
            }

            edges.Add(new ExportEdge(e.Source, e.Target, e.Type, e.Properties.ContainsKey("start"), PropertyValues.Clean(e.Properties)));
        }

        return new ExportGraph(nodes, edges);
    }
}

/// <summary>A node to export: its kind (the label it is grouped by) and all its labels.</summary>
public sealed record ExportNode(string Id, string Kind, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);

/// <summary>A relationship to export; <paramref name="Evidence"/> when it carries a quote at a span (CITES, REFERS_TO).</summary>
public sealed record ExportEdge(string Source, string Target, string Type, bool Evidence, IReadOnlyDictionary<string, object?> Properties);
