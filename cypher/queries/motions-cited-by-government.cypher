// Question: Which motions did the government cite in its answers and letters, and what had become of them?
// One row per motion and citing answer or letter: the motion's outcome, votes and the cabinet's advice, who signed the
// citing document, and its first quote. A motion not in the corpus has no known outcome unless the Handelingen record it.
// @param from string 2018-01-01  Citing documents dated on or after (yyyy-MM-dd).
// @param limit integer 200  At most this many rows.
// The outcome is the open-data record's (m.outcome), else the latest vote the Handelingen record (RECORDS_VOTE).
// Order: motion, then the citing document's date, then its id.
// Example: kvgraph cypher cypher/queries/motions-cited-by-government.cypher --param from=2021-01-01
MATCH (c:Node)-[r:CITES]->(m:Node)
WHERE (c:Answer OR c:Letter)
  AND (m:Motion OR (m:Placeholder AND m.kind = 'motion'))
  AND coalesce(c.date, c.answered, c.submitted, '') >= $from
WITH c, m, collect(r.quote) AS quotes
OPTIONAL MATCH (h:Node)-[v:RECORDS_VOTE]->(m)
WITH c, m, quotes, h, v
ORDER BY coalesce(v.date, h.date, '') DESC, h.id
WITH c, m, quotes, [x IN collect(v.outcome) WHERE x IS NOT NULL] AS recorded
OPTIONAL MATCH (c)-[:ANSWERED_BY]->(p:Person)
WITH c, m, quotes, recorded, collect(DISTINCT p.name) AS signedBy
RETURN m.id AS motion,
       coalesce(m.outcome, head(recorded)) AS outcome,
       m.votesFor AS votesFor,
       m.votesAgainst AS votesAgainst,
       m.cabinetAdvice AS cabinetAdvice,
       c.id AS citedBy,
       coalesce(c.date, c.answered, c.submitted) AS date,
       signedBy,
       quotes[0] AS quote
ORDER BY motion, coalesce(date, '9999'), citedBy
LIMIT $limit
