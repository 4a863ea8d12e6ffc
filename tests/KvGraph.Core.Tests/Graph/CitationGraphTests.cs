using KvGraph.Core.Graph;
using KvGraph.Core.Resolution;

namespace KvGraph.Core.Tests.Graph;

public sealed class CitationGraphTests
{
    private static readonly Lazy<ICitationGraph> Graph = new(() => CitationGraphs.FromDocuments(GraphTestData.All));

    private static readonly Lazy<ICitationGraph> SeedsOnly = new(() => CitationGraphs.FromDocuments([GraphTestData.Seed000, GraphTestData.Seed004]));

    [Fact]
    public void Aliases_resolve_to_the_document_and_unknown_targets_are_placeholders_of_their_kind()
    {
        var g = Graph.Value;
        Assert.Equal("ah-tk-20202021-2302", g.Find("2021Z02286")!.Id);
        Assert.Equal(NodeLabel.Motion, g.Find("kst-21501-20-1591")!.Label);

        // The fictional page cites seed 000 by zaak: the edge goes to the answer, and remembers what was written.
        var cite = Assert.Single(g.Outgoing("ah-tk-20202021-9001", EdgeType.Cites), e => e.Target == "ah-tk-20202021-2302");
        Assert.Equal("2021Z02286", cite.Properties["cited"]);

        var kst = g.Find("kst-23432-537")!;
        Assert.Equal(NodeLabel.Placeholder, kst.Label);
        Assert.Equal("kamerstuk", kst.Properties["kind"]);
        // The placeholder takes the kind of the citation that names it (seed 004 cites 2019Z10940 as earlier answers).
        var zaak = SeedsOnly.Value.Find("2019Z10940")!;
        Assert.Equal(NodeLabel.Placeholder, zaak.Label);
        var citing = SeedsOnly.Value.Incoming("2019Z10940", EdgeType.Cites);
        Assert.NotEmpty(citing);
        Assert.Equal(citing[0].Properties["kind"], zaak.Properties["kind"]);

        // Without the motion text, the motion is a placeholder of kind motion.
        var motion = SeedsOnly.Value.Find("kst-21501-20-1591")!;
        Assert.Equal(NodeLabel.Placeholder, motion.Label);
        Assert.Equal("motion", motion.Properties["kind"]);
    }

    [Fact]
    public void Trace_follows_citations_transitively_in_date_order_and_marks_cycles()
    {
        var trace = Graph.Value.Trace("ah-tk-20202021-9002", depth: 4)!;
        Assert.Equal("ah-tk-20202021-9002", trace.Node.Id);

        var f1 = Assert.Single(trace.Children, c => c.Node.Id == "ah-tk-20202021-9001");
        var seed = Assert.Single(f1.Children, c => c.Node.Id == "ah-tk-20202021-2302");
        Assert.Equal(["kst-21501-20-1591", "kst-21501-20-1596", "kst-35570-V-43", "kst-35570-V-53"],
            seed.Children.Where(c => c.Via!.Properties["kind"] as string == "motion").Select(c => c.Node.Id).Order(StringComparer.Ordinal));

        // 9001 cites 9002 back: a cycle, marked and not expanded.
        var back = Assert.Single(f1.Children, c => c.Node.Id == "ah-tk-20202021-9002");
        Assert.True(back.Cycle);
        Assert.Empty(back.Children);

        // Children are ordered by date, then id.
        var dates = seed.Children.Select(c => c.Node.Properties.GetValueOrDefault("date") as string ?? "9999").ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);

