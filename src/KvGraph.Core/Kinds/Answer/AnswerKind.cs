using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Answer;

/// <summary>
/// Answers: an earlier answer elsewhere ("mijn antwoorden op Kamervragen over … (kenmerk 2019Z10940)") or another
/// answer in the same document ("Zie antwoord vraag 2", <c>#a2</c>). Owns <c>answer:&lt;zaak&gt;</c>, the id of an
/// answer known only by the zaak of its questions, whose address is the zaak's page.
/// </summary>
public sealed class AnswerKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Answer;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new AnswerRecognizer(), new IntraAnswerRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Answer];

    public override IReadOnlyList<IdScheme> TargetSchemes { get; } = [IdScheme.Aanhangsel, IdScheme.Zaak, IdScheme.Answer, IdScheme.Reference];

    public override string? OfficialUrl(DocId id) => ZaakPage(id);
}
