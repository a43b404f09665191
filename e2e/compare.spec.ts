import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';

const TIMEOUT_PATH = 'edges.order-payment.policy.timeoutMs';

const sweepStatus = (page: Page) => page.getByRole('status', { name: 'Sweep status' });

async function openSweep(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('tab', { name: 'Sweep' }).click();
  await page.getByLabel('Parameter').selectOption(TIMEOUT_PATH);
}

test('compares the checkout example against a copy with the breakers off', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Compare' }).click();
  const panel = page.getByRole('tabpanel');
  await expect(page.getByRole('checkbox', { name: 'Breakers off on every edge' })).toBeChecked();
  // The explanation says what B is and what the recipe changes in this scenario.
  await expect(panel).toContainText('A is the open scenario, “E-commerce checkout”');
  await expect(panel).toContainText('every circuit breaker is removed');
  await expect(panel).toContainText('(changes 1: Order service → Payment service)');
  await expect(panel).toContainText('Both run with A’s seed (42)');

  await page.getByRole('button', { name: 'Run A and B' }).click();
  const status = page.getByRole('status', { name: 'Comparison status' });
  await expect(status).toContainText(/Running A and B|Both runs finished/);
  await expect(status).toHaveText('Both runs finished', { timeout: 90_000 });

  const system = page.getByRole('table', { name: 'System totals over the whole run' });
  await expect(system.getByRole('columnheader')).toHaveText(['Metric', 'A', 'B', 'B − A', 'Better']);
  for (const metric of ['Client requests', 'Goodput', 'Success ratio', 'p50 latency', 'p99 latency']) {
    const cells = system.getByRole('row', { name: new RegExp(`^${metric}`) }).getByRole('cell');
    await expect(cells.nth(0)).toHaveText(/\d/);
    await expect(cells.nth(1)).toHaveText(/\d/);
  }
  // Same seed, same offered load: the client sends the same number of requests in A and B.
  const requests = system.getByRole('row', { name: /^Client requests/ }).getByRole('cell');
  expect(await requests.nth(0).textContent()).toBe(await requests.nth(1).textContent());
  // Per node: the nodes that changed most, or a plain statement that none did.
  await expect(page.getByRole('table', { name: 'Nodes that changed most' }).or(page.getByText('No node’s success ratio or p99 changed.'))).toBeVisible();

  // Every chart overlays both runs: A solid, B dashed, in the same colour.
  const comparison = page.getByRole('region', { name: 'Comparison' });
  const goodput = comparison.locator('figure').filter({ has: page.getByRole('img', { name: /^Goodput/ }) });
  await expect(goodput.getByText('A: E-commerce checkout')).toBeVisible();
  await expect(goodput.getByText('B: Breakers off on every edge')).toBeVisible();
  for (const chart of await comparison.locator('figure').all()) {
    await expect(chart.locator('path[data-series="a"]')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    await expect(chart.locator('path[data-series="b"]')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    await expect(chart.locator('path[data-series="b"]')).toHaveClass(/fl-chart__line--dashed/);
  }
  // The panel scrolls: show the charts, then the tables.
  await comparison.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screens/compare.png' });
  await system.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screens/compare-table.png' });
});

test('compares against a combination of recipes and shows where B differs', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByRole('checkbox', { name: 'Breakers off on every edge' }).uncheck();
  await page.getByRole('checkbox', { name: 'Timeouts off everywhere' }).check();
  await page.getByRole('checkbox', { name: "Double every service's workers" }).check();
  await page.getByRole('button', { name: 'Run A and B' }).click();
  await expect(page.getByRole('status', { name: 'Comparison status' })).toHaveText('Both runs finished', { timeout: 90_000 });
  const legend = 'B: Timeouts off everywhere + Double every service\'s workers';
  await expect(page.getByRole('region', { name: 'Comparison' }).getByText(legend).first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Nodes that changed most' })).toBeVisible();
  await page.getByRole('region', { name: 'Comparison' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screens/compare-recipes.png' });
});

test('sweeps the payment timeout and plots the success ratio against it', async ({ page }) => {
  test.setTimeout(150_000);
  await openSweep(page);
  await page.getByLabel('Values (comma separated)').fill('100, 500, 1500');
  await page.getByLabel('Metric').selectOption({ label: 'Success ratio (%)' });
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweepStatus(page)).toHaveText(/^[0-3] of 3 done$|^All 3 done$/);
  await expect(sweepStatus(page)).toHaveText('All 3 done', { timeout: 120_000 });

  const table = page.getByRole('table', { name: 'One run per value' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('rowheader')).toHaveText(['100', '500', '1500']);
  const points = page.locator('.sweep-chart__point');
  await expect(points).toHaveCount(3);
  const y = async (x: number) => Number(await page.locator(`.sweep-chart__point[data-x="${x}"]`).getAttribute('data-y'));
  // A 100 ms timeout on a call that often takes longer fails far more checkouts than 1.5 s.
  expect(await y(100)).toBeLessThan(await y(1500));
  expect(await y(1500)).toBeGreaterThan(50);
  await expect(page.getByRole('img', { name: /^Success ratio by timeout per attempt: 100 ms gives/ })).toBeVisible();
  await page.getByRole('region', { name: 'Sweep results' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/screens/sweep.png' });
});

test('refuses a sweep value the scenario cannot take, naming the value and the path', async ({ page }) => {
  await openSweep(page);
  await page.getByLabel('Values (comma separated)').fill('100, -1');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const problems = page.getByRole('alert').filter({ hasText: TIMEOUT_PATH });
  await expect(problems).toContainText(`-1 for ${TIMEOUT_PATH}`);
  await expect(problems).toContainText('expected a finite number >= 0.001');
  await expect(sweepStatus(page)).toHaveText('Not run yet');
  await expect(page.getByRole('region', { name: 'Sweep results' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/sweep-invalid.png' });
});

test('cancels a running sweep at once and keeps what finished', async ({ page }) => {
  test.setTimeout(90_000);
  await openSweep(page);
  await page.getByLabel('Values (comma separated)').fill('100, 200, 300, 400, 500, 600, 700, 800');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(sweepStatus(page)).toHaveText(/^\d of 8 done$/);
  await page.getByRole('button', { name: 'Cancel sweep' }).click();
  await expect(sweepStatus(page)).toHaveText(/^Cancelled: \d of 8 done$/);
  await expect(page.getByRole('button', { name: 'Run sweep' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cancel sweep' })).toBeDisabled();
  // Nothing arrives after the cancel: the workers are gone.
  const after = await sweepStatus(page).textContent();
  await page.waitForTimeout(1500);
  await expect(sweepStatus(page)).toHaveText(after ?? '');
});
