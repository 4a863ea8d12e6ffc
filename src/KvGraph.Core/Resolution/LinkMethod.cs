namespace KvGraph.Core.Resolution;

/// <summary>
/// How a CITES edge or a merge of two documents was made. Every CITES edge carries one as <c>method</c>, with a
/// <c>confidence</c> (0..1) and, where evidence was weighed, an <c>evidence</c> text; every merge likewise.
/// </summary>
public static class LinkMethod
{
    /// <summary>The text names the target's id (a Kamerstuk number, a zaak, an ECLI).</summary>
    public const string ExplicitId = "explicit-id";

    /// <summary>The id was read from OCR-damaged text and repaired (2019219189 → 2019Z19189).</summary>
    public const string OcrRepair = "ocr-repair";

    /// <summary>The mention carries a footnote marker and the footnote gives the id.</summary>
    public const string Footnote = "footnote";

    /// <summary>The cited id is another name of a document in the corpus (its zaak, its kv-tk id, its kenmerk).</summary>
    public const string Alias = "alias";

    /// <summary>An unnumbered motion linked on its sponsors, the subject words around the mention and the dates.</summary>
    public const string SponsorSubjectDate = "sponsor+subject+date";

    /// <summary>A letter without number, identified by its date and sender (and kenmerk or subject where given).</summary>
    public const string DateSender = "date+sender";

    /// <summary>Not linked to anything known: a mention that stays on its own, with its candidates where there are any.</summary>
    public const string Unresolved = "unresolved";

    /// <summary>Two records of one document merged on date, sponsors and subject (a motion's text and its open-data record).</summary>
    public const string DateSponsorsSubject = "date+sponsors+subject";

    /// <summary>Links below this confidence are shown as uncertain (marked in the explorer, flagged in show).</summary>
    public const double LowConfidence = 0.8;
}

/// <summary>Two ids found to be one document, and why.</summary>
/// <param name="From">The id merged away (it stays an alias).</param>
/// <param name="Into">The canonical id.</param>
/// <param name="Method">See <see cref="LinkMethod"/>.</param>
/// <param name="Confidence">0..1.</param>
/// <param name="Evidence">What agreed, in words.</param>
public sealed record DocumentMerge(string From, string Into, string Method, double Confidence, string Evidence);

/// <summary>A scored candidate for an unnumbered motion mention.</summary>
public sealed record MotionCandidateScore(string Id, double Score, string Evidence)
{
    /// <summary>The subject share alone (0..1), which must reach <see cref="MotionIdentity.MinSubject"/> for a link.</summary>
    public double Subject { get; init; }
}

/// <summary>The outcome of resolving an unnumbered motion: the motion (or null) and the candidates weighed, best first.</summary>
public sealed record MotionMatch(string? Id, double Score, string Evidence, IReadOnlyList<MotionCandidateScore> Candidates);

/// <summary>A letter mention as the resolver needs it: its key (date and sender), kenmerk, subject and the citing document.</summary>
public sealed record LetterMention(string Key, string? Kenmerk, string? Subject, string Citing);

/// <summary>The node a letter mention belongs to, and how sure that is.</summary>
public sealed record LetterMatch(string Id, string Method, double Confidence, string Evidence);
