using KvGraph.Core.Graph;
using KvGraph.Core.Model;

namespace KvGraph.Web.Data;

/// <summary>A node as the pages show it: what it is, its date, whether the corpus holds it, and where the official text is.</summary>
public sealed record NodeView(
    string Id,
    string Label,
    string? Name,
    string? Date,
    bool InCorpus,
    string? OfficialUrl,
    IReadOnlyDictionary<string, object?> Properties);

/// <summary>One search hit: kind, dates, who asked and who answered.</summary>
/// <param name="Snippet">Plain text, never markup: the passage that matched, the title, or "not in corpus — cited by N".</param>
public sealed record SearchHitView(
    string Id,
    string Kind,
    string? Title,
    string? Date,
    string? Submitted,
    string? Answered,
    IReadOnlyList<Asker> Askers,
    IReadOnlyList<Answerer> Answerers,
    string? Snippet)
{
    /// <summary>The matched words in <see cref="Snippet"/>: [start, end) character offsets.</summary>
    public IReadOnlyList<int[]> Highlights { get; init; } = [];

    /// <summary>False for a cited document not in the corpus and for nodes that are not documents (a person, a dossier).</summary>
    public bool InCorpus { get; init; } = true;

    /// <summary>How many documents cite it.</summary>
    public int CitedBy { get; init; }
}

/// <summary>One page of search results; <paramref name="Total"/> counts every match over all pages.</summary>
/// <param name="Notes">How the query was read where it was not taken as typed (a lone OR ignored, an open quote closed).</param>
public sealed record SearchPageView(string Query, int Page, int PageSize, int Total, bool HasMore, IReadOnlyList<SearchHitView> Hits, IReadOnlyList<string> Notes);

/// <summary>A citation with its evidence and where it leads.</summary>
/// <param name="Href">The explorer page of the target (document or placeholder), or an in-page anchor for <c>#a2</c>.</param>
/// <param name="OfficialUrl">The official source address when the target is not in the corpus and has one.</param>
public sealed record CitationView(
    string Kind,
    string? Target,
    string? Sponsor,
    string Quote,
    int Start,
    int End,
    string? Item,
    double Confidence,
    bool InCorpus,
    string? Href,
    string? OfficialUrl)
{
    /// <summary>The node the citation was resolved to in the graph (an alias's document, a matched motion, a letter's node).</summary>
    public string? Resolved { get; init; }

    /// <summary>How the link was made (explicit-id, alias, footnote, sponsor+subject+date, date+sender, unresolved).</summary>
    public string? Method { get; init; }

    /// <summary>The link's confidence (0..1).</summary>
    public double? LinkConfidence { get; init; }

    /// <summary>What was weighed, shown on hover.</summary>
    public string? Evidence { get; init; }

    /// <summary>For an unresolved mention, its best candidates.</summary>
    public string? Candidates { get; init; }

    /// <summary>True when the link is uncertain: the page marks it.</summary>
    public bool LowConfidence { get; init; }
}

/// <summary>A run of text, highlighted when it is the quote of a citation.</summary>
public sealed record SegmentView(string Text, CitationView? Citation);

/// <summary>A block of the document: the header, a question, an answer, or text between them.</summary>
public sealed record BlockView(string Id, string Kind, IReadOnlyList<int> Numbers, IReadOnlyList<SegmentView> Segments);

/// <summary>The document's facts as extracted.</summary>
public sealed record DocumentDetailsView(
    string Kind,
    string Id,
    string? Title,
    string? Zaak,
    string? Submitted,
    string? Answered,
    string? Date,
    IReadOnlyList<Asker> Askers,
    IReadOnlyList<Answerer> Answerers,
    string? PairedId,
    IReadOnlyList<string> OwnIds,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Sponsors,
    string? SourceUrl,
    string Format,
    string File,
    IReadOnlyDictionary<string, string> Metadata);

