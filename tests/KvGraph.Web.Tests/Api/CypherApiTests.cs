using KvGraph.Web.Cypher;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>"Show as Cypher" shows the real statements from cypher/queries with the view's parameters.</summary>
public sealed class CypherApiTests(SeedCorpus corpus) : ApiTestBase(corpus)
{
    [SkippableFact]
    public async Task Every_view_that_has_a_statement_shows_the_file_text_unchanged_with_its_parameters()
    {
        Skip.IfNot(Directory.Exists(WebPaths.CypherQueries) && Directory.EnumerateFiles(WebPaths.CypherQueries, "*.cypher").Any(), "cypher/queries has no .cypher files yet");
        var shown = 0;
        foreach (var view in CypherCatalog.Views)
        {
            using var response = await Client.GetAsync(new Uri($"/api/cypher?view={view}&id={Enc(Corpus.Seed000Id)}&q=Xinjiang", UriKind.Relative));
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                continue;
            }

            var c = await GetJson($"/api/cypher?view={view}&id={Enc(Corpus.Seed000Id)}&q=Xinjiang");
            var file = Path.Combine(WebPaths.CypherQueries, c.Str("file")!);
            Assert.Equal(await File.ReadAllTextAsync(file), c.Str("text"));
            var parameters = c.GetProperty("parameters").EnumerateObject().ToList();
            Assert.NotEmpty(parameters);

            // Every $parameter in the statement is listed, and the id or text the view is about is filled in.
            foreach (var p in parameters)
            {
                Assert.Contains("$" + p.Name, c.Str("text"), StringComparison.Ordinal);
            }

            Assert.Contains(parameters, p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String && (p.Value.GetString() == Corpus.Seed000Id || p.Value.GetString() == "Xinjiang"));
            shown++;
        }

        Assert.True(shown >= 3, $"only {shown} views found a statement in cypher/queries");
    }

    [Fact]
    public void The_catalog_maps_views_to_files_by_header_comment_and_fills_parameters()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"kvgraph-cypher-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "q1.cypher"), "// Trace: the citation chain from a document, transitively.\nMATCH p = (d:Document {id: $id})-[:CITES*1..3]->(x) RETURN p LIMIT $limit\n");
            File.WriteAllText(Path.Combine(dir, "q2.cypher"), "// Related questions by bibliographic coupling.\nMATCH (d {id: $docId})-[:CITES]->(t)<-[:CITES]-(o) RETURN o, count(t) AS shared LIMIT $limit\n");
            File.WriteAllText(Path.Combine(dir, "back.cypher"), "// Who cites this document? The chain read backwards.\n// @param id string kst-1-1  The cited document.\n// @param depth integer 2  Steps back.\nMATCH p = (x)-[:CITES*1..10]->(d {id: $id}) WHERE length(p) <= $depth RETURN p\n");
            var catalog = new CypherCatalog(dir);
            var back = catalog.For("trace", new Dictionary<string, object?> { ["id"] = "kst-2-2", ["reverse"] = true })!;
            Assert.Equal("back.cypher", back.File);
            Assert.Equal("kst-2-2", back.Parameters["id"]);
            Assert.Equal(2L, back.Parameters["depth"]);

            var values = new Dictionary<string, object?> { ["id"] = "ah-tk-1", ["limit"] = 7 };
            var trace = catalog.For("trace", values)!;
            Assert.Equal("q1.cypher", trace.File);
            Assert.Equal("ah-tk-1", trace.Parameters["id"]);
            Assert.Equal(7, trace.Parameters["limit"]);
            var related = catalog.For("related", values)!;
            Assert.Equal("q2.cypher", related.File);
            Assert.Equal("ah-tk-1", related.Parameters["docId"]);
            Assert.Null(catalog.For("motion", values));
            // No file is about neighbourhoods: the document statement (what it cites, who asked) stands in.
            Assert.Equal(catalog.For("document", values)!.File, catalog.For("neighbourhood", values)!.File);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
