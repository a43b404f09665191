// Writes the scenarios of every lesson to examples/lessons/ (run: npm run lessons). The lessons
// in src/lessons are the source; a unit test fails when a file is missing or out of date.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { lessonFiles } from '../src/lessons/files';

const dir = 'examples/lessons';
mkdirSync(dir, { recursive: true });
const files = lessonFiles();
for (const name of readdirSync(dir)) if (name.endsWith('.json') && !files.has(name)) rmSync(`${dir}/${name}`);
for (const [name, text] of files) writeFileSync(`${dir}/${name}`, text);
console.log(`wrote ${files.size} lesson scenarios to ${dir}/`);
