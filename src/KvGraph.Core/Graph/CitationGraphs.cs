using KvGraph.Core.Model;
using KvGraph.Core.Resolution;

namespace KvGraph.Core.Graph;

/// <summary>Builds the in-memory <see cref="ICitationGraph"/> from facts (the store's path) or straight from extracted documents.</summary>
public static class CitationGraphs
{
    /// <summary>The graph of a set of extracted documents (no store): facts per document, resolved against each other.</summary>
    public static ICitationGraph FromDocuments(IEnumerable<ExtractedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var list = documents.ToList();
        var facts = list.Select(GraphFacts.Facts).ToList();
        var resolver = Resolver.Create(list.SelectMany(DocumentAliases.For), facts.SelectMany(FactsResolver.LetterMentions));
        return Assemble(facts, resolver);
    }

    /// <summary>
    /// Assembles the graph from every file's raw facts: each file's facts are resolved (<see cref="FactsResolver"/>), nodes
    /// asserted by several files are merged (a document beats a placeholder; otherwise the first assertion wins and later
    /// ones fill missing properties), structural edges are de-duplicated. O(nodes + edges).
    /// </summary>
    public static ICitationGraph Assemble(IEnumerable<DocumentFacts> rawFacts, Resolver resolver)
    {
        ArgumentNullException.ThrowIfNull(rawFacts);
        ArgumentNullException.ThrowIfNull(resolver);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var edges = new List<GraphEdge>();
        var structural = new HashSet<(string, string, string)>();
        foreach (var raw in rawFacts)
        {
            var facts = FactsResolver.Resolve(raw, resolver);
            foreach (var n in facts.Nodes)
            {
                Merge(nodes, n);
            }

            foreach (var e in facts.Edges)
            {
                if (e.Properties.ContainsKey("start") || structural.Add((e.Source, e.Target, e.Type)))
                {
                    edges.Add(e);
                }
            }
        }

        return new CitationGraph(nodes, edges, resolver);
    }

    private static void Merge(Dictionary<string, GraphNode> nodes, GraphNode n)
    {
        if (!nodes.TryGetValue(n.Id, out var existing))
        {
            nodes[n.Id] = n;
            return;
        }

        if (existing.Label == NodeLabel.Placeholder && n.Label != NodeLabel.Placeholder)
        {
            nodes[n.Id] = n;
            return;
        }

        if (n.Label == NodeLabel.Placeholder)
        {
            return;
        }

        var missing = n.Properties.Where(kv => !existing.Properties.ContainsKey(kv.Key)).ToList();
        if (missing.Count > 0)
        {
            var merged = new Dictionary<string, object?>(existing.Properties, StringComparer.Ordinal);
            foreach (var (k, v) in missing)
            {
                merged[k] = v;
            }

            nodes[n.Id] = existing with { Properties = merged };
        }
    }
}
