using KvGraph.Neo4j.Schema;

namespace KvGraph.Neo4j.Push;

/// <summary>
/// The push's statements. All data travels in <c>$rows</c>/<c>$ids</c>/<c>$file</c>; labels and types come from
/// <see cref="GraphVocabulary"/>, one statement per label or type, because Cypher cannot take them as parameters.
/// Every statement runs unchanged on Neo4j 3.1 and passes current Neo4j's linter (tests check both).
/// </summary>
/// <remarks>
/// Provenance is one small record per (file, fact), so nothing grows with the number of files asserting a fact and every
/// write is O(rows in the batch): each source file is a <c>:KvFile {path}</c> node (not a <c>:Node</c>) with one
/// <c>ASSERTS</c> relationship per node it asserts; a shared relationship (key 'shared') counts its files in <c>count</c>
/// and each of those files has one <c>SHARES {k}</c> relationship (<see cref="SharedKey"/>) to its source node, merged, so
/// that re-running a batch adds nothing twice; an evidence relationship records its one <c>file</c> and a <c>key</c> unique
/// within that file. Re-pushing a file deletes its evidence relationships, decrements its shared ones (deleting those at
/// 0) and deletes its file node with its ASSERTS in one transaction, asserts the new facts, and demotes nodes no file
/// asserts any more to bare placeholders; a final sweep deletes placeholders nothing points to. (Until this model, nodes
/// and shared relationships carried a <c>files</c> list that every batch rewrote: quadratic on hubs.)
/// </remarks>
public static class LoaderStatements
{
    /// <summary>
    /// Merges asserted nodes of one kind, one row per node (see <see cref="RowFold"/>). Rows: <c>{id, create, props}</c>:
    /// <c>create</c> is set only on a new node (a placeholder's properties named before the assertion). The files asserting
    /// it are <see cref="MergeAssertions"/>, in the relationship phase.
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
    /// Records that files assert nodes: one <c>ASSERTS</c> relationship from each file's <c>:KvFile</c> node (made here if
    /// new) to the node, merged from the file's side (a file asserts few nodes; a hub is asserted by most files, and
    /// Expand(Into) starts from the end with fewer relationships). Idempotent. Rows: <c>{file, ids}</c>, one per file with
    /// the nodes of the batch it asserts: the file's node is looked up once per row, not once per node (a locking
    /// unique-index seek; 1,230,420 ASSERTS for 100,000 files at 100,000 documents).
    /// </summary>
    public static string MergeAssertions => $$"""
        UNWIND $rows AS row
        MERGE (f:{{GraphVocabulary.FileLabel}} {path: row.file})
        WITH f, row
        UNWIND row.ids AS id
        MERGE (n:{{GraphVocabulary.IdentityLabel}} {id: id})
        ON CREATE SET n:Placeholder
        MERGE (f)-[:{{GraphVocabulary.AssertsType}}]->(n)
        """;

    /// <summary>
    /// Structural relationships (no evidence span: ASKED_BY, MEMBER_OF, IN_DOSSIER…) are one relationship per
    /// (source, type, target) shared by every file that asserts it, as in the embedded graph. Both endpoints exist (see
    /// <see cref="MergeEdges"/>). Their key is the constant 'shared', so MERGE never mistakes an evidence relationship of
    /// the same type for one. Provenance: <c>count</c> is the number of files asserting it, and each of those files has a
    /// <c>SHARES</c> relationship to the source node with the relationship's <see cref="SharedKey"/> (<c>row.k</c>) as
    /// <c>k</c>. The count goes up only when that SHARES is created, so a batch run twice (a retry after a lost answer)
    /// counts every file once. A record per (file, relationship), not a list on the file: the open-data file of 7,071
    /// motions asserts 22,753 shared relationships, and a list it had to search and rewrite per row made the corpus push
    /// four times slower (72 s against 18 s).
    /// Rows: <c>{s, t, k, props, files}</c>, one per relationship with all the batch's files that assert it (<see cref="RowFold"/>).
    /// </summary>
    public static string MergeSharedEdges(string type) => $$"""
        UNWIND $rows AS row
        {{Endpoints}}
        MERGE (a)-[r:{{GraphVocabulary.Checked(type)}} {key: 'shared'}]->(b)
        {{(type == Core.Graph.EdgeType.MemberOf ? MemberOfSpan : "SET r += row.props")}}
        WITH a, r, row
        UNWIND row.files AS file
        MERGE (f:{{GraphVocabulary.FileLabel}} {path: file})
        MERGE (f)-[:{{GraphVocabulary.SharesType}} {k: row.k}]->(a)
        ON CREATE SET r.count = coalesce(r.count, 0) + 1
        """;

