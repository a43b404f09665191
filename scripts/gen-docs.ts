// Regenerates docs/scenario.schema.json and the reference tables of docs/scenario-format.md from
// the zod schema in src/model (run: npm run docs). A unit test fails when they are out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReference, scenarioJsonSchema } from '../src/model/docs';

writeFileSync('docs/scenario.schema.json', `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
const doc = readFileSync('docs/scenario-format.md', 'utf8');
const start = '<!-- reference:start -->';
const end = '<!-- reference:end -->';
const before = doc.slice(0, doc.indexOf(start) + start.length);
const after = doc.slice(doc.indexOf(end));
writeFileSync('docs/scenario-format.md', `${before}\n${renderReference()}\n${after}`);
console.log('wrote docs/scenario.schema.json and docs/scenario-format.md');
