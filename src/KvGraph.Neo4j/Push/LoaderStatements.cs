using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// The push's statements. All data travels in <c>$rows</c>/<c>$ids</c>/<c>$file</c>; labels and types come from
/// <see cref="GraphVocabulary"/>, one statement per label or type, because Cypher cannot take them as parameters.
/// Every statement runs unchanged on Neo4j 3.1 and passes current Neo4j's linter (tests check both).
/// </summary>
/// <remarks>
/// Provenance: a node records the files that assert it in <c>files</c>; a relationship records its file in
/// <c>file</c> and a <c>key</c> unique within that file. Re-pushing a file deletes its relationships, takes
/// the file off its old nodes, asserts the new facts, and demotes nodes no file asserts any more to bare
/// placeholders; a final sweep deletes placeholders nothing points to.
/// </remarks>
public static class LoaderStatements
{
    /// <summary>
    /// Merges asserted nodes of one kind, one row per node with all the files of the batch that assert it (see
    /// <see cref="RowFold"/>). Rows: <c>{id, create, props, files, again}</c>: <c>create</c> is set only on a new node
    /// (a placeholder's properties named before the assertion), <c>files</c> are appended as they are (the push has
    /// taken them off everything), <c>again</c> only where the node does not list them yet.
    /// </summary>
    public static string MergeNodes(string label)
    {
        var labels = GraphVocabulary.LabelsFor(GraphVocabulary.Checked(label));
        if (label == Core.Graph.NodeLabel.Placeholder)
        {
            return MergePlaceholders;
        }

        var others = GraphVocabulary.AllLabels.Where(l => !labels.Contains(l)).ToList();
        return $$"""
            UNWIND $rows AS row
            MERGE (n:{{GraphVocabulary.IdentityLabel}} {id: row.id})
            ON CREATE SET n += row.create
            SET n:{{string.Join(":", labels)}}
            REMOVE n:{{string.Join(":", others)}}
            SET n += row.props
            SET n.files = coalesce(n.files, []) + row.files + [f IN row.again WHERE NOT f IN coalesce(n.files, [])]
            """;
    }

    /// <summary>Nodes a file names as placeholders: created if new, never downgrading a real node. Rows: <c>{id, props}</c>.</summary>
    public const string MergePlaceholders = """
        UNWIND $rows AS row
        MERGE (n:Node {id: row.id})
        ON CREATE SET n:Placeholder, n += row.props
        """;

    /// <summary>
    /// Finds both endpoints of a relationship row by id. They are MERGEd, not MATCHed: a MERGE on the unique <c>id</c> is
    /// always planned as a locking unique-index seek per row, whatever the statistics say. A MATCH is not: the server
    /// replans a cached statement when its statistics drift, and Neo4j 3.1 planned <c>MATCH (a:Node {id: row.s}) WITH row, a
    /// MATCH (b:Node {id: row.t})</c>, right after a reset or into a new database (the id index's sample still said
    /// "empty"), as two full index scans joined on <c>id</c> (<c>ValueHashJoin</c>, found with EXPLAIN and a thread dump
    /// during the push): one batch of 2,000 rows took 32–102 s instead of 0.3 s, and <c>USING INDEX</c> only turned the
    /// scans into index scans. The push merges every endpoint in its node phase first, so these MERGEs find the nodes; a
    /// node missing anyway becomes a bare placeholder, as the node phase would have made it.
    /// </summary>
    internal const string Endpoints = """
        MERGE (a:Node {id: row.s})
        ON CREATE SET a:Placeholder
        MERGE (b:Node {id: row.t})
        ON CREATE SET b:Placeholder
        """;

    /// <summary>
    /// Merges evidence relationships of one type between two nodes (see <see cref="Endpoints"/>). Rows:
    /// <c>{s, t, key, file, props}</c>.
    /// </summary>
    public static string MergeEdges(string type) => $$"""
        UNWIND $rows AS row
        {{Endpoints}}
        MERGE (a)-[r:{{GraphVocabulary.Checked(type)}} {key: row.key}]->(b)
        SET r += row.props
        SET r.file = row.file
        """;

