// Question: What is this document, who asked and answered it, and what does it cite directly?
// @param id string ah-tk-20202021-2302  The document.
// Example: kvgraph cypher cypher/queries/document.cypher --param id=ah-tk-20202021-2302
MATCH (d:Node {id: $id})
OPTIONAL MATCH (d)-[:ASKED_BY]->(asker:Person)
OPTIONAL MATCH (d)-[:ANSWERED_BY]->(answerer:Person)
OPTIONAL MATCH (d)-[c:CITES]->(t)
WITH d, collect(DISTINCT asker.name) AS askers, collect(DISTINCT answerer.name) AS answerers,
     collect(DISTINCT t.id) AS cites
RETURN d.id AS id, labels(d) AS labels, d.name AS title, d.date AS date, askers, answerers, size(cites) AS citesCount, cites
