// The whole test suite: lint, types, unit tests, build, browser tests. Each stage runs even if an
// earlier one failed (so one run shows every problem), and the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { summarize } from './summary.mjs';

const stages = [
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck', 'npx', ['tsc', '-b']],
  ['unit tests', 'npx', ['vitest', 'run'], { NO_COLOR: '1' }],
  ['build', 'npx', ['vite', 'build']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
const failed = [];
for (const [name, cmd, args, env] of stages) {
  if (name === 'browser tests' && (failed.includes('build') || failed.includes('chromium'))) {
    console.log(`\n=== ${name}: skipped (needs the build and Chromium) ===`);
    failed.push(name);
    continue;
  }
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failed.push(name);
    console.log(`=== ${name}: FAILED (${seconds} s) ===`);
  } else {
    console.log(`=== ${name}: ok (${seconds} s) ===`);
  }
}
const total = summarize();
console.log('');
if (failed.length) console.log(`Failed stages: ${failed.join(', ')}`);
console.log(total.line);
process.exit(failed.length || !total.ok ? 1 : 0);
