using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Neo4j.Export;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph export --format neo4j-admin|cypher|graphml &lt;dir&gt; [--store]</c>: the store's graph as files for bulk loading
/// (neo4j-admin CSVs with a README holding the import command), a cypher-shell script, or GraphML.
/// </summary>
public static class Neo4jExportCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dir = new Argument<string>("dir") { Description = "Folder to write into (created when missing)" };
        var format = new Option<string>("--format", "-f") { Description = "neo4j-admin, cypher or graphml", Required = true };
        format.AcceptOnlyFromAmong("neo4j-admin", "cypher", "graphml");
        var command = new Command("export", "Export the graph for Neo4j: neo4j-admin import CSVs, a cypher-shell script, or GraphML") { dir };
        command.Options.Add(format);
        return command.WithAction(result =>
        {
            using var store = context.OpenExistingStore(result);
            var graph = ExportGraph.From(store.LoadGraph());
            var folder = Path.GetFullPath(result.GetValue(dir)!);
            Directory.CreateDirectory(folder);
            IReadOnlyList<string> files;
            switch (result.GetValue(format))
            {
                case "neo4j-admin":
                    files = AdminCsvExporter.Write(graph, folder);
                    break;
                case "cypher":
                    CypherScriptExporter.Write(graph, Path.Combine(folder, "kvgraph.cypher"));
                    files = ["kvgraph.cypher"];
                    break;
                default:
                    GraphMlExporter.Write(graph, Path.Combine(folder, "kvgraph.graphml"));
                    files = ["kvgraph.graphml"];
                    break;
            }

            context.Console.MarkupLineInterpolated($"{graph.Nodes.Count} nodes and {graph.Edges.Count} relationships written to {folder}:");
            foreach (var f in files)
            {
                context.Console.MarkupLineInterpolated($"  {f}");
            }

            return 0;
        });
    }
}
