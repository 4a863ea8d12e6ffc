using KvGraph.Core.Extraction;
using KvGraph.Core.Identity;
using KvGraph.Core.Model;
using KvGraph.Core.Recognition;

namespace KvGraph.Core.Kinds.Letter;

/// <summary>
/// Letters to parliament without a Kamerstuk number ("Kamerbrief over Xinjiang van 27 augustus 2018"). A letter is
/// identified by its date AND its sender, and when given its kenmerk and subject (see
/// <c>Resolution.LetterIdentity</c>); a letter cited with its Kamerstuk number is that Kamerstuk.
/// Letters have no public address of their own without a number.
/// </summary>
public sealed class LetterKind : CitationKindModule
{
    public override CitationKind Kind => CitationKind.Letter;

    public override IReadOnlyList<ICitationRecognizer> Recognizers { get; } = [new LetterRecognizer()];

    public override IReadOnlyList<IdScheme> OwnedSchemes { get; } = [IdScheme.Letter];

    public override string? OfficialUrl(DocId id) => null;

    public override string PlaceholderName(DocId id, string? sponsor) => $"brief {id.Value["letter:".Length..]}";
}
