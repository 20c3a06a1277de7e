// Lints Cypher statements with Neo4j's own Cypher 5 parser and semantic analysis.
// Input: a JSON file [{ "name": ..., "text": ... }]. Output: one line per diagnostic; exit code 1 when there are any.
// Every parameter the store sends is declared here with a value of its type: an undeclared $parameter is an error.
import { readFileSync } from 'node:fs';
import { lintCypherQuery } from '@neo4j-cypher/language-support';

const parameters = {
  rows: [], ids: [], keys: [],
  key: '', value: '', prefix: '', seq: 0,
  id: '', name: '', status: '', document: '', author: '', createdAt: '', updatedAt: '', updatedTicks: 0, version: 0,
  // accounts, audit log, scenario sharing
  userName: '', displayName: '', roles: [], passwordHash: '', disabled: false, mustChangePassword: false, failedSignIns: 0,
  lockedUntil: '', lastSignInAt: '', source: '', sharedWith: [], at: '', atTicks: 0, actor: '', action: '', target: '',
  summary: '', correlationId: '', text: '', fromTicks: 0, toTicks: 0, limit: 0, securityStamp: '',
  // the change log
  revision: 0, changes: '', kept: 0,
};

const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let problems = 0;
for (const { name, text } of statements) {
  const { diagnostics } = lintCypherQuery(text, { parameters });
  for (const d of diagnostics) {
    problems++;
    console.log(`${name}: ${d.severity === 1 ? 'error' : 'warning'} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
  }
}
console.log(`linted ${statements.length} statements, ${problems} diagnostics`);
process.exit(problems > 0 ? 1 : 0);
