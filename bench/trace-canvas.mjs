/* global document */
// Diagnostic, not a benchmark: traces one canvas gesture on the 300-node scenario and prints where
// the renderer's main thread spent its time (by trace event name). Usage:
//   npx vite build && node bench/trace-canvas.mjs [pan|drag|wheel] [far|detail]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { buildScenario } from './editor-canvas.bench.mjs';

const PORT = 4179;
const URL = `http://127.0.0.1:${PORT}/`;
const [action = 'pan', zoomMode = 'far'] = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
try {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(URL)).ok) break;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const scenario = buildScenario();
  await page.addInitScript((p) => {
    localStorage.setItem('faultline.v1.index', p.index);
    localStorage.setItem('faultline.v1.scenario.bench-300', p.envelope);
    localStorage.setItem('faultline.v1.current', 'bench-300');
  }, { envelope: JSON.stringify({ format: 'faultline', version: 2, scenario }), index: JSON.stringify([{ id: 'bench-300', title: 'B', updatedAt: '2026-01-01T00:00:00.000Z' }]) });
  await page.goto(URL);
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
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  if (process.env.TRACE_PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'viz', 'disabled-by-default-devtools.timeline.invalidationTracking'] } });
  await page.mouse.move(start.x, start.y);
  if (action !== 'wheel') await page.mouse.down();
  const t0 = Date.now();
  for (let i = 1; i <= 120; i++) {
    const u = i / 120;
    if (action === 'wheel') await page.mouse.wheel(0, u <= 0.5 ? -15 : 15);
    else await page.mouse.move(start.x + 200 * Math.sin(2 * Math.PI * u), start.y + 100 * (1 - Math.cos(2 * Math.PI * u)));
    if (i === 30) console.log('canvas attributes mid-gesture:', await page.evaluate(() => [...document.querySelector('.canvas').attributes].map((a) => a.name).join(' ')));
    const wait = t0 + (i * 2000) / 120 - Date.now();
    if (wait > 0) await sleep(wait);
  }
  if (action !== 'wheel') await page.mouse.up();
  const wall = Date.now() - t0;
  if (process.env.TRACE_PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
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
    console.log('JS self time:');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
    console.log('JS inclusive time:');
    for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(v / 1000).toFixed(0).padStart(7)} ms  ${k}`);
  }
  await cdp.send('Tracing.end');
  await done;
  // Renderer main thread: the thread named CrRendererMain.
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || (main && (e.pid !== main.pid || e.tid !== main.tid))) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`${action} at ${zoomMode}: input took ${wall} ms for 120 events`);
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid).map((e) => e.dur / 1000).sort((a, b) => b - a);
  {
    const onMain = events.filter((e) => e.ph === 'X' && main && e.pid === main.pid && e.tid === main.tid);
    const longest = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur)[0];
    if (longest) {
      const byName = new Map();
      for (const e of onMain) if (e !== longest && e.ts >= longest.ts && e.ts + e.dur <= longest.ts + longest.dur) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      console.log(`inside the longest task (${(longest.dur / 1000).toFixed(0)} ms): ${[...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${v.toFixed(0)}`).join('; ')}`);
    }
  }
  console.log(`longest tasks: ${tasks.slice(0, 6).map((d) => d.toFixed(0)).join(', ')} ms; ${tasks.length} tasks, ${tasks.reduce((a, b) => a + b, 0).toFixed(0)} ms in all`);
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
  if (process.env.TRACE_INVALIDATIONS) {
    const inv = new Map();
    for (const e of events) {
      if (!/Invalidat/.test(e.name)) continue;
      const d = e.args?.data ?? {};
      const key = `${e.name} ${d.reason ?? ''} ${d.nodeName ?? ''}`;
      inv.set(key, (inv.get(key) ?? 0) + 1);
    }
    for (const [k, n] of [...inv].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(n).padStart(6), k);
  }
  await browser.close();
} finally {
  process.kill(-server.pid, 'SIGTERM');
}
