// Diagnostic, not a benchmark: runs the default scenario in the built app under a Chromium trace
// and prints what the main thread did in its three longest tasks.
//   npx vite build && node bench/profile-run.mjs
import { chromium } from '@playwright/test';
import { longestTasks, startPreview, timeByName, traceMainThread } from './diagnostics.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const preview = await startPreview(4177);
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(preview.url);
  await page.locator('.react-flow__node-arch').first().waitFor();
  await sleep(1500);
  const { onMain } = await traceMainThread(page, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute'], async () => {
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.getByLabel('Run status').filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
    await sleep(500);
  });
  const tasks = longestTasks(onMain).slice(0, 3);
  const label = (e) => (e.name === 'FunctionCall' || e.name === 'EventDispatch' ? `${e.name} ${e.args?.data?.functionName ?? e.args?.data?.type ?? ''}` : e.name);
  for (const task of tasks) {
    console.log(`task of ${(task.dur / 1000).toFixed(1)} ms at +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms`);
    for (const [k, v] of timeByName(onMain, task, label).slice(0, 18)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
  await browser.close();
} finally {
  preview.stop();
}
