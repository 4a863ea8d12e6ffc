using KvGraph.Core.Graph;

namespace KvGraph.Neo4j.Schema;

/// <summary>
/// The fixed whitelist of labels and relationship types KvGraph writes. Labels and types cannot be Cypher
/// parameters, so they are the only words that enter statement text, and only from this list — never from data.
/// </summary>
public static class GraphVocabulary
{
    /// <summary>
    /// The identity label every KvGraph node carries. Ids are unique over all nodes (GraphModel), so one unique
    /// constraint on <c>:Node(id)</c> lets every MERGE find a node whatever its kind, and lets a placeholder turn
    /// into the real document in place when that document is pushed later.
    /// </summary>
    public const string IdentityLabel = "Node";

    /// <summary>
    /// The label of a source file's provenance node (<c>path</c> unique), NOT a <see cref="IdentityLabel"/> node: KvGraph's
    /// counts, queries and comparisons never see it. It has one <see cref="AssertsType"/> relationship per node the file
    /// asserts and one <see cref="SharesType"/> relationship per shared relationship it asserts.
    /// </summary>
    public const string FileLabel = "KvFile";

    /// <summary>
    /// The relationship from a <see cref="FileLabel"/> node to the source node of each shared relationship (key 'shared')
    /// its file asserts, with that relationship's key (<see cref="Push.LoaderStatements.SharedKey"/>) in <c>k</c>. Not a fact type.
    /// </summary>
    public const string SharesType = "SHARES";

    /// <summary>The relationship from a <see cref="FileLabel"/> node to each node its file asserts (not a fact type: never in <see cref="EdgeTypes"/>).</summary>
    public const string AssertsType = "ASSERTS";

    /// <summary>Kinds of document; a document node carries <see cref="NodeLabel.Document"/> and one of these.</summary>
    public static readonly IReadOnlyList<string> DocumentKinds =
    [
        NodeLabel.Question, NodeLabel.Answer, NodeLabel.Letter, NodeLabel.Motion, NodeLabel.Kamerstuk,
        NodeLabel.Handelingen, NodeLabel.Deferral,
    ];

    /// <summary>Labels of the other node kinds.</summary>
    public static readonly IReadOnlyList<string> EntityLabels =
    [
        NodeLabel.Dossier, NodeLabel.Person, NodeLabel.Party, NodeLabel.Office, NodeLabel.Country,
        NodeLabel.Organisation, NodeLabel.Topic, NodeLabel.Zaak,
    ];

    /// <summary>Every label a node can carry besides <see cref="IdentityLabel"/>.</summary>
    public static readonly IReadOnlyList<string> AllLabels =
        [NodeLabel.Document, .. DocumentKinds, .. EntityLabels, NodeLabel.Placeholder];

    /// <summary>Labels that get their own id constraint (kinds under Document share Document's).</summary>
    public static readonly IReadOnlyList<string> ConstrainedLabels =
        [IdentityLabel, NodeLabel.Document, .. EntityLabels, NodeLabel.Placeholder];

    /// <summary>Every relationship type.</summary>
    public static readonly IReadOnlyList<string> EdgeTypes =
    [
        EdgeType.Cites, EdgeType.AskedBy, EdgeType.AnsweredBy, EdgeType.Answers, EdgeType.InDossier,
        EdgeType.SubmittedBy, EdgeType.MemberOf, EdgeType.Mentions, EdgeType.About, EdgeType.RefersTo,
        EdgeType.Voted, EdgeType.RecordsVote,
    ];

    /// <summary>True for a label on the whitelist.</summary>
    public static bool IsKnownLabel(string label) => label == IdentityLabel || AllLabels.Contains(label, StringComparer.Ordinal);

    /// <summary>True for a relationship type on the whitelist.</summary>
    public static bool IsKnownEdgeType(string type) => EdgeTypes.Contains(type, StringComparer.Ordinal);

    /// <summary>The labels a node of <paramref name="label"/> gets: documents also carry Document.</summary>
    public static IReadOnlyList<string> LabelsFor(string label) =>
        DocumentKinds.Contains(label, StringComparer.Ordinal) ? [NodeLabel.Document, label] : [label];

    /// <summary>Throws when <paramref name="label"/> is not on the whitelist (a guard for statement building).</summary>
    internal static string Checked(string label) =>
        IsKnownLabel(label) || IsKnownEdgeType(label)
            ? label
            : throw new ArgumentException($"'{label}' is not a KvGraph label or relationship type; statement text is built only from the whitelist.", nameof(label));
}
