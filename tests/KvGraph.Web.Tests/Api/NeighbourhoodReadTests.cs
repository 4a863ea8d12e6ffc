using System.Text.Json;
using KvGraph.Core.Graph;
using KvGraph.Web.Data;
using KvGraph.Web.Tests.Support;

namespace KvGraph.Web.Tests.Api;

/// <summary>
/// The neighbourhood view read by index a type at a time (only as many edges as the view takes) is the view the whole
/// graph gives: the same nodes, edges, order and cut, on the real corpus, for hubs and small nodes, at limits that cut
/// inside a type, at a type's end and not at all.
/// </summary>
[Collection(CorpusCollection.Name)]
public sealed class NeighbourhoodReadTests(RealCorpus corpus)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [SkippableFact]
    public void The_indexed_neighbourhood_equals_the_whole_graphs_for_hubs_and_small_nodes_at_every_limit()
    {
        Skip.If(corpus.SkipReason is not null, corpus.SkipReason);
        var whole = corpus.Source.WholeGraph;
        var byIndex = new SnapshotExplorerData(corpus.Source);
        var inMemory = new ExplorerData(corpus.Source, whole, new GraphVersionState(-1));

        // The node with the most edges (a hub cut at the page's limit), the party of the browser test (most votes, then most
        // members), the most cited node, a person, a document that cites something, and a topic.
        var hub = whole.Nodes.MaxBy(n => whole.Outgoing(n.Id).Count + whole.Incoming(n.Id).Count)!;
        var party = whole.Nodes.Where(n => n.Label == NodeLabel.Party)
            .OrderByDescending(n => whole.Outgoing(n.Id, EdgeType.Voted).Count).ThenByDescending(n => whole.Incoming(n.Id, EdgeType.MemberOf).Count)
            .ThenBy(n => n.Id, StringComparer.Ordinal).First();
        var cited = whole.Nodes.MaxBy(n => whole.Incoming(n.Id, EdgeType.Cites).Count)!;
        var person = whole.Nodes.Where(n => n.Label == NodeLabel.Person).MaxBy(n => whole.Incoming(n.Id).Count + whole.Outgoing(n.Id).Count)!;
        var citing = whole.Nodes.First(n => whole.Outgoing(n.Id, EdgeType.Cites).Count > 3);
        var topic = whole.Nodes.First(n => n.Label == NodeLabel.Topic);
        Assert.True(whole.Outgoing(hub.Id).Count + whole.Incoming(hub.Id).Count > 150, $"{hub.Id}: a hub cut at the page's limit");
        Assert.True(whole.Incoming(cited.Id, EdgeType.Cites).Count > 2, $"{cited.Id}: cited more than the smallest limits");

        var compared = 0;
        foreach (var id in new[] { hub.Id, party.Id, cited.Id, person.Id, citing.Id, topic.Id })
        {
            // 1 and 2: cut in the first type; 7 and 40: somewhere inside; 150 the page's default; 500 the most the API gives.
            foreach (var limit in new[] { 1, 2, 7, 40, 150, 500 })
            {
                var expected = JsonSerializer.Serialize(inMemory.Neighbourhood(id, limit), Json);
                var actual = JsonSerializer.Serialize(byIndex.Neighbourhood(id, limit), Json);
                Assert.True(expected == actual, $"{id} limit {limit}:\nwhole graph {expected}\nby index    {actual}");
                compared++;
            }

            // At the exact size of the whole view (every edge shown, nothing more): not cut; one fewer: cut.
            var all = inMemory.Neighbourhood(id, InputRulesMax)!;
            if (!all.Truncated && all.Edges.Count > 1)
            {
                Assert.False(byIndex.Neighbourhood(id, all.Edges.Count)!.Truncated);
                Assert.True(byIndex.Neighbourhood(id, all.Edges.Count - 1)!.Truncated);
                Assert.Equal(JsonSerializer.Serialize(inMemory.Neighbourhood(id, all.Edges.Count - 1), Json), JsonSerializer.Serialize(byIndex.Neighbourhood(id, all.Edges.Count - 1), Json));
            }
        }

        Assert.Equal(36, compared);
    }

    private const int InputRulesMax = KvGraph.Web.Api.InputRules.MaxNeighbourhood;
}
