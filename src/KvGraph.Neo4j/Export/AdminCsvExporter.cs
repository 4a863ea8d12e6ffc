using System.Globalization;
using System.Text;

namespace KvGraph.Neo4j.Export;

/// <summary>
/// CSV files for <c>neo4j-admin database import full</c>: one nodes file per kind with <c>id:ID(Node)</c> and
/// <c>:LABEL</c>, one relationships file per type with <c>:START_ID(Node)</c>, <c>:END_ID(Node)</c>, <c>:TYPE</c>,
/// typed property columns (<c>:long</c>, <c>:double</c>, <c>:boolean</c>, arrays <c>:string[]</c>…, strings untyped), and a
/// README with the command. A field is quoted only when it must be (it holds the delimiter, a quote or a line break, or is
/// an empty string, which unquoted would mean "no value"); <c>--multiline-fields=true</c> is in the command only when a
/// field holds a line break. Exported from <see cref="ExportGraph.FromFacts"/>, the files carry the push's provenance
/// (a <c>KvFile</c> node per source file with a <c>SHARES</c> relationship per shared relationship it asserts, in its own id space, an <c>ASSERTS</c>
/// relationship per node it asserts, relationships' <c>file</c>, <c>key</c> and <c>count</c>), so the loaded database can
/// be marked as pushed and pushed to incrementally.
/// </summary>
public static class AdminCsvExporter
{
    /// <summary>The id space shared by all node files (ids are unique over all nodes).</summary>
    public const string IdSpace = "Node";

    /// <summary>The id space of the provenance nodes (their <c>path</c>).</summary>
    public const string FileIdSpace = "KvFile";

