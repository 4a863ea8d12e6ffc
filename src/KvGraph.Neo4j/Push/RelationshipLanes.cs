namespace KvGraph.Neo4j.Push;

/// <summary>
/// Splits relationship rows into lanes that can be committed at the same time without waiting on each other's locks:
/// creating a relationship locks both its nodes, so two lanes in flight together must share no node (nor provenance node:
/// a shared relationship's row writes its files' nodes, an ASSERTS row starts at one, see <see cref="GraphPusher.EdgeBatchRow.Locked"/>).
/// </summary>
/// <remarks>
/// Hubs (nodes many rows of the step touch: a party, a person, a much-cited Kamerstuk) would tie everything into one
/// component, so their rows are set apart first: the other rows are split into connected components (union-find over
/// their endpoints), and the components dealt largest first to the least loaded lane. The hub threshold (rows per
/// node) is tried from above the largest degree down, halving, and the one with the least rows on the critical path
/// (the busiest lane plus the hub rows) is kept. The rows touching a hub go in a second round, one lane, after the
/// parallel round: they share nodes with everything.
/// </remarks>
internal static class RelationshipLanes
{
    /// <summary>
    /// Rounds of lanes: the rounds run one after the other, the lanes of a round at the same time, each lane's rows in
    /// order. With one lane, one round holding every row in the given order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<List<GraphPusher.EdgeBatchRow>>> Plan(IReadOnlyList<GraphPusher.EdgeBatchRow> rows, int lanes, int batchRows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (lanes <= 1 || rows.Count <= batchRows)
        {
            return rows.Count == 0 ? [] : [[rows.ToList()]];
        }

        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            foreach (var n in r.Locked())
            {
                degree[n] = degree.GetValueOrDefault(n) + 1;
            }
        }

        // Each threshold's cost is the rows of its busiest lane plus the hub rows that follow one by one; the cheapest wins.
        (List<GraphPusher.EdgeBatchRow>[] Lanes, List<GraphPusher.EdgeBatchRow> HubRows)? best = null;
        var bestCost = int.MaxValue;
        for (var threshold = Math.Max(2, degree.Values.Max() + 1); threshold >= 2; threshold /= 2)
        {
            var (parallel, hubRows) = Split(rows, degree, threshold, lanes);
            var cost = parallel.Max(l => l.Count) + hubRows.Count;
            if (cost < bestCost)
            {
                bestCost = cost;
                best = (parallel, hubRows);
            }
        }

        var (chosen, hubs) = best!.Value;
        var rounds = new List<IReadOnlyList<List<GraphPusher.EdgeBatchRow>>>();
        if (chosen.Any(l => l.Count > 0))
        {
            rounds.Add(chosen.Where(l => l.Count > 0).ToList());
        }

        if (hubs.Count > 0)
        {
            rounds.Add([hubs]);
        }

        return rounds;
    }

    private static (List<GraphPusher.EdgeBatchRow>[] Lanes, List<GraphPusher.EdgeBatchRow> HubRows) Split(
        IReadOnlyList<GraphPusher.EdgeBatchRow> rows, Dictionary<string, int> degree, int threshold, int lanes)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            var root = x;
            while (parent.TryGetValue(root, out var p) && p != root)
            {
                root = p;
            }

            while (x != root)
            {
                var next = parent[x];
                parent[x] = root;
                x = next;
            }

            return root;
        }

        var hubRows = new List<GraphPusher.EdgeBatchRow>();
        var rest = new List<GraphPusher.EdgeBatchRow>();
        foreach (var r in rows)
        {
            if (r.Locked().Any(n => degree[n] >= threshold))
            {
                hubRows.Add(r);
                continue;
            }

            rest.Add(r);
            foreach (var n in r.Locked())
            {
                parent.TryAdd(n, n);
                var a = Find(r.Source);
                var b = Find(n);
                if (a != b)
                {
                    parent[a] = b;
                }
            }
        }

        var components = new Dictionary<string, List<GraphPusher.EdgeBatchRow>>(StringComparer.Ordinal);
        foreach (var r in rest)
        {
            var root = Find(r.Source);
            if (!components.TryGetValue(root, out var list))
            {
                list = [];
                components[root] = list;
            }

            list.Add(r);
        }

        var result = Enumerable.Range(0, lanes).Select(_ => new List<GraphPusher.EdgeBatchRow>()).ToArray();
        foreach (var component in components.Values.OrderByDescending(c => c.Count))
        {
            result.MinBy(l => l.Count)!.AddRange(component);
        }

        return (result, hubRows);
    }
}
