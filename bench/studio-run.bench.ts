// Studio benchmark: wall time from Run to final results in the browser (engine in a Web Worker)
// for the default scenario, the worst main-thread task meanwhile, how often the clock updates,
// and the same scenario headless in Node for comparison. Prints one markdown section.
import { chromium, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHECKOUT_SCENARIO, builtInScenario } from '../src/model';
import { simulate } from '../src/sim';

const PORT = 4175;
const URL = `http://127.0.0.1:${PORT}/`;
const RUNS = Math.max(1, Number(process.env.FAULTLINE_BENCH_RUNS ?? 3));
const log = (...parts: unknown[]) => console.error('[studio-run]', ...parts);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function startServer(): Promise<ChildProcess> {
  if (!existsSync('dist/index.html')) {
    log('building the app');
    await new Promise<void>((resolve, reject) => spawn('npx', ['vite', 'build'], { stdio: 'ignore' }).on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`build exited ${c}`)))));
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** Clicks Run and resolves with the wall time until "Done", the long tasks and clock updates. */
async function timedRun(page: Page, durationS: number): Promise<{ wallMs: number; worstTaskMs: number; clockUpdatesPerSec: number }> {
  return page.evaluate(async (duration) => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    const clock = document.querySelector('[role="timer"]');
    const status = document.querySelector('[aria-label="Run status"]');
    if (!clock || !status) throw new Error('run bar not found');
    let updates = 0;
    const clockObserver = new MutationObserver(() => updates++);
    clockObserver.observe(clock, { characterData: true, childList: true, subtree: true });
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Run simulation');
    if (!button) throw new Error('no Run button');
    const start = performance.now();
    button.click();
    await new Promise<void>((resolve) => {
      const check = () => {
        if (status.textContent?.startsWith('Done') && clock.textContent?.startsWith(`${duration}.0 s`)) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    const wallMs = performance.now() - start;
    clockObserver.disconnect();
    await new Promise((r) => setTimeout(r, 100));
    const during = w.longTasks.filter((t) => t.start >= start && t.start <= start + wallMs);
    return { wallMs, worstTaskMs: Math.max(0, ...during.map((t) => t.duration)), clockUpdatesPerSec: updates / (wallMs / 1000) };
  }, durationS);
}

async function main(): Promise<void> {
  const scenario = builtInScenario(CHECKOUT_SCENARIO);
  const long = { ...scenario, settings: { ...scenario.settings, durationS: 600 } };
  const headless: number[] = [];
  const headless600: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    simulate(scenario);
    headless.push(performance.now() - t);
    t = performance.now();
    simulate(long);
    headless600.push(performance.now() - t);
  }
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run'] });
  try {
    const rows: { label: string; wall: number[]; worst: number[]; rate: number[] }[] = [];
    for (const [label, durationS] of [['default scenario, 60 s', 60], ['same, 600 s', 600]] as const) {
      const row = { label, wall: [] as number[], worst: [] as number[], rate: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        // tsx keeps function names with a helper that does not exist in the page.
        await page.addInitScript('window.__name = (f) => f;');
        await page.addInitScript((d) => {
          const w = window as unknown as { longTasks: { start: number; duration: number }[] };
          w.longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
          }).observe({ type: 'longtask', buffered: true });
          if (d !== 60) {
            // A longer run of the same scenario: set the duration before the app reads storage.
            const id = 'bench-long';
            localStorage.setItem('faultline.v1.current', id);
            localStorage.setItem('faultline.v1.index', JSON.stringify([{ id, title: 'long', updatedAt: new Date().toISOString() }]));
          }
        }, durationS);
        if (durationS !== 60) {
          await page.addInitScript((text) => localStorage.setItem('faultline.v1.scenario.bench-long', text), JSON.stringify({ format: 'faultline', version: 2, scenario: long }));
        }
        await page.goto(URL);
        await page.locator('.react-flow__node-arch').first().waitFor();
        await page.waitForTimeout(1000);
        const r = await timedRun(page, durationS);
        log(`${label}: ${Math.round(r.wallMs)} ms, worst task ${Math.round(r.worstTaskMs)} ms, ${r.clockUpdatesPerSec.toFixed(1)} clock updates/s`);
        row.wall.push(r.wallMs);
        row.worst.push(r.worstTaskMs);
        row.rate.push(r.clockUpdatesPerSec);
        await page.close();
      }
      rows.push(row);
    }
    const [short, longRow] = rows;
    const lines = [
      '## Studio: run in the browser',
      '',
      'Wall time from clicking Run to the final results, in the built app (engine in a Web Worker, "as fast as possible"), against the same engine headless in Node; the worst main-thread task during the run (PerformanceObserver long tasks; 0 = none over 50 ms); and how often the simulated clock on screen changed.',
      `Median of ${RUNS} runs.`,
      '',
      '| run | browser wall time | headless (Node) | browser / headless | worst main-thread task | clock updates per second |',
      '|---|---:|---:|---:|---:|---:|',
    ];
    for (const [row, node] of [[short, headless], [longRow, headless600]] as const) {
      if (!row) continue;
      const wall = median(row.wall);
      const base = median(node);
      lines.push(`| ${row.label} | ${Math.round(wall)} ms | ${Math.round(base)} ms | ${(wall / base).toFixed(2)}x | ${Math.round(median(row.worst))} ms | ${median(row.rate).toFixed(1)} |`);
    }
    lines.push('', 'Targets (issue 4): no main-thread task over 50 ms during a run; the worker at no less than half the headless speed (browser / headless <= 2x); at least 5 updates per second.');
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
