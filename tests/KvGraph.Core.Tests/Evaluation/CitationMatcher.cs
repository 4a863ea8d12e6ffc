using KvGraph.Core.Model;

namespace KvGraph.Core.Tests.Evaluation;

/// <summary>A predicted citation paired with the gold entry it satisfies.</summary>
internal sealed record MatchedPair(GoldCitation Gold, Citation Predicted, bool ViaAlternative);

/// <summary>How one document's predictions compare with its gold.</summary>
internal sealed record DocumentScore(
    GoldDocument Gold,
    IReadOnlyList<MatchedPair> TruePositives,
    IReadOnlyList<Citation> FalsePositives,
    IReadOnlyList<GoldCitation> FalseNegatives,
    IReadOnlyList<MatchedPair> OptionalMatches,
    string? Error = null);

/// <summary>
/// Matches predictions to gold as multisets: each prediction satisfies at most one gold entry and each entry takes at
/// most one prediction. Matching is a maximum bipartite matching (Kuhn's augmenting paths), first over the required
/// entries and then over the optional ones, so an optional entry never takes a prediction a required one needs and
/// the order in which citations are listed never changes the score.
/// </summary>
internal static class CitationMatcher
{
    public static DocumentScore Score(GoldDocument gold, IReadOnlyList<Citation> predicted, IReadOnlySet<string> ownIds)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);

        var entries = gold.Citations;
        var predictedKeys = predicted.Select(p => CitationKeys.Predicted(p, ownIds)).ToArray();

        // For each entry, the predictions that satisfy it: exact readings first, then alternatives.
        var candidates = new List<(int Prediction, bool ViaAlternative)>[entries.Count];
        for (var g = 0; g < entries.Count; g++)
        {
            var primary = CitationKeys.Gold(entries[g].Kind, entries[g].Target);
            var alternatives = entries[g].Alt.Select(a => CitationKeys.Gold(a.Kind, a.Target)).ToArray();
            var exact = new List<(int, bool)>();
            var viaAlt = new List<(int, bool)>();
            for (var p = 0; p < predicted.Count; p++)
            {
                if (CitationKeys.Satisfies(predictedKeys[p], primary))
                {
                    exact.Add((p, false));
                }
                else if (alternatives.Any(a => CitationKeys.Satisfies(predictedKeys[p], a)))
                {
                    viaAlt.Add((p, true));
                }
            }

            candidates[g] = [.. exact, .. viaAlt];
        }

        var entryOfPrediction = Enumerable.Repeat(-1, predicted.Count).ToArray();
        var altOfPrediction = new bool[predicted.Count];
        foreach (var phase in new[] { false, true })
        {
            for (var g = 0; g < entries.Count; g++)
            {
                if (entries[g].Optional == phase)
                {
                    TryAssign(g, new bool[predicted.Count], candidates, entryOfPrediction, altOfPrediction);
                }
            }
        }

        var truePositives = new List<MatchedPair>();
        var optionalMatches = new List<MatchedPair>();
        var falsePositives = new List<Citation>();
        var matchedEntries = new HashSet<int>();
        for (var p = 0; p < predicted.Count; p++)
        {
            var g = entryOfPrediction[p];
            if (g < 0)
            {
                falsePositives.Add(predicted[p]);
                continue;
            }

            matchedEntries.Add(g);
            var pair = new MatchedPair(entries[g], predicted[p], altOfPrediction[p]);
            (entries[g].Optional ? optionalMatches : truePositives).Add(pair);
        }

        var falseNegatives = entries.Where((e, g) => !e.Optional && !matchedEntries.Contains(g)).ToList();
        return new DocumentScore(gold, truePositives, falsePositives, falseNegatives, optionalMatches);
    }

    /// <summary>A document the extractor could not read: every required entry is missed.</summary>
    public static DocumentScore Failed(GoldDocument gold, string error) =>
        new(gold, [], [], gold.Required.ToList(), [], error);

    private static bool TryAssign(
        int entry,
        bool[] seen,
        List<(int Prediction, bool ViaAlternative)>[] candidates,
        int[] entryOfPrediction,
        bool[] altOfPrediction)
    {
        foreach (var (p, viaAlt) in candidates[entry])
        {
            if (seen[p])
            {
                continue;
            }

            seen[p] = true;
            if (entryOfPrediction[p] < 0 || TryAssign(entryOfPrediction[p], seen, candidates, entryOfPrediction, altOfPrediction))
            {
                entryOfPrediction[p] = entry;
                altOfPrediction[p] = viaAlt;
                return true;
            }
        }

        return false;
    }
}
