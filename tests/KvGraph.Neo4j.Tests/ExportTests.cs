using System.Text.RegularExpressions;
using System.Xml.Linq;
using KvGraph.Neo4j.Export;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.TestSupport;

namespace KvGraph.Neo4j.Tests;

/// <summary>The bulk exports of the seeds' graph: neo4j-admin CSVs, the cypher-shell script (run for real), GraphML.</summary>
[Collection(Neo4jCollection.Name)]
public sealed partial class ExportTests(Neo4jServer server)
{
    [Fact]
    public void Admin_csvs_have_import_headers_typed_columns_every_node_and_relationship_and_the_command()
    {
        var graph = ExportGraph.From(GraphData.Seeds.Graph);
        var dir = TestPaths.NewTempDir();
        var files = AdminCsvExporter.Write(graph, dir);

        var nodeFiles = files.Where(f => f.StartsWith("nodes-", StringComparison.Ordinal)).ToList();
        var relFiles = files.Where(f => f.StartsWith("relationships-", StringComparison.Ordinal)).ToList();
        Assert.Contains("nodes-Placeholder.csv", nodeFiles); // the motions seed 000 cites are not in the seeds
        Assert.Contains("relationships-CITES.csv", relFiles);
        var nodeRecords = 0;
        foreach (var f in nodeFiles)
        {
            var records = Records(File.ReadAllText(Path.Combine(dir, f)));
            Assert.StartsWith("id:ID(Node),:LABEL", records[0], StringComparison.Ordinal);
            Assert.All(records.Skip(1), r => Assert.Contains(",Node;", r, StringComparison.Ordinal));
            nodeRecords += records.Count - 1;
        }

        var relRecords = 0;
        foreach (var f in relFiles)
        {
            var records = Records(File.ReadAllText(Path.Combine(dir, f)));
            Assert.StartsWith(":START_ID(Node),:END_ID(Node),:TYPE", records[0], StringComparison.Ordinal);
            relRecords += records.Count - 1;
        }

        Assert.Equal(GraphData.Seeds.Graph.NodeCount, nodeRecords);
        Assert.Equal(GraphData.Seeds.Graph.EdgeCount, relRecords);
        var cites = Records(File.ReadAllText(Path.Combine(dir, "relationships-CITES.csv")))[0];
        Assert.Contains("start:long", Fields(cites));
        Assert.Contains("confidence:double", Fields(cites));
        Assert.Contains("quote", Fields(cites));

        var readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        Assert.Contains("bin/neo4j-admin database import full neo4j", readme, StringComparison.Ordinal);
        Assert.All(nodeFiles, f => Assert.Contains($"--nodes=import/{f}", readme, StringComparison.Ordinal));
        Assert.All(relFiles, f => Assert.Contains($"--relationships=import/{f}", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Graphml_holds_every_node_and_edge_with_typed_keys()
    {
        var graph = ExportGraph.From(GraphData.Seeds.Graph);
        var path = Path.Combine(TestPaths.NewTempDir(), "kvgraph.graphml");
        GraphMlExporter.Write(graph, path);
        var xml = XDocument.Load(path);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";
        Assert.Equal(GraphData.Seeds.Graph.NodeCount, xml.Descendants(ns + "node").Count());
        Assert.Equal(GraphData.Seeds.Graph.EdgeCount, xml.Descendants(ns + "edge").Count());
        Assert.Contains(xml.Descendants(ns + "key"), k => (string?)k.Attribute("attr.name") == "start" && (string?)k.Attribute("attr.type") == "long");
        Assert.Contains(xml.Descendants(ns + "node"), n => (string?)n.Attribute("id") == "kst-21501-20-1591");
    }

    [SkippableFact]
    public async Task The_cypher_script_rebuilds_the_pushed_graph_on_a_real_server()
    {
        server.Require();
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(GraphData.Seeds.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "p.db"), "t"));
        var pushed = await PushTests.GraphSnapshot(runner);
        await GraphPusher.DeleteAllAsync(runner);

        // Run the script as cypher-shell would: each ':param rows => <literal>' is evaluated by the server itself
        // (RETURN <literal>), then the statement after it runs with that value. The 4.4+ schema lines are skipped: 3.1 lacks that syntax.
        var blocks = CypherScriptExporter.Blocks(ExportGraph.From(GraphData.Seeds.Graph)).ToList();
        var ran = 0;
        foreach (var block in blocks.Where(b => b.StartsWith(":param rows => ", StringComparison.Ordinal)))
        {
            var newline = block.IndexOf('\n', StringComparison.Ordinal);
            var literal = block[":param rows => ".Length..newline];
            var statement = block[(newline + 1)..].TrimEnd().TrimEnd(';');
            var value = await runner.RunAsync(new CypherStatement("RETURN " + literal + " AS rows"));
            await runner.RunAsync(new CypherStatement(statement, new Dictionary<string, object?> { ["rows"] = value.Rows[0][0] }));
            ran++;
        }

        Assert.True(ran > 5);
        Assert.Equal(pushed, await PushTests.GraphSnapshot(runner));
        Assert.Contains(blocks, b => b.StartsWith("CREATE CONSTRAINT kv_node_id IF NOT EXISTS", StringComparison.Ordinal));
    }

    [Fact]
    public void Admin_csvs_from_the_facts_carry_the_push_provenance_integer_spans_and_quote_only_where_needed()
    {
        var data = GraphData.Seeds;
        var graph = ExportGraph.FromFacts(FactsSource.FromFacts(data.Facts));
        var dir = TestPaths.NewTempDir();
        var files = AdminCsvExporter.Write(graph, dir);
        Assert.Equal(data.Facts.Count, graph.PushRecords.Count);

        var quotedWithBreak = false;
        foreach (var f in files.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var records = Records(File.ReadAllText(Path.Combine(dir, f)));
            var header = Fields(records[0]);
            // No node or relationship lists its files (the old model's 'files', which grew with the files asserting a hub).
            Assert.DoesNotContain("files:string[]", header);

            foreach (var record in records)
            {
                foreach (var raw in RawFields(record))
                {
                    if (raw.StartsWith('"'))
                    {
                        var inner = raw[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
                        // Quoted only because it must be: an empty string, or a delimiter, quote or line break inside.
                        Assert.True(inner.Length == 0 || inner.AsSpan().IndexOfAny(",\"\r\n") >= 0, $"{f}: needlessly quoted field {raw}");
                        quotedWithBreak |= inner.Contains('\n', StringComparison.Ordinal) || inner.Contains('\r', StringComparison.Ordinal);
                    }
                }
            }
        }

        // Evidence relationships: integer spans and the push's key and file; shared ones: key 'shared' and files.
        var cites = Records(File.ReadAllText(Path.Combine(dir, "relationships-CITES.csv")));
        var citesHeader = Fields(cites[0]);
        Assert.Contains("start:long", citesHeader);
        Assert.Contains("end:long", citesHeader);
        var (start, end, key, file) = (citesHeader.IndexOf("start:long"), citesHeader.IndexOf("end:long"), citesHeader.IndexOf("key"), citesHeader.IndexOf("file"));
        Assert.True(key >= 0 && file >= 0);
        foreach (var row in cites.Skip(1).Select(Fields))
        {
            Assert.True(long.Parse(row[start], System.Globalization.CultureInfo.InvariantCulture) < long.Parse(row[end], System.Globalization.CultureInfo.InvariantCulture));
            Assert.StartsWith(row[file] + "#", row[key], StringComparison.Ordinal);
        }

        var asked = Records(File.ReadAllText(Path.Combine(dir, "relationships-ASKED_BY.csv")));
        var askedHeader = Fields(asked[0]);
        Assert.Contains("count:long", askedHeader);
        Assert.All(asked.Skip(1).Select(Fields), r => Assert.Equal("shared", r[askedHeader.IndexOf("key")]));

        // Provenance: a KvFile node per source file in its own id space; an ASSERTS per asserted node; a SHARES per
        // (file, shared relationship), to the relationship's source, with its key.
        var fileNodes = Records(File.ReadAllText(Path.Combine(dir, "nodes-KvFile.csv")));
        Assert.Equal(["path:ID(KvFile)", ":LABEL"], Fields(fileNodes[0]));
        Assert.Equal(data.Facts.Count, fileNodes.Count - 1);
        var assertions = Records(File.ReadAllText(Path.Combine(dir, "relationships-ASSERTS.csv")));
        Assert.Equal([":START_ID(KvFile)", ":END_ID(Node)", ":TYPE"], Fields(assertions[0]));
        Assert.Equal(graph.Assertions.Count, assertions.Count - 1);
        var shares = Records(File.ReadAllText(Path.Combine(dir, "relationships-SHARES.csv")));
        Assert.Equal([":START_ID(KvFile)", ":END_ID(Node)", ":TYPE", "k"], Fields(shares[0]));
        Assert.Equal(graph.Files.Sum(f => f.SharedKeys.Count), shares.Count - 1);
        Assert.True(shares.Count > 1);
        Assert.All(shares.Skip(1).Select(Fields), r => Assert.Equal(LoaderStatements.ParseSharedKey(r[3]).Source, r[1]));
        Assert.Contains("--relationships=import/relationships-SHARES.csv", File.ReadAllText(Path.Combine(dir, "README.md")), StringComparison.Ordinal);
        Assert.Contains("--nodes=import/nodes-KvFile.csv", File.ReadAllText(Path.Combine(dir, "README.md")), StringComparison.Ordinal);

        // --multiline-fields only when a field spans lines.
        var readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        Assert.Equal(quotedWithBreak, readme.Contains("--multiline-fields=true", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_database_loaded_from_the_export_and_marked_as_pushed_gets_only_the_changed_file_on_the_next_push()
    {
        server.Require();
        using var runner = await server.ConnectAsync();
        var data = GraphData.Seeds;
        var graph = ExportGraph.FromFacts(FactsSource.FromFacts(data.Facts));

        // Load the same facts (neo4j-admin import cannot run against the 3.1 test server, so a push loads them), and check
        // that what it wrote is exactly the export's provenance: files' ASSERTS and shared keys, relationships' key, file and count.
        await GraphPusher.DeleteAllAsync(runner);
        var pusher = new GraphPusher(runner);
        await pusher.PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "load.db"), "t"));
        Assert.Equal(Provenance(graph), await Provenance(runner));

        // Mark the database as loaded from the export in a store that never pushed to it; then one file changes.
        var state = States.Load(Path.Combine(TestPaths.NewTempDir(), "marked.db"), "t");
        state.MarkLoaded(graph);
        Assert.Equal(data.Facts.Count, state.Done);
        var seed000 = data.Facts.Single(f => f.File.Contains("000_", StringComparison.Ordinal));
        var changed = seed000 with { Edges = [.. seed000.Edges.Where(e => !(e.Type == KvGraph.Core.Graph.EdgeType.Cites && e.Target == "kst-21501-20-1591"))] };
        Assert.NotEqual(seed000.Edges.Count, changed.Edges.Count);
        var facts = data.Facts.Select(f => f == seed000 ? changed : f).ToList();
        var next = await pusher.PushAsync(FactsSource.FromFacts(facts), state);
        Assert.Equal(1, next.FilesPushed);
        Assert.Equal(data.Facts.Count - 1, next.FilesUnchanged);
        var incremental = await PushTests.Snapshot(runner);
        Assert.Equal(Provenance(ExportGraph.FromFacts(FactsSource.FromFacts(facts))), await Provenance(runner));

        // The same as a clean push of the changed facts.
        await GraphPusher.DeleteAllAsync(runner);
        await pusher.PushAsync(FactsSource.FromFacts(facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "clean.db"), "t"));
        Assert.Equal(await PushTests.Snapshot(runner), incremental);
    }

    private static string Provenance(ExportGraph graph) => string.Join("\n",
        graph.Nodes.Select(n => $"N {n.Id}")
            .Concat(graph.Assertions.Select(a => $"A {a.File} {a.Id}"))
            .Concat(graph.Files.Select(f => $"F {f.Path} {List(f.SharedKeys)}"))
            .Concat(graph.Edges.Select(e => $"R {e.Source} {e.Type} {e.Target} {e.Properties.GetValueOrDefault("key")} {e.Properties.GetValueOrDefault("file")} {e.Properties.GetValueOrDefault("count")}"))
            .Order(StringComparer.Ordinal));

    private static async Task<string> Provenance(ICypherRunner runner)
    {
        var nodes = await runner.RunAsync(new CypherStatement("MATCH (n:Node) RETURN n.id"));
        var asserts = await runner.RunAsync(new CypherStatement("MATCH (f:KvFile)-[:ASSERTS]->(n:Node) RETURN f.path, n.id"));
        var files = await runner.RunAsync(new CypherStatement("MATCH (f:KvFile) OPTIONAL MATCH (f)-[s:SHARES]->() RETURN f.path, collect(s.k)"));
        var rels = await runner.RunAsync(new CypherStatement("MATCH (a:Node)-[r]->(b:Node) RETURN a.id, type(r), b.id, r.key, r.file, r.count"));
        return string.Join("\n",
            nodes.Rows.Select(r => $"N {r[0]}")
                .Concat(asserts.Rows.Select(r => $"A {r[0]} {r[1]}"))
                .Concat(files.Rows.Select(r => $"F {r[0]} {List(r[1])}"))
                .Concat(rels.Rows.Select(r => $"R {r[0]} {r[1]} {r[2]} {r[3]} {r[4]} {r[5]}"))
                .Order(StringComparer.Ordinal));
    }

    /// <summary>A list's items sorted and joined (keys are a set: their order on a file node is the push's).</summary>
    private static string List(object? value) => value is System.Collections.IEnumerable list and not string ? string.Join(";", list.Cast<object?>().Select(x => Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal)) : string.Empty;

    /// <summary>The raw fields of one CSV record, quotes kept.</summary>
    private static List<string> RawFields(string record) => [.. FieldPattern().Matches(record).Select(m => m.Groups[1].Value)];

    /// <summary>The values of one CSV record, unquoted.</summary>
    private static List<string> Fields(string record) =>
        [.. RawFields(record).Select(f => f.StartsWith('"') ? f[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : f)];

    [GeneratedRegex("(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,\"]*)")]
    private static partial Regex FieldPattern();

    /// <summary>CSV records (a quoted field may hold newlines).</summary>
    private static List<string> Records(string csv) => [.. RecordPattern().Matches(csv).Select(m => m.Value.TrimEnd('\n')).Where(r => r.Length > 0)];

    [GeneratedRegex("(?:\"(?:[^\"]|\"\")*\"|[^\"\\n])*\\n")]
    private static partial Regex RecordPattern();
}
