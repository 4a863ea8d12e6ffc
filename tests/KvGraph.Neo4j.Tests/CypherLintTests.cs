using KvGraph.Neo4j.Push;
using KvGraph.Neo4j.Queries;
using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Tests;

/// <summary>Every Cypher statement KvGraph contains or generates passes current Neo4j's own front end (Cypher 5 and 25).</summary>
public sealed class CypherLintTests
{
    [SkippableFact]
    public void Query_files_schema_file_loader_statements_and_modern_schema_have_no_error_diagnostics()
    {
        Skip.If(CypherLint.UnavailableReason is not null, CypherLint.UnavailableReason);
        var items = new List<LintItem>();
        var queries = CypherQueryFile.LoadFolder(Repo.Queries);
        Assert.True(queries.Count >= 8, "cypher/queries should hold the example queries");
        items.AddRange(queries.Select(q => new LintItem("cypher/queries/" + q.Name, q.Text, q.ExampleParameters())));
        items.Add(new LintItem("cypher/schema.cypher", File.ReadAllText(Path.Combine(Repo.Cypher, "schema.cypher")), new Dictionary<string, object?>()));
        items.AddRange(LoaderStatements.All().Select(s => new LintItem(s.Name, s.Text, s.Parameters)));
        items.AddRange(SchemaStatements.Modern().Select((s, i) => new LintItem($"schema[{i}]", s, new Dictionary<string, object?>())));
        items.AddRange(Export.CypherScriptExporter.Statements().Select(s => new LintItem("export:" + s.Name, s.Text, s.Parameters)));

        // The export script reuses the loader's statements: each distinct text is checked once.
        items = items.DistinctBy(i => i.Statement).ToList();
        var diagnostics = CypherLint.Run(items);
        var errors = diagnostics.Where(d => d.Severity == "error").ToList();
        Assert.True(errors.Count == 0, "Cypher errors:\n" + string.Join("\n", errors));
    }

    [SkippableFact]
    public void The_linter_rejects_what_current_neo4j_rejects()
    {
        // Guards the guard: the tool must report real errors, e.g. 3.x schema syntax and an undeclared parameter.
        Skip.If(CypherLint.UnavailableReason is not null, CypherLint.UnavailableReason);
        var diagnostics = CypherLint.Run(
        [
            new LintItem("legacy", SchemaStatements.Legacy3()[0], new Dictionary<string, object?>()),
            new LintItem("undeclared", "MATCH (n:Node {id: $nope}) RETURN n", new Dictionary<string, object?>()),
        ]);
        Assert.Contains(diagnostics, d => d.Name == "legacy" && d.Severity == "error");
        Assert.Contains(diagnostics, d => d.Name == "undeclared" && d.Severity == "error" && d.Message.Contains("$nope", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_file_is_the_generated_modern_schema()
    {
        var path = Path.Combine(Repo.Cypher, "schema.cypher");
        if (Environment.GetEnvironmentVariable("KVGRAPH_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, SchemaStatements.RenderSchemaFile());
        }

        var file = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(SchemaStatements.RenderSchemaFile(), file);
    }

    [Fact]
    public void Every_query_file_has_a_question_declared_parameters_and_an_example()
    {
        foreach (var q in CypherQueryFile.LoadFolder(Repo.Queries))
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Question), $"{q.Name}: no '// Question:' header");
            Assert.Contains("// Example: kvgraph cypher cypher/queries/" + q.Name + ".cypher", q.Text, StringComparison.Ordinal);
            var used = System.Text.RegularExpressions.Regex.Matches(q.Text, @"\$(\w+)").Select(m => m.Groups[1].Value).ToHashSet();
            Assert.Equal(used.Order(), q.Parameters.Select(p => p.Name).Order());
        }
    }
}
