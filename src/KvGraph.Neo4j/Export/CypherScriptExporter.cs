using System.Globalization;
using System.Text;
using KvGraph.Neo4j.Push;
using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Export;

/// <summary>
/// A script for <c>cypher-shell -f</c>: the schema, then batches of <c>:param rows => [...]</c> followed by the
/// push's own <c>UNWIND $rows … MERGE</c> statements. The data stays a parameter (cypher-shell evaluates the
/// <c>:param</c> literal); statement text comes only from <see cref="LoaderStatements"/>.
/// </summary>
public static class CypherScriptExporter
{
    /// <summary>Rows per <c>:param</c> batch.</summary>
    public const int BatchSize = 500;

    /// <summary>The provenance name the script's facts carry (a push treats them as one file).</summary>
    public const string SourceName = "kvgraph-export";

    /// <summary>Writes the script to <paramref name="path"/>.</summary>
    public static void Write(ExportGraph graph, string path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var block in Blocks(graph))
        {
            w.Write(block);
        }
    }

    /// <summary>The script as blocks: a header, schema statements, then one ':param' line and statement per batch.</summary>
    public static IEnumerable<string> Blocks(ExportGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        yield return $"""
            // KvGraph graph as a cypher-shell script ({graph.Nodes.Count} nodes, {graph.Edges.Count} relationships).
            // Load: cypher-shell -a neo4j://localhost:7687 -u neo4j -p <password> -f kvgraph.cypher
            // Needs cypher-shell 4.x or later (:param name => value) and Neo4j 4.4+ for the schema syntax.

            """;
        foreach (var s in SchemaStatements.Modern())
        {
            yield return s + ";\n";
        }

        yield return "\n";
        foreach (var group in graph.Nodes.GroupBy(n => n.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var statement = LoaderStatements.MergeNodes(group.Key);
            foreach (var chunk in group.Chunk(BatchSize))
            {
                var rows = chunk.Select(n => (object?)new Dictionary<string, object?>
                {
                    ["id"] = n.Id, ["create"] = new Dictionary<string, object?>(), ["props"] = n.Properties,
                }).ToList();
                yield return Block(rows, statement);
            }
        }

        // The script's one source asserts every node it does not leave a placeholder, as a push of one file would.
        foreach (var chunk in graph.Nodes.Where(n => n.Kind != Core.Graph.NodeLabel.Placeholder).Chunk(BatchSize))
        {
            var rows = new List<object?> { new Dictionary<string, object?> { ["file"] = SourceName, ["ids"] = chunk.Select(n => (object?)n.Id).ToList() } };
            yield return Block(rows, LoaderStatements.MergeAssertions);
        }

        var ordinal = 0;
        foreach (var group in graph.Edges.GroupBy(e => (e.Type, e.Evidence)).OrderBy(g => g.Key.Type, StringComparer.Ordinal).ThenBy(g => g.Key.Evidence))
        {
            var statement = group.Key.Evidence ? LoaderStatements.MergeEdges(group.Key.Type) : LoaderStatements.MergeSharedEdges(group.Key.Type);
            foreach (var chunk in group.Chunk(BatchSize))
            {
                var rows = chunk.Select(e => (object?)new Dictionary<string, object?>
                {
                    ["s"] = e.Source, ["t"] = e.Target, ["key"] = $"{SourceName}#{ordinal++}", ["file"] = SourceName, ["props"] = e.Properties,
                    ["k"] = LoaderStatements.SharedKey(e.Type, e.Source, e.Target), ["files"] = new List<object?> { SourceName },
                }).ToList();
                yield return Block(rows, statement);
            }
        }
    }

    /// <summary>The statements a script can contain (for the lint test), with their parameters.</summary>
    public static IEnumerable<(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters)> Statements()
    {
        var rows = new Dictionary<string, object?> { ["rows"] = new List<object?>() };
        foreach (var label in GraphVocabulary.AllLabels)
        {
            yield return ($"MergeNodes({label})", LoaderStatements.MergeNodes(label), rows);
        }

        foreach (var type in GraphVocabulary.EdgeTypes)
        {
            yield return ($"MergeEdges({type})", LoaderStatements.MergeEdges(type), rows);
            yield return ($"MergeSharedEdges({type})", LoaderStatements.MergeSharedEdges(type), rows);
        }

        yield return (nameof(LoaderStatements.MergeAssertions), LoaderStatements.MergeAssertions, rows);
    }

    private static string Block(List<object?> rows, string statement) =>
        $":param rows => {Literal(rows)}\n{statement};\n\n";

    /// <summary>A value as a Cypher literal (for the :param line only): strings single-quoted with escapes, maps with quoted keys.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + Escape(s) + "'",
        bool b => b ? "true" : "false",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var t && (t.Contains('.', StringComparison.Ordinal) || t.Contains('E', StringComparison.Ordinal)) ? t : t + ".0",
        IReadOnlyDictionary<string, object?> map => "{" + string.Join(", ", map.Select(p => Key(p.Key) + ": " + Literal(p.Value))) + "}",
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(p => Key(p.Key) + ": " + Literal(p.Value))) + "}",
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Literal)) + "]",
        _ => "'" + Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty) + "'",
    };

    private static string Key(string k) => "`" + k.Replace("`", "``", StringComparison.Ordinal) + "`";

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
