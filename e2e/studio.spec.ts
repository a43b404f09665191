import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { newBlankScenario, openApp, selectNode } from './fixtures';

const runStatus = (page: Page) => page.getByRole('status', { name: 'Run status' });

async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Done', { timeout: 60_000 });
}

test('runs the checkout scenario in a worker and shows health, charts and the story', async ({ page }) => {
  await openApp(page);
  await runToEnd(page);
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('60.0 s of 60 s');
  // The canvas shows health at the latest moment.
  await expect(page.getByTestId('live-payment-db').getByRole('img', { name: /health: / })).toBeVisible();
  await page.getByRole('tab', { name: /Results/ }).click();
  await expect(page.getByRole('region', { name: 'System charts' }).getByRole('img', { name: /Offered load and goodput/ })).toBeVisible();
  await selectNode(page, 'payment-service');
  await expect(page.getByRole('region', { name: 'Selection charts' }).getByRole('img', { name: /Latency percentiles/ })).toBeVisible();
  await page.getByRole('tab', { name: /Events/ }).click();
  await expect(page.getByRole('region', { name: 'What happened' })).toContainText('At 20.0 s, Payment DB slowed down 10x for 15 s.');
  await page.screenshot({ path: 'test-results/screens/run-events.png' });
  // The main thread's long tasks during a run are measured in e2e/quiet/long-tasks.spec.ts.
});

test('cancels a run at once and keeps what was sampled so far', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Play 1x (real time)' }); // outlasts the checks on a loaded machine
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Running');
  // Two simulated seconds: two samples to keep (one per second) when the run is cancelled.
  await expect.poll(async () => parseFloat((await page.getByRole('timer', { name: 'Simulated time' }).textContent()) ?? '0')).toBeGreaterThanOrEqual(2);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(runStatus(page)).toContainText('Paused');
  const paused = await page.getByRole('timer', { name: 'Simulated time' }).textContent();
  await page.waitForTimeout(600);
  expect(await page.getByRole('timer', { name: 'Simulated time' }).textContent()).toBe(paused);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(runStatus(page)).toContainText('Running');
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  await expect(page.getByRole('status').filter({ hasText: 'Run cancelled' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Time' })).toBeVisible();
  // And a new run can start straight away.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'As fast as possible' });
  await runToEnd(page);
});

test('scrubs the timeline and jumps to a moment from the event log', async ({ page }) => {
  await openApp(page);
  await runToEnd(page);
  await page.getByRole('tab', { name: /Events/ }).click();
  const faultStart = page.getByRole('list', { name: 'Event log' }).getByRole('button', { name: /fault starts/ });
  await faultStart.click();
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveAttribute('aria-valuetext', '20.0 s');
  await expect(faultStart).toHaveAttribute('aria-current', 'true');
  // During the fault the payment path is unhealthy; at 5 s everything was fine.
  await page.getByRole('slider', { name: 'Time' }).fill('5000');
  await expect(page.getByTestId('node-payment-db')).toHaveAttribute('data-health', 'ok');
  await page.getByRole('slider', { name: 'Time' }).fill('30000');
  await expect(page.getByTestId('node-payment-db')).not.toHaveAttribute('data-health', 'ok');
  await page.getByRole('button', { name: 'Latest' }).click();
  await expect(page.getByRole('slider', { name: 'Time' })).toHaveAttribute('aria-valuetext', '59.0 s');
});

test('exports the samples and the summary as CSV', async ({ page }) => {
  await openApp(page);
  await runToEnd(page);
  await page.getByRole('tab', { name: /Results/ }).click();
  const samples = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export samples (CSV)' }).click();
  const text = readFileSync(await (await samples).path(), 'utf8');
  expect(text.split('\n')[0]).toMatch(/^startS,endS,scope,id,/);
  expect(text).toContain(',node,payment-db,');
  const summary = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export summary (CSV)' }).click();
  expect((await summary).suggestedFilename()).toBe('e-commerce-checkout.summary.csv');
  expect(readFileSync(await (await summary).path(), 'utf8')).toContain('system,system,');
});

test('refuses to run a scenario with a blocking problem and says why', async ({ page }) => {
  await openApp(page);
  await newBlankScenario(page);
  await page.getByRole('button', { name: 'Add Service' }).click();
  await page.getByRole('button', { name: 'Add Service' }).click();
  const connect = async (from: string, to: string) => {
    await selectNode(page, from);
    await page.getByLabel('Call or publish to').selectOption(to);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
  };
  await connect('client', 'service-1');
  await connect('service-1', 'service-2');
  await connect('service-2', 'service-1');
  await page.locator('body').press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'The run did not start' })).toContainText('Sync calls loop between Service 1 and Service 2');
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
});

test('animated flow follows prefers-reduced-motion and can be switched off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openApp(page);
  const toggle = page.getByRole('checkbox', { name: 'Animate flow' });
  await expect(toggle).not.toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-flow', 'off');
  await toggle.check();
  await expect(page.locator('html')).toHaveAttribute('data-flow', 'on');
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Animate flow' })).toBeChecked();
});
