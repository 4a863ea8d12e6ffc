using KvGraph.Core.Graph;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.Neo4j.Queries;
using KvGraph.TestSupport;

namespace KvGraph.Neo4j.Tests;

/// <summary>
/// The seeds and the real corpus pushed to the real Neo4j; every file in cypher/queries runs there, and the ones that
/// ask what the embedded graph answers (trace, cited-by, related, unresolved, shortest path) must give the same documents,
/// in the same order where the order is defined.
/// </summary>
[Collection(Neo4jCollection.Name)]
public sealed class QueryComparisonTests(Neo4jServer server)
{
    private static GraphData Data => GraphData.Corpus ?? GraphData.Seeds;

    private static readonly Lazy<IReadOnlyDictionary<string, CypherQueryFile>> Queries =
        new(() => CypherQueryFile.LoadFolder(Repo.Queries).ToDictionary(q => q.Name, StringComparer.Ordinal));

    [SkippableFact]
    public async Task Every_query_file_runs_with_its_example_parameters_and_the_examples_find_data()
    {
        using var runner = await LoadedAsync();
        foreach (var q in Queries.Value.Values)
        {
            var result = await runner.RunAsync(new CypherStatement(q.Text, q.ExampleParameters()));
            Assert.True(result.Columns.Count > 0, q.Name);
            // The examples are chosen on the seeds, which are always pushed: each must find something. The two seeds
            // share no citation, so related-questions finds nothing for its example (its own test compares it on the corpus).
            if (q.Name != "related-questions")
            {
                Assert.True(result.Rows.Count > 0, $"{q.Name}: no rows for its example parameters");
            }
        }
    }

    [SkippableFact]
    public async Task Citation_chain_reaches_what_trace_reaches_in_trace_order()
    {
        using var runner = await LoadedAsync();
        var chain = Queries.Value["citation-chain"];
        var starts = Data.Graph.Nodes.Where(n => GraphFacts.IsDocumentLabel(n.Label) && n.Label != NodeLabel.Placeholder)
            .OrderByDescending(n => Data.Graph.Outgoing(n.Id, EdgeType.Cites).Count).ThenBy(n => n.Id, StringComparer.Ordinal).Take(8).ToList();
        Assert.Contains(starts, s => Data.Graph.Outgoing(s.Id, EdgeType.Cites).Count > 0);
        foreach (var start in starts.Append(Data.Graph.Find("ah-tk-20202021-2302")!))
        {
            foreach (var depth in new[] { 1, 3 })
            {
                var trace = Data.Graph.Trace(start.Id, depth)!;
                var rows = await runner.RunAsync(new CypherStatement(chain.Text, new Dictionary<string, object?> { ["id"] = start.Id, ["depth"] = (long)depth }));
                var neo = rows.Column("target").Cast<string>().ToHashSet(StringComparer.Ordinal);
                Assert.Equal(Below(trace).Order(StringComparer.Ordinal), neo.Order(StringComparer.Ordinal));
                if (depth == 1)
                {
                    Assert.Equal(trace.Children.Select(c => c.Node.Id), rows.Column("target").Cast<string>().Distinct());
                }
            }
        }
    }

    [SkippableFact]
    public async Task Cited_by_reaches_what_reverse_trace_reaches_in_trace_order()
    {
        using var runner = await LoadedAsync();
        var citedBy = Queries.Value["cited-by"];
        var targets = Data.Graph.Nodes.OrderByDescending(n => Data.Graph.Incoming(n.Id, EdgeType.Cites).Count).ThenBy(n => n.Id, StringComparer.Ordinal).Take(8).ToList();
        foreach (var target in targets.Append(Data.Graph.Find("kst-21501-20-1591")!))
        {
            foreach (var depth in new[] { 1, 2 })
            {
                var trace = Data.Graph.Trace(target.Id, depth, reverse: true)!;
                var rows = await runner.RunAsync(new CypherStatement(citedBy.Text, new Dictionary<string, object?> { ["id"] = target.Id, ["depth"] = (long)depth }));
                Assert.Equal(Below(trace).Order(StringComparer.Ordinal), rows.Column("citing").Cast<string>().Distinct().Order(StringComparer.Ordinal));
                if (depth == 1)
                {
                    Assert.Equal(trace.Children.Select(c => c.Node.Id), rows.Column("citing").Cast<string>().Distinct());
                }
            }
        }
    }