    private static readonly System.Buffers.SearchValues<char> MustQuote = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>Writes the files into <paramref name="folder"/> and returns their names.</summary>
    public static IReadOnlyList<string> Write(ExportGraph graph, string folder)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Directory.CreateDirectory(folder);
        var multiline = false;
        var nodeFiles = new List<string>();
        foreach (var group in graph.Nodes.GroupBy(n => n.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = $"nodes-{group.Key}.csv";
            var columns = Columns(group.Select(n => n.Properties));
            var sb = new StringBuilder();
            sb.Append($"id:ID({IdSpace}),:LABEL");
            var rowsFrom = sb.Length;
            foreach (var (key, type) in columns)
            {
                sb.Append(',').Append(Header(key, type));
            }

            sb.Append('\n');
            foreach (var n in group)
            {
                sb.Append(Quote(n.Id)).Append(',').Append(string.Join(";", n.Labels));
                foreach (var (key, type) in columns)
                {
                    sb.Append(',').Append(Cell(n.Properties.GetValueOrDefault(key), type));
                }

                sb.Append('\n');
            }

            multiline |= HasLineBreak(sb, rowsFrom);
            File.WriteAllText(Path.Combine(folder, name), sb.ToString(), new UTF8Encoding(false));
            nodeFiles.Add(name);
        }

        var relFiles = new List<string>();
        foreach (var group in graph.Edges.GroupBy(e => e.Type, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = $"relationships-{group.Key}.csv";
            var columns = Columns(group.Select(e => e.Properties));
            var sb = new StringBuilder();
            sb.Append($":START_ID({IdSpace}),:END_ID({IdSpace}),:TYPE");
            var rowsFrom = sb.Length;
            foreach (var (key, type) in columns)
            {
                sb.Append(',').Append(Header(key, type));
            }

            sb.Append('\n');
            foreach (var e in group)
            {
                sb.Append(Quote(e.Source)).Append(',').Append(Quote(e.Target)).Append(',').Append(e.Type);
                foreach (var (key, type) in columns)
                {
                    sb.Append(',').Append(Cell(e.Properties.GetValueOrDefault(key), type));
                }

                sb.Append('\n');
            }

            multiline |= HasLineBreak(sb, rowsFrom);
            File.WriteAllText(Path.Combine(folder, name), sb.ToString(), new UTF8Encoding(false));
            relFiles.Add(name);
        }

        if (graph.Files.Count > 0)
        {
            multiline |= WriteProvenance(graph, folder, nodeFiles, relFiles);
        }

        File.WriteAllText(Path.Combine(folder, "README.md"), Readme(nodeFiles, relFiles, graph, multiline), new UTF8Encoding(false));
        return [.. nodeFiles, .. relFiles, "README.md"];
    }

    /// <summary>The provenance nodes and their ASSERTS and SHARES relationships; true when a field holds a line break.</summary>
    private static bool WriteProvenance(ExportGraph graph, string folder, List<string> nodeFiles, List<string> relFiles)
    {
        var label = Schema.GraphVocabulary.FileLabel;
        var sb = new StringBuilder();
        sb.Append($"path:ID({FileIdSpace}),:LABEL\n");
        foreach (var f in graph.Files)
        {
            sb.Append(Quote(f.Path)).Append(',').Append(label).Append('\n');
        }

        var multiline = HasLineBreak(sb, 0);
        var name = $"nodes-{label}.csv";
        File.WriteAllText(Path.Combine(folder, name), sb.ToString(), new UTF8Encoding(false));
        nodeFiles.Add(name);

        sb.Clear();
        sb.Append($":START_ID({FileIdSpace}),:END_ID({IdSpace}),:TYPE\n");
        foreach (var a in graph.Assertions)
        {
            sb.Append(Quote(a.File)).Append(',').Append(Quote(a.Id)).Append(',').Append(Schema.GraphVocabulary.AssertsType).Append('\n');
        }

        multiline |= HasLineBreak(sb, 0);
        name = $"relationships-{Schema.GraphVocabulary.AssertsType}.csv";
        File.WriteAllText(Path.Combine(folder, name), sb.ToString(), new UTF8Encoding(false));
        relFiles.Add(name);

        // One SHARES per (file, shared relationship), to the relationship's source node, its key in k (as a push merges it).
        sb.Clear();
        sb.Append($":START_ID({FileIdSpace}),:END_ID({IdSpace}),:TYPE,k\n");
        foreach (var f in graph.Files)
        {
            foreach (var key in f.SharedKeys)
            {
                sb.Append(Quote(f.Path)).Append(',').Append(Quote(Push.LoaderStatements.ParseSharedKey(key).Source)).Append(',')
                    .Append(Schema.GraphVocabulary.SharesType).Append(',').Append(Quote(key)).Append('\n');
            }
        }

        multiline |= HasLineBreak(sb, 0);
        name = $"relationships-{Schema.GraphVocabulary.SharesType}.csv";
        File.WriteAllText(Path.Combine(folder, name), sb.ToString(), new UTF8Encoding(false));
        relFiles.Add(name);
        return multiline;
    }

    /// <summary>The import command for Neo4j 5 and later, run from the Neo4j home with the files in its import/ folder.</summary>
    public static string ImportCommand(IEnumerable<string> nodeFiles, IEnumerable<string> relFiles, bool multilineFields, string database = "neo4j")
    {
        var sb = new StringBuilder();
        sb.Append($"bin/neo4j-admin database import full {database} --overwrite-destination=true --id-type=string --array-delimiter=\";\"");
        if (multilineFields)
        {
            sb.Append(" --multiline-fields=true");
        }

        foreach (var f in nodeFiles)
        {
            sb.Append($" \\\n  --nodes=import/{f}");
        }

        foreach (var f in relFiles)
        {
            sb.Append($" \\\n  --relationships=import/{f}");
        }

        return sb.ToString();
    }

    private static bool HasLineBreak(StringBuilder sb, int from)
    {
        // Record separators are '\n' outside quotes; a line break inside a field is always quoted, so any '\r' or a '\n'
        // inside quotes means a multi-line field. Scan once, tracking quotes.
        var quoted = false;
        for (var i = from; i < sb.Length; i++)
        {
            var c = sb[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (quoted && (c == '\n' || c == '\r'))
            {
                return true;
            }
        }

        return false;
    }

    private static string Readme(IReadOnlyList<string> nodeFiles, IReadOnlyList<string> relFiles, ExportGraph graph, bool multiline) => $"""
        # KvGraph bulk export for neo4j-admin

        {graph.Nodes.Count} nodes in {nodeFiles.Count} files, {graph.Edges.Count} relationships in {relFiles.Count} files.
        Every node has the labels `Node` plus its kind, and a string `id` unique over all nodes (id space `{IdSpace}`).
        {(multiline ? "Some quoted fields span lines, hence `--multiline-fields=true`" : "No field spans lines")}; lists use `;`.

        Stop the database first (the import writes a new store), copy these files to the Neo4j home's `import/`
        folder, then run from the Neo4j home (Neo4j 5 and later):

        ```
        {ImportCommand(nodeFiles, relFiles, multiline)}
        ```

        Then start Neo4j, and create the constraints and indexes (cypher/schema.cypher in the KvGraph repository):

        ```
        bin/cypher-shell -u neo4j -p <password> -f cypher/schema.cypher
        ```

        Neo4j 4.x spells the command `bin/neo4j-admin import --database=neo4j --id-type=STRING --array-delimiter=";"{(multiline ? " --multiline-fields=true" : string.Empty)} --nodes=... --relationships=...`.
        {(graph.PushRecords.Count > 0
            ? $"The files carry the push's provenance for {graph.PushRecords.Count} source files (a `KvFile` node per file, an `ASSERTS` relationship per node it asserts, a `SHARES` relationship per shared relationship it asserts, relationships' `file`, `key` and `count`). Export with `--mark-pushed --neo4j <url>` (or run that export again before changing the store) and the store records them as pushed to that database: the next `kvgraph push` sends only the files that changed since."
            : "These files carry no push provenance: `kvgraph push` into this database needs `--reset` first.")}

        """;

    private static List<(string Key, string Type)> Columns(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var types = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (k, v) in row)
            {
                var t = TypeOf(v);
                types[k] = types.TryGetValue(k, out var existing) ? Widen(existing, t) : t;
            }
        }

        return [.. types.Select(p => (p.Key, p.Value))];
    }

