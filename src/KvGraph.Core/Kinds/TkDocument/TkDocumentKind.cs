using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.TkDocument;

/// <summary>Tweede Kamer document numbers (2024D12345). The public address needs the zaak as well, so there is none from the number alone.</summary>
public sealed class TkDocumentKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.TkDocument;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new TkDocumentRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.TkDocument];

    public override string? OfficialUrl(DocId id) => null;
}
