// Question: Who cites this document, directly and transitively? (The chain read backwards.)
// Answers the same question as `kvgraph trace <id> --reverse` (ICitationGraph.Trace with reverse), and is tested against it.
// @param id string kst-21501-20-1591  The cited document (a motion, letter, answer, ...).
// @param depth integer 2  How many CITES steps to follow back, 1 to 10.
// Why the fixed bound: variable-length bounds cannot be parameters, so *1..10 with `length(p) <= $depth`.
// Order: by depth, then the citing document's date (undated last), then its id.
// Example: kvgraph cypher cypher/queries/cited-by.cypher --param id=kst-21501-20-1591 --param depth=2
MATCH p = (d:Node {id: $id})<-[:CITES*1..10]-(s)
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE startNode(r) <> endNode(r))
RETURN s.id AS citing,
       length(p) AS depth,
       [n IN nodes(p) | n.id] AS chain,
       [r IN relationships(p) | r.quote] AS quotes,
       labels(s) AS labels,
       s.date AS date
ORDER BY depth, coalesce(s.date, '9999'), citing
