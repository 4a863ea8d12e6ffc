using KvGraph.Store;
using KvGraph.Core.Graph;
using KvGraph.TestSupport;
using Xunit.Abstractions;

namespace KvGraph.Pipeline.Tests.Evaluation;

/// <summary>The whole raw corpus built once into a temporary store, and its graph loaded; null when the corpus is absent.</summary>
public sealed class CorpusGraphFixture : IDisposable
{
    private readonly string? _dir;

    public CorpusGraphFixture()
    {
        if (!TestPaths.CorpusAvailable)
        {
            return;
        }

        _dir = TestPaths.NewTempDir("kvgraph-identity");
        Graph = BuildCorpusGraph(TestPaths.CorpusRaw, Path.Combine(_dir, "corpus.db"));
    }

    public ICitationGraph? Graph { get; }

    /// <summary>The one place the evaluation builds the graph (kept small: the build API may move).</summary>
    public static ICitationGraph BuildCorpusGraph(string corpus, string storePath)
    {
        using var store = KvStore.Open(storePath);
        var report = BuildPipeline.Run(store, [corpus], new BuildOptions());
        if (report.Failures.Count > 0)
        {
            throw new InvalidOperationException("corpus files failed: " + string.Join("; ", report.Failures.Select(f => $"{f.File}: {f.Reason}")));
        }

        return store.LoadGraph();
    }

    public void Dispose()
    {
        if (_dir is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}

/// <summary>
/// Graph-level identity on the real corpus, measured against hand-checked gold
/// (<c>tests/KvGraph.Core.Tests/Evaluation/Gold/identity.tsv</c>, format in that folder's README): pairwise precision and
/// recall of must-link / must-not-link rows, per category and overall, on dev, heldout and both.
/// </summary>
public sealed class IdentityEvaluationTests(CorpusGraphFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusGraphFixture>
{
    /// <summary>The thresholds the identity issue sets (overall, dev and heldout together).</summary>
    public const double MinPrecision = 0.98;

    public const double MinRecall = 0.90;

    public static string GoldPath => Path.Combine(TestPaths.RepoRoot, "tests", "KvGraph.Core.Tests", "Evaluation", "Gold", "identity.tsv");

    [SkippableFact]
    public void Identity_gold_is_well_formed_and_every_document_it_names_is_in_the_graph()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var rows = IdentityGold.Load(GoldPath);
        var resolver = new IdentityEndpointResolver(corpus.Graph!);

        var missing = rows.SelectMany(r => new[] { r.A, r.B }.Where(e => !resolver.DocumentExists(e)).Select(e => $"line {r.Line}: {e.DocumentId} ({e})")).ToList();
        Assert.True(missing.Count == 0, "gold endpoints whose document is not in the graph (a typo would pass as 'different'):\n" + string.Join('\n', missing));

        var duplicates = rows.GroupBy(r => string.Join('\t', new[] { r.A.Text, r.B.Text }.Order(StringComparer.Ordinal)))
            .Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(r => r.Line))).ToList();
        Assert.True(duplicates.Count == 0, "the same pair appears twice (lines): " + string.Join("; ", duplicates));
        Assert.DoesNotContain(rows, r => r.A.Text == r.B.Text);

        var same = rows.Count(r => r.Relation == IdentityRelation.Same);
        var different = rows.Count(r => r.Relation == IdentityRelation.Different);
        output.WriteLine($"{rows.Count} rows: {same} same, {different} different; {rows.Count(r => r.Heldout)} heldout");
        foreach (var g in rows.GroupBy(r => (r.Category, r.Relation, r.Set)).OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Relation).ThenBy(g => g.Key.Set, StringComparer.Ordinal))
        {
            output.WriteLine($"  {g.Key.Category,-20} {g.Key.Relation,-10} {g.Key.Set,-8} {g.Count(),4}");
        }

        Assert.True(same >= 100, $"only {same} must-link rows");
        Assert.True(different >= 100, $"only {different} must-not-link rows");

        // Every category has rows in both sets, so the lead can tune on dev and still be measured on heldout.
        foreach (var category in rows.GroupBy(r => r.Category).Where(g => g.Count() >= 3))
        {
            Assert.True(category.Any(r => r.Heldout) && category.Any(r => !r.Heldout), $"category {category.Key} needs rows in both dev and heldout");
        }
    }

    [SkippableFact]
    public void Graph_identity_meets_the_precision_and_recall_the_issue_sets()
    {
        Skip.IfNot(TestPaths.CorpusAvailable, $"the corpus is not at {TestPaths.CorpusRaw}");
        var rows = IdentityGold.Load(GoldPath);
        var outcomes = new IdentityScorer(new IdentityEndpointResolver(corpus.Graph!)).Evaluate(rows);
        output.WriteLine(IdentityScorer.Report(outcomes));

        var overall = IdentityScore.Of(outcomes);
        var precision = double.IsNaN(overall.Precision) ? 1.0 : overall.Precision;
        Assert.True(precision >= MinPrecision && overall.Recall >= MinRecall,
            $"identity precision {IdentityScorer.Format(overall.Precision)} (min {MinPrecision}), recall {IdentityScorer.Format(overall.Recall)} (min {MinRecall}); the report above lists every violated row");
    }
}
