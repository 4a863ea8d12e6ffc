// Question: What does a document cite, directly and transitively? The citation chain, with the quotes that cite.
// Answers the same question as `kvgraph trace <id> --depth N` (ICitationGraph.Trace), and is tested against it.
// @param id string ah-tk-20202021-2302  The document to start from.
// @param depth integer 3  How many CITES steps to follow, 1 to 10.
// Why the fixed bound: Cypher cannot take a variable-length bound as a parameter (*1..$depth is not allowed), so the
// pattern has a fixed maximum of 10 steps and `length(p) <= $depth` cuts it to the depth asked for.
// Self-citations (a document citing itself) are left out, as in trace.
// Order: by depth, then the cited document's date (undated last), then its id — the order trace shows children in.
// Example: kvgraph cypher cypher/queries/citation-chain.cypher --param id=ah-tk-20202021-2302 --param depth=2
MATCH p = (d:Node {id: $id})-[:CITES*1..10]->(t)
WHERE length(p) <= $depth
  AND all(r IN relationships(p) WHERE startNode(r) <> endNode(r))
RETURN t.id AS target,
       length(p) AS depth,
       [n IN nodes(p) | n.id] AS chain,
       [r IN relationships(p) | r.quote] AS quotes,
       labels(t) AS labels,
       t.date AS date
ORDER BY depth, coalesce(t.date, '9999'), target
