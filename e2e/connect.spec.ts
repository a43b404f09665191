import { expect, test, type Page } from '@playwright/test';
import { archEdges, newBlankScenario, openApp, selectNode, storedScenario, zoomToDetail } from './fixtures';

const SCREENS = `${process.env.FAULTLINE_E2E_OUT ?? 'test-results'}/screens`;
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

type Box = { x: number; y: number; width: number; height: number };
const center = (b: Box) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`no box for ${selector}`);
  return b;
}

/** Drags with the mouse from one point to another in small steps, as a hand does. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
  await page.mouse.up();
}

/** Waits until the view and the nodes stop moving (a layout, a fit or a zoom animates). */
async function settled(page: Page): Promise<void> {
  const picture = () => page.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('.react-flow__viewport, .react-flow__node')).map((e) => e.style.transform).join('|'));
  let last = '';
  await expect.poll(async () => {
    await page.waitForTimeout(250);
    const now = await picture();
    const same = now === last;
    last = now;
    return same;
  }).toBe(true);
}

const outHandle = (id: string) => `[data-testid="node-${id}"] .react-flow__handle-right`;
const inHandle = (id: string) => `[data-testid="node-${id}"] .react-flow__handle-left`;
const body = (id: string) => `[data-testid="node-${id}"]`;

/** A blank scenario with a client and one service, side by side. */
async function clientAndService(page: Page): Promise<void> {
  await openApp(page);
  await newBlankScenario(page);
  await page.getByRole('button', { name: 'Add Service' }).click();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await settled(page); // the layout and the fit after it
}

test('a connection dropped on a node\'s body (not its handle) connects to that node', async ({ page }) => {
  await clientAndService(page);
  const target = center(await box(page, body('service-1')));
  await drag(page, center(await box(page, outHandle('client'))), target);
  await expect(archEdges(page)).toHaveCount(1);
  await expect.poll(async () => (await storedScenario(page)).edges.map((e) => `${e.from}->${e.to}`)).toEqual(['client->service-1']);
  // From the in handle the other way round: the body dropped on is the caller.
  await page.getByRole('button', { name: 'Add Database' }).click();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await settled(page);
  await drag(page, center(await box(page, inHandle('db-1'))), center(await box(page, body('service-1'))));
  await expect.poll(async () => (await storedScenario(page)).edges.map((e) => `${e.from}->${e.to}`).sort()).toEqual(['client->service-1', 'service-1->db-1']);
});

