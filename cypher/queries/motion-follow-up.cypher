// Question: What became of a motion? Which answers and letters cite it, when, and which minister signed them;
// who sponsored the motion, and which written questions did those sponsors ask themselves?
// @param motion string kst-21501-20-1591  The motion's id (kst-<dossier>-<nr>).
// One row per citing document, oldest first; sponsors and their questions repeat on every row.
// Example: kvgraph cypher cypher/queries/motion-follow-up.cypher --param motion=kst-21501-20-1591
MATCH (m:Node {id: $motion})
OPTIONAL MATCH (m)-[:SUBMITTED_BY]->(sponsor:Person)
OPTIONAL MATCH (q:Question)-[:ASKED_BY]->(sponsor)
WITH m, collect(DISTINCT sponsor.name) AS sponsors, collect(DISTINCT q.id) AS sponsorQuestions
MATCH (citing)-[c:CITES]->(m)
OPTIONAL MATCH (citing)-[:ANSWERED_BY]->(minister:Person)
WITH m, sponsors, sponsorQuestions, citing, collect(DISTINCT minister.name) AS ministers, collect(c.quote) AS quotes
RETURN m.id AS motion,
       citing.id AS citedBy,
       citing.date AS date,
       ministers,
       quotes[0] AS quote,
       sponsors,
       sponsorQuestions
ORDER BY coalesce(date, '9999'), citedBy
