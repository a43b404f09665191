// Diagnostic, not a benchmark: runs the default scenario in the built app under the V8 sampling
// profiler and prints what the main thread did in its longest busy stretch (the long task).
//   npx vite build && node bench/profile-run.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const PORT = 4177;
const URL = `http://127.0.0.1:${PORT}/`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  for (let i = 0; i < 80; i++) {
    try {
      if ((await fetch(URL)).ok) break;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(URL);
  await page.locator('.react-flow__node-arch').first().waitFor();
  await sleep(1500);
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'] } });
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await page.getByLabel('Run status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
  await sleep(500);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((x, y) => y.dur - x.dur).slice(0, 3);
  for (const task of tasks) {
    console.log(`task of ${(task.dur / 1000).toFixed(1)} ms at +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms`);
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const byName = new Map();
    for (const e of inside) {
      const key = e.name === 'FunctionCall' || e.name === 'EventDispatch' ? `${e.name} ${e.args?.data?.functionName ?? e.args?.data?.type ?? ''}` : e.name;
      byName.set(key, (byName.get(key) ?? 0) + e.dur / 1000);
    }
    for (const [k, v] of [...byName].sort((x, y) => y[1] - x[1]).slice(0, 18)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
  await browser.close();
} finally {
  process.kill(-server.pid, 'SIGTERM');
}