    /// <summary>
    /// Structural relationships (no evidence span: ASKED_BY, MEMBER_OF, IN_DOSSIER…) are one relationship per
    /// (source, type, target) shared by every file that asserts it, as in the embedded graph; <c>files</c> lists them.
    /// Both endpoints exist (see <see cref="MergeEdges"/>).
    /// Their key is the constant 'shared', so MERGE never mistakes an evidence relationship of the same type for one.
    /// Rows: <c>{s, t, props, files, again}</c>, one per relationship with all the batch's files that assert it
    /// (<see cref="RowFold"/>; <c>files</c> and <c>again</c> as in <see cref="MergeNodes"/>).
    /// </summary>
    public static string MergeSharedEdges(string type) => $$"""
        UNWIND $rows AS row
        {{Endpoints}}
        MERGE (a)-[r:{{GraphVocabulary.Checked(type)}} {key: 'shared'}]->(b)
        {{(type == Core.Graph.EdgeType.MemberOf ? MemberOfSpan : "SET r += row.props")}}
        SET r.files = coalesce(r.files, []) + row.files + [f IN row.again WHERE NOT f IN coalesce(r.files, [])]
        """;

    // MEMBER_OF: the files' evidence dates, folded to the row's from/to, widen the span (min and max commute, so the push
    // order does not matter), as Core's PartyMembership folds it in the embedded graph.
    private const string MemberOfSpan = """
        SET r.from = CASE WHEN row.props.from IS NULL THEN r.from WHEN r.from IS NULL OR row.props.from < r.from THEN row.props.from ELSE r.from END,
            r.to = CASE WHEN row.props.to IS NULL THEN r.to WHEN r.to IS NULL OR row.props.to > r.to THEN row.props.to ELSE r.to END
        """;

    /// <summary>
    /// Removes files' relationships, found from their source nodes: their evidence relationships go, shared ones
    /// lose the files and go when no file is left. Rows: <c>{id, files}</c>, one per source node with every file of
    /// the batch whose relationships may leave it (a node many files cite from is visited once).
    /// </summary>
    public const string DeleteFileEdges = """
        UNWIND $rows AS row
        MATCH (n:Node {id: row.id})-[r]->() USING INDEX n:Node(id)
        WHERE r.file IN row.files OR any(f IN coalesce(r.files, []) WHERE f IN row.files)
        WITH r, [f IN coalesce(r.files, []) WHERE NOT f IN row.files] AS rest
        SET r.files = CASE WHEN size(rest) = 0 THEN null ELSE rest END
        WITH r, rest
        WHERE size(rest) = 0
        DELETE r
        """;

    /// <summary>Takes files off the nodes they asserted. Rows: <c>{id, files}</c>, one per node with all the batch's files to take off it.</summary>
    public const string UnassertNodes = """
        UNWIND $rows AS row
        MATCH (n:Node {id: row.id}) USING INDEX n:Node(id)
        WITH n, [f IN coalesce(n.files, []) WHERE NOT f IN row.files] AS rest
        SET n.files = CASE WHEN size(rest) = 0 THEN null ELSE rest END
        """;

    /// <summary>Nodes no file asserts any more lose kind and properties and become placeholders. Parameter: <c>$ids</c>.</summary>
    public static string DemoteOrphans => $$"""
        UNWIND $ids AS id
        MATCH (n:Node {id: id}) USING INDEX n:Node(id)
        WHERE size(coalesce(n.files, [])) = 0 AND NOT n:Placeholder
        REMOVE n:{{string.Join(":", GraphVocabulary.AllLabels.Where(l => l != Core.Graph.NodeLabel.Placeholder))}}
        SET n = {id: n.id}
        SET n:Placeholder
        """;

    /// <summary>Deletes placeholders that nothing asserts and nothing points to any more.</summary>
    public const string SweepPlaceholders = """
        MATCH (n:Placeholder)
        WHERE size(coalesce(n.files, [])) = 0
        OPTIONAL MATCH (n)-[r]-()
        WITH n, count(r) AS degree
        WHERE degree = 0
        DELETE n
        """;

    /// <summary>KvGraph's nodes, from the server's count store (one label, nothing else in the pattern: no scan).</summary>
    public const string CountNodes = "MATCH (n:Node) RETURN count(n) AS nodes";

    /// <summary>Relationships leaving KvGraph's nodes (all of KvGraph's), from the count store as well.</summary>
    public const string CountRelationships = "MATCH (:Node)-[r]->() RETURN count(r) AS relationships";

