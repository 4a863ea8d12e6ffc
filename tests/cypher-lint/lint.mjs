// Runs Neo4j's own Cypher front end (lintCypherQuery from @neo4j-cypher/language-support) over
// statements and prints every diagnostic as JSON, so a test in any language can fail on errors.
//
// Input (stdin, or the file named by the first argument): a JSON array of
//   { "name": "where it comes from", "statement": "MATCH …", "parameters": { "id": "x", … } }
// The parameters declare which $names exist (the linter reports undeclared parameters as errors).
// Output (stdout): a JSON array of
//   { "name", "version", "diagnostics": [ { "severity": "error"|"warning"|…, "message", "line", "column", "text" } ] }
// Each statement is checked as Cypher 5 and as Cypher 25, the two languages current Neo4j accepts.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const input = readFileSync(process.argv[2] ?? 0, 'utf8');
const items = JSON.parse(input);
const versions = ['CYPHER 5', 'CYPHER 25'];
const severityName = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

const out = [];
for (const item of items) {
  for (const version of versions) {
    const dbSchema = { parameters: item.parameters ?? {}, defaultLanguage: version };
    let diagnostics;
    try {
      diagnostics = lintCypherQuery(item.statement, dbSchema, { consoleCommandsEnabled: Boolean(item.console) }).diagnostics.map((d) => ({
        severity: severityName[d.severity] ?? String(d.severity),
        message: d.message,
        line: (d.range?.start?.line ?? 0) + 1,
        column: (d.range?.start?.character ?? 0) + 1,
        text: item.statement.substring(d.offsets?.start ?? 0, d.offsets?.end ?? 0),
      }));
    } catch (e) {
      diagnostics = [{ severity: 'error', message: `linter crashed: ${e?.message ?? e}`, line: 0, column: 0, text: '' }];
    }
    out.push({ name: item.name, version, diagnostics });
  }
}
process.stdout.write(JSON.stringify(out, null, 1));
