/* global document */
// Diagnostic, not a benchmark: traces one canvas gesture on the 300-node scenario and prints where
// the renderer's main thread spent its time (by trace event name). Usage:
//   npx vite build && node bench/trace-canvas.mjs [pan|drag|wheel] [far|detail]
// TRACE_CSS='...' adds a style sheet first (to try a change without a build); TRACE_PROFILE=1 adds
// the V8 profile's JavaScript functions; TRACE_INVALIDATIONS=1 counts what invalidated style,
// layout and paint.
import { chromium } from '@playwright/test';
import { longestTasks, startPreview, timeByName, traceMainThread } from './diagnostics.mjs';
import { buildScenario } from './editor-canvas.bench.mjs';

const [action = 'pan', zoomMode = 'far'] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'disabled-by-default-devtools.timeline.invalidationTracking'];

/** JavaScript self and inclusive time by function, from a V8 CPU profile. */
function printProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
  const self = new Map();
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    self.set(label(byId.get(id)), (self.get(label(byId.get(id))) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = label(byId.get(cur));
      if (!seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + dt);
      seen.add(k);
    }
  });
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`).join('\n');
  console.log(`JS self time:\n${top(self, 15)}\nJS inclusive time:\n${top(incl, 40)}`);
}

const preview = await startPreview(4179);
try {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const scenario = buildScenario();
  await page.addInitScript((p) => {
    localStorage.setItem('faultline.v1.index', p.index);
    localStorage.setItem('faultline.v1.scenario.bench-300', p.envelope);
    localStorage.setItem('faultline.v1.current', 'bench-300');
  }, { envelope: JSON.stringify({ format: 'faultline', version: 2, scenario }), index: JSON.stringify([{ id: 'bench-300', title: 'B', updatedAt: '2026-01-01T00:00:00.000Z' }]) });
  await page.goto(preview.url);
  await page.locator('.react-flow__node-arch').first().waitFor();
  await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await sleep(1000);
  const pane = await page.locator('.react-flow__pane').boundingBox();
  const c = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  if (zoomMode === 'detail') {
    await page.mouse.move(c.x, c.y);
    for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, -60); await sleep(60); }
    await sleep(800);
  }
  let start = c;
  if (action === 'drag') {
    const box = await page.locator('.react-flow__node-arch').nth(150).boundingBox();
    start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  } else if (action === 'pan') {
    start = await page.evaluate(({ x, y }) => {
      for (let r = 0; r < 200; r += 2) for (let k = 0; k < 36; k++) {
        const px = x + r * Math.cos(k / 5.7), py = y + r * Math.sin(k / 5.7);
        if (document.elementFromPoint(px, py)?.classList.contains('react-flow__pane')) return { x: px, y: py };
      }
      return { x, y };
    }, c);
  }
  if (process.env.TRACE_CSS) await page.addStyleTag({ content: process.env.TRACE_CSS });
  const { events, onMain, result: wall } = await traceMainThread(page, CATEGORIES, async (cdp) => {
    if (process.env.TRACE_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.mouse.move(start.x, start.y);
    if (action !== 'wheel') await page.mouse.down();
    const t0 = Date.now();
    for (let i = 1; i <= 120; i++) {
      const u = i / 120;
      if (action === 'wheel') await page.mouse.wheel(0, u <= 0.5 ? -15 : 15);
      else await page.mouse.move(start.x + 200 * Math.sin(2 * Math.PI * u), start.y + 100 * (1 - Math.cos(2 * Math.PI * u)));
      const wait = t0 + (i * 2000) / 120 - Date.now();
      if (wait > 0) await sleep(wait);
    }
    if (action !== 'wheel') await page.mouse.up();
    const took = Date.now() - t0;
    if (process.env.TRACE_PROFILE) printProfile((await cdp.send('Profiler.stop')).profile);
    return took;
  });
  console.log(`${action} at ${zoomMode}: input took ${wall} ms for 120 events`);
  const tasks = longestTasks(onMain);
  if (tasks[0]) {
    const inside = timeByName(onMain, tasks[0]).slice(0, 12);
    console.log(`inside the longest task (${(tasks[0].dur / 1000).toFixed(0)} ms): ${inside.map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
  }
  const ms = tasks.map((e) => e.dur / 1000);
  console.log(`longest tasks: ${ms.slice(0, 6).map((d) => d.toFixed(0)).join(', ')} ms; ${ms.length} tasks, ${ms.reduce((x, y) => x + y, 0).toFixed(0)} ms in all`);
  for (const [name, t] of timeByName(onMain).slice(0, 25)) console.log(`${t.toFixed(0).padStart(7)} ms  ${name}`);
  if (process.env.TRACE_INVALIDATIONS) {
    const inv = new Map();
    for (const e of events) {
      if (!/Invalidat/.test(e.name)) continue;
      const d = e.args?.data ?? {};
      const key = `${e.name} ${d.reason ?? ''} ${d.nodeName ?? ''}`;
      inv.set(key, (inv.get(key) ?? 0) + 1);
    }
    for (const [k, n] of [...inv].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(String(n).padStart(6), k);
  }
  await browser.close();
} finally {
  preview.stop();
}