    [SkippableFact]
    public async Task Related_questions_share_the_citations_that_related_counts_as_coupling()
    {
        using var runner = await LoadedAsync();
        var related = Queries.Value["related-questions"];
        var starts = Data.Graph.Nodes.Where(n => n.Label is NodeLabel.Answer or NodeLabel.Letter or NodeLabel.Question)
            .OrderByDescending(n => Data.Graph.Outgoing(n.Id, EdgeType.Cites).Count).ThenBy(n => n.Id, StringComparer.Ordinal).Take(6).ToList();
        var compared = 0;
        foreach (var start in starts)
        {
            var embedded = Data.Graph.Related(start.Id, limit: 1000)
                .Select(r => (Id: r.Node.Id, Shared: r.Reasons.Count(x => x.Kind == "coupling")))
                .Where(r => r.Shared > 0)
                .OrderByDescending(r => r.Shared).ThenBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            var rows = await runner.RunAsync(new CypherStatement(related.Text, new Dictionary<string, object?> { ["id"] = start.Id, ["limit"] = 1000L }));
            var neo = rows.Rows.Select(r => (Id: (string)r[0]!, Shared: (int)(long)r[2]!)).ToList();
            Assert.Equal(embedded, neo);
            compared += neo.Count;
        }

        Assert.True(compared > 0, "no document shares citations with another: the comparison proved nothing");
    }

    [SkippableFact]
    public async Task Unresolved_citations_match_the_embedded_list_in_order()
    {
        using var runner = await LoadedAsync();
        var rows = await runner.RunAsync(new CypherStatement(Queries.Value["unresolved-citations"].Text, new Dictionary<string, object?> { ["limit"] = 40L }));
        var embedded = Data.Graph.Unresolved(40);
        Assert.NotEmpty(embedded);
        Assert.Equal(embedded.Select(u => $"{u.Id} {u.CitationCount} {string.Join(",", u.CitedBy)}"),
            rows.Rows.Select(r => $"{r[0]} {r[2]} {string.Join(",", ((List<object?>)r[4]!).Cast<string>().Order(StringComparer.Ordinal))}"));
    }

    [SkippableFact]
    public async Task Shortest_path_has_the_embedded_length()
    {
        using var runner = await LoadedAsync();
        var q = Queries.Value["shortest-path"];
        var docs = Data.Graph.Nodes.Where(n => Data.Graph.Outgoing(n.Id, EdgeType.Cites).Count > 0).OrderBy(n => n.Id, StringComparer.Ordinal).Take(6).ToList();
        var pairs = docs.SelectMany(a => docs.Where(b => string.CompareOrdinal(a.Id, b.Id) < 0).Select(b => (a.Id, b.Id))).Append(("ah-tk-20202021-2302", "kst-35570-V-43"));
        var found = 0;
        foreach (var (from, to) in pairs)
        {
            var embedded = Data.Graph.ShortestPath(from, to, 6);
            var rows = await runner.RunAsync(new CypherStatement(q.Text, new Dictionary<string, object?> { ["from"] = from, ["to"] = to, ["maxDepth"] = 6L }));
            if (embedded.Count == 0)
            {
                Assert.Empty(rows.Rows);
                continue;
            }

            found++;
            var path = ((List<object?>)rows.Rows.Single()[0]!).Cast<string>().ToList();
            Assert.Equal(embedded.Count, path.Count);
            Assert.Equal(from, path[0]);
            Assert.Equal(to, path[^1]);
        }

        Assert.True(found > 0);
    }

    private static IEnumerable<string> Below(TraceNode root) =>
        root.Children.SelectMany(c => Below(c).Prepend(c.Node.Id)).Distinct(StringComparer.Ordinal);

    /// <summary>A runner on a database that holds exactly <see cref="Data"/> (pushed when it does not).</summary>
    private async Task<ICypherRunner> LoadedAsync()
    {
        server.Require();
        var runner = await server.ConnectAsync();
        var (nodes, rels) = await GraphPusher.CountAsync(runner);
        if (nodes != Data.Graph.NodeCount || rels != Data.Graph.EdgeCount)
        {
            await GraphPusher.DeleteAllAsync(runner);
            var summary = await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(Data.Facts), PushState.Load(Path.Combine(TestPaths.NewTempDir(), "q.json"), "t"));
            Assert.Empty(summary.Failures);
            Assert.Equal(Data.Graph.NodeCount, summary.NodesInDatabase);
            Assert.True(Data.Graph.EdgeCount == summary.RelationshipsInDatabase, await PushTests.EdgeDiff(runner, Data.Graph));
        }

        return runner;
    }
}
