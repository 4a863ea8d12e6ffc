// Question: What does a minister cite in their answers? Citations by kind, with how many answers and distinct targets.
// @param minister string Blok  Part of the minister's name (case-insensitive).
// Example: kvgraph cypher cypher/queries/minister-citation-habits.cypher --param minister=Blok
MATCH (minister:Person)<-[:ANSWERED_BY]-(a)-[c:CITES]->(t)
WHERE toLower(minister.name) CONTAINS toLower($minister) AND a <> t
RETURN minister.name AS minister,
       c.kind AS kind,
       count(c) AS citations,
       count(DISTINCT a) AS answers,
       count(DISTINCT t) AS distinctTargets
ORDER BY minister, citations DESC, kind