    private static string TypeOf(object? v) => v switch
    {
        long => "long",
        double => "double",
        bool => "boolean",
        List<object?> list when list.All(x => x is long) => "long[]",
        List<object?> list when list.All(x => x is long or double) => "double[]",
        List<object?> => "string[]",
        _ => "string",
    };

    private static string Widen(string a, string b) =>
        a == b ? a
        : (a, b) is ("long", "double") or ("double", "long") ? "double"
        : (a, b) is ("long[]", "double[]") or ("double[]", "long[]") ? "double[]"
        : a.EndsWith("[]", StringComparison.Ordinal) || b.EndsWith("[]", StringComparison.Ordinal) ? "string[]"
        : "string";

    private static string Header(string key, string type) => Quote(type == "string" ? key : $"{key}:{type}");

    private static string Cell(object? v, string type)
    {
        if (v is null)
        {
            return string.Empty;
        }

        return type switch
        {
            "long" or "double" => Convert.ToString(type == "long" ? v : Convert.ToDouble(v, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)!,
            "boolean" => (bool)v ? "true" : "false",
            _ when v is List<object?> list => Quote(string.Join(";", list.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture)))),
            _ => Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty),
        };
    }

    /// <summary>A field as CSV: quoted only when it must be (delimiter, quote, line break), or when empty (unquoted, empty means no value).</summary>
    internal static string Quote(string s) =>
        s.Length > 0 && s.AsSpan().IndexOfAny(MustQuote) < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

}
