// Question: Which motions and letters are cited most (by the most distinct documents)?
// @param kinds list<string> motion,letter  Citation kinds to count (motion, kamerstuk, letter, answer, zaak, ...).
// @param limit integer 20  How many targets to return.
// Example: kvgraph cypher cypher/queries/most-cited.cypher --param kinds=motion,letter --param limit=20
MATCH (citing)-[c:CITES]->(t)
WHERE c.kind IN $kinds AND citing <> t
WITH t, c.kind AS kind, count(c) AS citations, count(DISTINCT citing) AS citingDocuments
RETURN t.id AS id,
       kind,
       citingDocuments,
       citations,
       'Placeholder' IN labels(t) AS unresolved,
       t.name AS title
ORDER BY citingDocuments DESC, citations DESC, id
LIMIT $limit
