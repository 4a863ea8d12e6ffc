using System.Globalization;
using System.Xml;

namespace KvGraph.Neo4j.Export;

/// <summary>
/// GraphML (yEd, Gephi, Cytoscape, APOC's <c>apoc.import.graphml</c>): one &lt;key&gt; per property name and type,
/// node attribute <c>labels</c> as <c>:Node:Document:Question</c> (the form APOC reads), edge attribute <c>label</c> = type.
/// </summary>
public static class GraphMlExporter
{
    public static void Write(ExportGraph graph, string path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var w = XmlWriter.Create(path, settings);
        w.WriteStartDocument();
        w.WriteStartElement("graphml", "http://graphml.graphdrawing.org/xmlns");
        var nodeKeys = Keys(graph.Nodes.Select(n => n.Properties));
        var edgeKeys = Keys(graph.Edges.Select(e => e.Properties));
        WriteKey(w, "labels", "node", "labels", "string");
        foreach (var (name, type) in nodeKeys)
        {
            WriteKey(w, "n_" + name, "node", name, type);
        }

        WriteKey(w, "label", "edge", "label", "string");
        foreach (var (name, type) in edgeKeys)
        {
            WriteKey(w, "e_" + name, "edge", name, type);
        }

        w.WriteStartElement("graph");
        w.WriteAttributeString("id", "kvgraph");
        w.WriteAttributeString("edgedefault", "directed");
        foreach (var n in graph.Nodes)
        {
            w.WriteStartElement("node");
            w.WriteAttributeString("id", n.Id);
            w.WriteAttributeString("labels", ":" + string.Join(":", n.Labels));
            Data(w, "labels", ":" + string.Join(":", n.Labels));
            Data(w, "n_id", n.Id);
            foreach (var (k, v) in n.Properties)
            {
                Data(w, "n_" + k, v);
            }

            w.WriteEndElement();
        }

        var i = 0;
        foreach (var e in graph.Edges)
        {
            w.WriteStartElement("edge");
            w.WriteAttributeString("id", "e" + (i++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", e.Source);
            w.WriteAttributeString("target", e.Target);
            w.WriteAttributeString("label", e.Type);
            Data(w, "label", e.Type);
            foreach (var (k, v) in e.Properties)
            {
                Data(w, "e_" + k, v);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static SortedDictionary<string, string> Keys(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["id"] = "string" };
        foreach (var row in rows)
        {
            foreach (var (k, v) in row)
            {
                var t = v switch { long => "long", double => "double", bool => "boolean", _ => "string" };
                keys[k] = keys.TryGetValue(k, out var existing) && existing != t ? (existing is "long" or "double" && t is "long" or "double" ? "double" : "string") : t;
            }
        }

        return keys;
    }

    private static void WriteKey(XmlWriter w, string id, string forWhat, string name, string type)
    {
        w.WriteStartElement("key");
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", forWhat);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, object? value)
    {
        if (value is null)
        {
            return;
        }

        w.WriteStartElement("data");
        w.WriteAttributeString("key", key);
        w.WriteString(value switch
        {
            bool b => b ? "true" : "false",
            List<object?> list => string.Join(";", list.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture))),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        });
        w.WriteEndElement();
    }
}