    /// <summary>
    /// The key a file's <c>shared</c> list names a shared relationship by: type, source and target, the source
    /// length-prefixed so that any id splits back (<see cref="ParseSharedKey"/>).
    /// </summary>
    public static string SharedKey(string type, string source, string target) =>
        $"{type}|{source.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{source}|{target}";

    /// <summary>The type, source and target of a <see cref="SharedKey"/>; a key of another shape is an error naming it.</summary>
    public static (string Type, string Source, string Target) ParseSharedKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        var bar2 = bar < 0 ? -1 : key.IndexOf('|', bar + 1);
        if (bar2 > 0 && int.TryParse(key.AsSpan(bar + 1, bar2 - bar - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            && bar2 + 1 + length < key.Length && key[bar2 + 1 + length] == '|')
        {
            return (key[..bar], key.Substring(bar2 + 1, length), key[(bar2 + length + 2)..]);
        }

        throw new InvalidDataException($"'{key}' is not a KvGraph shared-relationship key (type|length|source|target)");
    }

    // MEMBER_OF: the files' evidence dates, folded to the row's from/to, widen the span (min and max commute, so the push
    // order does not matter), as Core's PartyMembership folds it in the embedded graph.
    private const string MemberOfSpan = """
        SET r.from = CASE WHEN row.props.from IS NULL THEN r.from WHEN r.from IS NULL OR row.props.from < r.from THEN row.props.from ELSE r.from END,
            r.to = CASE WHEN row.props.to IS NULL THEN r.to WHEN r.to IS NULL OR row.props.to > r.to THEN row.props.to ELSE r.to END
        """;

    /// <summary>
    /// Removes files' evidence relationships, found from their source nodes. Rows: <c>{id, files}</c>, one per source node
    /// with every file of the batch whose relationships may leave it (a node many files cite from is visited once).
    /// </summary>
    public const string DeleteFileEdges = """
        UNWIND $rows AS row
        MATCH (n:Node {id: row.id})-[r]->() USING INDEX n:Node(id)
        WHERE r.file IN row.files
        DELETE r
        """;

    /// <summary>The shared-relationship keys files recorded (<see cref="MergeSharedEdges"/>). Parameter: <c>$files</c> (paths).</summary>
    public static string ReadFileKeys => $$"""
        UNWIND $files AS path
        MATCH (f:{{GraphVocabulary.FileLabel}} {path: path}) USING INDEX f:{{GraphVocabulary.FileLabel}}(path)
        OPTIONAL MATCH (f)-[s:{{GraphVocabulary.SharesType}}]->()
        RETURN f.path AS path, collect(s.k) AS keys
        """;

    /// <summary>
    /// Takes files off shared relationships of one type: <c>count</c> goes down by the number of the files that recorded
    /// the relationship (<see cref="ReadFileKeys"/>), and the relationship goes at 0. Runs in the transaction that deletes
    /// those files' nodes (<see cref="DeleteFileNodes"/>), so a retry cannot count a file off twice.
    /// Rows: <c>{s, t, by}</c>, one per relationship.
    /// </summary>
    public static string UnshareEdges(string type) => $$"""
        UNWIND $rows AS row
        {{Endpoints}}
        WITH a, b, row
        MATCH (a)-[r:{{GraphVocabulary.Checked(type)}} {key: 'shared'}]->(b)
        SET r.count = r.count - row.by
        WITH r
        WHERE r.count < 1
        DELETE r
        """;

    /// <summary>Takes everything files asserted off their provenance nodes: their ASSERTS and SHARES (they are about to be pushed again). Parameter: <c>$files</c>.</summary>
    public static string ClearFileNodes => $$"""
        UNWIND $files AS path
        MATCH (f:{{GraphVocabulary.FileLabel}} {path: path}) USING INDEX f:{{GraphVocabulary.FileLabel}}(path)
        MATCH (f)-[x]->()
        DELETE x
        """;

    /// <summary>Deletes files' provenance nodes with their ASSERTS and SHARES relationships (files removed from the source). Parameter: <c>$files</c>.</summary>
    public static string DeleteFileNodes => $$"""
        UNWIND $files AS path
        MATCH (f:{{GraphVocabulary.FileLabel}} {path: path}) USING INDEX f:{{GraphVocabulary.FileLabel}}(path)
        DETACH DELETE f
        """;

    /// <summary>Provenance nodes of files about to be pushed, made if new (then the batches only find them). Parameter: <c>$files</c>.</summary>
    public static string EnsureFileNodes => $$"""
        UNWIND $files AS path
        MERGE (f:{{GraphVocabulary.FileLabel}} {path: path})
        """;

    /// <summary>Any KvGraph node still carrying the old model's <c>files</c> list (one row at most).</summary>
    public const string OldProvenanceNode = "MATCH (n:Node) WHERE n.files IS NOT NULL RETURN n.id AS id LIMIT 1";

    /// <summary>
    /// Nodes no file asserts any more lose kind and properties and become placeholders. "No file" is the absence of an
    /// incoming ASSERTS, which stops at the first one found (a hub's are not read). Parameter: <c>$ids</c>.
    /// </summary>
    public static string DemoteOrphans => $$"""
        UNWIND $ids AS id
        MATCH (n:Node {id: id}) USING INDEX n:Node(id)
        WHERE NOT n:Placeholder AND NOT (n)<-[:{{GraphVocabulary.AssertsType}}]-()
        REMOVE n:{{string.Join(":", GraphVocabulary.AllLabels.Where(l => l != Core.Graph.NodeLabel.Placeholder))}}
        SET n = {id: n.id}
        SET n:Placeholder
        """;

    /// <summary>Deletes placeholders that nothing asserts and nothing points to any more.</summary>
    public const string SweepPlaceholders = """
        MATCH (n:Placeholder)
        WHERE NOT (n)--()
        DELETE n
        """;

    /// <summary>Provenance nodes, from the count store: 0 with KvGraph nodes present means a graph of the old model (or none of KvGraph's).</summary>
    public static string CountFiles => $"MATCH (f:{GraphVocabulary.FileLabel}) RETURN count(f) AS files";

    /// <summary>A slice of the provenance relationships, ASSERTS and SHARES (for <c>push --reset</c>), run until it deletes none. Parameter: <c>$limit</c>.</summary>
    public static string DeleteAssertionsSlice => $$"""
        MATCH (:{{GraphVocabulary.FileLabel}})-[r]->()
        WITH r LIMIT $limit
        DELETE r
        RETURN count(*) AS deleted
        """;

    /// <summary>A slice of the provenance nodes, once their ASSERTS are gone. Parameter: <c>$limit</c>.</summary>
    public static string DeleteFilesSlice => $$"""
        MATCH (f:{{GraphVocabulary.FileLabel}})
        WITH f LIMIT $limit
        DETACH DELETE f
        RETURN count(*) AS deleted
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
            yield return ($"UnshareEdges({type})", UnshareEdges(type), rows);
        }

        var files = new Dictionary<string, object?> { ["files"] = new List<object?>() };
        yield return (nameof(MergeAssertions), MergeAssertions, rows);
        yield return ("InTransactions(MergeAssertions)", InTransactions(MergeAssertions, 2000), rows);
        yield return (nameof(ReadFileKeys), ReadFileKeys, files);
        yield return (nameof(DeleteFileNodes), DeleteFileNodes, files);
        yield return (nameof(ClearFileNodes), ClearFileNodes, files);
        yield return (nameof(EnsureFileNodes), EnsureFileNodes, files);
        yield return (nameof(OldProvenanceNode), OldProvenanceNode, new Dictionary<string, object?>());
        yield return (nameof(CountFiles), CountFiles, new Dictionary<string, object?>());
        yield return (nameof(DeleteAssertionsSlice), DeleteAssertionsSlice, new Dictionary<string, object?> { ["limit"] = 10000L });
        yield return (nameof(DeleteFilesSlice), DeleteFilesSlice, new Dictionary<string, object?> { ["limit"] = 10000L });

        yield return (nameof(DeleteFileEdges), DeleteFileEdges, rows);
        yield return (nameof(DemoteOrphans), DemoteOrphans, new Dictionary<string, object?> { ["ids"] = new List<object?>() });
        yield return (nameof(SweepPlaceholders), SweepPlaceholders, new Dictionary<string, object?>());
        yield return (nameof(CountNodes), CountNodes, new Dictionary<string, object?>());
        yield return (nameof(CountRelationships), CountRelationships, new Dictionary<string, object?>());
        yield return (nameof(DeleteRelationshipsSlice), DeleteRelationshipsSlice, new Dictionary<string, object?> { ["limit"] = 10000L });
        yield return (nameof(DeleteAllSlice), DeleteAllSlice, new Dictionary<string, object?> { ["limit"] = 10000L });
    }
}
