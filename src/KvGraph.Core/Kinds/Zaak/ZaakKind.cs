using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Zaak;

/// <summary>
/// Zaak numbers (2021Z02286, also OCR-repaired ones), and the ids built on them: written questions
/// (<c>kv-tk-&lt;zaak&gt;</c>, published) and documents known only by their zaak (<c>zaak:&lt;zaak&gt;</c>, an open-data
/// motion record). A zaak's address is its page at the Tweede Kamer; questions have their publication.
/// </summary>
public sealed class ZaakKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Zaak;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new ZaakRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Zaak, IdScheme.ZaakDocument, IdScheme.Question];

    public override string? OfficialUrl(DocId id) => id.Scheme == IdScheme.Question ? Publication(id) : ZaakPage(id);
}
