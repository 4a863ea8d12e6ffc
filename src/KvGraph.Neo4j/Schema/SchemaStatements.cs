using KvGraph.Core.Graph;
using KvGraph.Neo4j.Http;

namespace KvGraph.Neo4j.Schema;

/// <summary>
/// Constraints and indexes, created before any data, in the syntax the server's version understands:
/// 3.x <c>CREATE CONSTRAINT ON (n:L) ASSERT n.id IS UNIQUE</c>; 4.4+ and 5
/// <c>CREATE CONSTRAINT name IF NOT EXISTS FOR (n:L) REQUIRE n.id IS UNIQUE</c>.
/// <c>cypher/schema.cypher</c> is <see cref="Modern"/> written out, and a test keeps the two equal.
/// </summary>
public static class SchemaStatements
{
    /// <summary>Properties of documents that get a plain index (filters in the example queries).</summary>
    public static readonly IReadOnlyList<string> DocumentIndexedProperties = ["date", "zaak"];

    /// <summary>Properties the full-text index covers.</summary>
    public static readonly IReadOnlyList<string> FullTextProperties = ["name", "title", "text"];

    /// <summary>The name of the full-text index on documents.</summary>
    public const string FullTextIndexName = "kv_document_text";

    /// <summary>The statements for a server of <paramref name="server"/>'s version.</summary>
    public static IReadOnlyList<string> For(Neo4jServerInfo server)
    {
        ArgumentNullException.ThrowIfNull(server);
        if (server.SupportsModernSchemaSyntax)
        {
            var modern = Modern(includeFullText: server.SupportsFullTextDdl).ToList();
            if (!server.SupportsFullTextDdl && server.SupportsFullTextProcedure)
            {
                // 4.4 has no FULLTEXT DDL; the procedure fails when the index exists, so the pusher ignores
                // Neo.ClientError.Procedure.ProcedureCallFailed for this one statement.
                modern.Add(FullTextProcedure4);
            }

            return modern;
        }

        if (server.Version.Major >= 4)
        {
            // 4.0-4.3: old syntax, no IF NOT EXISTS before 4.1; the old form is idempotent when identical.
            return Legacy3().Append(FullTextProcedure4).ToList();
        }

        return Legacy3();
    }

    /// <summary>Schema for Neo4j 4.4, 5 and later (also what <c>cypher/schema.cypher</c> holds).</summary>
    public static IReadOnlyList<string> Modern(bool includeFullText = true)
    {
        var list = new List<string>();
        foreach (var label in GraphVocabulary.ConstrainedLabels)
        {
            list.Add($"CREATE CONSTRAINT kv_{label.ToLowerInvariant()}_id IF NOT EXISTS FOR (n:{GraphVocabulary.Checked(label)}) REQUIRE n.id IS UNIQUE");
        }

        list.Add($"CREATE CONSTRAINT kv_file_path IF NOT EXISTS FOR (f:{GraphVocabulary.FileLabel}) REQUIRE f.path IS UNIQUE");

        foreach (var prop in DocumentIndexedProperties)
        {
            list.Add($"CREATE INDEX kv_document_{prop} IF NOT EXISTS FOR (n:{NodeLabel.Document}) ON (n.{prop})");
        }

        list.Add($"CREATE INDEX kv_cites_kind IF NOT EXISTS FOR ()-[r:{EdgeType.Cites}]-() ON (r.kind)");
        if (includeFullText)
        {
            list.Add($"CREATE FULLTEXT INDEX {FullTextIndexName} IF NOT EXISTS FOR (n:{NodeLabel.Document}) ON EACH [{string.Join(", ", FullTextProperties.Select(p => "n." + p))}]");
        }

        return list;
    }

    /// <summary>
    /// Schema for Neo4j 3.x (the test server is 3.1.1). Current Neo4j's parser rejects this syntax, so the lint
    /// test checks <see cref="Modern"/> and these run for real on the 3.1.1 server instead. 3.x has no
    /// relationship-property indexes and no native full-text index.
    /// </summary>
    public static IReadOnlyList<string> Legacy3()
    {
        var list = new List<string>();
        foreach (var label in GraphVocabulary.ConstrainedLabels)
        {
            list.Add($"CREATE CONSTRAINT ON (n:{GraphVocabulary.Checked(label)}) ASSERT n.id IS UNIQUE");
        }

        list.Add($"CREATE CONSTRAINT ON (f:{GraphVocabulary.FileLabel}) ASSERT f.path IS UNIQUE");

        foreach (var prop in DocumentIndexedProperties)
        {
            list.Add($"CREATE INDEX ON :{NodeLabel.Document}({prop})");
        }

        return list;
    }

    /// <summary>Neo4j 4.x full-text index, made by procedure.</summary>
    public const string FullTextProcedure4 =
        "CALL db.index.fulltext.createNodeIndex('" + FullTextIndexName + "', ['Document'], ['name', 'title', 'text'])";

    /// <summary>The content of <c>cypher/schema.cypher</c>: header comment, then one statement per line, each ended by ';'.</summary>
    public static string RenderSchemaFile()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append("""
            // KvGraph schema for Neo4j 4.4, 5.x and later (Aura included).
            //
            // Every node carries :Node plus its kind (:Document:Question, :Person, :Placeholder, ...) and a property
            // `id` that is unique over ALL nodes; the :Node constraint is what MERGE uses, so a placeholder becomes
            // the real document in place when that document is pushed. The per-kind constraints make lookups by
            // kind (MATCH (d:Document {id: $id})) index-backed too. Provenance lives on :KvFile {path} nodes (one per
            // source file, not :Node), with an ASSERTS relationship to each node the file asserts.
            //
            // `kvgraph push` creates this schema itself before any data, in the syntax of the server it finds
            // (Neo4j 3.x gets CREATE CONSTRAINT ON (n:L) ASSERT n.id IS UNIQUE and no full-text index).
            // Run by hand:  cypher-shell -a neo4j://localhost:7687 -f cypher/schema.cypher
            // This file is generated from SchemaStatements.Modern(); a test keeps the two identical.

            """);
        foreach (var statement in Modern())
        {
            sb.Append(statement).Append(";\n");
        }

        return sb.ToString();
    }
}
