using KvGraph.Core.Model;
using KvGraph.Core.Resolution;

namespace KvGraph.Core.Graph;

/// <summary>Builds the in-memory <see cref="ICitationGraph"/> from facts (the store's path) or straight from extracted documents.</summary>
public static class CitationGraphs
{
    /// <summary>
    /// The distinct targets of <paramref name="edges"/> in their order, each at its first edge: what
    /// <see cref="ICitationGraph.TargetsOf"/> answers from a node's outgoing edges of one type (a motion's sponsors, a dossier).
    /// </summary>
    public static IReadOnlyList<string> DistinctTargets(IEnumerable<GraphEdge> edges) =>
        [.. edges.Select(e => e.Target).Distinct(StringComparer.Ordinal)];

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
    /// asserted by several files are merged (a document beats a placeholder; a document's first assertion wins and later
    /// ones fill missing properties; people, parties and the other non-document nodes take, per property, the value an
    /// order-independent rule prefers), structural edges are de-duplicated and MEMBER_OF edges are folded into one per
    /// person and party with the <c>from</c>/<c>to</c> of their evidence (<see cref="Entities.People.PartyMembership"/>).
    /// The same facts in any file order give the same nodes and edges. O(nodes + edges).
    /// </summary>
    public static ICitationGraph Assemble(IEnumerable<DocumentFacts> rawFacts, Resolver resolver)
    {
        ArgumentNullException.ThrowIfNull(rawFacts);
        ArgumentNullException.ThrowIfNull(resolver);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        var resolved = rawFacts.Select(raw => FactsResolver.Resolve(raw, resolver)).ToList();

        // Every person mention on the person it names, as the corpus tells them apart (PersonDirectory): short forms of a
        // double surname on the double-named person, namesakes on one node each. The store's change feed applies the same.
        var people = Entities.People.PersonDirectory.Of(resolved.SelectMany(f => f.Nodes), resolved.SelectMany(f => f.Edges));
        var facts = resolved.Select(people.Apply).ToList();
        foreach (var n in facts.SelectMany(f => f.Nodes))
        {
            Merge(nodes, n);
        }

        return new CitationGraph(nodes, [.. MergeEdges(facts.SelectMany(f => f.Edges))], resolver);
    }

    /// <summary>
    /// One node as the graph holds it, from its assertions by every file in file order (path order), merged as
    /// <see cref="Assemble"/> merges them; null when there are none. The store's indexed graph merges a node's rows with this.
    /// </summary>
    public static GraphNode? MergeNode(IEnumerable<GraphNode> assertions)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in assertions)
        {
            Merge(nodes, n);
        }

        return nodes.Count switch
        {
            0 => null,
            1 => nodes.Values.First(),
            _ => throw new ArgumentException("Assertions of one node only.", nameof(assertions)),
        };
    }

    /// <summary>
    /// Whether <see cref="MergeEdges"/> keeps an edge other than MEMBER_OF, met in file order: a positioned one (with a
    /// <c>start</c>) always, a structural one only the first time its source, target and type are met (<paramref name="seen"/>
    /// holds those met so far). The store's indexed reads skip rows by this before parsing their properties.
    /// </summary>
    public static bool KeptInMerge(HashSet<(string Source, string Target, string Type)> seen, string source, string target, string type, bool positioned)
    {
        ArgumentNullException.ThrowIfNull(seen);
        return positioned || seen.Add((source, target, type));
    }

    /// <summary>
    /// Edges as the graph holds them, from resolved edges in file order: structural edges (no <c>start</c>) once per
    /// source, target and type, the first kept; MEMBER_OF folded into one per person and party, after the others
    /// (<see cref="Entities.People.PartyMembership.Aggregate"/>). Applied to all of a node's edges it gives that node's.
    /// </summary>
    public static IEnumerable<GraphEdge> MergeEdges(IEnumerable<GraphEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var structural = new HashSet<(string, string, string)>();
        var memberOf = new List<GraphEdge>();
        foreach (var e in edges)
        {
            if (e.Type == EdgeType.MemberOf)
            {
                memberOf.Add(e);
            }
            else if (KeptInMerge(structural, e.Source, e.Target, e.Type, e.Properties.ContainsKey("start")))
            {
                yield return e;
            }
        }

        foreach (var e in Entities.People.PartyMembership.Aggregate(memberOf))
        {
            yield return e;
        }
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

        if (!GraphFacts.IsDocumentLabel(n.Label))
        {
            nodes[n.Id] = MergeByRule(existing, n);
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

    // A person, party, office, … named by several files: every property takes the value Preferred picks from all the files'
    // values, so the result does not depend on which file came first.
    private static GraphNode MergeByRule(GraphNode a, GraphNode b)
    {
        var merged = new Dictionary<string, object?>(a.Properties, StringComparer.Ordinal);
        foreach (var (k, v) in b.Properties)
        {
            merged[k] = merged.TryGetValue(k, out var old) ? Preferred(old, v) : v;
        }

        var name = a.Name is null ? b.Name : b.Name is null ? a.Name : (string?)Preferred(a.Name, b.Name);
        var label = string.CompareOrdinal(a.Label, b.Label) <= 0 ? a.Label : b.Label;
        return new GraphNode(a.Id, label, name, merged);
    }

    /// <summary>Of two values of one property, the one kept: more letters with diacritics ("Yeşilgöz" over "Yesilgöz"), then longer, then the ordinal first.</summary>
    public static object? Preferred(object? a, object? b)
    {
        var x = GraphFacts.Invariant(a);
        var y = GraphFacts.Invariant(b);
        var byAccents = y.Count(c => c > 127).CompareTo(x.Count(c => c > 127));
        var byLength = y.Length.CompareTo(x.Length);
        var pickB = byAccents > 0 || (byAccents == 0 && (byLength > 0 || (byLength == 0 && string.CompareOrdinal(y, x) < 0)));
        return pickB ? b : a;
    }
}
