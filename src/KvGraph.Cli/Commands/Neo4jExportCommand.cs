using System.CommandLine;
using KvGraph.Cli.Hosting;
using KvGraph.Neo4j.Export;
using KvGraph.Neo4j.Push;
using Spectre.Console;

namespace KvGraph.Cli.Commands;

/// <summary>
/// <c>kvgraph export --format neo4j-admin|cypher|graphml &lt;dir&gt; [--store] [--mark-pushed --neo4j &lt;url&gt; [--database]]</c>:
/// the store's graph as files for bulk loading (neo4j-admin CSVs with the push's provenance and a README holding the import
/// command), a cypher-shell script, or GraphML. <c>--mark-pushed</c> records the exported files in the store's push state
/// for that database (it does not contact it), so after the import the next <c>push</c> sends only what changed.
/// </summary>
public static class Neo4jExportCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var dir = new Argument<string>("dir") { Description = "Folder to write into (created when missing)" };
        var format = new Option<string>("--format", "-f") { Description = "neo4j-admin, cypher or graphml", Required = true };
        format.AcceptOnlyFromAmong("neo4j-admin", "cypher", "graphml");
        var mark = new Option<bool>("--mark-pushed") { Description = "neo4j-admin only: record the exported files as pushed to the database --neo4j names, so the next push after the import sends only what changed" };
        var connection = new Neo4jConnection();
        var command = new Command("export", "Export the graph for Neo4j: neo4j-admin import CSVs, a cypher-shell script, or GraphML") { dir };
        command.Options.Add(format);
        command.Options.Add(mark);
        connection.AddTo(command);
        return command.WithAction(result =>
        {
            var admin = result.GetValue(format) == "neo4j-admin";
            if (result.GetValue(mark) && !admin)
            {
                throw new CliUserException("--mark-pushed needs --format neo4j-admin: only the neo4j-admin files carry the push's provenance.");
            }

            var target = result.GetValue(mark) ? connection.Options(context, result).PushTarget : null;
            using var store = target is null ? context.OpenExistingStore(result) : OpenForWriting(context, result);
            // The neo4j-admin files are the graph a push would leave, with its provenance; the others the embedded graph.
            var graph = admin ? ExportGraph.FromFacts(FactsSource.FromStore(store)) : ExportGraph.From(store.LoadGraph());
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

            if (target is not null)
            {
                PushState.Open(store, target).MarkLoaded(graph);
                context.Console.MarkupLineInterpolated($"Marked {graph.PushRecords.Count} files as pushed to {target}: after the import, `kvgraph push` sends only what changed.");
            }

            return 0;
        });
    }

    private static KvGraph.Store.IKvStore OpenForWriting(CliContext context, ParseResult result)
    {
        var storePath = context.StorePath(result);
        if (!File.Exists(storePath))
        {
            // The existence check and its message are the read-only opener's.
            context.OpenExistingStore(result).Dispose();
        }

        return KvGraph.Store.KvStore.Open(storePath);
    }
}
