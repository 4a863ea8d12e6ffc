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
    /// <summary>Short-form person id → the double-named person's id, for every short form that is that person.</summary>
    public static IReadOnlyDictionary<string, string> ShortForms(IEnumerable<GraphNode> nodes, IEnumerable<GraphEdge> memberOf)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(memberOf);
        var people = nodes.Where(n => n.Label == NodeLabel.Person).ToDictionary(n => n.Id, StringComparer.Ordinal);
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

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
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
                map[shortId] = full;
            }
        }

        return map;
    }
}
