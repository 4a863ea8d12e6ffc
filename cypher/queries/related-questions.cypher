// Question: Which other questions and answers cite the same things as this one (bibliographic coupling)?
// Ranked by how many distinct targets they share, with the shared ids. This is the "coupling" part of
// `kvgraph related <id>` (ICitationGraph.Related), and is tested against it: the same documents with the same number of
// shared citations. `related` itself weighs each shared citation by how rare it is and adds other reasons (Relatedness.cs).
// @param id string ah-tk-20202021-2302  The document to find relatives of.
// @param limit integer 10  How many related documents to return.
// Example: kvgraph cypher cypher/queries/related-questions.cypher --param id=ah-tk-20202021-2302 --param limit=10
MATCH (d:Node {id: $id})-[:CITES]->(shared)<-[:CITES]-(other:Document)
WHERE other.id <> d.id AND shared.id <> d.id AND shared.id <> other.id
WITH other, collect(DISTINCT shared.id) AS sharedIds
RETURN other.id AS id,
       other.name AS title,
       size(sharedIds) AS sharedCitations,
       sharedIds
ORDER BY sharedCitations DESC, id
LIMIT $limit
