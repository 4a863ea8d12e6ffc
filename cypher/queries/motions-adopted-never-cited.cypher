// Question: Which adopted motions did no later document cite? (Motions the government never came back to in writing.)
// Answers the same question as `kvgraph motions --adopted-never-cited` (Motions.List with AdoptedNeverCitedSince), and is tested against it.
// @param from string 2022-01-01  Motions dated on or after (yyyy-MM-dd).
// @param to string 2023-12-31  Motions dated on or before (yyyy-MM-dd).
// @param limit integer 100  At most this many motions.
// The outcome is the open-data record's (m.outcome), else the latest vote the Handelingen record (RECORDS_VOTE).
// "Later" is after the vote's day when a source gives it, else after the motion's own date; the Handelingen item that
// records the vote is the vote itself, not a later citation.
// Order: newest motion first, then id.
// Example: kvgraph cypher cypher/queries/motions-adopted-never-cited.cypher --param from=2023-01-01 --param to=2023-03-31
MATCH (m:Node)
WHERE (m:Motion OR (m:Placeholder AND m.kind = 'motion' AND (m)<-[:RECORDS_VOTE]-()))
  AND m.date >= $from AND m.date <= $to
OPTIONAL MATCH (h:Node)-[v:RECORDS_VOTE]->(m)
WITH m, h, v
ORDER BY coalesce(v.date, h.date, '') DESC, h.id
WITH m, [r IN collect({outcome: v.outcome, date: coalesce(v.date, h.date), source: h.id}) WHERE r.source IS NOT NULL] AS votes
WITH m, votes,
     coalesce(m.outcome, head([r IN votes WHERE r.outcome IS NOT NULL | r.outcome])) AS outcome,
     coalesce(m.voteDate, head([r IN votes WHERE r.date IS NOT NULL | r.date]), m.date) AS since
WHERE outcome = 'aangenomen'
OPTIONAL MATCH (c:Node)-[:CITES]->(m)
WHERE c.id <> m.id
  AND coalesce(c.date, c.answered, c.submitted, '') > since
  AND NOT (c:Handelingen AND c.id IN [r IN votes | r.source])
WITH m, outcome, count(DISTINCT c) AS citedAfter
WHERE citedAfter = 0
RETURN m.id AS motion,
       m.date AS date,
       m.title AS title,
       outcome,
       m.votesFor AS votesFor,
       m.votesAgainst AS votesAgainst,
       m.cabinetAdvice AS cabinetAdvice
ORDER BY date DESC, motion
LIMIT $limit
