import { expect, test } from '@playwright/test';
import { archEdges, archNodes, clickEdge, newBlankScenario, openApp, selectNode, storedScenario } from './fixtures';

const KINDS = ['Client', 'Gateway', 'Load balancer', 'Service', 'Database', 'Cache', 'Queue', 'Topic', 'External'];

test('opens the checkout example on first start', async ({ page }) => {
  await openApp(page);
  await expect(archNodes(page)).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'Scenarios: E-commerce checkout' })).toBeVisible();
  await expect(page.getByTestId('node-payment-db')).toContainText('Payment DB');
  await expect(page.getByTestId('context-payments')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/default-scenario.png' });
});

test('adds every node kind with the keyboard alone', async ({ page }) => {
  await openApp(page);
  await newBlankScenario(page);
  // Through the palette: Tab to each button and press Enter.
  for (const kind of KINDS) {
    const button = page.getByRole('button', { name: `Add ${kind}` });
    await button.focus();
    await page.keyboard.press('Enter');
  }
  await expect.poll(async () => (await storedScenario(page)).nodes.length).toBe(1 + KINDS.length);
  // Each new node is selected and scrolled into view, with its kind's look.
  await expect(page.locator('.arch-node--external.is-selected')).toBeVisible();
  // And through the number keys, with focus on the page body.
  await page.locator('body').focus();
  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await expect(page.locator('.arch-node--service.is-selected')).toBeVisible();
  const stored = await storedScenario(page);
  expect(stored.nodes.map((n) => n.kind).sort()).toEqual(
    ['cache', 'client', 'client', 'database', 'external', 'gateway', 'loadBalancer', 'queue', 'service', 'service', 'topic'].sort(),
  );
});

test('connects nodes from the inspector and refuses an invalid connection with a reason', async ({ page }) => {
  await openApp(page);
  await newBlankScenario(page);
  await page.getByRole('button', { name: 'Add Service' }).click();
  await page.getByRole('button', { name: 'Add Database' }).click();
  await page.getByRole('button', { name: 'Add Queue' }).click();
  await selectNode(page, 'db-1');
  // A database calls nothing: no Connect section.
  await expect(page.getByLabel('Call or publish to')).toHaveCount(0);
  await selectNode(page, 'service-1');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByLabel('Call or publish to').selectOption({ label: 'Database 1 (Database)' });
  await inspector.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(archEdges(page)).toHaveCount(1);
  await inspector.getByLabel('Call or publish to').selectOption({ label: 'Queue 1 (Queue)' });
  await expect(inspector.getByText('Adds a async edge.')).toBeVisible();
  await inspector.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(archEdges(page)).toHaveCount(2);
  await expect(page.locator('.arch-edge--async')).toHaveCount(1);
  await expect(page.locator('.arch-edge--sync')).toHaveCount(1);
  // Connecting the same pair again is refused with the reason.
  await inspector.getByLabel('Call or publish to').selectOption({ label: 'Database 1 (Database)' });
  await expect(inspector.getByRole('alert')).toContainText('already connected');
  await expect(inspector.getByRole('button', { name: 'Connect', exact: true })).toBeDisabled();
});

test('connects by dragging between handles and explains a refused drag', async ({ page }) => {
  await openApp(page);
  await newBlankScenario(page);
  await page.getByRole('button', { name: 'Add Service' }).click();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await page.waitForTimeout(500);
  const source = page.getByTestId('node-client').locator('.react-flow__handle-right');
  const target = page.getByTestId('node-service-1').locator('.react-flow__handle-left');
  await source.dragTo(target);
  await expect(archEdges(page)).toHaveCount(1);
  // Dragging from the service back into the client is refused: nothing calls a client.
  await page.getByTestId('node-service-1').locator('.react-flow__handle-right').dragTo(page.getByTestId('node-client').locator('.react-flow__handle-left'));
  // The reason is said where the connection was dropped (e2e/connect.spec.ts measures where).
  await expect(page.getByRole('alert').filter({ hasText: 'Not connected' })).toContainText('nothing can call it');
  await expect(archEdges(page)).toHaveCount(1);
});

test('edits a parameter with inline validation, then undoes and redoes it', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'order-service');
  const workers = page.getByLabel('Workers per replica');
  await expect(workers).toHaveValue('24');
  await workers.fill('-3');
  await expect(page.getByText('expected a whole number >= 1 and <= 100000')).toBeVisible();
  await expect(workers).toHaveAttribute('aria-invalid', 'true');
  await workers.press('Escape');
  await expect(workers).toHaveValue('24');
  await workers.fill('48');
  await workers.press('Enter');
  await expect(page.getByTestId('node-order-service')).toContainText('3 x 48 workers');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-order-service')).toContainText('3 x 24 workers');
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('node-order-service')).toContainText('3 x 48 workers');
});

