import { expect, test } from '@playwright/test';
import { clickEdge, openApp, selectNode, storedScenario, zoomToDetail } from './fixtures';

type Fault = { id: string; kind: string; target: string; startS: number; durationS: number };
const faults = async (page: Parameters<typeof storedScenario>[0]) => (await storedScenario(page)) as unknown as { faults: Fault[] };

test('adds a fault on the selected node, moves and resizes it by keyboard and deletes it', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'inventory-db');
  await page.getByRole('tab', { name: /Faults/ }).click();
  await page.getByLabel('New fault').selectOption('crash');
  await expect(page.getByLabel('on', { exact: true })).toHaveValue('inventory-db');
  await page.getByRole('button', { name: 'Add fault' }).click();
  const bar = page.getByRole('button', { name: /^Crash on Inventory DB/ });
  await expect(bar).toBeVisible();
  let added = (await faults(page)).faults.find((f) => f.kind === 'crash');
  expect(added?.target).toBe('inventory-db');
  const start = added?.startS ?? 0;
  const length = added?.durationS ?? 0;
  await bar.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await faults(page)).faults.find((f) => f.kind === 'crash')?.startS).toBe(start + 2);
  added = (await faults(page)).faults.find((f) => f.kind === 'crash');
  expect(added?.durationS).toBe(length + 1);
  await page.keyboard.press('Delete');
  await expect(bar).toHaveCount(0);
  await expect.poll(async () => (await faults(page)).faults.some((f) => f.kind === 'crash')).toBe(false);
});

test('drags a fault bar along the time axis as one undo step', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: /Faults/ }).click();
  const bar = page.getByRole('button', { name: /^Latency on Payment DB/ });
  const box = await bar.boundingBox();
  if (!box) throw new Error('no bar');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2);
  await page.mouse.up();
  await expect.poll(async () => (await faults(page)).faults[0]?.startS).toBeGreaterThan(20);
  await page.locator('body').press('Control+z');
  await expect.poll(async () => (await faults(page)).faults[0]?.startS).toBe(20);
});

test('picks a fault target on the canvas and refuses a wrong one', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: /Faults/ }).click();
  await page.getByRole('button', { name: /^Latency on Payment DB/ }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Pick the target on the canvas' }).click();
  await page.getByTestId('node-shoppers').click();
  await expect(page.getByRole('status').filter({ hasText: 'Not a target for this fault' })).toContainText('cannot target a client');
  await page.getByTestId('node-orders-db').click();
  await expect(inspector.getByLabel('Target')).toHaveValue('orders-db');
  await expect(page.getByRole('button', { name: /^Latency on Orders DB/ })).toBeVisible();
});

test('adds workload phases and draws the offered load', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Workload' }).click();
  await page.getByRole('button', { name: '+ Ramp' }).click();
  await page.getByRole('button', { name: '+ Spike' }).click();
  await page.getByLabel('Phase 2 peak', { exact: true }).fill('1500');
  await page.getByLabel('Phase 2 peak', { exact: true }).press('Enter');
  await expect(page.getByRole('img', { name: /peak 1500 requests per second/ })).toBeVisible();
  const stored = (await storedScenario(page)) as unknown as { nodes: { id: string; workload?: { phases: { kind: string }[] } }[] };
  expect(stored.nodes.find((n) => n.id === 'shoppers')?.workload?.phases.map((p) => p.kind)).toEqual(['ramp', 'spike']);
  await page.screenshot({ path: 'test-results/screens/workload.png' });
});

test('copies, pastes, duplicates, groups and deletes nodes', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'card-network');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await storedScenario(page)).nodes.filter((n) => n.kind === 'external').length).toBe(2);
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Duplicate' }).click();
  await expect.poll(async () => (await storedScenario(page)).nodes.filter((n) => n.kind === 'external').length).toBe(3);
  // Group the selected copy into a named context.
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Group into a bounded context' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bounded context' });
  await dialog.getByLabel('Name').fill('Third parties');
  await dialog.getByRole('button', { name: 'Create context' }).click();
  await expect(page.locator('.context-node').filter({ hasText: 'Third parties' })).toBeVisible();
  await page.keyboard.press('Delete');
  await expect.poll(async () => (await storedScenario(page)).nodes.filter((n) => n.kind === 'external').length).toBe(2);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await storedScenario(page)).nodes.filter((n) => n.kind === 'external').length).toBe(3);
});

test('edits a saga on a service and a policy preset on an edge', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'order-service');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('checkbox', { name: 'Saga' }).check();
  await inspector.getByRole('button', { name: 'Add step' }).click();
  await inspector.getByLabel('Step 2 call').selectOption({ label: 'to Payment service' });
  await inspector.getByLabel('Step 1 compensation').selectOption({ label: 'to Inventory service' });
  const stored = (await storedScenario(page)) as unknown as { nodes: { id: string; saga?: { steps: { action: string; compensation: string | null }[] } }[] };
  expect(stored.nodes.find((n) => n.id === 'order-service')?.saga?.steps).toEqual([
    { action: 'order-db', compensation: 'order-inventory' },
    { action: 'order-payment', compensation: null },
  ]);
  await clickEdge(page, 'gateway-order');
  await inspector.getByLabel('Preset').selectOption({ label: 'Resilience4j defaults' });
  await zoomToDetail(page);
  await expect(page.getByTestId('edge-badges-gateway-order')).toContainText('CB');
  await expect(inspector.getByRole('checkbox', { name: 'Circuit breaker' })).toBeChecked();
  await expect(inspector.getByLabel('Minimum calls')).toHaveValue('100');
});
