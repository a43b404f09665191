import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { archNodes, importFleet, openApp, settled } from './fixtures';
import { diagramFill, nodeTextSizes, overlappingContexts } from './measure';

// What a person sees: rendered text sizes on screen (font size x zoom), at a laptop's and a
// projector's viewport, for the example, a 60-node import and workshop mode.
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('the example opens fitted to the canvas with every label >= 12 px and a figure >= 11 px on screen', async ({ page }) => {
      await openApp(page);
      await settled(page);
      const { zoom, level, nodes } = await nodeTextSizes(page);
      expect(nodes).toHaveLength(12);
      for (const n of nodes) {
        expect.soft(n.labelPx, `${n.id} label at zoom ${zoom.toFixed(2)} (${level})`).toBeGreaterThanOrEqual(12);
        expect.soft(n.figurePx, `${n.id} figure`).toBeGreaterThanOrEqual(11);
        expect.soft(n.labelInside, `${n.id} label inside its card`).toBe(true);
        expect.soft(n.inView, `${n.id} in view`).toBe(true);
      }
      // The fitted view uses the canvas: the diagram fills most of it along its limiting side.
      const fill = await diagramFill(page);
      expect(Math.max(fill.width, fill.height)).toBeGreaterThan(0.85);
      await page.screenshot({ path: `test-results/screens/readable-example-${viewport.width}.png` });
    });

    test('after a run the cards keep readable labels and show their health', async ({ page }) => {
      await openApp(page);
      await page.getByRole('button', { name: 'Run simulation' }).click();
      await expect(page.getByRole('status', { name: 'Run status' })).toHaveText(/^Done/, { timeout: 60_000 });
      await settled(page);
      const { nodes } = await nodeTextSizes(page);
      for (const n of nodes) {
        expect.soft(n.labelPx, n.id).toBeGreaterThanOrEqual(12);
        expect.soft(n.figurePx, n.id).toBeGreaterThanOrEqual(11);
      }
      await expect(page.locator('.arch-node[data-health]')).toHaveCount(12);
      await expect(page.getByTestId('live-payment-db').getByRole('img', { name: /health: / })).toBeVisible();
      await page.screenshot({ path: `test-results/screens/readable-after-run-${viewport.width}.png` });
    });

    test('a 60-node file without positions is laid out, fitted, with its contexts apart', async ({ page }) => {
      await openApp(page);
      await importFleet(page, readFileSync('e2e/data/fleet-60.json'));
      await settled(page);
      const { nodes } = await nodeTextSizes(page);
      expect(nodes).toHaveLength(60);
      expect(await overlappingContexts(page)).toEqual([]);
      await page.screenshot({ path: `test-results/screens/readable-fleet-${viewport.width}.png` });
    });

    // NOT MET YET (issue 11): with the foldable panels (canvas 952x602 at 1440x900, 792x422 at
    // 1280x720) the fitted 60-node overview is at zoom 0.237 / 0.20: labels 9.95 px / 8.4 px, and
    // long single words ("Recommendations") spill out of their cards. The layered layout is
    // wider than the canvas: it needs folding into rows, not only wrapping tall layers. Remove
    // fixme when it holds.
    test.fixme('a fitted 60-node overview shows every label >= 10 px', async ({ page }) => {
      await openApp(page);
      await importFleet(page, readFileSync('e2e/data/fleet-60.json'));
      await settled(page);
      const { zoom, level, nodes } = await nodeTextSizes(page);
      for (const n of nodes) {
        expect.soft(n.labelPx, `${n.id} label at zoom ${zoom.toFixed(2)} (${level})`).toBeGreaterThanOrEqual(10);
        expect.soft(n.labelInside, `${n.id} label inside its card`).toBe(true);
        expect.soft(n.inView, `${n.id} in view`).toBe(true);
      }
    });

    test('workshop mode shows every label >= 12 px', async ({ page }) => {
      await page.goto('./#lesson=circuit-breaker&step=1&workshop');
      await expect(page.locator('html')).toHaveAttribute('data-workshop', '');
      await expect(archNodes(page).first()).toBeVisible();
      await settled(page);
      const { zoom, nodes } = await nodeTextSizes(page);
      expect(nodes.length).toBeGreaterThan(1);
      for (const n of nodes) expect.soft(n.labelPx, `${n.id} at zoom ${zoom.toFixed(2)}`).toBeGreaterThanOrEqual(12);
      await page.screenshot({ path: `test-results/screens/readable-workshop-${viewport.width}.png` });
    });
  });
}

test('zooming in past the detail line brings back the full card and edge badges; zooming out simplifies again', async ({ page }) => {
  await openApp(page);
  const canvas = page.locator('.canvas');
  await expect(canvas).toHaveAttribute('data-level', 'simple');
  await expect(page.getByTestId('edge-badges-payment-card')).toHaveCount(0);
  const payment = page.getByTestId('node-payment-service');
  await expect(payment.locator('.arch-node__biglabel--simple')).toHaveText('Payment service');
  await expect(payment.locator('.arch-node__numbers')).toBeHidden();
  for (let i = 0; i < 6 && (await canvas.getAttribute('data-level')) !== 'detail'; i++) await page.getByRole('button', { name: /^zoom in$/i }).click();
  await expect(canvas).toHaveAttribute('data-level', 'detail');
  await expect(payment.locator('.arch-node__numbers')).toBeVisible();
  await expect(payment.locator('.arch-node__label')).toBeVisible();
  const detail = await nodeTextSizes(page);
  for (const n of detail.nodes.filter((x) => x.inView)) expect.soft(n.labelPx, n.id).toBeGreaterThanOrEqual(12);
  for (let i = 0; i < 12 && (await canvas.getAttribute('data-level')) !== 'overview'; i++) await page.getByRole('button', { name: /^zoom out$/i }).click();
  await expect(canvas).toHaveAttribute('data-level', 'overview');
  await expect(payment.locator('.arch-node__biglabel--overview')).toBeVisible();
  await expect(payment.locator('.arch-node__figure')).toBeHidden();
});
