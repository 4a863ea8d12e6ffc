using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Motion;

/// <summary>
/// Motions: "motie Van den Nieuwenhuijzen c.s. (21 501-20, nr. 1591)" (target a Kamerstuk) or "de motie-Simons c.s."
/// (unnumbered; resolved by scored evidence or left as a mention <c>motion:&lt;sponsor&gt;@&lt;citing document&gt;</c>).
/// A motion read out in the Handelingen ("Zij krijgt nr. 253 (29538)") is that Kamerstuk. A motion covers the Kamerstuk it contains.
/// </summary>
public sealed class MotionKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Motion;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new MotionRecognizer(), new ReadOutMotionRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Motion];

    public override IReadOnlyList<IdScheme> TargetSchemes { get; } = [IdScheme.Kamerstuk, IdScheme.Motion];

    /// <summary>An unresolved motion mention has no public address; its candidates are listed instead.</summary>
    public override string? OfficialUrl(DocId id) => null;

    public override string PlaceholderName(DocId id, string? sponsor) => sponsor is { Length: > 0 } s ? $"motie {s}" : id.Value;

    /// <summary>A motion covers whatever it contains with the same target: its own Kamerstuk number, its dossier's reading.</summary>
    public override bool Covers(Citation mine, Citation other)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(other);
        return Contains(mine, other) && string.Equals(mine.Target, other.Target, StringComparison.Ordinal);
    }
}
