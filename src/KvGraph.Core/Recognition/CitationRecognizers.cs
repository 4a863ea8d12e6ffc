using KvGraph.Core.Extraction;

namespace KvGraph.Core.Recognition;

/// <summary>The ordered list of citation recognisers.</summary>
public static class CitationRecognizers
{
    /// <summary>All built-in citation recognisers, in priority order (earlier wins ties when spans overlap).</summary>
    public static IReadOnlyList<ICitationRecognizer> Default { get; } = [];
}
