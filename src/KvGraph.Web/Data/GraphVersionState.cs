using System.Collections.Concurrent;
using KvGraph.Core.Graph;

namespace KvGraph.Web.Data;

/// <summary>
/// What the explorer keeps for one store version, and only that: the motions (read once by label: one node per motion),
/// each motion's summary (fate in brief, citers counted: every motions page and filter lists them all), and the motion
/// counts. Bounded by the number of motions, not the graph; a new version starts afresh.
/// </summary>
internal sealed class GraphVersionState(long version)
{
    private readonly Lock gate = new();
    private IReadOnlyList<GraphNode>? motions;
    private bool motionsRead;
    private MotionStatsView? stats;
    private IReadOnlyList<MotionSummary>? unfiltered;

    public long Version { get; } = version;

    /// <summary>Each motion's summary, by id.</summary>
    public ConcurrentDictionary<string, MotionSummary> Summaries { get; } = new(StringComparer.Ordinal);

    /// <summary>Every node that can be a motion (<see cref="CandidateGraph.MotionCandidates"/>), read once on <paramref name="graph"/>; null when it is not the store's indexed graph.</summary>
    public IReadOnlyList<GraphNode>? Motions(ICitationGraph graph)
    {
        lock (gate)
        {
            if (!motionsRead)
            {
                motions = CandidateGraph.MotionCandidates(graph);
                motionsRead = true;
            }

            return motions;
        }
    }

    /// <summary>
    /// Every motion summed up, newest first: the list without a filter, which every page of it and the counts list whole
    /// (20,000 motions sorted anew were 5 MB allocated per request at 100,000 documents), made once. Two requests may both
    /// make it; either is right, the first stays.
    /// </summary>
    public IReadOnlyList<MotionSummary> Unfiltered(Func<IReadOnlyList<MotionSummary>> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        return Volatile.Read(ref unfiltered) ?? Interlocked.CompareExchange(ref unfiltered, compute(), null) ?? unfiltered!;
    }

    /// <summary>Whether the list without a filter is made already, for the tests.</summary>
    internal bool HasUnfiltered => Volatile.Read(ref unfiltered) is not null;

    /// <summary>The motion counts, computed once.</summary>
    public MotionStatsView Stats(Func<MotionStatsView> compute)
    {
        lock (gate)
        {
            return stats ??= compute();
        }
    }
}
