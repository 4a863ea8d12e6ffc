using KvGraph.Core.Graph;

namespace KvGraph.Web.Data;

/// <summary>One list of a page, cut at the page's limit, with the true total.</summary>
public sealed record PageList<T>(int Total, IReadOnlyList<T> Items)
{
    /// <summary>The first <paramref name="limit"/> of <paramref name="all"/>, and how many there are.</summary>
    public static PageList<T> Of(IReadOnlyList<T> all, int limit)
    {
        ArgumentNullException.ThrowIfNull(all);
        return new PageList<T>(all.Count, [.. all.Take(limit)]);
    }
}

/// <summary>The person page (<see cref="Profiles.Person"/>): who it is, parties over time, questions, answers, motions.</summary>
public sealed record PersonPageView(
    string Id,
    string Name,
    IReadOnlyList<OfficeSpan> Offices,
    IReadOnlyList<PartySpan> Parties,
    PageList<DocumentEntry> Questions,
    PageList<DocumentEntry> Answers,
    PageList<MotionSummary> Motions,
    int MentionedIn,
    int CitedBy);

/// <summary>The party page (<see cref="Profiles.Party"/>): members, motions sponsored with their fate, votes.</summary>
public sealed record PartyPageView(
    string Id,
    string Name,
    PageList<PartyMember> Members,
    PageList<MotionSummary> Motions,
    int MotionsAdopted,
    int MotionsRejected,
    PageList<PartyVoteEntry> Votes,
    int VotedFor,
    int VotedAgainst,
    int VotedOther);

/// <summary>The dossier page (<see cref="Profiles.Dossier"/>): its stukken, motions and the documents citing into it.</summary>
public sealed record DossierPageView(
    string Id,
    string Number,
    string? OfficialUrl,
    PageList<DocumentEntry> Stukken,
    PageList<MotionSummary> Motions,
    PageList<DossierCiting> CitedBy);

/// <summary>One exportable list: its column keys and rows of cells (what <c>format=csv</c> writes).</summary>
public sealed record PageSheet(string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
