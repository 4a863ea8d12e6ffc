using KvGraph.Core.Extraction;

namespace KvGraph.Core.Recognition;

/// <summary>
/// The ordered list of citation recognisers, as the kinds in <see cref="Kinds.CitationKinds.All"/> list them. Each is a bounded, source-generated regex plus a token factory behind a
/// literal pre-filter; each is linear in the text length. Order matters only for ties: the motion comes before the
/// Kamerstuk it contains (the extractor then drops the contained Kamerstuk with the same target), the answer before
/// the zaak or Aanhangsel it names.
/// </summary>
public static class CitationRecognizers
{
    /// <summary>All built-in citation recognisers, in priority order (earlier wins ties when spans overlap).</summary>
    public static IReadOnlyList<ICitationRecognizer> Default { get; } = [.. Kinds.CitationKinds.All.SelectMany(k => k.Recognizers)];

    /// <summary>The built-in recogniser with this <see cref="ICitationRecognizer.Name"/>, or null.</summary>
    public static ICitationRecognizer? ByName(string name) =>
        Default.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}
