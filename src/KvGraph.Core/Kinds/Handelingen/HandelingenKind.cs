using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Handelingen;

/// <summary>Handelingen, the record of a plenary sitting (<c>h-tk-20232024-45-12</c>).</summary>
public sealed class HandelingenKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Handelingen;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new HandelingenRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Handelingen];

    public override string? OfficialUrl(DocId id) => Publication(id);
}
