using KvGraph.Core.Graph;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// Files' node and shared-relationship rows folded the way the push's statements merge them, one row per node and per
/// shared relationship carrying all its files. A hub (a person, a party, a topic) asserted by thousands of files is
/// then merged once per push step, not once per file; its files become one ASSERTS row each
/// (<see cref="LoaderStatements.MergeAssertions"/>). The push folds each step's files; the export folds every file,
/// which gives the graph a clean push leaves.
/// </summary>
/// <remarks>
/// The fold, in file order: a placeholder row (a file naming a node without asserting it, or a relationship endpoint)
/// only creates the node (<c>ON CREATE</c>): its properties count only when it comes before every asserted row. An
/// asserted row sets the node's kind (the last one wins) and adds its properties (later files win) and its file.
/// A shared relationship adds its properties file by file; MEMBER_OF keeps the earliest and latest of its files'
/// dates as from/to (min and max commute, so the order does not matter).
/// </remarks>
internal sealed class RowFold
{
    private static readonly Dictionary<string, object?> Empty = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
    private readonly List<Node> _nodeOrder = [];
    private readonly Dictionary<(string S, string Type, string T), SharedEdge> _shared = [];
    private readonly List<SharedEdge> _sharedOrder = [];
    private readonly List<GraphPusher.EdgeRow> _evidence = [];

    /// <summary>Nodes in the order they were first named.</summary>
    public IReadOnlyList<Node> Nodes => _nodeOrder;

    /// <summary>Shared relationships in the order they were first named.</summary>
    public IReadOnlyList<SharedEdge> SharedEdges => _sharedOrder;

    /// <summary>Evidence relationships (one per quote: nothing to fold), in file order.</summary>
    public IReadOnlyList<GraphPusher.EdgeRow> EvidenceEdges => _evidence;

    /// <summary>Adds a file's rows.</summary>
    public void Add(GraphPusher.FileRows file)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var n in file.Nodes)
        {
            if (n.IsEndpoint || n.Label == NodeLabel.Placeholder)
            {
                AddPlaceholder(n.Id, n.Props);
                continue;
            }

            var node = NodeFor(n.Id);
            node.Asserted = true;
            node.Label = n.Label;
            foreach (var (k, v) in n.Props)
            {
                node.Props[k] = v;
            }

            node.AddFile(file.File);
        }

        foreach (var e in file.Edges)
        {
            if (!e.Shared)
            {
                _evidence.Add(e);
                continue;
            }

            var key = (e.Source, e.Type, e.Target);
            if (!_shared.TryGetValue(key, out var rel))
            {
                rel = new SharedEdge(e.Source, e.Type, e.Target);
                _shared[key] = rel;
                _sharedOrder.Add(rel);
            }

            var props = e.Props;
            if (e.Type == EdgeType.MemberOf)
            {
                if (props.GetValueOrDefault("date") is string date)
                {
                    if (rel.Props.GetValueOrDefault("from") is not string from || string.CompareOrdinal(date, from) < 0)
                    {
                        rel.Props["from"] = date;
                    }

                    if (rel.Props.GetValueOrDefault("to") is not string to || string.CompareOrdinal(date, to) > 0)
                    {
                        rel.Props["to"] = date;
                    }
                }
            }
            else
            {
                foreach (var (k, v) in props)
                {
                    rel.Props[k] = v;
                }
            }

            rel.AddFile(file.File);
        }
    }

    /// <summary>Bare placeholders for the relationship endpoints no row named (they may exist already: MERGE keeps what is there).</summary>
    public void AddEndpoints()
    {
        var ends = _evidence.Select(e => (e.Source, e.Target)).Concat(_sharedOrder.Select(e => (e.Source, e.Target))).ToList();
        foreach (var (source, target) in ends)
        {
            AddPlaceholder(source, Empty);
            AddPlaceholder(target, Empty);
        }
    }

    private void AddPlaceholder(string id, IReadOnlyDictionary<string, object?> props)
    {
        if (_nodes.ContainsKey(id))
        {
            return;
        }

        var node = NodeFor(id);
        foreach (var (k, v) in props)
        {
            node.Create[k] = v;
        }
    }

    private Node NodeFor(string id)
    {
        if (!_nodes.TryGetValue(id, out var node))
        {
            node = new Node(id);
            _nodes[id] = node;
            _nodeOrder.Add(node);
        }

        return node;
    }

    /// <summary>The files asserting a node or shared relationship, each once, in order.</summary>
    internal abstract class Provenance
    {
        private readonly HashSet<string> _all = new(StringComparer.Ordinal);

        /// <summary>Every file, in order, each once.</summary>
        public List<object?> Files { get; } = [];

        /// <summary>Every file, in order.</summary>
        public IEnumerable<string> All => Files.Cast<string>();

        public int FileCount => _all.Count;

        /// <summary>The files' rows folded into this one (a file may name the same relationship more than once).</summary>
        public int RowCount { get; private set; }

        public void AddFile(string file)
        {
            RowCount++;
            if (_all.Add(file))
            {
                Files.Add(file);
            }
        }
    }

    /// <summary>One node: its kind and properties as the push leaves them, and its files.</summary>
    internal sealed class Node(string id) : Provenance
    {
        public string Id { get; } = id;

        /// <summary>False for a node only ever named as a placeholder.</summary>
        public bool Asserted { get; set; }

        public string Label { get; set; } = NodeLabel.Placeholder;

        /// <summary>Properties set only when the push creates the node (a placeholder's, named before any assertion).</summary>
        public Dictionary<string, object?> Create { get; } = new(StringComparer.Ordinal);

        /// <summary>Properties the asserting files add, later files winning.</summary>
        public Dictionary<string, object?> Props { get; } = new(StringComparer.Ordinal);

        /// <summary>The node as a push into an empty database leaves it (without its files).</summary>
        public Dictionary<string, object?> FinalProperties()
        {
            var all = new Dictionary<string, object?>(Create, StringComparer.Ordinal);
            foreach (var (k, v) in Props)
            {
                all[k] = v;
            }

            return all;
        }

        /// <summary>The row of <see cref="LoaderStatements.MergeNodes"/> (<c>{id, create, props}</c>) or, for a placeholder, of <see cref="LoaderStatements.MergePlaceholders"/> (<c>{id, props}</c>).</summary>
        public Dictionary<string, object?> Row() => Asserted
            ? new(StringComparer.Ordinal) { ["id"] = Id, ["create"] = Create, ["props"] = Props }
            : new(StringComparer.Ordinal) { ["id"] = Id, ["props"] = Create };
    }

    /// <summary>One shared relationship (no evidence span): its properties and files.</summary>
    internal sealed class SharedEdge(string source, string type, string target) : Provenance
    {
        public string Source { get; } = source;

        public string Type { get; } = type;

        public string Target { get; } = target;

        /// <summary>Properties added file by file; for MEMBER_OF only from/to.</summary>
        public Dictionary<string, object?> Props { get; } = new(StringComparer.Ordinal);

        /// <summary>The key the files asserting it list it by (<see cref="LoaderStatements.SharedKey"/>).</summary>
        public string Key => LoaderStatements.SharedKey(Type, Source, Target);

        /// <summary>The row of <see cref="LoaderStatements.MergeSharedEdges"/>: <c>{s, t, k, props, files}</c>.</summary>
        public Dictionary<string, object?> Row() =>
            new(StringComparer.Ordinal) { ["s"] = Source, ["t"] = Target, ["k"] = Key, ["props"] = Props, ["files"] = Files };
    }
}
