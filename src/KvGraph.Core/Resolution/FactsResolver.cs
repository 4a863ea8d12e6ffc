using KvGraph.Core.Graph;
using KvGraph.Core.Text;

namespace KvGraph.Core.Resolution;

/// <summary>
/// Turns a file's stored (raw) facts into resolved facts against the current corpus:
/// <list type="bullet">
/// <item>edge endpoints that are aliases of a corpus document (zaak, <c>kv-tk-</c>, own ids, kst id, <c>letter:</c> date)
/// become that document's id; the raw target is kept on the edge as <c>cited</c>;</item>
/// <item>unnumbered motions (<c>motion:&lt;sponsor&gt;</c>) are resolved by sponsor and date (<see cref="Resolver.ResolveMotion"/>),
/// marked <c>resolvedBy = "sponsor+date"</c>;</item>
/// <item>a document this file asserts but another file owns (a duplicate PDF/text, a question that has its own file) is left
/// to its owner: its node and its outgoing edges are dropped here;</item>
/// <item>targets still not in the corpus become <see cref="NodeLabel.Placeholder"/> nodes with a <c>kind</c> (motion, kamerstuk,
/// letter, zaak, aanhangsel, …) and the official address when there is one. When the document is ingested later, the
/// same id resolves and the placeholder is gone.</item>
/// </list>
/// </summary>
public static class FactsResolver
{
    /// <summary>Resolves one file's facts.</summary>
    public static DocumentFacts Resolve(DocumentFacts raw, Resolver resolver)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(resolver);
        var own = raw.DocumentIds.ToHashSet(StringComparer.Ordinal);
        var notOwned = own.Where(id => resolver.Owner(id) is { } o && o.File != raw.File).ToHashSet(StringComparer.Ordinal);

        var nodes = new Dictionary<string, GraphNode>(StringComparer.Ordinal);
        foreach (var n in raw.Nodes)
        {
            if (!notOwned.Contains(n.Id))
            {
                nodes.TryAdd(n.Id, n);
            }
        }

        var docDates = raw.Nodes.Where(n => own.Contains(n.Id))
            .ToDictionary(n => n.Id, n => n.Properties.GetValueOrDefault("date") as string, StringComparer.Ordinal);

        var edges = new List<GraphEdge>(raw.Edges.Count);
        foreach (var e in raw.Edges)
        {
            if (notOwned.Contains(e.Source))
            {
                continue;
            }

            var source = own.Contains(e.Source) ? e.Source : Canonical(e.Source, resolver);
            var target = e.Target == e.Source ? source : own.Contains(e.Target) ? e.Target : Canonical(e.Target, resolver);
            Dictionary<string, object?>? props = null;
            if (e.Type == EdgeType.Cites && target.StartsWith("motion:", StringComparison.Ordinal))
            {
                var sponsors = (e.Properties.GetValueOrDefault("sponsors") as string)?.Split("; ", StringSplitOptions.RemoveEmptyEntries)
                    ?? [target["motion:".Length..]];
                var date = e.Properties.GetValueOrDefault("docDate") as string ?? docDates.GetValueOrDefault(source);
                if (resolver.ResolveMotion(sponsors, date) is { } motion)
                {
                    target = motion;
                    props = new Dictionary<string, object?>(e.Properties, StringComparer.Ordinal) { ["resolvedBy"] = "sponsor+date" };
                }
            }

            // A document does not cite itself (an alias of its own id written in its text, a motion resolved to itself).
            if (e.Type == EdgeType.Cites && target == source)
            {
                continue;
            }

            if (target != e.Target && e.Type == EdgeType.Cites)
            {
                props ??= new Dictionary<string, object?>(e.Properties, StringComparer.Ordinal);
                props["cited"] = e.Target;
            }

            edges.Add(source == e.Source && target == e.Target && props is null ? e : new GraphEdge(source, target, e.Type, props ?? e.Properties));

            if (e.Type == EdgeType.Cites && !nodes.ContainsKey(target) && !resolver.IsDocument(target))
            {
                nodes[target] = Placeholder(target, e.Properties.GetValueOrDefault("kind") as string, e.Properties.GetValueOrDefault("sponsor") as string);
            }
        }

        // Endpoints of structural edges (IN_DOSSIER from a cited kst, SUBMITTED_BY from a cited motion) that are neither in the
        // corpus nor asserted here are placeholders too, so every edge has both ends.
        foreach (var e in edges)
        {
            foreach (var end in new[] { e.Source, e.Target })
            {
                if (!nodes.ContainsKey(end) && !resolver.IsDocument(end))
                {
                    nodes[end] = Placeholder(end, null, null);
                }
            }
        }

        // Nodes asserted here for documents the corpus holds elsewhere are kept only when this file owns them.
        var ids = raw.DocumentIds.Where(id => !notOwned.Contains(id)).ToList();
        return new DocumentFacts(raw.File, ids, [.. nodes.Values], edges);
    }

    /// <summary>A placeholder node for a cited id that is not in the corpus.</summary>
    public static GraphNode Placeholder(string id, string? citationKind, string? sponsor)
    {
        ArgumentNullException.ThrowIfNull(id);
        var kind = Resolver.PlaceholderKind(id, citationKind);
        var props = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = id,
            ["kind"] = kind,
            ["placeholder"] = true,
        };
        if (Ids.OfficialUrl(id) is { } url)
        {
            props["url"] = url;
        }

        if (sponsor is not null)
        {
            props["sponsor"] = sponsor;
        }

        var name = id.StartsWith("motion:", StringComparison.Ordinal) && sponsor is not null ? $"motie {sponsor}" : id;
        return new GraphNode(id, NodeLabel.Placeholder, name, props);
    }

    private static string Canonical(string id, Resolver resolver) =>
        id.StartsWith("dossier:", StringComparison.Ordinal) || id.Contains(':', StringComparison.Ordinal) && !id.StartsWith("letter:", StringComparison.Ordinal) && !id.StartsWith("ECLI:", StringComparison.Ordinal)
            ? id
            : resolver.Resolve(id) ?? id;
}
