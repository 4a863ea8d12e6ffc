using KvGraph.Core.Graph;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Tests;

/// <summary>How the push plans its work on real facts: folded rows, relationship lanes, and the server-side batching chosen by version.</summary>
public sealed class PushPlanTests
{
    [Theory]
    // The test server (Neo4j Community 3.1.1): the client's transaction is the batch.
    [InlineData("3.1.1", false)]
    // 4.3 has CALL { } subqueries but not IN TRANSACTIONS.
    [InlineData("4.3.9", false)]
    // 4.4 introduced CALL { … } IN TRANSACTIONS.
    [InlineData("4.4.0", true)]
    // Current servers.
    [InlineData("5.26.0", true)]
    public void Server_side_row_batches_are_chosen_by_the_discovered_version(string version, bool serverCommits)
    {
        var server = new Neo4jServerInfo(Version.Parse(version), "community", Neo4jApi.Transactional, new Uri("http://127.0.0.1:7474/db/neo4j/tx/commit"));
        var batching = GraphPusher.ServerBatching.For(server, 2000);
        var file = Rows(GraphData.Seeds.Facts[0]);
        var fold = new RowFold();
        fold.Add(file);
        var statements = GraphPusher.NodeStatements(fold.Nodes);
        var applied = batching.Apply(statements);

        Assert.Equal(serverCommits, batching.ServerCommits);
        Assert.Equal(serverCommits ? 20_000 : 2000, batching.RequestRows);
        Assert.Equal(statements.Count, applied.Count);
        for (var i = 0; i < statements.Count; i++)
        {
            // Same data either way; only the text differs.
            Assert.Same(statements[i].Parameters, applied[i].Parameters);
            if (serverCommits)
            {
                Assert.StartsWith("UNWIND $rows AS row\nCALL {\n  WITH row\n", applied[i].Text, StringComparison.Ordinal);
                Assert.EndsWith("} IN TRANSACTIONS OF 2000 ROWS", applied[i].Text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(statements[i].Text, applied[i].Text);
            }
        }
    }

    [Fact]
    public void Only_an_unwind_rows_statement_can_be_committed_in_row_batches()
    {
        Assert.Throws<ArgumentException>(() => LoaderStatements.InTransactions(LoaderStatements.SweepPlaceholders, 2000));
        Assert.Throws<ArgumentOutOfRangeException>(() => LoaderStatements.InTransactions(LoaderStatements.MergePlaceholders, 0));
    }

    [SkippableFact]
    public void A_node_many_files_assert_is_one_row_with_all_their_files_in_order()
    {
        var corpus = GraphData.Corpus;
        Skip.If(corpus is null, "the corpus is not beside the clone (../shared/corpus/raw)");
        var files = corpus.Facts.Select(Rows).ToList();
        var fold = new RowFold();
        foreach (var f in files)
        {
            fold.Add(f);
        }

        var asserting = files.SelectMany(f => f.AssertedIds.Select(id => (Id: id, f.File))).GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(p => p.File).ToList(), StringComparer.Ordinal);
        var hub = asserting.MaxBy(p => p.Value.Count);
        Assert.True(hub.Value.Count >= 3, $"the corpus should have a node asserted by several files (largest: {hub.Key}, {hub.Value.Count})");
        Assert.Equal(fold.Nodes.Count, fold.Nodes.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count());
        foreach (var node in fold.Nodes.Where(n => n.Asserted))
        {
            Assert.Equal(asserting[node.Id], node.All.ToList());
        }

    }

    [SkippableFact]
    public void Relationship_lanes_of_the_corpus_share_no_node_within_a_round_and_keep_every_row_once()
    {
        var corpus = GraphData.Corpus;
        Skip.If(corpus is null, "the corpus is not beside the clone (../shared/corpus/raw)");
        var fold = new RowFold();
        foreach (var f in corpus.Facts)
        {
            fold.Add(Rows(f));
        }

        var rows = fold.EvidenceEdges.Select(e => new GraphPusher.EdgeBatchRow(e.Source, e.Target, e.Type, false, e.Values, 1))
            .Concat(fold.SharedEdges.Select(e => new GraphPusher.EdgeBatchRow(e.Source, e.Target, e.Type, true, e.Row(), e.RowCount, e.All.ToList())))
            .Concat(fold.Nodes.Where(n => n.Asserted).SelectMany(n => n.All.Select(f => new GraphPusher.EdgeBatchRow(GraphPusher.FileNode(f), n.Id, GraphVocabulary.AssertsType, false, new object(), 1)))).ToList();
        Assert.True(rows.Count > 10_000, $"the corpus should give many relationship rows, got {rows.Count}");

        var one = RelationshipLanes.Plan(rows, 1, 2000);
        Assert.Equal(rows, Assert.Single(Assert.Single(one)));

        var plan = RelationshipLanes.Plan(rows, 4, 2000);
        Assert.Equal(rows.Count, plan.Sum(round => round.Sum(l => l.Count)));
        Assert.Equal(rows.ToHashSet(ReferenceEqualityComparer.Instance).Count, plan.SelectMany(r => r).SelectMany(l => l).ToHashSet(ReferenceEqualityComparer.Instance).Count);
        foreach (var round in plan)
        {
            var owner = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var lane = 0; lane < round.Count; lane++)
            {
                foreach (var r in round[lane])
                {
                    // Provenance nodes too: a shared row writes its files' nodes, an ASSERTS row starts at one.
                    foreach (var id in r.Locked())
                    {
                        Assert.Equal(lane, owner.TryGetValue(id, out var o) ? o : owner[id] = lane);
                    }
                }
            }
        }

        // Measured, not asserted: on the corpus the rows form one component through shared nodes, so the critical path
        // (busiest lane plus the hub rows after it) was 38,930 of 41,212 rows (docs/benchmarks.md, third round).
    }

    private static GraphPusher.FileRows Rows(DocumentFacts facts) => GraphPusher.FileRows.From(facts.File, "1", facts);
}
