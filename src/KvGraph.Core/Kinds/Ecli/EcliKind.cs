using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Ecli;

/// <summary>Court decisions by ECLI (ECLI:NL:HR:2024:123), published at rechtspraak.nl.</summary>
public sealed class EcliKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Ecli;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new EcliRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Ecli];

    public override string? OfficialUrl(DocId id) => $"{OfficialSites.Rechtspraak}details?id={Uri.EscapeDataString(id.Value)}";
}
