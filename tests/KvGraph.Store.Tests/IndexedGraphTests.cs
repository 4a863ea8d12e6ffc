using System.Globalization;
using System.Text;
using KvGraph.Core.Graph;
using KvGraph.Pipeline;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// Issue 9: the store's indexed graph (<see cref="IKvStore.Graph"/>, point queries over the resolved tables) answers every
/// query exactly as the graph assembled in memory from the same store (<see cref="IKvStore.LoadGraph"/>), on the real corpus
/// and after an incremental rebuild.
/// </summary>
[Collection(CorpusStoreCollection.Name)]
public sealed class IndexedGraphTests(CorpusStoreFixture fixture, SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [SkippableFact]
    public void The_indexed_graph_is_not_the_loaded_graph()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        Assert.IsNotType(fixture.Store.LoadGraph().GetType(), fixture.Store.Graph());
    }

    [SkippableFact]
    public void Every_node_and_its_edges_equal_the_assembled_graphs()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        var indexed = fixture.Store.Graph();
        var problems = GraphEquality.NodesAndEdges(memory, indexed, memory.Nodes.Select(n => n.Id));
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
        Assert.True(memory.NodeCount > 5_000, $"the corpus graph has {memory.NodeCount} nodes");
    }

    [SkippableFact]
    public void Every_nodes_edges_of_one_type_read_alone_equal_the_assembled_graphs()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        using var store = KvStore.OpenReadOnly(fixture.Store.Path);
        var (indexed, types) = Fresh(store);
        var problems = new List<string>();
        var asked = 0;
        foreach (var id in memory.Nodes.Select(n => n.Id))
        {
            // The types the node has edges of, and one it has none of (the empty answer must be right too).
            var own = memory.Outgoing(id).Concat(memory.Incoming(id)).Select(e => e.Type).ToHashSet(StringComparer.Ordinal);
            foreach (var type in own.Order(StringComparer.Ordinal).Concat(types.Where(t => !own.Contains(t)).Take(1)))
            {
                problems.AddRange(GraphEquality.NodesAndEdges(memory, indexed, [id], type));
                asked++;
            }
        }

        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
        Assert.True(types.Count >= 8 && asked > memory.NodeCount, $"{types.Count} edge types, {asked} questions");
    }

    [SkippableFact]
    public void Every_nodes_targets_of_each_type_read_alone_are_its_edges_distinct_targets_in_order()
    {
        // A motion's sponsors and a document's dossier are read as targets alone (no properties, no file order for a single
        // target): for every node and every edge type, on a store that has read no edges, they are the distinct targets of
        // the assembled graph's edges in its order, the people of a motion with several sponsors included.
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        using var store = KvStore.OpenReadOnly(fixture.Store.Path);
        var (indexed, types) = Fresh(store);
        var problems = new List<string>();
        var several = 0;
        foreach (var id in memory.Nodes.Select(n => n.Id))
        {
            foreach (var type in types)
            {
                var expected = memory.Outgoing(id, type).Select(e => e.Target).Distinct(StringComparer.Ordinal).ToList();
                var actual = indexed.TargetsOf(id, type);
                several += expected.Count > 1 && type == EdgeType.SubmittedBy ? 1 : 0;
                if (!expected.SequenceEqual(actual))
                {
                    problems.Add($"{id} {type}: [{string.Join(", ", actual)}] != [{string.Join(", ", expected)}]");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(several > 10, $"{several} motions with several sponsors");
    }

    [SkippableFact]
    public void Every_nodes_counting_ends_read_as_keys_are_its_edges_in_order()
    {
        // Related counts the documents behind a shared thing from keys alone (IRelatednessCounts.Ends): for every node, every
        // edge type Related counts by, both ways, on a store that has read no edges, they are the distinct other ends of the
        // assembled graph's edges in its order, without self-edges and MENTIONS in a minister's role.
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        using var store = KvStore.OpenReadOnly(fixture.Store.Path);
        var counts = Assert.IsAssignableFrom<IRelatednessCounts>(store.Graph());
        var ids = memory.Nodes.Select(n => n.Id).ToList();
        var problems = new List<string>();
        var (ministers, many) = (0, 0);
        foreach (var type in new[] { EdgeType.Cites, EdgeType.About, EdgeType.Mentions, EdgeType.AskedBy, EdgeType.AnsweredBy })
        {
            foreach (var incoming in new[] { true, false })
            {
                var ends = counts.Ends(ids, type, incoming);
                Assert.NotNull(ends);
                foreach (var id in ids)
                {
                    var edges = (incoming ? memory.Incoming(id, type) : memory.Outgoing(id, type)).Where(e => e.Source != e.Target).ToList();
                    var expected = edges.Where(Relatedness.CountsForRelatedness).Select(e => incoming ? e.Source : e.Target).Distinct(StringComparer.Ordinal).ToList();
                    ministers += edges.Count(e => !Relatedness.CountsForRelatedness(e));
                    many += expected.Count > 20 ? 1 : 0;
                    if (!expected.SequenceEqual(ends[id]))
                    {
                        problems.Add($"{id} {type} incoming={incoming}: [{string.Join(", ", ends[id])}] != [{string.Join(", ", expected)}]");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(ministers > 0 && many > 10, $"{ministers} mentions in a minister's role, {many} lists of more than 20");
    }

    /// <summary>
    /// The indexed graph of a store opened afresh (it has read nothing yet, so each typed question reads that type's rows by
    /// index, the path trace and the motion pages take, instead of filtering edges read before) and the corpus's edge types.
    /// </summary>
    private (ICitationGraph Indexed, List<string> Types) Fresh(IKvStore store) =>
        (store.Graph(), fixture.Graph.Edges.Select(e => e.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());

    [SkippableFact]
    public void Every_documents_trace_both_ways_equals_the_assembled_graphs()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        var indexed = fixture.Store.Graph();
        var problems = GraphEquality.Traces(memory, indexed, GraphEquality.Documents(memory), depth: 3);
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
    }

    [SkippableFact]
    public void The_narrow_cited_by_lists_every_citer_in_order_and_the_chosen_ones_whole()
    {
        // show's tables count and order a hub's citers from narrow reads (dates, kinds, positions) and read whole only those
        // they print: on every cited node of the corpus the narrow list is CitedBy's (ids, order, labels, names, kinds,
        // dates, mention positions), and the citers read whole equal CitedBy's to the last property.
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        using var store = KvStore.OpenReadOnly(fixture.Store.Path);
        var indexed = store.Graph();
        Assert.IsAssignableFrom<ICitationKeys>(indexed);
        var cited = memory.Edges.Where(e => e.Type == EdgeType.Cites).Select(e => e.Target).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var problems = NarrowCitedBy.Problems(memory, indexed, cited);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(cited.Count > 200 && cited.Any(id => memory.CitedBy(id).Count > 1), $"{cited.Count} cited nodes");
    }

    [Fact]
    public void On_a_generated_corpus_with_hubs_the_narrow_cited_by_and_reverse_traces_equal_the_assembled_graphs()
    {
        // The real corpus cites nothing more than twice; a generated one has motions cited hundreds of times, the case the
        // narrow reads are for. The most cited nodes' cited-by lists, and their reverse traces with a small budget (the walk
        // reads whole only the steps it takes) and the full one, equal the graph assembled in memory.
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var memory = store.LoadGraph();
        var hubs = memory.Edges.Where(e => e.Type == EdgeType.Cites).GroupBy(e => e.Target, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(25).Select(g => g.Key).ToList();
        var problems = NarrowCitedBy.Problems(memory, store.Graph(), hubs);

        // Their sponsors and dossiers as targets alone (every citing file names them again), as the edges' distinct targets.
        using (var fresh = KvStore.OpenReadOnly(synth.StorePath))
        {
            var indexed = fresh.Graph();
            foreach (var id in hubs)
            {
                foreach (var type in new[] { EdgeType.SubmittedBy, EdgeType.InDossier })
                {
                    var expected = memory.Outgoing(id, type).Select(e => e.Target).Distinct(StringComparer.Ordinal).ToList();
                    if (!expected.SequenceEqual(indexed.TargetsOf(id, type)))
                    {
                        problems.Add($"{id} {type}: [{string.Join(", ", indexed.TargetsOf(id, type))}] != [{string.Join(", ", expected)}]");
                    }
                }
            }
        }

        foreach (var budget in new[] { 7, 60, NeighbourhoodGraph.TraceBudget })
        {
            // A fresh indexed graph per budget: the narrow reads are taken only where nothing is read yet.
            using var again = KvStore.OpenReadOnly(synth.StorePath);
            var indexed = again.Graph();
            foreach (var id in hubs.Take(8))
            {
                var (expected, actual) = (NarrowCitedBy.Flat(memory.Trace(id, 4, reverse: true, budget)), NarrowCitedBy.Flat(indexed.Trace(id, 4, reverse: true, budget)));
                if (expected != actual)
                {
                    problems.Add($"trace {id} --reverse budget {budget}: {actual[..Math.Min(actual.Length, 400)]} != {expected[..Math.Min(expected.Length, 400)]}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(memory.CitedBy(hubs[0]).Count > 50, $"the most cited node {hubs[0]} has {memory.CitedBy(hubs[0]).Count} citers");
        Assert.True(hubs.Count(h => memory.Outgoing(h, EdgeType.SubmittedBy).Count > 0) > 5, "the hubs are motions with sponsors");
    }

    [SkippableFact]
    public void Every_motions_sponsors_and_party_votes_equal_the_assembled_graphs()
    {
        // Fate reads a sponsor's and a voting party's name narrowly (ICitationKeys.NodeKeys) and the sponsor's memberships by
        // the exact id (ICitationKeys.MembershipsOf); the answers are those of the graph assembled in memory.
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        using var store = KvStore.OpenReadOnly(fixture.Store.Path);
        var (sponsors, votes) = FateProblems(fixture.Graph, store.Graph(), out var problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(sponsors > 20 && votes > 20, $"{sponsors} sponsors with a party, {votes} party votes");
    }

    [Fact]
    public void On_a_generated_corpus_a_motions_sponsors_are_the_assembled_graphs_without_reading_the_sponsor_whole()
    {
        // A generated sponsor is named in thousands of files (a node of thousands of equal rows); the fate of every motion has
        // the assembled graph's sponsors and parties, and the most cited motion's fate leaves its sponsors and their parties
        // unread whole (names from the covering index, memberships by the exact id).
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var memory = store.LoadGraph();
        var (sponsors, _) = FateProblems(memory, store.Graph(), out var problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        Assert.True(sponsors > 100, $"{sponsors} sponsors with a party");

        var hub = memory.Edges.Where(e => e.Type == EdgeType.Cites && memory.Find(e.Target)?.Label == NodeLabel.Motion)
            .GroupBy(e => e.Target, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        using var fresh = KvStore.OpenReadOnly(synth.StorePath);
        var indexed = Assert.IsType<IndexedGraph>(fresh.Graph());
        var fate = Assert.IsType<MotionFateView>(indexed.Fate(hub));
        Assert.NotEmpty(fate.Sponsors);
        Assert.Equal(memory.Fate(hub)!.Sponsors, fate.Sponsors);
        foreach (var s in fate.Sponsors)
        {
            Assert.NotNull(s.PartyId);
            Assert.False(indexed.HoldsWholeNode(s.PersonId), $"{s.PersonId} read whole");
            Assert.False(indexed.HoldsWholeNode(s.PartyId!), $"{s.PartyId} read whole");
        }
    }

    // Every motion's sponsors (name, party at the motion's date, party name) and party votes, indexed against in memory.
    private static (int Sponsors, int Votes) FateProblems(ICitationGraph memory, ICitationGraph indexed, out List<string> problems)
    {
        problems = [];
        var (sponsors, votes) = (0, 0);
        foreach (var node in memory.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal))
        {
            if (memory.Fate(node.Id) is not { } expected)
            {
                continue;
            }

            var actual = indexed.Fate(node.Id);
            if (actual is null || !expected.Sponsors.SequenceEqual(actual.Sponsors) || !expected.PartyVotes.SequenceEqual(actual.PartyVotes) || !expected.Disagreements.SequenceEqual(actual.Disagreements))
            {
                problems.Add($"{node.Id}: [{string.Join("; ", actual?.Sponsors ?? [])}] [{string.Join("; ", actual?.PartyVotes ?? [])}] != [{string.Join("; ", expected.Sponsors)}] [{string.Join("; ", expected.PartyVotes)}]");
            }

            sponsors += expected.Sponsors.Count(s => s.PartyId is not null);
            votes += expected.PartyVotes.Count;
        }

        return (sponsors, votes);
    }

    [Fact]
    public void On_a_generated_corpus_related_through_things_shared_by_many_equals_the_assembled_graphs()
    {
        // Related counts the documents behind a shared thing from keys alone (IRelatednessCounts.Ends): the citers of a cited
        // motion, the motions its citers cite, the documents about a topic or naming a person. The real corpus shares little;
        // a generated one has motions cited hundreds of times and people named in hundreds of files. For the most cited
        // motions, documents citing them, and documents sharing each kind's most shared thing below the hub limit, the top ten
        // (ids, scores, reasons, order) equal the graph assembled in memory, on a fresh indexed graph (nothing read whole yet).
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var memory = store.LoadGraph();
        var edges = memory.Edges.Where(e => e.Source != e.Target).ToList();
        var hubs = edges.Where(e => e.Type == EdgeType.Cites).GroupBy(e => e.Target, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(10).ToList();
        var ids = new List<string>(hubs.Select(g => g.Key));
        ids.AddRange(hubs.SelectMany(g => g.Select(e => e.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(5)));
        var shared = new List<string>();
        foreach (var type in new[] { EdgeType.About, EdgeType.Mentions, EdgeType.AskedBy, EdgeType.AnsweredBy })
        {
            var most = edges.Where(e => e.Type == type).GroupBy(e => e.Target, StringComparer.Ordinal)
                .Select(g => (Thing: g.Key, Sources: g.Select(e => e.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()))
                .Where(t => t.Sources.Count <= Relatedness.HubLimit)
                .OrderByDescending(t => t.Sources.Count).ThenBy(t => t.Thing, StringComparer.Ordinal).FirstOrDefault();
            if (most.Thing is not null)
            {
                shared.Add($"{type} {most.Thing} {most.Sources.Count}");
                ids.AddRange(most.Sources.Take(10));
            }
        }

        var problems = GraphEquality.Related(memory, store.Graph(), ids.Distinct(StringComparer.Ordinal));
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));

        // Not vacuous: hubs cited by many, things shared by many, and reasons of every citation kind and a shared thing.
        Assert.True(hubs[0].Count() > 50, $"the most cited node {hubs[0].Key} has {hubs[0].Count()} citations");
        Assert.True(shared.Count(s => int.Parse(s.Split(' ')[2], CultureInfo.InvariantCulture) > 50) >= 2, string.Join("; ", shared));
        var kinds = ids.SelectMany(id => memory.Related(id, 10)).SelectMany(r => r.Reasons).Select(r => r.Kind).ToHashSet(StringComparer.Ordinal);
        Assert.True(new[] { "citedby", "cites", "coupling", "cocitation" }.All(kinds.Contains) && kinds.Overlaps(["topic", "person", "asker", "answerer"]), string.Join(", ", kinds));
    }

    [Fact]
    public void Related_orders_the_candidates_tied_at_its_cut_by_narrow_dates_and_reads_only_the_kept_ones_whole()
    {
        // A document whose one shared thing is a common topic ties with every other document of that topic (1,700 of them at
        // 100,000 documents): the top ten is picked among the ties by date and id. The tied candidates' dates are read
        // narrowly; only the ten kept are read whole. The lists stay the assembled graph's.
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var memory = store.LoadGraph();
        static int Citations(RelatedDocument r) => r.Reasons.Count(x => Relatedness.CitationKinds.Contains(x.Kind));
        var tied = new List<(string Id, List<string> Left)>();
        foreach (var id in GraphEquality.Documents(memory))
        {
            var all = memory.Related(id, int.MaxValue);
            if (all.Count <= 10)
            {
                continue;
            }

            var (score, citations) = (all[9].Score, Citations(all[9]));
            var left = all.Skip(10).Where(r => r.Score == score && Citations(r) == citations).Select(r => r.Node.Id).ToList();
            if (left.Count >= 20)
            {
                tied.Add((id, left));
            }

            if (tied.Count == 25)
            {
                break;
            }
        }

        Assert.True(tied.Count >= 5, $"{tied.Count} documents with 20 or more candidates tied past the cut");
        var problems = new List<string>();
        foreach (var (id, left) in tied)
        {
            // A fresh graph each: nothing read whole before.
            using var fresh = KvStore.OpenReadOnly(synth.StorePath);
            var indexed = Assert.IsType<IndexedGraph>(fresh.Graph());
            problems.AddRange(GraphEquality.Related(memory, indexed, [id]));
            var whole = left.Where(indexed.HoldsWholeNode).ToList();
            if (whole.Count > 0)
            {
                problems.Add($"related {id}: {whole.Count} of the {left.Count} candidates tied past the cut read whole ({string.Join(", ", whole.Take(5))}…)");
            }
        }

        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
    }

    [Fact]
    public void On_a_generated_corpus_every_node_equals_the_assembled_graphs_and_a_node_of_equal_rows_is_read_as_one_row()
    {
        // Every file that names a person, a dossier or a topic asserts its node again with the very same row (a hub's
        // sponsor has 17,552 at 100,000 documents). The indexed graph reads such a node as one row, not one per file.
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var (problems, alike, _) = NodeReads(synth.StorePath, store.LoadGraph());
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
        Assert.True(alike > 100, $"at most {alike} equal rows of one node");
    }

    [SkippableFact]
    public void Every_node_whose_rows_differ_is_read_whole_in_merge_order_and_equals_the_assembled_graphs()
    {
        // The real corpus has documents asserted by several files (a motion's text and its open-data record) and people
        // named differently from file to file: those nodes are read again, every row in merge order.
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var (problems, _, differing) = NodeReads(fixture.Store.Path, fixture.Graph);
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
        Assert.True(differing > 10, $"{differing} nodes with rows that differ");
    }

    // Every node of the store at path, read one at a time on a fresh indexed graph counting the rows the reads hand over (one
    // for a node whose rows are all equal; its distinct rows and then all its rows when they differ), and all in one
    // prefetch on another, equal to the graph assembled in memory; and the most equal rows of one node and the number of
    // nodes whose rows differ, straight from the table.
    private static (List<string> Problems, int Alike, int Differing) NodeReads(string path, ICitationGraph memory)
    {
        var rows = new Dictionary<string, List<(string, string?, string)>>(StringComparer.Ordinal);
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT id, label, name, props FROM rnodes";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var id = r.GetString(0);
                if (!rows.TryGetValue(id, out var list))
                {
                    rows[id] = list = [];
                }

                list.Add((r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)));
            }
        }

        var ids = memory.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        using (var store = KvStore.OpenReadOnly(path))
        {
            var indexed = Assert.IsType<IndexedGraph>(store.Graph());
            foreach (var id in ids)
            {
                var before = indexed.NodeRowsRead;
                problems.AddRange(GraphEquality.NodesAndEdges(memory, indexed, [id]));
                var (all, different) = (rows[id].Count, rows[id].Distinct().Count());
                var expected = different == 1 ? 1 : different + all;
                if (indexed.NodeRowsRead - before != expected)
                {
                    problems.Add($"{id}: {indexed.NodeRowsRead - before} rows read, {expected} expected ({all} rows, {different} different)");
                }
            }
        }

        using (var store = KvStore.OpenReadOnly(path))
        {
            var fresh = store.Graph();
            ((IIndexedReads)fresh).Prefetch(ids, nodes: true, outgoing: false, incoming: false);
            problems.AddRange(GraphEquality.NodesAndEdges(memory, fresh, ids));
        }

        return (problems, rows.Values.Where(l => l.Distinct().Count() == 1).Max(l => l.Count), rows.Values.Count(l => l.Distinct().Count() > 1));
    }

    [SkippableFact]
    public void Every_documents_related_top_ten_equals_the_assembled_graphs()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        var indexed = fixture.Store.Graph();
        var documents = GraphEquality.Documents(memory);
        var problems = GraphEquality.Related(memory, indexed, documents);
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));

        // Not vacuous: most documents of the corpus have related documents.
        Assert.True(documents.Count(d => memory.Related(d).Count > 0) > documents.Count / 2);
    }

    [SkippableFact]
    public void The_stores_count_of_cases_sharing_a_thing_is_the_assembled_graphs()
    {
        // Related skips a thing shared by more than HubLimit cases before reading its edges, on the store's count (index only,
        // stopped at atMost): for every thing a corpus document cites, is about, mentions, is asked or answered by, that count
        // is the one the assembled graph gives (the cases of the real documents with a counting edge to it, no self-edge).
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Store.LoadGraph();
        var indexed = (IndexedGraph)fixture.Store.Graph();
        var nodes = memory.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var cases = Relatedness.Cases(nodes.Values.Where(n => n.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(n.Label)), id => memory.Outgoing(id));
        bool Real(string id) => nodes.TryGetValue(id, out var n) && n.Label != NodeLabel.Placeholder && GraphFacts.IsDocumentLabel(n.Label);
        string[] types = [EdgeType.Cites, EdgeType.About, EdgeType.Mentions, EdgeType.AskedBy, EdgeType.AnsweredBy];
        var things = GraphEquality.Documents(memory)
            .SelectMany(d => memory.Outgoing(d).Where(e => types.Contains(e.Type)).Select(e => (Thing: e.Target, e.Type)))
            .Distinct().ToList();
        var problems = new List<string>();
        var shared = 0;
        foreach (var (thing, type) in things)
        {
            var exact = memory.Incoming(thing, type)
                .Where(e => Relatedness.CountsForRelatedness(e) && e.Source != e.Target && Real(e.Source))
                .Select(e => cases.Representative(e.Source)).Distinct(StringComparer.Ordinal).Count();
            shared += exact > 1 ? 1 : 0;
            foreach (var atMost in new[] { int.MaxValue, 2 })
            {
                if (indexed.CasesSharing(thing, type, atMost) != Math.Min(exact, atMost))
                {
                    problems.Add($"{type} {thing} (at most {atMost}): store {indexed.CasesSharing(thing, type, atMost)}, assembled {exact}");
                }
            }
        }

        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
        Assert.True(things.Count > 500 && shared > 100, $"{things.Count} things, {shared} shared by two cases or more");
    }

    [SkippableFact]
    public void Stats_unresolved_and_paths_equal_the_assembled_graphs()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        var indexed = fixture.Store.Graph();
        var problems = GraphEquality.Totals(memory, indexed, fixture.Store.Stats());
        var documents = GraphEquality.Documents(memory);
        problems.AddRange(GraphEquality.Paths(memory, indexed, documents.Where((_, i) => i % 37 == 0).ToList()));
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
    }

    [SkippableFact]
    public void Aliases_find_the_same_node()
    {
        Skip.If(fixture.SkipReason is not null, fixture.SkipReason);
        var memory = fixture.Graph;
        var indexed = fixture.Store.Graph();

        // Zaak numbers and kv-tk ids of the corpus's questions and answers, lower-cased too.
        var aliases = memory.Nodes.Where(n => n.Properties.GetValueOrDefault("zaak") is string).Select(n => (string)n.Properties["zaak"]!)
            .SelectMany(z => new[] { z, "kv-tk-" + z, z.ToLowerInvariant() }).Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(aliases);
        var problems = aliases.Where(a => memory.Find(a)?.Id != indexed.Find(a)?.Id).Select(a => $"find {a}: {memory.Find(a)?.Id} vs {indexed.Find(a)?.Id}").ToList();
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
    }
}

/// <summary>
/// The incremental case: a store of part of the corpus, rebuilt with one file changed (another document's text), one
/// removed and one added (a document the others cite, so their citations resolve anew); the indexed graph then still
/// equals a fresh assembly. Corpus files are copied to a temp folder, never into the repository.
/// </summary>
public sealed class IndexedGraphIncrementalTests
{
    [SkippableFact]
    public void After_a_file_changes_leaves_and_arrives_the_indexed_graph_equals_a_fresh_assembly()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");
        var questions = StoreFixtures.CorpusQuestions();
        var motions = StoreFixtures.CorpusMotions();
        var first = questions.Take(40).Concat(motions.Take(60)).ToList();
        var (dir, input) = StoreFixtures.CopyToInput("kvgraph-indexed-incremental", first);
        try
        {

            using var store = KvStore.Open(Path.Combine(dir, "store.db"));
            Assert.Empty(BuildPipeline.Run(store, [input]).Failures);
            var before = store.Graph();
            var placeholders = before.Nodes.Where(n => n.Label == NodeLabel.Placeholder && before.Incoming(n.Id, EdgeType.Cites).Count > 0)
                .Select(n => n.Id).ToHashSet(StringComparer.Ordinal);

            // A document the stored files cite arrives: their citations now resolve to it.
            var rest = questions.Skip(40).Concat(motions.Skip(60)).ToList();
            var arriving = rest.FirstOrDefault(f => StoreFixtures.Record(f).Documents.Any(d => d.Facts.DocumentIds.Any(placeholders.Contains)));
            Assert.True(arriving is not null, "no file of the corpus holds a document the first files cite");
            File.Copy(arriving, Path.Combine(input, Path.GetFileName(arriving)));

            // And a file changes into another document.
            var changed = first.First(f => f.Contains("kamervragen", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(input, Path.GetFileName(changed)), File.ReadAllText(rest.First(f => f != arriving && f.Contains("kamervragen", StringComparison.Ordinal))));
            var arrived = RebuildAndCompare(store, input, before);
            Assert.Contains(arrived.Nodes, n => placeholders.Contains(n.Id) && n.Label != NodeLabel.Placeholder);

            // The cited document leaves again (its file removed): the citations fall back to placeholders.
            File.Delete(Path.Combine(input, Path.GetFileName(arriving)));
            var left = RebuildAndCompare(store, input, arrived);
            Assert.DoesNotContain(left.Nodes, n => placeholders.Contains(n.Id) && n.Label != NodeLabel.Placeholder);

            // A file's text changes without changing what it cites or is (a closing line appended): the commit keeps the
            // whole-graph figures (cases, populations, counts) it had, and they still equal a fresh assembly's; then
            // the changed file leaves, and they are recomputed without it.
            var edited = Path.Combine(input, Path.GetFileName(first.Where(f => f.Contains("kamervragen", StringComparison.Ordinal)).Skip(1).First()));
            File.AppendAllText(edited, "\nToelichting:\n");
            var appended = RebuildAndCompare(store, input, left);
            File.Delete(edited);
            RebuildAndCompare(store, input, appended);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// An unnumbered motion mention ("de motie-Van Dijk") is weighed against every motion of the corpus: its candidate
    /// list names motions whose signatures spell the sponsor otherwise ("Diederik van Dijk"), and scores subject words by
    /// their rarity over all motions. So when a motion arrives or leaves, every file with such a mention resolves anew: the
    /// change feed marks it (the Neo4j push reads the same feed) and the indexed tables drop the stale list.
    /// </summary>
    [SkippableFact]
    public void A_motion_leaving_and_returning_refreshes_the_candidates_of_unnumbered_mentions()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");

        // The answer cites "de motie-Van Dijk" (placeholder motion:van-dijk@ah-tk-20242025-546); its best candidate is
        // kst-31016-367, signed "Diederik van Dijk" (file 0a24c346-…), a name whose slug is not the mention's.
        var answer = Path.Combine(TestPaths.CorpusRaw, "kamervragen-limburg", "docs", "004_Antwoord_op_vragen_van_de_leden_Van_Nisp.pdf.txt");
        const string Placeholder = "motion:van-dijk@ah-tk-20242025-546";
        const string Candidate = "kst-31016-367";
        var motions = StoreFixtures.CorpusMotions();
        var (dir, input) = StoreFixtures.CopyToInput("kvgraph-motion-candidates", motions.Append(answer));
        try
        {

            using var store = KvStore.Open(Path.Combine(dir, "store.db"));
            Assert.Empty(BuildPipeline.Run(store, [input]).Failures);
            var before = store.Graph();
            Assert.Contains(Candidate + " (", Candidates(before, Placeholder), StringComparison.Ordinal);

            var motion = Path.Combine(input, Path.GetFileName(motions.Single(f => StoreFixtures.Record(f).Documents.Any(d => d.Document.Doc.Id == Candidate))));
            var held = Path.Combine(dir, Path.GetFileName(motion));
            File.Move(motion, held);
            var version = store.CurrentVersion;
            var left = RebuildAndCompare(store, input, before);
            Assert.DoesNotContain(Candidate, Candidates(left, Placeholder), StringComparison.Ordinal);
            var citer = Path.Combine(input, Path.GetFileName(answer));
            Assert.Contains(store.FactsChangedSince(version), f => f.File == citer
                && f.Nodes.Any(n => n.Id == Placeholder && !Convert.ToString(n.Properties.GetValueOrDefault("candidates"), CultureInfo.InvariantCulture)!.Contains(Candidate, StringComparison.Ordinal)));

            // Back again: the candidate returns to the list.
            File.Move(held, motion);
            var back = RebuildAndCompare(store, input, left);
            Assert.Equal(Candidates(before, Placeholder), Candidates(back, Placeholder));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The whole-graph figures a commit keeps (stats counts, cases and the populations <c>related</c> ranks with) after a
    /// file changes what it cites, a file leaves, and it returns: the same as a store built from scratch on the same files.
    /// </summary>
    [SkippableFact]
    public void Counts_after_a_change_a_removal_and_a_return_equal_a_build_from_scratch()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the real corpus is not at {TestPaths.CorpusRaw} (set KVGRAPH_CORPUS)");
        var questions = StoreFixtures.CorpusQuestions();
        var motions = StoreFixtures.CorpusMotions();
        var (dir, input) = StoreFixtures.CopyToInput("kvgraph-commit-counts", questions.Take(30).Concat(motions.Take(40)));
        try
        {

            var path = Path.Combine(dir, "store.db");
            using var store = KvStore.Open(path);
            Assert.Empty(BuildPipeline.Run(store, [input]).Failures);
            var graph = store.Graph();
            var casesBefore = StoreRows.Of(path, "SELECT id, rep, kind, real FROM rcases ORDER BY id");

            // Every row a commit writes into or deletes from the cases table, counted (a trigger of this test's own).
            StoreRows.Exec(path, """
                CREATE TABLE test_rcases_writes(id TEXT NOT NULL);
                CREATE TRIGGER test_rcases_insert AFTER INSERT ON rcases BEGIN INSERT INTO test_rcases_writes VALUES (new.id); END;
                CREATE TRIGGER test_rcases_delete AFTER DELETE ON rcases BEGIN INSERT INTO test_rcases_writes VALUES (old.id); END;
                """);

            // A question's file becomes another question (its citations, answers and case change).
            var changed = Path.Combine(input, Path.GetFileName(questions[0]));
            File.WriteAllText(changed, File.ReadAllText(questions[35]));
            graph = RebuildAndCompare(store, input, graph);
            AssertSameAsFromScratch(store, input, dir, "changed");

            // The commit wrote only the case rows that differ from the stored ones (it rewrote all of them before): each
            // written id's row is new, gone or changed, and most rows were left as they were.
            var casesAfter = StoreRows.Of(path, "SELECT id, rep, kind, real FROM rcases ORDER BY id");
            var differing = casesBefore.Except(casesAfter).Concat(casesAfter.Except(casesBefore)).Select(r => r.Split('\u0001')[0]).ToHashSet(StringComparer.Ordinal);
            var written = StoreRows.Of(path, "SELECT DISTINCT id FROM test_rcases_writes ORDER BY id");
            Assert.NotEmpty(differing);
            Assert.Equal([.. differing.Order(StringComparer.Ordinal)], written);
            Assert.True(written.Count * 4 < casesAfter.Count, $"{written.Count} of {casesAfter.Count} case rows written");

            // An answer leaves (its citations, and the case it joins to its question, with it).
            var answer = questions.Take(30).Skip(1).First(f => graph.Outgoing(StoreFixtures.Record(f).Documents[0].Document.Doc.Id, EdgeType.Answers).Count > 0
                && graph.Outgoing(StoreFixtures.Record(f).Documents[0].Document.Doc.Id, EdgeType.Cites).Count > 0);
            var gone = Path.Combine(input, Path.GetFileName(answer));
            var held = Path.Combine(dir, Path.GetFileName(answer));
            File.Move(gone, held);
            graph = RebuildAndCompare(store, input, graph);
            AssertSameAsFromScratch(store, input, dir, "removed");

            // And returns.
            File.Move(held, gone);
            RebuildAndCompare(store, input, graph);
            AssertSameAsFromScratch(store, input, dir, "returned");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A citation added to or dropped from a text (the usual edit) leaves the cases, populations and document counts as
    /// they were: the commit moves only the stored counts, by the rewritten file's rows and an index look-up of each key
    /// it gains or loses elsewhere, and writes no other figure. Through a sequence on a generated corpus (a new
    /// unresolved target, the same target cited from a second file, a citation of a corpus motion, each taken away
    /// again), the only figure row written is the counts row, no case row is, and every rcounts and rcases row equals a
    /// build from scratch.
    /// </summary>
    [Fact]
    public void A_citation_added_or_dropped_moves_only_the_counts_and_they_equal_a_build_from_scratch()
    {
        using var folder = new TempFolder("kvgraph-counts-delta");
        var input = folder.File("docs");
        KvGraph.Pipeline.Synth.SynthCorpus.Write(input, new KvGraph.Pipeline.Synth.SynthOptions(400, 5));
        var path = folder.File("store.db");
        using var store = KvStore.Open(path);
        Assert.Empty(BuildPipeline.Run(store, [input]).Failures);
        var graph = store.Graph();

        // Every figure row a commit writes, updates or deletes (a trigger of this test's own).
        StoreRows.Exec(path, """
            CREATE TABLE test_figure_writes(what TEXT NOT NULL);
            CREATE TRIGGER test_rcounts_insert AFTER INSERT ON rcounts BEGIN INSERT INTO test_figure_writes VALUES ('insert ' || new.key); END;
            CREATE TRIGGER test_rcounts_update AFTER UPDATE ON rcounts BEGIN INSERT INTO test_figure_writes VALUES ('update ' || new.key); END;
            CREATE TRIGGER test_rcounts_delete AFTER DELETE ON rcounts BEGIN INSERT INTO test_figure_writes VALUES ('delete ' || old.key); END;
            CREATE TRIGGER test_rcases_insert AFTER INSERT ON rcases BEGIN INSERT INTO test_figure_writes VALUES ('case ' || new.id); END;
            CREATE TRIGGER test_rcases_delete AFTER DELETE ON rcases BEGIN INSERT INTO test_figure_writes VALUES ('case ' || old.id); END;
            """);

        // Two answers that already cite something (so the documents' features stay), and a motion of the corpus cited as
        // the generated texts cite motions ("Kamerstuk 32 813, nr. 102").
        var answers = Directory.GetFiles(input, "kamervraag-*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Where(f => File.ReadAllText(f).Contains("(Kamerstuk ", StringComparison.Ordinal)).Take(2).ToList();
        var motion = Directory.GetFiles(input, "motie-*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Path.GetFileNameWithoutExtension(f).Split('-')).First(p => p.Length == 3 && p[1].Length == 5);
        var resolvedCitation = $"\nZie ook de motie (Kamerstuk {motion[1][..2]} {motion[1][2..]}, nr. {motion[2]}).\n";
        const string UnresolvedCitation = "\nZie ook de motie (Kamerstuk 36 999, nr. 9).\n";
        var originals = answers.Select(File.ReadAllText).ToList();
        var stats = store.Stats();

        void Step(string name, int file, string text, Func<StoreStats, StoreStats, bool> moved)
        {
            File.WriteAllText(answers[file], text);
            StoreRows.Exec(path, "DELETE FROM test_figure_writes");
            graph = RebuildAndCompare(store, input, graph);
            AssertSameAsFromScratch(store, input, folder.FullPath, name);
            Assert.Equal(["update " + ResolvedFacts.CountsKey], StoreRows.Of(path, "SELECT what FROM test_figure_writes"));
            var now = store.Stats();
            Assert.True(moved(stats, now), $"{name}: {stats} -> {now}");
            stats = now;
        }

        // The new target is a placeholder (and what it brings) no other file has: the nodes grow, and shrink when it leaves.
        Step("unresolved-added", 0, originals[0] + UnresolvedCitation, (a, b) => b.Unresolved == a.Unresolved + 1 && b.Citations == a.Citations + 1 && b.Nodes > a.Nodes);
        Step("unresolved-again", 1, originals[1] + UnresolvedCitation, (a, b) => b.Unresolved == a.Unresolved + 1 && b.Citations == a.Citations + 1 && b.Nodes == a.Nodes && b.Edges > a.Edges);
        Step("resolved-added", 0, originals[0] + resolvedCitation, (a, b) => b.Resolved == a.Resolved + 1 && b.Unresolved == a.Unresolved - 1 && b.Citations == a.Citations);
        Step("unresolved-dropped", 1, originals[1], (a, b) => b.Unresolved == a.Unresolved - 1 && b.Citations == a.Citations - 1 && b.Nodes < a.Nodes);
        Step("resolved-dropped", 0, originals[0], (a, b) => b.Resolved == a.Resolved - 1 && b.Citations == a.Citations - 1);
    }

    private static string Candidates(ICitationGraph graph, string id) =>
        Convert.ToString(graph.Find(id)?.Properties.GetValueOrDefault("candidates"), CultureInfo.InvariantCulture) ?? string.Empty;

    // A fresh store of the same folder: the same stats, the same related documents (cases, populations) for every document.
    private static void AssertSameAsFromScratch(IKvStore store, string input, string dir, string step)
    {
        using var scratch = KvStore.Open(Path.Combine(dir, $"scratch-{step}.db"));
        Assert.Empty(BuildPipeline.Run(scratch, [input]).Failures);
        var (a, b) = (store.Stats(), scratch.Stats());
        Assert.Equal(
            (b.Files, b.Documents, Show(b.DocumentsByKind), b.Citations, Show(b.CitationsByKind), b.Resolved, b.Unresolved, b.Nodes, b.Edges),
            (a.Files, a.Documents, Show(a.DocumentsByKind), a.Citations, Show(a.CitationsByKind), a.Resolved, a.Unresolved, a.Nodes, a.Edges));
        var fresh = scratch.Graph();
        var problems = GraphEquality.Related(fresh, store.Graph(), GraphEquality.Documents(fresh));
        Assert.True(problems.Count == 0, step + ": " + GraphEquality.Report(problems));

        // The tables the figures are kept in, row for row.
        foreach (var sql in new[] { "SELECT id, rep, kind, real FROM rcases ORDER BY id", "SELECT key, value FROM rcounts ORDER BY key" })
        {
            Assert.Equal(StoreRows.Of(Path.Combine(dir, $"scratch-{step}.db"), sql), StoreRows.Of(Path.Combine(dir, "store.db"), sql));
        }
    }

    private static string Show(IReadOnlyDictionary<string, int> d) =>
        string.Join(",", d.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    // Rebuilds the store from the folder (pruning removed files) and compares its indexed graph with a fresh assembly.
    private static ICitationGraph RebuildAndCompare(IKvStore store, string input, ICitationGraph previous)
    {
        var report = BuildPipeline.Run(store, [input], new BuildOptions { Prune = true });
        Assert.Empty(report.Failures);
        var indexed = store.Graph();
        Assert.NotSame(previous, indexed);
        var memory = store.LoadGraph();
        var documents = GraphEquality.Documents(memory);
        var problems = GraphEquality.NodesAndEdges(memory, indexed, memory.Nodes.Select(n => n.Id));
        problems.AddRange(GraphEquality.Traces(memory, indexed, documents, depth: 3));
        problems.AddRange(GraphEquality.Related(memory, indexed, documents));
        problems.AddRange(GraphEquality.Totals(memory, indexed, store.Stats()));
        Assert.True(problems.Count == 0, GraphEquality.Report(problems));
        return indexed;
    }
}

/// <summary>Compares two graphs' answers as text (ids, labels, names, properties with their types, edges in order).</summary>
internal static class GraphEquality
{
    public static List<string> Documents(ICitationGraph graph) =>
        [.. graph.Nodes.Where(Profiles.InCorpus).Select(n => n.Id).Order(StringComparer.Ordinal)];

    public static List<string> NodesAndEdges(ICitationGraph memory, ICitationGraph indexed, IEnumerable<string> ids, string? edgeType = null)
    {
        var problems = new List<string>();
        foreach (var id in ids)
        {
            Compare(problems, $"find {id}", Show(memory.Find(id)), Show(indexed.Find(id)));
            Compare(problems, $"outgoing {id} {edgeType}", Show(memory.Outgoing(id, edgeType)), Show(indexed.Outgoing(id, edgeType)));
            Compare(problems, $"incoming {id} {edgeType}", Show(memory.Incoming(id, edgeType)), Show(indexed.Incoming(id, edgeType)));
        }

        return problems;
    }

    public static List<string> Traces(ICitationGraph memory, ICitationGraph indexed, IEnumerable<string> ids, int depth)
    {
        var problems = new List<string>();
        foreach (var id in ids)
        {
            foreach (var reverse in new[] { false, true })
            {
                Compare(problems, $"trace {id} reverse={reverse}", Show(memory.Trace(id, depth, reverse)), Show(indexed.Trace(id, depth, reverse)));
            }
        }

        return problems;
    }

    public static List<string> Related(ICitationGraph memory, ICitationGraph indexed, IEnumerable<string> ids)
    {
        var problems = new List<string>();
        foreach (var id in ids)
        {
            Compare(problems, $"related {id}", Show(memory.Related(id, 10)), Show(indexed.Related(id, 10)));
        }

        return problems;
    }

    public static List<string> Paths(ICitationGraph memory, ICitationGraph indexed, IReadOnlyList<string> ids)
    {
        var problems = new List<string>();
        for (var i = 0; i + 1 < ids.Count; i++)
        {
            Compare(problems, $"path {ids[i]} {ids[i + 1]}", string.Join(" ", memory.ShortestPath(ids[i], ids[i + 1]).Select(n => n.Id)),
                string.Join(" ", indexed.ShortestPath(ids[i], ids[i + 1]).Select(n => n.Id)));
        }

        return problems;
    }

    public static List<string> Totals(ICitationGraph memory, ICitationGraph indexed, StoreStats stats)
    {
        var problems = new List<string>();
        var counts = Profiles.Counts(memory);
        Compare(problems, "stats", Show(counts),
            Show(new CorpusCounts(stats.Documents, stats.DocumentsByKind, stats.Citations, stats.CitationsByKind, stats.Resolved, stats.Unresolved, stats.Nodes, stats.Edges)));
        Compare(problems, "node count", memory.NodeCount.ToString(CultureInfo.InvariantCulture), indexed.NodeCount.ToString(CultureInfo.InvariantCulture));
        Compare(problems, "edge count", memory.EdgeCount.ToString(CultureInfo.InvariantCulture), indexed.EdgeCount.ToString(CultureInfo.InvariantCulture));
        Compare(problems, "unresolved", Show(memory.Unresolved(500)), Show(indexed.Unresolved(500)));
        return problems;
    }

    public static string Report(List<string> problems) =>
        $"{problems.Count} differences; the first:\n" + string.Join("\n", problems.Take(15));

    private static void Compare(List<string> problems, string what, string expected, string actual)
    {
        if (expected != actual)
        {
            // From a little before the first difference, so the report shows it.
            var at = 0;
            while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
            {
                at++;
            }

            var from = Math.Max(0, at - 150);
            problems.Add($"{what} (from {from}):\n  memory:  {Clip(expected[from..])}\n  indexed: {Clip(actual[from..])}");
        }
    }

    private static string Clip(string s) => s.Length > 400 ? s[..400] + "…" : s;

    private static string Show(GraphNode? n) =>
        n is null ? "null" : $"{n.Id}|{n.Label}|{n.Name}|{Show(n.Properties)}";

    private static string Show(IReadOnlyList<GraphEdge> edges) => string.Join(" ; ", edges.Select(Show));

    private static string Show(GraphEdge e) => $"{e.Source}-{e.Type}->{e.Target}|{Show(e.Properties)}";

    private static string Show(IReadOnlyDictionary<string, object?> props) =>
        string.Join(",", props.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}:{kv.Value?.GetType().Name}"));

    private static string Show(TraceNode? t)
    {
        if (t is null)
        {
            return "null";
        }

        var sb = new StringBuilder();
        void Walk(TraceNode node, int depth)
        {
            sb.Append(' ', depth).Append(Show(node.Node)).Append(" via ").Append(node.Via is null ? "-" : Show(node.Via)).Append(node.Cycle ? " cycle" : string.Empty).Append('\n');
            foreach (var c in node.Children)
            {
                Walk(c, depth + 1);
            }
        }

        Walk(t, 0);
        return sb.ToString();
    }

    private static string Show(IReadOnlyList<RelatedDocument> related) =>
        string.Join(" ; ", related.Select(r => $"{r.Node.Id} {r.Score.ToString(CultureInfo.InvariantCulture)} [{string.Join(", ", r.Reasons.Select(x => $"{x.Kind}:{x.Detail}:{x.Score.ToString(CultureInfo.InvariantCulture)}"))}]"));

    private static string Show(IReadOnlyList<UnresolvedTarget> targets) =>
        string.Join(" ; ", targets.Select(u => $"{u.Id} {u.Label} {u.CitationCount} [{string.Join(",", u.CitedBy)}] {u.Name} {u.Candidates}"));

    private static string Show(CorpusCounts c) =>
        $"{c.Documents} {Show(c.DocumentsByKind)} {c.Citations} {Show(c.CitationsByKind)} {c.Resolved} {c.Unresolved} {c.Nodes} {c.Edges}";

    private static string Show(IReadOnlyDictionary<string, int> d) =>
        string.Join(",", d.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>A store an earlier KvGraph wrote (schema 3, no resolved tables) still answers, and its next write session fills the tables.</summary>
public sealed class IndexedGraphUpgradeTests
{
    [Fact]
    public void A_store_from_before_the_indexed_tables_answers_read_only_and_its_next_commit_fills_them()
    {
        var dir = TestPaths.NewTempDir("kvgraph-indexed-upgrade");
        try
        {
            var path = Path.Combine(dir, "store.db");
            using (var store = KvStore.Open(path))
            {
                Assert.Empty(BuildPipeline.Run(store, [TestPaths.Seeds]).Failures);
            }

            // What schema 3 had: no step 4 (no resolved tables, no resolved version), no step 5.
            using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = """
                    DROP TABLE rnodes; DROP TABLE redges; DROP TABLE rfeatures; DROP TABLE rcases; DROP TABLE rmerged; DROP TABLE rfiles; DROP TABLE rcounts;
                    DROP INDEX documents_rowid_id;
                    DELETE FROM migrations WHERE version > 3; DELETE FROM meta WHERE key = 'resolved-version'; PRAGMA user_version = 3;
                    """;
                cmd.ExecuteNonQuery();
            }

            string expected;
            using (var old = KvStore.OpenReadOnly(path))
            {
                var graph = old.Graph();
                Assert.Same(old.LoadGraph(), graph);
                expected = string.Join(" ", graph.Trace("ah-tk-20202021-2302")!.Children.Select(t => t.Node.Id));
                Assert.NotEmpty(expected);
                Assert.True(old.Stats().Documents > 0);
            }

            using var upgraded = KvStore.Open(path);
            using (var session = upgraded.BeginWrite())
            {
                session.Commit();
            }

            var indexed = upgraded.Graph();
            Assert.NotSame(upgraded.LoadGraph(), indexed);
            Assert.Equal(expected, string.Join(" ", indexed.Trace("ah-tk-20202021-2302")!.Children.Select(t => t.Node.Id)));
            Assert.Equal(Profiles.Counts(upgraded.LoadGraph()).Edges, upgraded.Stats().Edges);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>Comparisons of <see cref="CitedByQuery.CitedByKeys"/> and <see cref="CitedByQuery.InFull"/> with CitedBy, and of traces as flat text.</summary>
internal static class NarrowCitedBy
{
    public static List<string> Problems(ICitationGraph memory, ICitationGraph indexed, IEnumerable<string> ids)
    {
        var problems = new List<string>();
        foreach (var id in ids)
        {
            var expected = memory.CitedBy(id);
            var narrow = indexed.CitedByKeys(id);
            if (string.Join("\n", narrow.Select(Key)) != string.Join("\n", expected.Select(Key)))
            {
                problems.Add($"{id}: narrow [{string.Join(", ", narrow.Select(Key))}] != [{string.Join(", ", expected.Select(Key))}]");
            }

            // Every other citer read whole, as show reads the first ones.
            var chosen = expected.Where((_, i) => i % 2 == 0).Select(c => c.Source.Id).ToList();
            var whole = indexed.InFull(id, chosen);
            var wanted = expected.Where(c => chosen.Contains(c.Source.Id)).Select(Whole).ToList();
            var got = chosen.Select(s => whole.TryGetValue(s, out var c) ? Whole(c) : $"{s} missing").ToList();
            if (whole.Count != chosen.Count || !wanted.SequenceEqual(got))
            {
                problems.Add($"{id}: whole {string.Join(" | ", got)} != {string.Join(" | ", wanted)}");
            }
        }

        return problems;
    }

    /// <summary>A trace depth first: each node whole, the edge it was reached by whole, cycles and steps left out.</summary>
    public static string Flat(TraceNode? node) =>
        node is null ? "null" : $"({Props(node.Node.Id + " " + node.Node.Label + " " + node.Node.Name, node.Node.Properties)} via {(node.Via is { } e ? Props($"{e.Source}>{e.Target}", e.Properties) : "-")} cycle {node.Cycle} omitted {node.Omitted} [{string.Join(" ", node.Children.Select(Flat))}])";

    private static string Key(Citing c) =>
        $"{c.Source.Id} {c.Source.Label} {c.Source.Name} {c.Source.Properties.GetValueOrDefault("kind")} {c.Date} [{string.Join(",", c.Mentions.Select(m => m.Properties.GetValueOrDefault("start")))}]";

    private static string Whole(Citing c) =>
        $"{Props(c.Source.Id + " " + c.Source.Label + " " + c.Source.Name, c.Source.Properties)} {string.Join(" ; ", c.Mentions.Select(m => Props($"{m.Source}>{m.Target} {m.Type}", m.Properties)))}";

    private static string Props(string head, IReadOnlyDictionary<string, object?> props) =>
        head + " {" + string.Join(", ", props.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value} ({kv.Value?.GetType().Name})")) + "}";
}
