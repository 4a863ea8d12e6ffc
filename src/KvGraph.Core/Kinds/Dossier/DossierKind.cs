using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Dossier;

/// <summary>A dossier without a number ("dossier 21 501-20" → <c>dossier:21501-20</c>).</summary>
public sealed class DossierKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Dossier;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new DossierRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Dossier];

    public override string? OfficialUrl(DocId id) =>
        id.Dossier is { Length: > 0 } d ? $"{OfficialSites.Publications}dossier/{Uri.EscapeDataString(d)}" : null;

    public override string PlaceholderName(DocId id, string? sponsor) => id.Dossier ?? id.Value;
}
