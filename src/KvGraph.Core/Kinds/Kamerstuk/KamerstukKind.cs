using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Kamerstuk;

/// <summary>Kamerstukken with dossier and number ("Kamerstuk 29 826, nr. 214" → <c>kst-29826-214</c>), Eerste Kamer lettered stukken included.</summary>
public sealed class KamerstukKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Kamerstuk;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new KamerstukRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Kamerstuk];

    public override string? OfficialUrl(DocId id) => Publication(id);
}