for (const viewport of VIEWPORTS) {
  test(`a refused drop says why at the drop point and goes on the next action (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await clientAndService(page);
    const alert = page.getByRole('alert');
    // Into a client: nothing can call it. Dropped on its body.
    const drop = center(await box(page, body('client')));
    await drag(page, center(await box(page, outHandle('service-1'))), drop);
    await expect(alert).toHaveText(/^Not connected: A client only sends traffic: nothing can call it\.$/);
    const message = await alert.boundingBox();
    if (!message) throw new Error('no message box');
    // The message sits beside the pointer: its nearest corner within 30 px of the drop point.
    const dx = Math.max(message.x - drop.x, 0, drop.x - (message.x + message.width));
    const dy = Math.max(message.y - drop.y, 0, drop.y - (message.y + message.height));
    expect(Math.hypot(dx, dy)).toBeLessThan(30);
    expect(message.x + message.width).toBeLessThanOrEqual(viewport.width);
    const size = await alert.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: `${SCREENS}/connect-refused-drop-${viewport.width}.png` });
    expect(await archEdges(page).count()).toBe(0);
    // The next action (here a key) takes it away.
    await page.keyboard.press('Shift');
    await expect(alert).toHaveCount(0);

    // A self loop: dropped back on its own body.
    const own = await box(page, body('service-1'));
    await drag(page, center(await box(page, outHandle('service-1'))), { x: own.x + own.width * 0.4, y: own.y + own.height / 2 });
    await expect(alert).toHaveText('Not connected: A node cannot call itself.');
    // The next press of the mouse takes it away too.
    await page.mouse.click(5, viewport.height / 2);
    await expect(alert).toHaveCount(0);

    // A duplicate edge.
    await drag(page, center(await box(page, outHandle('client'))), center(await box(page, body('service-1'))));
    await expect(archEdges(page)).toHaveCount(1);
    await drag(page, center(await box(page, outHandle('client'))), center(await box(page, body('service-1'))));
    await expect(alert).toContainText('already connected');
    await expect(archEdges(page)).toHaveCount(1);
  });

  test(`every handle has a hit area of at least 24 x 24 px on screen (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    const measure = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node-arch .react-flow__handle')).map((h) => {
          const r = h.getBoundingClientRect();
          // The hit area is the element's whole box: a point 11 px right of and below its centre (a
          // corner of a 24 x 24 box) still lands on it.
          const hit = document.elementFromPoint(r.left + r.width / 2 + 11, r.top + r.height / 2 + 11);
          const canvas = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
          const x = r.left + r.width / 2 + 11;
          const y = r.top + r.height / 2 + 11;
          const onCanvas = !!canvas && x > canvas.left && x < canvas.right && y > canvas.top && y < canvas.bottom;
          return { width: r.width, height: r.height, hits: hit === h, onCanvas };
        }),
      );
    const level = (await page.locator('.canvas').getAttribute('data-level')) ?? '';
    for (const at of [level, 'detail']) {
      if (at === 'detail') await zoomToDetail(page);
      await settled(page);
      const handles = await measure();
      expect(handles.length, `handles at the ${at} level`).toBeGreaterThan(0);
      const smallest = { width: Math.min(...handles.map((h) => h.width)), height: Math.min(...handles.map((h) => h.height)) };
      console.log(`${viewport.width}x${viewport.height} ${at}: smallest handle hit area ${smallest.width.toFixed(1)} x ${smallest.height.toFixed(1)} px`);
      expect(smallest.width).toBeGreaterThanOrEqual(24);
      expect(smallest.height).toBeGreaterThanOrEqual(24);
      // Of the handles fully on the canvas, nearly all are hit at that point (one may lie under a neighbour or the controls).
      const onCanvas = handles.filter((h) => h.onCanvas);
      expect(onCanvas.filter((h) => h.hits).length).toBeGreaterThanOrEqual(onCanvas.length - 2);
    }
  });

  test(`C opens "Connect to…": search, Enter connects, focus goes to the new edge (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await selectNode(page, 'payment-service');
    await page.locator('body').press('c');
    const dialog = page.getByRole('dialog', { name: 'Connect to…' });
    await expect(dialog).toBeVisible();
    const search = dialog.getByRole('combobox', { name: 'Search nodes to connect to' });
    await expect(search).toBeFocused();
    // Invalid targets are listed after the valid ones, disabled, with the reason.
    const shoppers = dialog.getByRole('option', { name: /Shoppers/ });
    await expect(shoppers).toHaveAttribute('aria-disabled', 'true');
    await expect(shoppers).toContainText('nothing can call it');
    await expect(dialog.getByRole('option', { name: /Payment DB/ })).toContainText('already connected');
    await page.screenshot({ path: `${SCREENS}/connect-dialog-${viewport.width}.png` });
    await search.pressSequentially('events');
    await expect(dialog.getByRole('option')).toHaveCount(1);
    await expect(dialog.getByRole('option', { name: /Order events/ })).toHaveAttribute('aria-selected', 'true');
    await page.screenshot({ path: `${SCREENS}/connect-dialog-search-${viewport.width}.png` });
    await search.press('Enter');
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await storedScenario(page)).edges.some((e) => e.from === 'payment-service' && e.to === 'order-events')).toBe(true);
    const edge = (await storedScenario(page)).edges.find((e) => e.from === 'payment-service' && e.to === 'order-events');
    await expect(page.getByTestId(`rf__edge-${edge?.id}`)).toBeFocused();
    await expect(page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 })).toHaveText('Payment service → Order events');
    await expect(page.locator('.arch-edge--async.is-selected')).toHaveCount(1);
  });
}

test('adding a node and connecting it takes 5 key presses', async ({ page }) => {
  await openApp(page);
  // Every key the page receives is counted, so the test cannot cheat by clicking or by
  // pressing keys it does not count.
  await page.evaluate(() => {
    const w = window as unknown as { keysPressed: number };
    w.keysPressed = 0;
    window.addEventListener('keydown', () => (w.keysPressed += 1), true);
  });
  await page.locator('body').focus();
  await page.keyboard.press('4'); // add a service: it is selected
  await expect(page.locator('.arch-node--service.is-selected')).toBeVisible();
  await page.keyboard.press('c'); // Connect to...
  await expect(page.getByRole('dialog', { name: 'Connect to…' })).toBeVisible();
  await page.keyboard.type('ex'); // narrows to the external card network
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Connect to…' })).toBeHidden();
  await expect.poll(async () => (await storedScenario(page)).edges.some((e) => e.from === 'service-1' && e.to === 'card-network')).toBe(true);
  await expect(page.locator('.react-flow__edge:focus')).toHaveAttribute('data-id', /^service-1-card-network/);
  const keys = await page.evaluate(() => (window as unknown as { keysPressed: number }).keysPressed);
  console.log(`add a node and connect it: ${keys} key presses`);
  expect(keys).toBe(5);
  expect(keys).toBeLessThanOrEqual(6);
});

test.describe('one undo step per drag', () => {
  const undo = (page: Page) => page.getByRole('button', { name: 'Undo', exact: true });

  test('dragging a node is one undo step; a box selection is none', async ({ page }) => {
    await openApp(page);
    await expect(undo(page)).toBeDisabled();
    // Box-select (Shift + drag, from the empty pane below) around the payment context: its two nodes.
    const ctx = await box(page, '[data-testid="context-payments"]');
    const pane = await box(page, '.react-flow__pane');
    await page.keyboard.down('Shift');
    await drag(page, { x: ctx.x + ctx.width + 10, y: ctx.y + ctx.height + 10 }, { x: ctx.x - 10, y: Math.max(pane.y + 2, ctx.y - 10) });
    await page.keyboard.up('Shift');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('2 nodes');
    await expect(undo(page)).toBeDisabled();
    await page.keyboard.press('Escape');

    const node = page.getByTestId('node-card-network');
    const before = (await storedScenario(page)).nodes.find((n) => n.id === 'card-network')?.position;
    const start = center(await box(page, body('card-network')));
    await drag(page, { x: start.x - 30, y: start.y }, { x: start.x + 130, y: start.y + 70 }, 20);
    await expect.poll(async () => (await storedScenario(page)).nodes.find((n) => n.id === 'card-network')?.position.x).toBeGreaterThan((before?.x ?? 0) + 60);
    await expect(undo(page)).toBeEnabled();
    await page.locator('body').press('Control+z');
    await expect.poll(async () => (await storedScenario(page)).nodes.find((n) => n.id === 'card-network')?.position).toEqual(before);
    // One step, so nothing is left to undo.
    await expect(undo(page)).toBeDisabled();
    await expect(node).toBeVisible();
  });

  test('dragging a bounded context moves its members as one undo step', async ({ page }) => {
    await openApp(page);
    const before = (await storedScenario(page)).nodes.filter((n) => ['payment-service', 'payment-db', 'card-network'].includes(n.id));
    const label = await box(page, '[data-testid="context-payments"] .context-node__label');
    await drag(page, center(label), { x: center(label).x + 100, y: center(label).y + 60 }, 16);
    await expect.poll(async () => (await storedScenario(page)).nodes.find((n) => n.id === 'payment-db')?.position.x).toBeGreaterThan((before[1]?.position.x ?? 0) + 40);
    await page.locator('body').press('Control+z');
    await expect.poll(async () => (await storedScenario(page)).nodes.filter((n) => ['payment-service', 'payment-db', 'card-network'].includes(n.id))).toEqual(before);
    await expect(undo(page)).toBeDisabled();
  });

  test('Escape during a drag puts the node back and leaves nothing to undo', async ({ page }) => {
    await openApp(page);
    const before = await box(page, body('card-network'));
    const start = center(before);
    await page.mouse.move(start.x - 30, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x - 30 + i * 12, start.y + i * 6);
    expect((await box(page, body('card-network'))).x).toBeGreaterThan(before.x + 60);
    await page.keyboard.press('Escape');
    await expect.poll(async () => Math.round((await box(page, body('card-network'))).x)).toBe(Math.round(before.x));
    for (let i = 1; i <= 5; i++) await page.mouse.move(start.x + 90 + i * 10, start.y + 60);
    await page.mouse.up();
    expect(Math.round((await box(page, body('card-network'))).x)).toBe(Math.round(before.x));
    await expect(undo(page)).toBeDisabled();
    // The Escape cancelled the drag only: the node the drag selected is still selected.
    await expect(page.getByTestId('node-card-network')).toHaveClass(/is-selected/);
  });
});
