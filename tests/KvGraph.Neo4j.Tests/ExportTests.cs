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
        Assert.Contains("\"start:long\"", cites, StringComparison.Ordinal);
        Assert.Contains("\"confidence:double\"", cites, StringComparison.Ordinal);
        Assert.Contains("\"quote\"", cites, StringComparison.Ordinal);

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
        var pushed = await PushTests.Snapshot(runner);
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
        Assert.Equal(pushed, await PushTests.Snapshot(runner));
        Assert.Contains(blocks, b => b.StartsWith("CREATE CONSTRAINT kv_node_id IF NOT EXISTS", StringComparison.Ordinal));
    }

    /// <summary>CSV records (a quoted field may hold newlines).</summary>
    private static List<string> Records(string csv) => [.. RecordPattern().Matches(csv).Select(m => m.Value.TrimEnd('\n')).Where(r => r.Length > 0)];

    [GeneratedRegex("(?:\"(?:[^\"]|\"\")*\"|[^\"\\n])*\\n")]
    private static partial Regex RecordPattern();
}