/// <summary>A document that cites the one shown, with the quote that is the evidence (its first mention) and every mention.</summary>
public sealed record CitingView(NodeView Source, string? Kind, string? Quote, string? Item)
{
    /// <summary>Every mention of the shown document in this citing document, in text order.</summary>
    public IReadOnlyList<MentionView> Mentions { get; init; } = [];
}

/// <summary>One mention: the quote, where it stands and how the link was made.</summary>
public sealed record MentionView(string? Kind, string? Quote, string? Item, string Method, double Confidence, string? Evidence, bool LowConfidence);

/// <summary>The document page: metadata, the text in blocks with citations inline, what it cites and who cites it.</summary>
public sealed record DocumentView(
    NodeView Node,
    DocumentDetailsView? Document,
    IReadOnlyList<BlockView> Blocks,
    IReadOnlyList<CitationView> Citations,
    IReadOnlyList<CitingView> CitedBy,
    bool CitedByTruncated);

/// <summary>A node of the graph view.</summary>
public sealed record GraphNodeView(string Id, string Label, string? Name, string? Date, bool InCorpus);

/// <summary>An edge of the graph view; <see cref="Quote"/> is the evidence of a CITES edge.</summary>
public sealed record GraphEdgeView(string Id, string Source, string Target, string Type, string? Kind, string? Quote, string? Item);

/// <summary>A node's neighbourhood: the node, its neighbours and the edges between them.</summary>
public sealed record NeighbourhoodView(string Center, IReadOnlyList<GraphNodeView> Nodes, IReadOnlyList<GraphEdgeView> Edges, bool Truncated);

/// <summary>One node of a citation chain.</summary>
public sealed record TraceView(NodeView Node, string? Kind, string? Quote, bool Cycle, IReadOnlyList<TraceView> Children);

/// <summary>A related document with its score and the reasons.</summary>
public sealed record RelatedView(NodeView Node, double Score, IReadOnlyList<RelatedReasonView> Reasons);

/// <summary>Why two documents are related, and how much that weighs.</summary>
public sealed record RelatedReasonView(string Kind, string Detail, double Score);

/// <summary>A motion's sponsor and their party on the motion's date (when known).</summary>
public sealed record SponsorView(string Name, string? Party, string? PersonId);

/// <summary>
/// One step on a motion's timeline (submitted, vote, cited), from <see cref="Motions.Timeline"/>, with where the page links it.
/// </summary>
/// <param name="AfterVote">A citation that came after the vote: the page marks it.</param>
/// <param name="InCorpus">The step's document is held in the corpus (else <paramref name="OfficialUrl"/> says where it is).</param>
public sealed record MotionEventView(
    string? Date,
    string Kind,
    string DocumentId,
    string? DocumentKind,
    string? Title,
    string? Quote,
    string? Detail,
    bool AfterVote,
    bool InCorpus,
    string? OfficialUrl);

/// <summary>
/// The motion page: the motion, its fate over all its sources (<see cref="Motions.Fate"/>; null when no source records
/// a vote or decision), its sponsors with their party at the time, and its timeline. <see cref="CitedBy"/> counts
/// citing documents (one answer citing it from two items is one), not mentions.
/// </summary>
public sealed record MotionView(
    NodeView Motion,
    string? Title,
    MotionFateView? Fate,
    IReadOnlyList<SponsorView> Sponsors,
    IReadOnlyList<MotionEventView> Timeline,
    int CitedBy,
    int CitedAfterVote,
    bool Truncated);

/// <summary>One page of the motions list (<see cref="Motions.List"/>), with the true total over every page.</summary>
public sealed record MotionListView(int Total, int Page, int PageSize, IReadOnlyList<MotionSummary> Items);

/// <summary>How many motions carry one cabinet advice (the list page's advice choices).</summary>
public sealed record AdviceCountView(string Advice, int Motions);

/// <summary>The motion counts (<see cref="Motions.Stats"/>) and the cabinet advice values that occur.</summary>
public sealed record MotionStatsView(MotionStats Stats, IReadOnlyList<AdviceCountView> CabinetAdvice);
