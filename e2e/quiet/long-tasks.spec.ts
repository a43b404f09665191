import { expect, test, type Page } from '@playwright/test';
import { openApp } from '../fixtures';

/**
 * Issue 4: "the main thread never blocks: no long task over 50 ms during a run", and the clock
 * (with the charts) updates at least 5 times a second. These tests run in the `quiet` project,
 * after every other test (playwright.config.ts): a long task is wall-clock time, and measured
 * while other browsers share the two cores it counts their work too.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
});

/** Runs to the end; returns the worst main-thread task and the clock updates per second meanwhile. */
async function measuredRun(page: Page): Promise<{ worstTaskMs: number; clockUpdatesPerSec: number; wallMs: number }> {
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Run simulation' }).focus();
  await page.evaluate(() => {
    const w = window as unknown as { clockUpdates: number };
    w.clockUpdates = 0;
    const clock = document.querySelector('[role="timer"]');
    if (clock) new MutationObserver(() => w.clockUpdates++).observe(clock, { characterData: true, childList: true, subtree: true });
  });
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  // A cheap wait (no accessibility-tree queries in the page), so that only the app's work counts.
  await page.waitForFunction(() => document.querySelector('[aria-label="Run status"]')?.textContent?.startsWith('Done'), undefined, { timeout: 120_000, polling: 200 });
  const ended = await page.evaluate(() => performance.now());
  return page.evaluate(
    ([from, to]) => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[]; clockUpdates: number };
      const during = w.longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration);
      return { worstTaskMs: Math.max(0, ...during), clockUpdatesPerSec: w.clockUpdates / ((to - from) / 1000), wallMs: to - from };
    },
    [started, ended] as const,
  );
}

test('a 60-second run of the checkout scenario never blocks the page for more than 50 ms', async ({ page }) => {
  await openApp(page);
  const run = await measuredRun(page);
  console.log(`60 s run: ${run.wallMs.toFixed(0)} ms wall, worst task ${run.worstTaskMs.toFixed(0)} ms, ${run.clockUpdatesPerSec.toFixed(1)} clock updates/s`);
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('60.0 s of 60 s');
  expect(run.worstTaskMs).toBeLessThan(50);
});

test('a 600-second run is as smooth: no task over 50 ms, the clock moves at least 5 times a second', async ({ page }) => {
  await openApp(page);
  const duration = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Duration');
  await duration.fill('600');
  await duration.press('Tab');
  const run = await measuredRun(page);
  console.log(`600 s run: ${run.wallMs.toFixed(0)} ms wall, worst task ${run.worstTaskMs.toFixed(0)} ms, ${run.clockUpdatesPerSec.toFixed(1)} clock updates/s`);
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('600.0 s of 600 s');
  expect(run.worstTaskMs).toBeLessThan(50);
  expect(run.clockUpdatesPerSec).toBeGreaterThanOrEqual(5);
});