    /// <summary>
    /// Deletes a slice of the relationships of KvGraph's nodes (for <c>push --reset</c> and tests), run until it deletes
    /// none. Parameter: <c>$limit</c>. Relationships go first, so no transaction holds more than <c>$limit</c> of them:
    /// a node slice with DETACH DELETE took every relationship of its hubs at once and ran a 1 GB server out of heap on a
    /// 20,000-document graph.
    /// </summary>
    public const string DeleteRelationshipsSlice = """
        MATCH (:Node)-[r]->()
        WITH r LIMIT $limit
        DELETE r
        RETURN count(*) AS deleted
        """;

    /// <summary>Deletes a slice of KvGraph's nodes, once their relationships are gone (<see cref="DeleteRelationshipsSlice"/>). Parameter: <c>$limit</c>.</summary>
    public const string DeleteAllSlice = """
        MATCH (n:Node)
        WITH n LIMIT $limit
        DETACH DELETE n
        RETURN count(*) AS deleted
        """;

    private const string UnwindRows = "UNWIND $rows AS row\n";

    /// <summary>
    /// An <c>UNWIND $rows AS row …</c> statement whose rows the server commits <paramref name="rows"/> at a time
    /// (<c>CALL { WITH row … } IN TRANSACTIONS OF n ROWS</c>, Neo4j 4.4 and later, in an implicit transaction only).
    /// A failure can leave earlier inner transactions committed, so a retry runs their rows again: the statement must be
    /// idempotent (the push sends no file as "known absent" on this path).
    /// </summary>
    public static string InTransactions(string statement, int rows)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        if (!statement.StartsWith(UnwindRows, StringComparison.Ordinal))
        {
            throw new ArgumentException("Only an UNWIND $rows AS row statement can be committed in row batches.", nameof(statement));
        }

        var body = string.Join("\n", statement[UnwindRows.Length..].Split('\n').Select(l => "  " + l));
        return $"{UnwindRows}CALL {{\n  WITH row\n{body}\n}} IN TRANSACTIONS OF {rows.ToString(System.Globalization.CultureInfo.InvariantCulture)} ROWS";
    }

    /// <summary>Every loader statement text with example parameters, for the lint test.</summary>
    public static IEnumerable<(string Name, string Text, IReadOnlyDictionary<string, object?> Parameters)> All()
    {
        var rows = new Dictionary<string, object?> { ["rows"] = new List<object?>() };
        foreach (var label in GraphVocabulary.AllLabels)
        {
            yield return ($"MergeNodes({label})", MergeNodes(label), rows);
        }

        foreach (var type in GraphVocabulary.EdgeTypes)
        {
            yield return ($"MergeEdges({type})", MergeEdges(type), rows);
            yield return ($"MergeSharedEdges({type})", MergeSharedEdges(type), rows);
        }

        foreach (var label in GraphVocabulary.AllLabels)
        {
            yield return ($"InTransactions(MergeNodes({label}))", InTransactions(MergeNodes(label), 2000), rows);
        }

        foreach (var type in GraphVocabulary.EdgeTypes)
        {
            yield return ($"InTransactions(MergeEdges({type}))", InTransactions(MergeEdges(type), 2000), rows);
            yield return ($"InTransactions(MergeSharedEdges({type}))", InTransactions(MergeSharedEdges(type), 2000), rows);
        }

        yield return (nameof(DeleteFileEdges), DeleteFileEdges, rows);
        yield return (nameof(UnassertNodes), UnassertNodes, rows);
        yield return (nameof(DemoteOrphans), DemoteOrphans, new Dictionary<string, object?> { ["ids"] = new List<object?>() });
        yield return (nameof(SweepPlaceholders), SweepPlaceholders, new Dictionary<string, object?>());
        yield return (nameof(CountNodes), CountNodes, new Dictionary<string, object?>());
        yield return (nameof(CountRelationships), CountRelationships, new Dictionary<string, object?>());
        yield return (nameof(DeleteRelationshipsSlice), DeleteRelationshipsSlice, new Dictionary<string, object?> { ["limit"] = 10000L });
        yield return (nameof(DeleteAllSlice), DeleteAllSlice, new Dictionary<string, object?> { ["limit"] = 10000L });
    }
}