test('a drag is one undo step', async ({ page }) => {
  await openApp(page);
  const node = page.getByTestId('node-card-network');
  const before = await node.boundingBox();
  if (!before) throw new Error('no box');
  await page.mouse.move(before.x + 60, before.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(before.x + 60 + i * 8, before.y + 20 + i * 4);
  await page.mouse.up();
  const after = await node.boundingBox();
  expect(after && after.x - before.x).toBeGreaterThan(60);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.round((await node.boundingBox())?.x ?? 0)).toBe(Math.round(before.x));
});

test('a lint marker appears when a timeout is removed and disappears on undo', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('no-problems')).toBeVisible();
  await clickEdge(page, 'payment-card');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText('Payment service → Card network');
  await inspector.getByRole('checkbox', { name: 'Timeout' }).uncheck();
  await expect(page.getByTestId('node-card-network').getByTestId('lint-marker')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Architecture problems' })).toContainText('with no timeout');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-card-network').getByTestId('lint-marker')).toHaveCount(0);
  await expect(page.getByTestId('no-problems')).toBeVisible();
});

test('auto-layout arranges nodes left to right without overlaps', async ({ page }) => {
  await openApp(page);
  await newBlankScenario(page);
  for (const kind of ['Gateway', 'Service', 'Database']) await page.getByRole('button', { name: `Add ${kind}` }).click();
  // Newly added nodes pile up in the middle of the view.
  const stored = await storedScenario(page);
  const ids = stored.nodes.map((n) => n.id);
  const connect = async (from: string, to: string) => {
    await selectNode(page, from);
    await page.getByLabel('Call or publish to').selectOption(to);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
  };
  await connect('client', 'gateway-1');
  await connect('gateway-1', 'service-1');
  await connect('service-1', 'db-1');
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(async () => {
    const s = await storedScenario(page);
    const x = (id: string) => s.nodes.find((n) => n.id === id)?.position.x ?? 0;
    return x('client') < x('gateway-1') && x('gateway-1') < x('service-1') && x('service-1') < x('db-1');
  }).toBe(true);
  expect(ids).toHaveLength(4);
});

test('reload keeps the work', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add Cache' }).click();
  await expect(archNodes(page)).toHaveCount(13);
  await page.reload();
  await expect(archNodes(page)).toHaveCount(13);
  await expect(page.locator('.arch-node--cache')).toHaveCount(1);
});

test('keyboard shortcut help opens with ?', async ({ page }) => {
  await openApp(page);
  await page.locator('body').press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Auto-layout');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('moves the selected node with the arrow keys, each press undoable', async ({ page }) => {
  await openApp(page);
  await selectNode(page, 'card-network');
  const x0 = (await storedScenario(page)).nodes.find((n) => n.id === 'card-network')?.position.x ?? 0;
  await page.getByTestId('rf__node-card-network').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await storedScenario(page)).nodes.find((n) => n.id === 'card-network')?.position.x).toBeGreaterThan(x0);
  await page.locator('body').press('Control+z');
  await page.locator('body').press('Control+z');
  await expect.poll(async () => (await storedScenario(page)).nodes.find((n) => n.id === 'card-network')?.position.x).toBe(x0);
});

test('selects several nodes with Shift+click and deletes them together', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-card-network').click();
  await page.getByTestId('node-payment-db').click({ modifiers: ['Shift'] });
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('2 nodes');
  await page.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Delete selection' }).click();
  await expect.poll(async () => (await storedScenario(page)).nodes.length).toBe(10);
  await expect.poll(async () => (await storedScenario(page)).edges.some((e) => e.to === 'payment-db')).toBe(false);
});

test('the minimap shows only while part of the diagram is out of view, and a click on it moves the view there', async ({ page }) => {
  await openApp(page);
  const minimap = page.getByRole('img', { name: 'Minimap' });
  await expect(minimap).toHaveCount(0); // fitted: the whole diagram is on screen
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: /^zoom in$/i }).click();
  await expect(minimap).toBeVisible();
  const viewport = page.locator('.react-flow__viewport');
  const before = await viewport.evaluate((el) => el.style.transform);
  const box = await minimap.boundingBox();
  if (!box) throw new Error('no minimap box');
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.9);
  await expect.poll(() => viewport.evaluate((el) => el.style.transform)).not.toBe(before);
  await page.getByRole('button', { name: 'Zoom to fit', exact: true }).click();
  await expect(minimap).toHaveCount(0);
});
