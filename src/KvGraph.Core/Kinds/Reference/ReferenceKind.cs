using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Reference;

/// <summary>Ministry references and kenmerken that are not zaak numbers (BZDOC-693942081-24). They are internal to a ministry: no public address.</summary>
public sealed class ReferenceKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Reference;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new ReferenceRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Reference, IdScheme.File];

    public override string? OfficialUrl(DocId id) => null;
}
