using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Aanhangsel;

/// <summary>Aanhangsel van de Handelingen, where answers to written questions are published (<c>ah-tk-20202021-2302</c>).</summary>
public sealed class AanhangselKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Aanhangsel;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new AanhangselRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Aanhangsel];

    public override string? OfficialUrl(DocId id) => Publication(id);
}
