using KvGraph.Core.Graph;
using KvGraph.Neo4j.Push;
using KvGraph.Neo4j.Schema;
using KvGraph.Store;

namespace KvGraph.Neo4j.Export;

/// <summary>The graph as the exporters write it: nodes grouped by kind, relationships by type, properties cleaned for Neo4j.</summary>
public sealed class ExportGraph
{
    private ExportGraph(IReadOnlyList<ExportNode> nodes, IReadOnlyList<ExportEdge> edges, IReadOnlyList<PushedFileRecord>? pushRecords = null,
        IReadOnlyList<ExportFile>? files = null, IReadOnlyList<ExportAssertion>? assertions = null)
    {
        Nodes = nodes;
        Edges = edges;
        PushRecords = pushRecords ?? [];
        Files = files ?? [];
        Assertions = assertions ?? [];
    }

    public IReadOnlyList<ExportNode> Nodes { get; }

    public IReadOnlyList<ExportEdge> Edges { get; }

    /// <summary>
    /// For a graph made by <see cref="FromFacts"/>: each file as a push records it once its facts are in Neo4j (version,
    /// asserted node ids, other relationship sources), so a database loaded from this export can be marked as pushed
    /// (<see cref="PushState.MarkLoaded"/>) and the next push sends only what changed. Empty for <see cref="From"/>.
    /// </summary>
    public IReadOnlyList<PushedFileRecord> PushRecords { get; }

    /// <summary>For <see cref="FromFacts"/>: the push's provenance node of each file, with the shared-relationship keys it asserts. Empty for <see cref="From"/>.</summary>
    public IReadOnlyList<ExportFile> Files { get; }

    /// <summary>For <see cref="FromFacts"/>: one ASSERTS relationship per (file, node it asserts). Empty for <see cref="From"/>.</summary>
    public IReadOnlyList<ExportAssertion> Assertions { get; }

    /// <summary>
    /// The graph exactly as a push of <paramref name="source"/> leaves it in Neo4j, with the push's provenance: a
    /// provenance node per file (<see cref="Files"/>) with an ASSERTS relationship to each node it asserts
    /// (<see cref="Assertions"/>) and the keys of the shared relationships it asserts, an evidence relationship's
    /// <c>file</c> and <c>key</c> (<see cref="GraphPusher.EvidenceKey"/>), a shared relationship's <c>key</c> 'shared' and
    /// <c>count</c> (its files). The rows are
    /// the push's own (<see cref="GraphPusher.FileRows"/>), folded the way its statements merge them: an asserted node's
    /// labels and properties win over a placeholder's, properties are added file by file, MEMBER_OF keeps the widest
    /// from/to span of its files' dates.
    /// </summary>
    public static ExportGraph FromFacts(IFactsSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var versions = source.Versions().GroupBy(v => v.File, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var versionOf = versions.ToDictionary(v => v.File, v => v.Version, StringComparer.Ordinal);
        var files = new List<GraphPusher.FileRows>();
        foreach (var facts in source.Load(versions))
        {
            if (versionOf.TryGetValue(facts.File, out var version))
            {
                files.Add(GraphPusher.FileRows.From(facts.File, version, facts));
            }
        }

        // Files stay in the source's order, the order a push applies them in (so a property two files set ends as the push
        // leaves it), folded by the push's own fold into an empty database.
        var fold = new RowFold();
        foreach (var f in files)
        {
            fold.Add(f);
        }

        fold.AddEndpoints();
        var edges = fold.EvidenceEdges.Select(e => new ExportEdge(e.Source, e.Target, e.Type, true, new Dictionary<string, object?>(e.Props, StringComparer.Ordinal)
        {
            ["key"] = e.Values["key"], ["file"] = e.Values["file"],
        })).ToList();
        edges.AddRange(fold.SharedEdges.Select(e => new ExportEdge(e.Source, e.Target, e.Type, false, new Dictionary<string, object?>(e.Props, StringComparer.Ordinal)
        {
            ["key"] = "shared", ["count"] = (long)e.FileCount,
        })));
        var keysOf = files.ToDictionary(f => f.File, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var e in fold.SharedEdges)
        {
            foreach (var file in e.All)
            {
                keysOf[file].Add(e.Key);
            }
        }

        var exportFiles = files.Select(f => new ExportFile(f.File, keysOf[f.File])).ToList();
        var assertions = fold.Nodes.Where(n => n.Asserted).SelectMany(n => n.All.Select(file => new ExportAssertion(file, n.Id))).ToList();
        var exportNodes = fold.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n =>
        {
            var props = n.FinalProperties();
            var kind = n.Asserted ? n.Label : NodeLabel.Placeholder;
            return new ExportNode(n.Id, kind, [GraphVocabulary.IdentityLabel, .. GraphVocabulary.LabelsFor(kind)], props);
        }).ToList();
        var records = files.Select(GraphPusher.PushedRecord).ToList();
        return new ExportGraph(exportNodes, edges, records, exportFiles, assertions);
    }

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

/// <summary>A source file's provenance node: its path and the keys (<see cref="LoaderStatements.SharedKey"/>) of the shared relationships it asserts.</summary>
public sealed record ExportFile(string Path, IReadOnlyList<string> SharedKeys);

/// <summary>A file asserting a node (an ASSERTS relationship from the file's provenance node).</summary>
public sealed record ExportAssertion(string File, string Id);

/// <summary>A relationship to export; <paramref name="Evidence"/> when it carries a quote at a span (CITES, REFERS_TO).</summary>
public sealed record ExportEdge(string Source, string Target, string Type, bool Evidence, IReadOnlyDictionary<string, object?> Properties);
