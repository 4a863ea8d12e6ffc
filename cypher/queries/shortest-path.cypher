// Question: How are two documents connected through citations (in either direction)?
// Answers the same question as ICitationGraph.ShortestPath, and is tested against it (same length; the route may
// differ when several shortest paths exist).
// @param from string ah-tk-20202021-2302  One document.
// @param to string kst-35570-V-43  The other document.
// @param maxDepth integer 6  Longest path accepted, 1 to 10 (fixed bound *..10, cut with length(p), as bounds cannot be parameters).
// Example: kvgraph cypher cypher/queries/shortest-path.cypher --param from=ah-tk-20202021-2302 --param to=kst-35570-V-43
MATCH (a:Node {id: $from})
MATCH (b:Node {id: $to})
MATCH p = shortestPath((a)-[:CITES*..10]-(b))
WHERE length(p) <= $maxDepth
RETURN [n IN nodes(p) | n.id] AS path,
       length(p) AS hops,
       [r IN relationships(p) | r.quote] AS quotes
