using KvGraph.Core.Graph;
using KvGraph.Neo4j.Http;
using KvGraph.Neo4j.Push;
using KvGraph.TestSupport;

namespace KvGraph.Neo4j.Tests;

/// <summary>Pushing real documents' facts to the real Neo4j 3.1.1 test server.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class PushTests(Neo4jServer server)
{
    [SkippableFact]
    public async Task Seeds_push_gives_the_embedded_graph_and_a_second_push_changes_nothing()
    {
        server.Require();
        using var runner = await server.ConnectAsync();
        Assert.Equal(Neo4jApi.Legacy3Transactional, runner.Server.Api);
        Assert.Equal(3, runner.Server.Version.Major);
        await GraphPusher.DeleteAllAsync(runner);

        var data = GraphData.Seeds;
        var state = States.Load(Path.Combine(TestPaths.NewTempDir(), "push.db"), server.Url!.ToString());
        var pusher = new GraphPusher(runner);
        var first = await pusher.PushAsync(FactsSource.FromFacts(data.Facts), state);

        Assert.Empty(first.Failures);
        Assert.Equal(data.Facts.Count, first.FilesPushed);
        Assert.Equal(data.Graph.NodeCount, first.NodesInDatabase);
        Assert.True(data.Graph.EdgeCount == first.RelationshipsInDatabase, await EdgeDiff(runner, data.Graph));
        Assert.True(first.Counters.GetValueOrDefault("nodes_created") > 0);

        // The state says everything is there: nothing is sent.
        var second = await pusher.PushAsync(FactsSource.FromFacts(data.Facts), state);
        Assert.Equal(0, second.FilesPushed);
        Assert.Equal(data.Facts.Count, second.FilesUnchanged);
        Assert.Equal(first.NodesInDatabase, second.NodesInDatabase);
        Assert.Equal(first.RelationshipsInDatabase, second.RelationshipsInDatabase);

        // Without the state everything is sent again; MERGE keeps the graph as it was.
        var noState = States.Load(Path.Combine(TestPaths.NewTempDir(), "push.db"), server.Url!.ToString());
        var before = await Snapshot(runner);
        var third = await pusher.PushAsync(FactsSource.FromFacts(data.Facts), noState);
        Assert.Equal(data.Facts.Count, third.FilesPushed);
        Assert.Equal(0, third.Counters.GetValueOrDefault("nodes_created"));
        // A re-pushed file's relationships are replaced (that is how stale facts go): as many deleted as created.
        Assert.Equal(third.Counters.GetValueOrDefault("relationships_deleted"), third.Counters.GetValueOrDefault("relationships_created"));
        Assert.Equal(before, await Snapshot(runner));
        Assert.Equal(first.NodesInDatabase, third.NodesInDatabase);
        Assert.Equal(first.RelationshipsInDatabase, third.RelationshipsInDatabase);
    }

    [SkippableFact]
    public async Task Delete_all_takes_relationships_then_nodes_in_slices_and_leaves_nothing_of_kvgraph()
    {
        // push --reset on a 20,000-document graph ran the 1 GB test server out of heap: a slice of 10,000 nodes deleted
        // with DETACH DELETE took every relationship of its hubs at once. Relationships now go first, a slice at a time.
        server.Require();
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var data = GraphData.Seeds;
        var pushed = await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "push.db"), server.Url!.ToString()));
        Assert.True(pushed.RelationshipsInDatabase > 20, $"the seeds pushed {pushed.RelationshipsInDatabase} relationships");

        // Slices of 7: many transactions of relationships, then of nodes; all of KvGraph's graph is gone.
        var deleted = await GraphPusher.DeleteAllAsync(runner, slice: 7);
        Assert.Equal(pushed.NodesInDatabase, deleted);
        Assert.Equal((0L, 0L), await GraphPusher.CountAsync(runner));
    }

    [SkippableFact]
    public async Task Push_from_the_real_store_matches_its_graph_and_only_sends_what_a_rebuild_changed()
    {
        // The path `kvgraph push` takes: the SQLite store's change feed, not facts made in memory.
        server.Require();
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var dir = TestPaths.NewTempDir();
        var input = Path.Combine(dir, "in");
        Directory.CreateDirectory(input);
        foreach (var seed in Directory.GetFiles(TestPaths.Seeds))
        {
            File.Copy(seed, Path.Combine(input, Path.GetFileName(seed)));
        }

        using var store = KvGraph.Store.KvStore.Open(Path.Combine(dir, "kv.db"));
        KvGraph.Pipeline.BuildPipeline.Run(store, [input]);
        var state = States.Load(Path.Combine(dir, "push.db"), server.Url!.ToString());
        var pusher = new GraphPusher(runner);
        var first = await pusher.PushAsync(FactsSource.FromStore(store), state);
        var graph = store.LoadGraph();
        Assert.Empty(first.Failures);
        Assert.Equal(2, first.FilesPushed);
        Assert.Equal(graph.NodeCount, first.NodesInDatabase);
        Assert.Equal(graph.EdgeCount, first.RelationshipsInDatabase);

        // Seed 004 changes (a line we add); only that file goes again, and Neo4j still equals the store's graph.
        var letter = Directory.GetFiles(input, "004_*").Single();
        File.AppendAllText(letter, "\nZie ook de motie Kuzu (35 570 V, nr. 53).\n");
        KvGraph.Pipeline.BuildPipeline.Run(store, [input]);
        var second = await pusher.PushAsync(FactsSource.FromStore(store), state);
        var graph2 = store.LoadGraph();
        Assert.Equal(1, second.FilesPushed);
        Assert.Equal(graph2.NodeCount, second.NodesInDatabase);
        Assert.Equal(graph2.EdgeCount, second.RelationshipsInDatabase);
        Assert.True(graph2.EdgeCount > graph.EdgeCount);
    }

    [SkippableFact]
    public async Task Every_pushed_citation_says_how_it_was_made()
    {
        // The same provenance as show and the explorer: method, confidence, and the evidence where something was weighed.
        server.Require();
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var data = GraphData.Seeds;
        await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "push.db"), "t"));

        var missing = await runner.RunAsync(new CypherStatement("MATCH ()-[c:CITES]->() WHERE c.method IS NULL OR c.confidence IS NULL RETURN count(c) AS n", new Dictionary<string, object?>()));
        Assert.Equal(0L, missing.Rows[0][0]);

        // Seed 004's "Kamerbrief over Xinjiang van 27 augustus 2018" is a letter identified by date and sender, with the evidence.
        var letter = await runner.RunAsync(new CypherStatement(
            "MATCH (:Node {id: $from})-[c:CITES]->(l:Node {id: $letter}) RETURN c.method AS method, c.evidence AS evidence",
            new Dictionary<string, object?> { ["from"] = "answer:2019Z19189", ["letter"] = "letter:2018-08-27:buitenlandse-zaken" }));
        var row = Assert.Single(letter.Rows);
        Assert.Equal(KvGraph.Core.Resolution.LinkMethod.DateSender, row[0]);
        Assert.Contains("buitenlandse-zaken", row[1] as string, StringComparison.Ordinal);

        // Explicit Kamerstuk numbers say so.
        var explicitIds = await runner.RunAsync(new CypherStatement(
            "MATCH ()-[c:CITES]->(:Node {id: $kst}) RETURN collect(DISTINCT c.method) AS methods", new Dictionary<string, object?> { ["kst"] = "kst-35570-V-43" }));
        Assert.Equal(new object?[] { KvGraph.Core.Resolution.LinkMethod.ExplicitId }, (explicitIds.Rows[0][0] as IEnumerable<object?>)!.ToArray());
    }

    [SkippableFact]
    public async Task A_changed_file_replaces_its_facts_and_a_removed_file_leaves_only_what_others_assert()
    {
        server.Require();
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var data = GraphData.Seeds;
        var statePath = Path.Combine(TestPaths.NewTempDir(), "push.db");
        var pusher = new GraphPusher(runner);
        await pusher.PushAsync(FactsSource.FromFacts(data.Facts), States.Load(statePath, "t"));
        var full = await Snapshot(runner);

        // Seed 000 changes: its CITES to one motion disappear (as if the text no longer cited it).
        var seed000 = data.Facts.Single(f => f.File.Contains("000_", StringComparison.Ordinal));
        var dropped = "kst-21501-20-1591";
        Assert.Contains(seed000.Edges, e => e.Type == EdgeType.Cites && e.Target == dropped);
        var changed = seed000 with { Edges = [.. seed000.Edges.Where(e => !(e.Type == EdgeType.Cites && e.Target == dropped))] };
        var facts = data.Facts.Select(f => f == seed000 ? changed : f).ToList();
        var summary = await pusher.PushAsync(FactsSource.FromFacts(facts), States.Load(statePath, "t"));
        Assert.Equal(1, summary.FilesPushed);
        var cites = await runner.RunAsync(new CypherStatement("MATCH (:Node)-[c:CITES]->(m:Node {id: $id}) RETURN count(c) AS n", new Dictionary<string, object?> { ["id"] = dropped }));
        Assert.Equal(0L, cites.Rows[0][0]);

        // Back to the original: the graph is exactly the first one again.
        await pusher.PushAsync(FactsSource.FromFacts(data.Facts), States.Load(statePath, "t"));
        Assert.Equal(full, await Snapshot(runner));

        // Seed 000 removed from the source: its facts go, and the graph is what a database that only ever saw seed 004 holds.
        var only004 = data.Facts.Where(f => f != seed000).ToList();
        var removal = await pusher.PushAsync(FactsSource.FromFacts(only004), States.Load(statePath, "t"));
        Assert.Equal(1, removal.FilesRemoved);
        var afterRemoval = await Snapshot(runner);
        await GraphPusher.DeleteAllAsync(runner);
        await pusher.PushAsync(FactsSource.FromFacts(only004), States.Load(Path.Combine(TestPaths.NewTempDir(), "fresh.db"), "t"));
        var fresh = await Snapshot(runner);
        Assert.NotEqual(full, fresh);
        Assert.Equal(fresh, afterRemoval);
    }

    [SkippableFact]
    public async Task An_interrupted_push_resumes_after_its_last_committed_batch_and_ends_with_the_same_graph()
    {
        server.Require();
        var data = GraphData.Corpus ?? GraphData.Seeds;
        using var runner = await server.ConnectAsync();

        // Reference: one uninterrupted push.
        await GraphPusher.DeleteAllAsync(runner);
        var pusher = new GraphPusher(runner, new PushOptions { BatchRows = 400, StepRows = 2000 });
        var reference = await pusher.PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "ref.db"), "t"));
        Assert.True(reference.Batches >= 3, $"need several batches to interrupt, got {reference.Batches}");
        var expected = await Snapshot(runner);

        // Interrupted: cancelled after the first step was recorded, in the middle of the next one.
        await GraphPusher.DeleteAllAsync(runner);
        var statePath = Path.Combine(TestPaths.NewTempDir(), "push.db");
        using var cts = new CancellationTokenSource();
        var firstStepBatches = -1;
        var progress = new SyncProgress(p =>
        {
            if (p.FilesDone > 0 && firstStepBatches < 0)
            {
                firstStepBatches = p.Batches;
            }
            else if (firstStepBatches >= 0 && p.Batches >= firstStepBatches + 2)
            {
                cts.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pusher.PushAsync(FactsSource.FromFacts(data.Facts), States.Load(statePath, "t"), progress, cts.Token));
        var partial = States.Load(statePath, "t");
        Assert.InRange(partial.Done, 1, data.Facts.Count - 1);
        Assert.Contains(partial.Files.Values, f => f.Pending);
        Assert.NotEqual(expected, await Snapshot(runner));

        // Resumed: only the rest is sent, and the graph is the reference graph.
        var resumed = await pusher.PushAsync(FactsSource.FromFacts(data.Facts), partial);
        Assert.Equal(data.Facts.Count, partial.Done);
        Assert.Equal(data.Facts.Count - resumed.FilesPushed, resumed.FilesUnchanged);
        Assert.True(resumed.FilesUnchanged > 0);
        Assert.Equal(expected, await Snapshot(runner));
    }

    [SkippableFact]
    public async Task Pushes_stopped_at_seeded_random_batch_boundaries_resume_to_exactly_the_graph_of_a_clean_push()
    {
        // Issue 11: a push stopped between any two transactions (here: cancelled in-process right after a seeded random
        // committed batch, mid-step, several times in a row) leaves a state the next push repairs; no duplicates at the end.
        server.Require();
        var data = GraphData.Seeds;
        using var runner = await server.ConnectAsync();
        var options = new PushOptions { BatchRows = 5, StepRows = 40, Parallelism = 2 };
        await GraphPusher.DeleteAllAsync(runner);
        var clean = await new GraphPusher(runner, options).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "clean.db"), "t"));
        Assert.True(clean.Batches >= 6, $"need several batches, got {clean.Batches}");
        var expected = await Snapshot(runner);

        await GraphPusher.DeleteAllAsync(runner);
        var statePath = Path.Combine(TestPaths.NewTempDir(), "push.db");
        var random = new Random(11);
        var stops = 0;
        for (var round = 0; round < 8 && States.Load(statePath, "t").Done < data.Facts.Count; round++)
        {
            var stopAfter = random.Next(1, clean.Batches);
            using var cts = new CancellationTokenSource();
            var progress = new SyncProgress(p =>
            {
                if (p.Batches >= stopAfter)
                {
                    cts.Cancel();
                }
            });
            try
            {
                await new GraphPusher(runner, options).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(statePath, "t"), progress, cts.Token);
            }
            catch (OperationCanceledException)
            {
                stops++;
            }

            // After each stop the state is consistent with the graph: every finished file's facts are all there.
            var state = States.Load(statePath, "t");
            foreach (var done in state.Files.Values.Where(f => !f.Pending))
            {
                var asserted = await runner.RunAsync(new CypherStatement(
                    "MATCH (:KvFile {path: $file})-[:ASSERTS]->(n:Node) WHERE n.id IN $ids RETURN count(n) AS n",
                    new Dictionary<string, object?> { ["ids"] = done.Nodes.ToList<object?>(), ["file"] = done.File }));
                Assert.Equal((long)done.Nodes.Count, asserted.Rows[0][0]);
            }
        }

        Assert.True(stops >= 2, $"only {stops} pushes were stopped");
        var final = await new GraphPusher(runner, options).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(statePath, "t"));
        Assert.Equal(data.Facts.Count, States.Load(statePath, "t").Done);
        Assert.Equal(expected, await Snapshot(runner));
        Assert.Equal(clean.NodesInDatabase, final.NodesInDatabase);
        Assert.Equal(clean.RelationshipsInDatabase, final.RelationshipsInDatabase);
    }

    [SkippableFact]
    public async Task The_next_step_is_read_while_the_server_works_and_a_read_failure_then_leaves_a_state_the_next_push_repairs()
    {
        // Issue 9: the push reads a step's facts while the server works on the step before it. Steps of two files: the
        // third file read starts the first step, and the fourth is asked for while that step is at the server, so no file
        // is recorded done yet (a push that reads only between steps has recorded the first two by then); the source
        // holds it back until a batch of that step has committed. Its eighth file then fails to read, with the third step
        // at the server: the failure is the push's, that step is still recorded, the next push ends with the clean graph.
        server.Require();
        var corpus = GraphData.Corpus;
        Skip.If(corpus is null, "the corpus is not beside the clone (../shared/corpus/raw)");
        var facts = corpus.Facts.Take(12).ToList();
        using var runner = await server.ConnectAsync();
        var options = new PushOptions { BatchRows = 50, StepFiles = 2 };
        await GraphPusher.DeleteAllAsync(runner);
        await new GraphPusher(runner, options).PushAsync(FactsSource.FromFacts(facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "clean.db"), "t"));
        var expected = await Snapshot(runner);

        await GraphPusher.DeleteAllAsync(runner);
        var statePath = Path.Combine(TestPaths.NewTempDir(), "push.db");
        using var committed = new ManualResetEventSlim();
        var filesDone = 0;
        var doneWhenAsked = -1;
        var progress = new SyncProgress(p =>
        {
            Volatile.Write(ref filesDone, p.FilesDone);
            if (p.Batches > 0)
            {
                committed.Set();
            }
        });
        var source = new HeldBackSource(FactsSource.FromFacts(facts), file =>
        {
            if (file == 3)
            {
                doneWhenAsked = Volatile.Read(ref filesDone);
                if (!committed.Wait(TimeSpan.FromMinutes(2)))
                {
                    throw new TimeoutException("no batch was committed while the push was reading the next step");
                }
            }

            if (file == 7)
            {
                throw new IOException("the source failed on its eighth file");
            }
        });
        var error = await Assert.ThrowsAsync<IOException>(() => new GraphPusher(runner, options).PushAsync(source, States.Load(statePath, "t"), progress));
        Assert.Equal("the source failed on its eighth file", error.Message);
        Assert.Equal(0, doneWhenAsked);

        // Steps one to three (files 1-6) are done, the third recorded after the failure; every done file's nodes are there.
        var state = States.Load(statePath, "t");
        Assert.Equal(6, state.Done);
        foreach (var done in state.Files.Values.Where(f => !f.Pending))
        {
            var asserted = await runner.RunAsync(new CypherStatement(
                "MATCH (:KvFile {path: $file})-[:ASSERTS]->(n:Node) WHERE n.id IN $ids RETURN count(n) AS n",
                new Dictionary<string, object?> { ["ids"] = done.Nodes.ToList<object?>(), ["file"] = done.File }));
            Assert.Equal((long)done.Nodes.Count, asserted.Rows[0][0]);
        }

        var resumed = await new GraphPusher(runner, options).PushAsync(FactsSource.FromFacts(facts), state);
        Assert.Equal(facts.Count - 6, resumed.FilesPushed);
        Assert.Equal(facts.Count, States.Load(statePath, "t").Done);
        Assert.Equal(expected, await Snapshot(runner));
    }

    [SkippableFact]
    public async Task Relationship_lanes_in_parallel_give_the_graph_and_provenance_of_one_lane()
    {
        // Issue 9: relationship batches in parallel lanes that share no node, on the real corpus (hubs included), end
        // with exactly what one transaction at a time leaves: nodes, labels, relationships, files, keys, MEMBER_OF spans.
        server.Require();
        var data = GraphData.Corpus;
        Skip.If(data is null, "the corpus is not beside the clone (../shared/corpus/raw)");
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var one = await new GraphPusher(runner, new PushOptions { BatchRows = 1000 }).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "one.db"), "t"));
        var expected = await ProvenanceSnapshot(runner);

        await GraphPusher.DeleteAllAsync(runner);
        var lanes = await new GraphPusher(runner, new PushOptions { BatchRows = 1000, RelationshipParallelism = 4 }).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "lanes.db"), "t"));
        Assert.Empty(lanes.Failures);
        Assert.Equal(one.EdgeRows, lanes.EdgeRows);
        Assert.Equal(one.RelationshipsInDatabase, lanes.RelationshipsInDatabase);
        Assert.Equal(expected, await ProvenanceSnapshot(runner));
    }

    [SkippableFact]
    public async Task Provenance_is_one_small_record_per_file_and_fact_so_nothing_grows_with_the_files_asserting_it()
    {
        // Issue 9 (the 1,000,000 push ran out of heap on hub nodes' growing 'files' lists): no KvGraph node or
        // relationship carries a list of files; a hub's files are one ASSERTS each; a shared relationship counts its
        // files; a file's node lists only the shared relationships that file asserts (bounded by the file).
        server.Require();
        var data = GraphData.Corpus ?? GraphData.Seeds;
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var summary = await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(Path.Combine(TestPaths.NewTempDir(), "p.db"), "t"));
        Assert.Empty(summary.Failures);
        Assert.Equal(data.Graph.NodeCount, summary.NodesInDatabase);
        Assert.True(data.Graph.EdgeCount == summary.RelationshipsInDatabase, await EdgeDiff(runner, data.Graph));

        var listed = await runner.RunAsync(new CypherStatement("MATCH (n:Node) WHERE n.files IS NOT NULL RETURN count(n) AS n"));
        Assert.Equal(0L, listed.Rows[0][0]);
        var listedRels = await runner.RunAsync(new CypherStatement("MATCH ()-[r]->() WHERE r.files IS NOT NULL RETURN count(r) AS n"));
        Assert.Equal(0L, listedRels.Rows[0][0]);

        var rows = data.Facts.Select(f => GraphPusher.FileRows.From(f.File, "1", f)).ToList();
        var assertedBy = rows.SelectMany(f => f.AssertedIds.Select(id => (id, f.File))).GroupBy(p => p.id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.File).Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var hub = assertedBy.MaxBy(p => p.Value);
        Assert.True(hub.Value >= 3, $"need a node several files assert, largest {hub.Key} with {hub.Value}");
        var asserts = await runner.RunAsync(new CypherStatement("MATCH (f:KvFile)-[:ASSERTS]->(n:Node) RETURN n.id AS id, count(f) AS files"));
        var pushedAsserts = asserts.Rows.ToDictionary(r => (string)r[0]!, r => (long)r[1]!, StringComparer.Ordinal);
        Assert.Equal(assertedBy.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"), pushedAsserts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));

        var sharedBy = rows.SelectMany(f => f.Edges.Where(e => e.Shared).Select(e => (Key: $"{e.Source} {e.Type} {e.Target}", f.File))).Distinct()
            .GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var counts = await runner.RunAsync(new CypherStatement("MATCH (a:Node)-[r {key: 'shared'}]->(b:Node) RETURN a.id + ' ' + type(r) + ' ' + b.id AS k, r.count AS c"));
        Assert.Equal(sharedBy.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"), counts.Rows.Select(r => $"{r[0]} {r[1]}").Order(StringComparer.Ordinal));

        var keys = await runner.RunAsync(new CypherStatement("MATCH (f:KvFile) OPTIONAL MATCH (f)-[s:SHARES]->() RETURN f.path AS f, count(s) AS n"));
        var sharedOf = rows.ToDictionary(f => f.File, f => (long)f.Edges.Where(e => e.Shared).Select(e => (e.Source, e.Type, e.Target)).Distinct().Count(), StringComparer.Ordinal);
        Assert.Equal(rows.Count, keys.Rows.Count);
        Assert.All(keys.Rows, r => Assert.Equal(sharedOf[(string)r[0]!], r[1]));
    }

    [SkippableFact]
    public async Task A_graph_pushed_with_the_old_files_lists_is_refused_untouched_with_the_reset_to_run()
    {
        server.Require();
        var data = GraphData.Seeds;
        using var runner = await server.ConnectAsync();
        await GraphPusher.DeleteAllAsync(runner);
        var statePath = Path.Combine(TestPaths.NewTempDir(), "p.db");
        await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(data.Facts), States.Load(statePath, "t"));

        // The old model as it was left in a database: every asserted node and shared relationship lists its files, and
        // there is no provenance node.
        await runner.RunAsync(new CypherStatement("MATCH (f:KvFile)-[:ASSERTS]->(n) WITH n, collect(f.path) AS files SET n.files = files"));
        await runner.RunAsync(new CypherStatement("MATCH (:Node)-[r {key: 'shared'}]->() SET r.files = ['old'] REMOVE r.count"));
        await runner.RunAsync(new CypherStatement("MATCH (f:KvFile) DETACH DELETE f"));
        var old = await GraphSnapshot(runner);

        var seed000 = data.Facts.Single(f => f.File.Contains("000_", StringComparison.Ordinal));
        var changed = data.Facts.Select(f => f == seed000 ? f with { Edges = [.. f.Edges.Skip(1)] } : f).ToList();
        var e = await Assert.ThrowsAsync<Neo4jException>(() => new GraphPusher(runner).PushAsync(FactsSource.FromFacts(changed), States.Load(Path.Combine(TestPaths.NewTempDir(), "other.db"), "t")));
        Assert.Equal("KvGraph.OldProvenance", e.Code);
        Assert.Contains("push --reset", e.Message, StringComparison.Ordinal);
        Assert.Equal(old, await GraphSnapshot(runner));

        // The reset the message names: deleted in slices, pushed again in this model, equal to a clean push.
        await GraphPusher.DeleteAllAsync(runner);
        await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(changed), States.Load(statePath, "t"));
        var reset = await Snapshot(runner);
        await GraphPusher.DeleteAllAsync(runner);
        await new GraphPusher(runner).PushAsync(FactsSource.FromFacts(changed), States.Load(Path.Combine(TestPaths.NewTempDir(), "clean.db"), "t"));
        Assert.Equal(await Snapshot(runner), reset);
    }

    /// <summary>The graph with its provenance (<see cref="Snapshot"/>) plus names and MEMBER_OF's span.</summary>
    private static async Task<string> ProvenanceSnapshot(ICypherRunner runner)
    {
        var nodes = await runner.RunAsync(new CypherStatement("MATCH (n:Node) RETURN n.id AS id, n.name AS name"));
        var rels = await runner.RunAsync(new CypherStatement("MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS s, type(r) AS t, b.id AS e, r.key AS k, r.from AS fr, r.to AS to"));
        var lines = nodes.Rows.Select(r => $"NN {r[0]} {r[1]}")
            .Concat(rels.Rows.Select(r => $"RS {r[0]} {r[1]} {r[2]} {r[3]} {r[4]} {r[5]}"))
            .Order(StringComparer.Ordinal);
        return await Snapshot(runner) + "\n" + string.Join("\n", lines);
    }

    /// <summary>
    /// The graph (<see cref="GraphSnapshot"/>) and its provenance: every relationship's key, file and count, every
    /// relationship leaving a provenance node (file, type, target and whether it is a KvGraph node), every provenance
    /// node's shared-relationship keys. Equal snapshots: the same graph that later pushes update the same way.
    /// </summary>
    internal static async Task<string> Snapshot(ICypherRunner runner)
    {
        var rels = await runner.RunAsync(new CypherStatement("MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS s, type(r) AS t, b.id AS e, r.key AS k, r.file AS f, r.count AS c"));
        var asserts = await runner.RunAsync(new CypherStatement("MATCH (f:KvFile)-[x]->(n) RETURN f.path AS f, type(x) AS t, n.id AS id, n:Node AS kv, x.k AS k"));
        var files = await runner.RunAsync(new CypherStatement("MATCH (f:KvFile) OPTIONAL MATCH (f)-[s:SHARES]->() RETURN f.path AS f, collect(s.k) AS keys"));
        var lines = rels.Rows.Select(r => $"P {r[0]} {r[1]} {r[2]} {r[3]} {r[4]} {r[5]}")
            .Concat(asserts.Rows.Select(r => $"A {r[0]} {r[1]} {r[2]} {r[3]} {r[4]}"))
            .Concat(files.Rows.Select(r => $"F {r[0]} {(r[1] is List<object?> l ? string.Join(",", l.Cast<string>().Order(StringComparer.Ordinal)) : "-")}"))
            .Order(StringComparer.Ordinal);
        return await GraphSnapshot(runner) + "\n" + string.Join("\n", lines);
    }

    /// <summary>Every node (id, sorted labels) and relationship (source, type, target, key/quote) — the graph's content, comparable.</summary>
    internal static async Task<string> GraphSnapshot(ICypherRunner runner)
    {
        var nodes = await runner.RunAsync(new CypherStatement("MATCH (n:Node) RETURN n.id AS id, labels(n) AS labels"));
        var rels = await runner.RunAsync(new CypherStatement("MATCH (a:Node)-[r]->(b:Node) RETURN a.id AS s, type(r) AS t, b.id AS e, r.quote AS q, r.start AS st"));
        var lines = nodes.Rows.Select(r => $"N {r[0]} {string.Join(":", ((List<object?>)r[1]!).Cast<string>().Order(StringComparer.Ordinal))}")
            .Concat(rels.Rows.Select(r => $"R {r[0]} {r[1]} {r[2]} {r[4]} {r[3]}"))
            .Order(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    /// <summary>Relationships per type and endpoints, embedded vs Neo4j, where they differ (a readable failure message).</summary>
    internal static async Task<string> EdgeDiff(ICypherRunner runner, ICitationGraph graph)
    {
        var neo = await runner.RunAsync(new CypherStatement("MATCH (a:Node)-[r]->(b:Node) RETURN a.id + ' ' + type(r) + ' ' + b.id AS k, count(r) AS n"));
        var neoCounts = neo.Rows.ToDictionary(r => (string)r[0]!, r => (long)r[1]!, StringComparer.Ordinal);
        var embedded = graph.Edges.GroupBy(e => $"{e.Source} {e.Type} {e.Target}").ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        var diffs = embedded.Keys.Union(neoCounts.Keys).Where(k => embedded.GetValueOrDefault(k) != neoCounts.GetValueOrDefault(k))
            .Order(StringComparer.Ordinal).Take(30).Select(k => $"{k}: embedded {embedded.GetValueOrDefault(k)}, neo4j {neoCounts.GetValueOrDefault(k)}");
        return $"relationships embedded {graph.EdgeCount} vs neo4j {neoCounts.Values.Sum()}:\n" + string.Join("\n", diffs);
    }

    /// <summary>A source that calls <paramref name="before"/> with each file's position before it hands the file over.</summary>
    private sealed class HeldBackSource(IFactsSource inner, Action<int> before) : IFactsSource
    {
        public IEnumerable<FactsVersion> Versions() => inner.Versions();

        public IEnumerable<DocumentFacts> Load(IReadOnlyCollection<FactsVersion> wanted)
        {
            var position = 0;
            foreach (var facts in inner.Load(wanted))
            {
                before(position++);
                yield return facts;
            }
        }
    }

    private sealed class SyncProgress(Action<PushProgress> action) : IProgress<PushProgress>
    {
        public void Report(PushProgress value) => action(value);
    }
}
