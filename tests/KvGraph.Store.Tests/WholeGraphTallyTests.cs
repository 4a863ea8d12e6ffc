using KvGraph.Pipeline;
using KvGraph.Store.Sqlite;
using KvGraph.TestSupport;

namespace KvGraph.Store.Tests;

/// <summary>
/// Issue 9: a first build computes the whole-graph figures (the cases in <c>rcases</c>, the populations and counts in
/// <c>rcounts</c>) from the rows its commit writes (<see cref="WholeGraphTally"/>) instead of scanning the resolved tables
/// after; a later commit that adds files recomputes them from the tables. Both must give the same rows.
/// </summary>
public sealed class WholeGraphTallyTests
{
    [Fact]
    public void A_first_builds_figures_equal_those_recomputed_from_the_tables()
    {
        using var folder = new TempFolder("kvgraph-tally");
        var docs = Path.Combine(folder.FullPath, "docs");
        KvGraph.Pipeline.Synth.SynthCorpus.Write(docs, new KvGraph.Pipeline.Synth.SynthOptions(1200, 5));
        var parts = Directory.GetDirectories(docs).Order(StringComparer.Ordinal).ToList();
        Assert.True(parts.Count >= 2, $"{parts.Count} folders in the generated corpus");

        // At once: a first build, the figures from its tally.
        var once = folder.File("once.db");
        using (var store = KvStore.Open(once))
        {
            Assert.Empty(BuildPipeline.Run(store, [docs]).Failures);
        }

        // In two builds: the second adds half the files (new documents, answers and features), so its commit recomputes
        // every figure from the tables (neither the tally, which only a commit rewriting every file keeps, nor the delta).
        var twice = folder.File("twice.db");
        using (var store = KvStore.Open(twice))
        {
            Assert.Empty(BuildPipeline.Run(store, parts.Take(parts.Count / 2).ToList()).Failures);
            Assert.Empty(BuildPipeline.Run(store, [docs]).Failures);
        }

        foreach (var (sql, least) in new[] { ("SELECT id, rep, kind, real FROM rcases ORDER BY id", 1200), ("SELECT key, value FROM rcounts ORDER BY key", 3) })
        {
            var expected = StoreRows.Of(twice, sql);
            Assert.True(expected.Count >= least, $"{expected.Count} rows of {sql}");
            Assert.Equal(expected, StoreRows.Of(once, sql));
        }

        var counts = ResolvedFacts.ReadCounts(StoreRows.Of(once, $"SELECT value FROM rcounts WHERE key = '{ResolvedFacts.CountsKey}'").Single());
        Assert.True(counts.Documents >= 1200 && counts.Citations > 1000 && counts.Resolved > 0 && counts.Unresolved > 0 && counts.Edges > counts.Citations, counts.ToString());
    }
}
