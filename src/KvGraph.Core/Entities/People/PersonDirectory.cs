using KvGraph.Core.Graph;

namespace KvGraph.Core.Entities.People;

/// <summary>
/// The corpus half of <see cref="PersonIdentity"/>: which short surnames are a double-named person. "Van den
/// Nieuwenhuijzen" (a motion's sponsor, <c>person:van-den-nieuwenhuijzen</c>) is "Van den Nieuwenhuijzen-Wittens" (an
/// asker) when the corpus has exactly one double name starting with that surname, that double-named person has a party,
/// and the corpus shows no separate person by the short name: a short-named person with a party the double-named one
/// never had (R.J. Dekker, FvD, beside H. Dekker-Abdulaziz, D66) is someone else. The result depends only on the set of people and memberships, never on file order.
/// </summary>
public static class PersonDirectory
{
    /// <summary>Short-form person id → the double-named person's node, for every short form that is that person.</summary>
    public static IReadOnlyDictionary<string, GraphNode> ShortForms(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> memberOf)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(memberOf);
        // The same person may come once per file: one node per id, named by the merge rule (CitationGraphs.Preferred).
        var people = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in nodes.Where(n => n.Label == NodeLabel.Person))
        {
            people[n.Id] = people.TryGetValue(n.Id, out var known) && known.Name is { } k && n.Name is { } m
                ? known with { Name = (string?)CitationGraphs.Preferred(k, m) }
                : known ?? n;
        }

        var parties = memberOf.Where(e => e.Type == EdgeType.MemberOf)
            .GroupBy(e => e.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Target).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var doubles = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var p in people.Values)
        {
            if (PersonIdentity.ShortFormId(p.Name ?? p.Id) is { } shortId && shortId != p.Id)
            {
                if (!doubles.TryGetValue(shortId, out var set))
                {
                    doubles[shortId] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(p.Id);
            }
        }

        var map = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var (shortId, candidates) in doubles)
        {
            if (candidates.Count != 1 || !people.ContainsKey(shortId))
            {
                continue;
            }

            var full = candidates.Min!;
            var shortParties = parties.GetValueOrDefault(shortId);
            var fullParties = parties.GetValueOrDefault(full);
            // The double-named person must be known as a member (a party) — "amendement Klaver-Westerveld" names no person —
            // and the short form must show no party that person never had.
            if (fullParties is not null && (shortParties is null || shortParties.All(fullParties.Contains)))
            {
                map[shortId] = people[full];
            }
        }

        return map;
    }

    /// <summary>
    /// One file's facts with its short-form people replaced by the double-named person they are (as the assembled graph
    /// has them), so what is pushed per file agrees with <see cref="CitationGraphs.Assemble"/>.
    /// </summary>
    public static DocumentFacts Apply(DocumentFacts facts, IReadOnlyDictionary<string, GraphNode> shortForms)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(shortForms);
        if (shortForms.Count == 0 || !facts.Nodes.Any(n => shortForms.ContainsKey(n.Id)))
        {
            return facts;
        }

        string Map(string id) => shortForms.TryGetValue(id, out var full) ? full.Id : id;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<GraphNode>(facts.Nodes.Count);
        foreach (var n in facts.Nodes)
        {
            var node = shortForms.TryGetValue(n.Id, out var full)
                ? new GraphNode(full.Id, full.Label, full.Name, new Dictionary<string, object?>(n.Properties, StringComparer.Ordinal) { ["name"] = full.Name })
                : n;
            if (seen.Add(node.Id))
            {
                nodes.Add(node);
            }
        }

        var structural = new HashSet<(string, string, string)>();
        var edges = facts.Edges
            .Select(e => shortForms.ContainsKey(e.Source) || shortForms.ContainsKey(e.Target) ? new GraphEdge(Map(e.Source), Map(e.Target), e.Type, e.Properties) : e)
            .Where(e => e.Properties.ContainsKey("start") || e.Type == EdgeType.MemberOf || structural.Add((e.Source, e.Target, e.Type)))
            .ToList();
        return new DocumentFacts(facts.File, facts.DocumentIds, nodes, edges);
    }
}
