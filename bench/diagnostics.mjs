// Shared by the diagnostic scripts (trace-canvas.mjs, profile-run.mjs): not a benchmark itself.
import { spawn } from 'node:child_process';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Serves the production build with `vite preview` on `port`; resolves once it answers. */
export async function startPreview(port) {
  const url = `http://127.0.0.1:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 80; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  return { url, stop: () => process.kill(-server.pid, 'SIGTERM') };
}

/** Records a Chromium trace around `act()` and returns the complete events of the renderer's main thread. */
export async function traceMainThread(page, categories, act) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
  const result = await act(cdp);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = main ? events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid) : [];
  return { events, onMain, result };
}

/** Milliseconds per trace event name among `events` (optionally only those inside `within`). */
export function timeByName(events, within = null, key = (e) => e.name) {
  const byName = new Map();
  for (const e of events) {
    if (within && (e === within || e.ts < within.ts || e.ts + e.dur > within.ts + within.dur)) continue;
    byName.set(key(e), (byName.get(key(e)) ?? 0) + (e.dur ?? 0) / 1000);
  }
  return [...byName].sort((a, b) => b[1] - a[1]);
}

/** The main thread's tasks, longest first. */
export const longestTasks = (onMain) => onMain.filter((e) => e.name === 'RunTask').sort((a, b) => b.dur - a.dur);