        var shallow = Graph.Value.Trace("ah-tk-20202021-9002", depth: 1)!;
        Assert.All(shallow.Children, c => Assert.Empty(c.Children));
    }

    [Fact]
    public void A_trace_with_a_budget_keeps_the_first_nodes_depth_first_and_counts_the_steps_it_left_out()
    {
        // The seeds' chain from 9002 (cites 9001, which cites seed 000 and 9002 back, …), walked whole and then with every
        // smaller budget: the budgeted tree is the whole tree's first nodes in depth-first order, and below each node the
        // children kept plus those left out are the whole tree's children (issue 9: the CLI prints a hub's trace this way).
        foreach (var (id, reverse) in new[] { ("ah-tk-20202021-9002", false), ("kst-21501-20-1591", true) })
        {
            var whole = Graph.Value.Trace(id, depth: 4, reverse: reverse)!;
            var order = Preorder(whole).ToList();
            Assert.True(order.Count >= 6, $"{id}: {order.Count} nodes");
            Assert.All(order, t => Assert.Equal(0, t.Omitted));
            for (var budget = 1; budget <= order.Count; budget++)
            {
                var cut = Graph.Value.Trace(id, depth: 4, reverse: reverse, budget: budget)!;
                var kept = Preorder(cut).ToList();
                Assert.Equal(order.Take(budget).Select(t => t.Node.Id), kept.Select(t => t.Node.Id));
                var left = 0;
                foreach (var (a, b) in Pairs(whole, cut))
                {
                    if (b.Children.Count + b.Omitted > 0)
                    {
                        Assert.Equal(a.Children.Count, b.Children.Count + b.Omitted);
                    }

                    left += b.Omitted;
                }

                Assert.True(budget < order.Count == left > 0, $"{id} budget {budget} of {order.Count}: {left} left out; kept {string.Join(" ", kept.Select(t => $"{t.Node.Id}/{t.Children.Count}/{t.Omitted}/{t.Cycle}"))}; whole {string.Join(" ", order.Select(t => $"{t.Node.Id}/{t.Children.Count}"))}");
            }
        }

        static IEnumerable<TraceNode> Preorder(TraceNode t) => new[] { t }.Concat(t.Children.SelectMany(Preorder));

        static IEnumerable<(TraceNode Whole, TraceNode Cut)> Pairs(TraceNode whole, TraceNode cut) =>
            new[] { (whole, cut) }.Concat(cut.Children.Select((c, i) => (whole.Children[i], c)).SelectMany(p => Pairs(p.Item1, p.Item2)));
    }

    [Fact]
    public void A_trace_step_stands_on_the_first_citation_by_position_between_its_two_documents()
    {
        // Each step of a trace, either way, is shown by the citation that comes first in the citing text (the smallest
        // start; of equal starts the first edge), computed here independently by sorting.
        var g = Graph.Value;
        var steps = 0;
        var chosen = 0;
        foreach (var reverse in new[] { false, true })
        {
            foreach (var id in new[] { "ah-tk-20202021-9002", "ah-tk-20202021-9001", "ah-tk-20202021-2302", "kst-21501-20-1591" })
            {
                foreach (var (parent, child) in Steps(g.Trace(id, depth: 4, reverse: reverse)!))
                {
                    var (source, target) = reverse ? (child.Node.Id, parent.Node.Id) : (parent.Node.Id, child.Node.Id);
                    var citations = g.Outgoing(source, EdgeType.Cites).Where(e => e.Target == target).ToList();
                    var first = citations.OrderBy(e => Convert.ToInt64(e.Properties.GetValueOrDefault("start") ?? long.MaxValue, System.Globalization.CultureInfo.InvariantCulture)).First();
                    Assert.Same(first, child.Via);
                    steps++;
                    chosen += citations.Count > 1 ? 1 : 0;
                }
            }
        }

        // Not vacuous: some steps had more than one citation to choose from.
        Assert.True(steps >= 6 && chosen > 0, $"{steps} steps, {chosen} with several citations");

        static IEnumerable<(TraceNode Parent, TraceNode Child)> Steps(TraceNode t) =>
            t.Children.Select(c => (t, c)).Concat(t.Children.SelectMany(Steps));
    }

    [Fact]
    public void Reverse_trace_lists_who_cites_a_motion_directly_and_indirectly()
    {
        var trace = Graph.Value.Trace("kst-21501-20-1591", depth: 2, reverse: true)!;
        var direct = trace.Children.Select(c => c.Node.Id).ToList();
        Assert.Contains("ah-tk-20202021-2302", direct);
        Assert.Contains("ah-tk-20202021-9001", direct);
        var viaSeed = trace.Children.Single(c => c.Node.Id == "ah-tk-20202021-2302");
        Assert.Contains(viaSeed.Children, c => c.Node.Id == "ah-tk-20202021-9001");
    }

    [Fact]
    public void An_unnumbered_motion_resolves_by_sponsor_subject_and_date()
    {
        // "de motie Van den Nieuwenhuijzen over bedrijven in China": sponsor, subject words and date agree with the motion.
        var edges = Graph.Value.Outgoing("ah-tk-20202021-9002", EdgeType.Cites).Where(e => e.Properties.GetValueOrDefault("method") is LinkMethod.SponsorSubjectDate).ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Equal("kst-21501-20-1591", e.Target));
        Assert.All(edges, e => Assert.Contains("subject", CitesEdge.From(e).Evidence, StringComparison.Ordinal));

        // Without the motion in the corpus the mention stays its own placeholder: never one node per surname.
        var alone = CitationGraphs.FromDocuments([GraphTestData.Fictional2]);
        Assert.Contains(alone.Unresolved(), u => u.Id == "motion:van-den-nieuwenhuijzen@ah-tk-20202021-9002" && u.Label == "motion");
    }

    [Fact]
    public void Related_ranks_by_shared_citations_people_and_topics_with_reasons()
    {
        var related = Graph.Value.Related("ah-tk-20202021-9001");
        Assert.NotEmpty(related);
        Assert.Equal(related.OrderByDescending(r => r.Score).ThenBy(r => r.Node.Id, StringComparer.Ordinal).Select(r => r.Node.Id), related.Select(r => r.Node.Id));

        var seed = Assert.Single(related, r => r.Node.Id == "ah-tk-20202021-2302");
        Assert.Contains(seed.Reasons, r => r.Kind == "coupling" && r.Detail == "kst-21501-20-1591");
        Assert.Contains(seed.Reasons, r => r.Kind == "answerer");
        Assert.InRange(seed.Score - seed.Reasons.Sum(r => r.Score), -0.005, 0.005);

        var f2 = Assert.Single(related, r => r.Node.Id == "ah-tk-20202021-9002");
        Assert.Contains(f2.Reasons, r => r.Kind == "asker");

        // Asking for the question gives the same answer as asking for its answer; neither is related to itself.
        var viaQuestion = Graph.Value.Related("kv-tk-2021Z99001");
        Assert.Equal(related.Select(r => r.Node.Id), viaQuestion.Select(r => r.Node.Id));
        Assert.DoesNotContain(related, r => r.Node.Id is "ah-tk-20202021-9001" or "kv-tk-2021Z99001");
    }

    [Fact]
    public void Unresolved_lists_most_cited_first_and_shortest_path_crosses_documents()
    {
        var unresolved = SeedsOnly.Value.Unresolved();
        Assert.Contains(unresolved, u => u.Id == "kst-35570-V-53" && u.CitedBy.SequenceEqual(["ah-tk-20202021-2302"]));
        Assert.Equal(unresolved.OrderByDescending(u => u.CitationCount).Select(u => u.CitationCount), unresolved.Select(u => u.CitationCount));
        Assert.DoesNotContain(unresolved, u => u.Id.StartsWith("dossier:", StringComparison.Ordinal));

        var path = Graph.Value.ShortestPath("ah-tk-20202021-9002", "kst-35570-V-43");
        Assert.Equal(["ah-tk-20202021-9002", "ah-tk-20202021-9001", "ah-tk-20202021-2302", "kst-35570-V-43"], path.Select(n => n.Id));
        Assert.Empty(Graph.Value.ShortestPath("ah-tk-20202021-9002", "kst-35570-V-43", maxDepth: 2));
    }

    [Fact]
    public void Resolver_prefers_the_answer_for_a_zaak_and_the_document_with_more_citations_for_duplicates()
    {
        var resolver = Resolver.Create(GraphTestData.All.SelectMany(DocumentAliases.For));
        Assert.Equal("ah-tk-20202021-2302", resolver.Resolve("2021Z02286"));
        Assert.Equal("kv-tk-2021Z02286", resolver.Resolve("kv-tk-2021Z02286"));
        Assert.Null(resolver.Resolve("2099Z00001"));

        // The same document in two files (a PDF and its text): the one with more citations owns it.
        var full = GraphTestData.Seed000;
        var poorer = full with { File = "copy.txt", Citations = [.. full.Citations.Take(1)] };
        var dup = Resolver.Create([.. DocumentAliases.For(full), .. DocumentAliases.For(poorer)]);
        Assert.Equal(full.File, dup.Owner("ah-tk-20202021-2302")!.File);
        var graph = CitationGraphs.FromDocuments([poorer, full]);
        Assert.Equal(full.Citations.Count(c => c.Target is not null && !c.Target.Contains('#', StringComparison.Ordinal)), graph.Outgoing("ah-tk-20202021-2302", EdgeType.Cites).Count);
    }
}
