import { expect, test, type Page } from '@playwright/test';
import { CHECKOUT_SCENARIO, builtInScenario } from '../src/model';
import { encodeShareLink } from '../src/share';
import { archNodes } from './fixtures';

const runStatus = (page: Page) => page.getByRole('status', { name: 'Run status' });

/** Everything the library keeps in this browser (scenarios and which one is open). */
function libraryKeys(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const kept: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      // The flow-animation toggle is a display preference, not part of the library.
      if (key && key.startsWith('faultline.') && key !== 'faultline.v1.animateFlow') kept[key] = localStorage.getItem(key) ?? '';
    }
    return kept;
  });
}

test('the embed view shows the diagram, Run and the charts, with no editing chrome, and runs', async ({ page }, testInfo) => {
  // About the size of an iframe in a slide.
  await page.setViewportSize({ width: 960, height: 640 });
  await page.goto('./?embed');
  await expect(archNodes(page).first()).toBeVisible();
  await expect(archNodes(page)).toHaveCount(12);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-commerce checkout');
  // No palette, inspector, toolbar or panels.
  await expect(page.getByRole('navigation', { name: 'Add a node' })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Scenarios:/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toHaveCount(0);

  const open = page.getByRole('link', { name: 'Open in Faultline' });
  await expect(open).toHaveAttribute('target', '_blank');
  await expect(open).toHaveAttribute('rel', /\bnoopener\b/);
  expect(new URL((await open.getAttribute('href')) ?? '', page.url()).searchParams.has('embed')).toBe(false);
  await page.screenshot({ path: testInfo.outputPath('embed-before-run.png') });

  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Done', { timeout: 60_000 });
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('60.0 s of 60 s');
  const charts = page.getByRole('region', { name: 'System charts' });
  await expect(charts.getByRole('img', { name: /Offered load and goodput/ })).toBeVisible();
  await expect(charts.getByRole('img', { name: /Client success ratio/ })).toBeVisible();
  await expect(page.getByTestId('live-payment-db').getByRole('img', { name: /health: / })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('embed-after-run.png') });
});

test('in the embed view a dragged node stays put, nothing connects or deletes, and the library is untouched', async ({ page }) => {
  // Work saved in the full app first: the embed must leave it exactly as it was.
  await page.goto('./');
  await expect(archNodes(page).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const before = await libraryKeys(page);
  expect(Object.keys(before).length).toBeGreaterThan(0);

  await page.goto('./?embed');
  const node = page.getByTestId('node-payment-service');
  const placed = page.locator('.react-flow__node[data-id="payment-service"]');
  const where = () => placed.evaluate((el) => (el as HTMLElement).style.transform);
  await expect(node).toBeVisible();
  const start = await node.boundingBox();
  if (!start) throw new Error('node has no box');
  const from = await where();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2 + 140, start.y + start.height / 2 + 90, { steps: 8 });
  await page.mouse.up();
  // The drag pans the view (allowed) but the node keeps its place in the diagram (read again after
  // a moment, so a move that renders late is not missed).
  await page.waitForTimeout(300);
  expect(await where()).toBe(from);
  await expect(page.locator('.react-flow__node.dragging')).toHaveCount(0);

  // Delete and undo keys do nothing here either.
  await node.click();
  await page.keyboard.press('Delete');
  await page.waitForTimeout(300);
  expect(await archNodes(page).count()).toBe(12); // checked before the undo, which could hide a deletion
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(300);
  expect(await archNodes(page).count()).toBe(12);

  // A run, then leaving the page (autosave would flush on pagehide): still nothing written.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Done', { timeout: 60_000 });
  await page.goto('about:blank');
  await page.goto('./?embed');
  await expect(archNodes(page).first()).toBeVisible();
  expect(await libraryKeys(page)).toEqual(before);
});

test('the embed view opens the scenario of a share link, and says so when the link is damaged', async ({ page }) => {
  const shared = builtInScenario({ ...CHECKOUT_SCENARIO, title: 'Checkout for the slides' });
  const renamed = { ...shared, nodes: shared.nodes.map((n) => (n.id === 'payment-service' ? { ...n, label: 'Payments (shared)' } : n)) };
  const link = await encodeShareLink(renamed);
  await page.goto(`./?embed${link}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout for the slides');
  await expect(page.getByTestId('node-payment-service')).toContainText('Payments (shared)');
  await expect(page).toHaveTitle('Checkout for the slides — Faultline');
  // "Open in Faultline" carries the link to the full app.
  const open = page.getByRole('link', { name: 'Open in Faultline' });
  expect(new URL((await open.getAttribute('href')) ?? '', page.url()).hash).toBe(link);

  // (Another page first: a change of fragment alone would not reload.)
  await page.goto('about:blank');
  await page.goto(`./?embed${link.slice(0, -12)}`);
  await expect(page.getByRole('alert')).toContainText('This link is damaged');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-commerce checkout');
  await page.screenshot({ path: test.info().outputPath('embed-damaged-link.png') });
});
