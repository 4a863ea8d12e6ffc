using KvGraph.Core.Graph;

namespace KvGraph.Store.Tests;

/// <summary>
/// show works out a motion's timeline once, over its citers read narrowly (<see cref="CitedByQuery.CitedByKeys"/>), and
/// then makes again only the steps of the citers it reads whole (<see cref="Motions.WithWhole"/>); on the generated
/// corpus's most cited motions that is, step for step, the timeline over the narrow list with those citers whole.
/// </summary>
public sealed class NarrowTimelineTests(SynthStoreFixture synth) : IClassFixture<SynthStoreFixture>
{
    [Fact]
    public void A_timeline_with_some_citers_made_whole_is_the_timeline_over_those_citers_whole()
    {
        using var store = KvStore.OpenReadOnly(synth.StorePath);
        var graph = store.Graph();
        var motions = StoreRows.Of(synth.StorePath, """
            SELECT e.target FROM redges e WHERE e.type = 'CITES' AND e.target IN (SELECT id FROM rnodes WHERE label = 'Motion')
            GROUP BY e.target ORDER BY count(*) DESC, e.target LIMIT 3
            """);
        Assert.Equal(3, motions.Count);
        var quoted = 0;
        foreach (var id in motions)
        {
            var fate = Assert.IsType<MotionFateView>(graph.Fate(id));
            var keys = graph.CitedByKeys(id);
            Assert.True(keys.Count > 50, $"{id}: {keys.Count} citers");
            var whole = graph.InFull(id, [.. keys.Where((_, i) => i % 3 == 0).Select(c => c.Source.Id)]);
            var expected = graph.TimelineFrom(fate, [.. keys.Select(c => whole.GetValueOrDefault(c.Source.Id) ?? c)]);
            var actual = graph.WithWhole(fate, graph.TimelineFrom(fate, keys), whole);
            Assert.Equal(expected, actual);
            quoted += actual.Count(e => e.Kind == "cited" && e.Quote is not null);
        }

        Assert.True(quoted > 50, $"{quoted} steps made whole");
    }
}
