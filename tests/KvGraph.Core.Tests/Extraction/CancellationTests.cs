using System.Diagnostics;
using System.Globalization;
using KvGraph.Core.Extraction;
using KvGraph.TestSupport;
using Xunit.Abstractions;

namespace KvGraph.Core.Tests.Extraction;

/// <summary>
/// An extraction that is abandoned (a build's per-file time limit) stops: the token is checked between stages, in the
/// recognisers' match loops and every 256 citations or entities, so the work ends soon after the cancellation instead of
/// running on to the end on a thread nobody waits for (issue 11).
/// </summary>
public sealed class CancellationTests(ITestOutputHelper output)
{
    // 2 M characters of each adversarial pattern. The cancellation comes from inside the run (the first citation
    // recogniser cancels the token), not from a timer: extraction got fast enough (issue 9) to finish some patterns
    // within a timer's 100 ms, which made the test depend on the machine's speed.
    private const int Length = 2_000_000;

    /// <summary>
    /// How long after the cancellation the extraction may still run: at most one stage that does not look at the token
    /// (a reader, or one regex scan that finds nothing: on 2 M characters of dates the Kamerstuk and zaak scans took
    /// 7.8–8.9 s in a debug build on the busy shared machine), with room to spare.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static TheoryData<string> PatternNames => [.. AdversarialText.Patterns.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(PatternNames))]
    public void A_cancelled_extraction_stops_soon_after_the_cancellation(string pattern)
    {
        var source = new SourceDocument($"adversarial-{pattern}.txt", AdversarialText.Make(pattern, Length));
        var last = new LastRecognizer();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var first = new CancellingRecognizer(stop, clock);
        var extractor = new Extractor(ExtractorOptions.Default with
        {
            CitationRecognizers = [first, .. ExtractorOptions.Default.CitationRecognizers],
            EntityRecognizers = [.. ExtractorOptions.Default.EntityRecognizers, last],
        });

        Assert.ThrowsAny<OperationCanceledException>(() => extractor.Extract(source, stop.Token));
        var ended = clock.Elapsed;
        Assert.True(stop.IsCancellationRequested);
        var cancelledAt = first.CancelledAt ?? throw new InvalidOperationException("the first recogniser did not run");
        var after = ended - cancelledAt;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{pattern}: cancelled at {cancelledAt.TotalSeconds:0.000} s, stopped {after.TotalSeconds:0.000} s later"));
        Assert.True(after < Bound, string.Create(CultureInfo.InvariantCulture, $"{pattern}: ran on {after.TotalSeconds:0.0} s after the cancellation"));

        // The work after the point of cancellation was not done: the last recogniser never ran (it runs on a live token).
        Assert.Equal(0, last.Runs);
    }

    [Fact]
    public void The_last_recogniser_runs_when_nothing_is_cancelled()
    {
        // The control for the assertion above: with a live token, the recogniser placed last does run.
        var last = new LastRecognizer();
        var extractor = new Extractor(ExtractorOptions.Default with { EntityRecognizers = [.. ExtractorOptions.Default.EntityRecognizers, last] });
        using var live = new CancellationTokenSource();
        extractor.Extract(new SourceDocument("adversarial-mixed.txt", AdversarialText.Make("mixed", 20_000)), live.Token);
        Assert.Equal(1, last.Runs);
    }

    /// <summary>A citation recogniser placed before all built-in ones that cancels the token when it runs, and finds nothing.</summary>
    private sealed class CancellingRecognizer(CancellationTokenSource stop, Stopwatch clock) : ICitationRecognizer
    {
        public TimeSpan? CancelledAt { get; private set; }

        public string Name => "cancelling";

        public IReadOnlyList<string> Triggers => [];

        public IEnumerable<KvGraph.Core.Model.Citation> Find(RecognitionContext context)
        {
            CancelledAt = clock.Elapsed;
            stop.Cancel();
            return [];
        }
    }

    /// <summary>An entity recogniser placed after all built-in ones that counts how often it is run and finds nothing.</summary>
    private sealed class LastRecognizer : IEntityRecognizer
    {
        private int runs;

        public int Runs => Volatile.Read(ref runs);

        public string Name => "last";

        public IReadOnlyList<string> Triggers => [];

        public IEnumerable<KvGraph.Core.Model.Entity> Find(RecognitionContext context)
        {
            Interlocked.Increment(ref runs);
            return [];
        }
    }

    [Fact]
    public void An_uncancelled_token_changes_nothing()
    {
        // The same document with and without a live token: the same citations, entities and warnings.
        var text = File.ReadAllText(TestPaths.Seed000);
        using var live = new CancellationTokenSource();
        var plain = Extractor.Default.Extract(new SourceDocument(TestPaths.Seed000, text));
        var guarded = Extractor.Default.Extract(new SourceDocument(TestPaths.Seed000, text), live.Token);
        Assert.NotEmpty(plain.Citations);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(plain), System.Text.Json.JsonSerializer.Serialize(guarded));
    }
}
