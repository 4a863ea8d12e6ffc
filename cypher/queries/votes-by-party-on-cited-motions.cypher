// Question: How did each party vote on the motions that later documents cite? (Did the government come back to what a party voted for?)
// One row per party and vote (voor, tegen, niet deelgenomen): how many such motions, how many citing documents, examples.
// @param limit integer 100  At most this many rows.
// Party votes are the VOTED relationships (the open-data record's Stemming rows, the Handelingen' findings); a party
// that two sources place on different sides is counted on both. "Later" is after the vote's day when known, else after
// the motion's date; a document that records the vote (RECORDS_VOTE) is the vote, not a later citation.
// Order: party, then vote.
// Example: kvgraph cypher cypher/queries/votes-by-party-on-cited-motions.cypher
MATCH (p:Party)-[v:VOTED]->(m:Node)<-[:CITES]-(c:Node)
WHERE c.id <> m.id
  AND NOT (c)-[:RECORDS_VOTE]->(m)
  AND coalesce(c.date, c.answered, c.submitted, '') > coalesce(v.date, m.voteDate, m.date, '')
WITH p, v.vote AS vote, m, count(DISTINCT c) AS citers
WITH p, vote, count(DISTINCT m) AS motions, sum(citers) AS citations, collect(m.id) AS motionIds
RETURN p.id AS party,
       p.name AS name,
       vote,
       motions,
       citations,
       motionIds[0..10] AS examples
ORDER BY party, vote
LIMIT $limit
