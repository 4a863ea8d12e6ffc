using System.Text.Json.Nodes;

namespace KvGraph.Core.Graph;

/// <summary>Node labels. Document nodes carry <see cref="Document"/> plus their kind.</summary>
public static class NodeLabel
{
    public const string Document = "Document";
    public const string Question = "Question";
    public const string Answer = "Answer";
    public const string Letter = "Letter";
    public const string Motion = "Motion";
    public const string Kamerstuk = "Kamerstuk";
    public const string Handelingen = "Handelingen";
    public const string Deferral = "Deferral";
    /// <summary>Cited, not in the corpus yet; becomes the real document when it is ingested.</summary>
    public const string Placeholder = "Placeholder";
    public const string Dossier = "Dossier";
    public const string Person = "Person";
    public const string Party = "Party";
    public const string Office = "Office";
    public const string Country = "Country";
    public const string Organisation = "Organisation";
    public const string Topic = "Topic";
    /// <summary>A zaak number that is cited but whose document is not known by any other id.</summary>
    public const string Zaak = "Zaak";
}

/// <summary>Edge types, as named in Neo4j.</summary>
public static class EdgeType
{
    public const string AskedBy = "ASKED_BY";
    public const string AnsweredBy = "ANSWERED_BY";
    public const string Answers = "ANSWERS";
    /// <summary>Properties: kind, quote, start, end, item, confidence.</summary>
    public const string Cites = "CITES";
    public const string InDossier = "IN_DOSSIER";
    public const string SubmittedBy = "SUBMITTED_BY";
    public const string MemberOf = "MEMBER_OF";
    public const string Mentions = "MENTIONS";
    public const string About = "ABOUT";
    /// <summary>Within a document: an answer that refers to another answer ("Zie antwoord vraag 2").</summary>
    public const string RefersTo = "REFERS_TO";

    /// <summary>
    /// Party→motion: how a party voted. Properties: vote (voor, tegen, niet deelgenomen), seats, mistake, source (the
    /// document that says so: the open-data record or the Handelingen), date; from the Handelingen also quote, start, end.
    /// </summary>
    public const string Voted = "VOTED";

    /// <summary>
    /// Document→motion: the document records a vote on the motion (the Handelingen' stemmingen). Properties: outcome,
    /// decision, voteKind, votesFor, votesAgainst, unanimous, othersVoted, date, quote, start, end.
    /// </summary>
    public const string RecordsVote = "RECORDS_VOTE";
}

/// <summary>A node of the citation graph.</summary>
/// <param name="Id">Canonical id, unique over all nodes.</param>
/// <param name="Label">One of <see cref="NodeLabel"/>.</param>
/// <param name="Name">Display name or title.</param>
/// <param name="Properties">Scalar properties (date, zaak, party, …); values are strings, numbers or booleans.</param>
public sealed record GraphNode(string Id, string Label, string? Name, IReadOnlyDictionary<string, object?> Properties)
{
    public string Id { get; } = string.IsNullOrWhiteSpace(Id) ? throw new ArgumentException("A node needs an id.", nameof(Id)) : Id;

    public string Label { get; } = string.IsNullOrWhiteSpace(Label) ? throw new ArgumentException("A node needs a label.", nameof(Label)) : Label;
}

/// <summary>An edge of the citation graph.</summary>
/// <param name="Source">Source node id.</param>
/// <param name="Target">Target node id.</param>
/// <param name="Type">One of <see cref="EdgeType"/>.</param>
/// <param name="Properties">Scalar properties; for CITES: kind, quote, start, end, item, confidence.</param>
public sealed record GraphEdge(string Source, string Target, string Type, IReadOnlyDictionary<string, object?> Properties)
{
    public string Source { get; } = string.IsNullOrWhiteSpace(Source) ? throw new ArgumentException("An edge needs a source.", nameof(Source)) : Source;

    public string Target { get; } = string.IsNullOrWhiteSpace(Target) ? throw new ArgumentException("An edge needs a target.", nameof(Target)) : Target;

    public string Type { get; } = string.IsNullOrWhiteSpace(Type) ? throw new ArgumentException("An edge needs a type.", nameof(Type)) : Type;
}

/// <summary>
/// Everything one source file contributes to the graph: its own document nodes, the nodes it names
/// (people, parties, countries…) and its edges. A changed file replaces exactly its own facts.
/// Target documents that no file provides are placeholders, derived, never stored as documents.
/// </summary>
/// <param name="File">The source file.</param>
/// <param name="DocumentIds">Ids of the documents this file is (an openkamer page is both question and answer).</param>
/// <param name="Nodes">Nodes this file asserts.</param>
/// <param name="Edges">Edges this file asserts.</param>
public sealed record DocumentFacts(string File, IReadOnlyList<string> DocumentIds, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
