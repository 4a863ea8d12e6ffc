// Question: What is cited but not in the corpus? The list of what to fetch next, most cited first.
// Answers the same question as `kvgraph unresolved` (ICitationGraph.Unresolved), and is tested against it.
// @param limit integer 50  How many placeholders to return.
// Order: citations, then distinct citing documents (both descending), then id.
// Example: kvgraph cypher cypher/queries/unresolved-citations.cypher --param limit=25
MATCH (citing)-[c:CITES]->(p:Placeholder)
WITH p, count(c) AS citations, collect(DISTINCT citing.id) AS citedBy
RETURN p.id AS id,
       p.kind AS kind,
       citations,
       size(citedBy) AS citingDocuments,
       citedBy
ORDER BY citations DESC, citingDocuments DESC, id
LIMIT $limit
