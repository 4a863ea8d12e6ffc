// Question: How are two documents connected through citations (in either direction)?
// Answers the same question as ICitationGraph.ShortestPath, and is tested against it (same length; the route may
// differ when several shortest paths exist).
// @param from string ah-tk-20202021-2302  One document.
// @param to string kst-35570-V-43  The other document.
// @param maxDepth integer 6  Longest path accepted, 1 to 10 (fixed bound *..10, cut with length(p), as bounds cannot be parameters).
// Why the type is a predicate and not [:CITES*..10]: Neo4j applies an all(...) predicate on the relationships while it
// searches, so the result is the shortest CITES-only path either way, and the typed pattern crashes Neo4j 3.1 on Java 17.
// The length limit is applied after the search (WITH p WHERE ...): a whole-path predicate inside the shortestPath WHERE
// would make Neo4j fall back to an exhaustive search whenever no path exists.
// Example: kvgraph cypher cypher/queries/shortest-path.cypher --param from=ah-tk-20202021-2302 --param to=kst-35570-V-43
MATCH (a:Node {id: $from})
MATCH (b:Node {id: $to})
MATCH p = shortestPath((a)-[*..10]-(b))
WHERE all(r IN relationships(p) WHERE type(r) = 'CITES')
WITH p
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | n.id] AS path,
       length(p) AS hops,
       [r IN relationships(p) | r.quote] AS quotes
