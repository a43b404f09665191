import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openApp, settled } from './fixtures';
import { nodeTextSizes } from './measure';

// After a run: the Results tab, the scrubber at the worst moment with its marker, W / L, fault
// marks on the faulted node while the fault lasts, health that sees slowness, the cascade path;
// what a person sees, measured at a laptop's and a projector's viewport.
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

const slider = (page: Page) => page.getByRole('slider', { name: 'Time', exact: true });
const paymentDb = (page: Page) => page.getByTestId('node-payment-db');

/** Runs the scenario and waits for the canvas to settle (the taller Results panel refits it). */
async function runToEnd(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText(/^Done/, { timeout: 60_000 });
  await settled(page);
}

/** The worst moment computed here from the exported samples, independently of the app's code. */
async function worstFromCsv(page: Page): Promise<number> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export samples (CSV)' }).click();
  const [header, ...rows] = readFileSync(await (await download).path(), 'utf8').trim().split('\n').map((l) => l.split(','));
  const col = (name: string) => (header ?? []).indexOf(name);
  let best = { atMs: -1, score: Infinity };
  for (const r of rows) {
    if (r[col('scope')] !== 'system') continue;
    const offered = Number(r[col('offeredPerSec')]);
    const share = offered > 0 ? Math.min(1, Number(r[col('goodputPerSec')]) / offered) : 1;
    const score = Math.min(Number(r[col('successRatio')]), share);
    if (score < best.score) best = { atMs: Math.round(Number(r[col('startS')]) * 1000), score };
  }
  return best.atMs;
}

/** Font size times canvas zoom of every visible fault mark. */
async function faultMarkSizes(page: Page): Promise<{ zoom: number; level: string; sizes: { text: string; px: number }[] }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const zoom = viewport ? new DOMMatrix(getComputedStyle(viewport).transform).a : 0;
    const sizes = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="fault-mark"]'))
      .filter((e) => e.getClientRects().length > 0)
      .map((e) => ({ text: e.textContent ?? '', px: Number.parseFloat(getComputedStyle(e).fontSize) * zoom }));
    return { zoom, level: document.querySelector<HTMLElement>('.canvas')?.dataset.level ?? '', sizes };
  });
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('after a run: Results, the worst moment marked, W and L, fault marks and health that sees slowness', async ({ page }) => {
      await openApp(page);
      await runToEnd(page);
      await expect(page.getByRole('tab', { name: /Results/ })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('region', { name: 'System charts' })).toBeVisible();

      // The scrubber stands at the worst moment, computed here from the exported samples.
      const worstMs = await worstFromCsv(page);
      expect(worstMs).toBeGreaterThanOrEqual(20_000);
      await expect(slider(page)).toHaveValue(String(worstMs));
      const marker = page.getByTestId('worst-marker');
      await expect(marker).toBeVisible();
      await expect(marker).toHaveText('worst');
      await expect(marker).toHaveAttribute('title', new RegExp(`^Worst moment, ${(worstMs / 1000).toFixed(1)} s: \\d+% of client requests succeeded`));
      const markerPx = await marker.evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));
      expect(markerPx).toBeGreaterThanOrEqual(11);

      // At the worst moment (inside the fault) the slowed database carries its mark and is not healthy.
      await expect(paymentDb(page).getByTestId('fault-mark')).toHaveText('latency x10');
      await expect(paymentDb(page)).not.toHaveAttribute('data-health', 'ok');
      await expect(paymentDb(page)).toHaveAttribute('data-health', /^(slow|saturated|degraded|failing)$/);
      const health = await paymentDb(page).getAttribute('data-health');

      // What a person sees: marks and labels at >= 11 px on screen at the fitted view.
      const marks = await faultMarkSizes(page);
      expect(marks.sizes.length).toBeGreaterThan(0);
      for (const m of marks.sizes) expect.soft(m.px, `${m.text} at zoom ${marks.zoom.toFixed(2)} (${marks.level})`).toBeGreaterThanOrEqual(11);
      const { nodes, zoom, level } = await nodeTextSizes(page);
      for (const n of nodes) expect.soft(n.labelPx, `${n.id} label at zoom ${zoom.toFixed(2)} (${level})`).toBeGreaterThanOrEqual(11);
      const outOfView = nodes.filter((n) => !n.inView).map((n) => n.id);
      expect.soft(outOfView, 'the whole diagram stays in view after the Results panel opens').toEqual([]);
      // The mark is in view (it sits above the card).
      const markBox = await paymentDb(page).getByTestId('fault-mark').boundingBox();
      const canvasBox = await page.locator('.canvas').boundingBox();
      expect(markBox && canvasBox && markBox.y >= canvasBox.y).toBe(true);
      console.log(`${viewport.width}x${viewport.height}: zoom ${zoom.toFixed(3)} (${level}), worst ${worstMs} ms, payment-db ${health}, mark ${marks.sizes.map((m) => `${m.text} ${m.px.toFixed(1)} px`).join(', ')}, smallest label ${Math.min(...nodes.map((n) => n.labelPx)).toFixed(1)} px, marker ${markerPx} px, out of view: ${outOfView.join(' ') || 'none'}`);
      await page.screenshot({ path: `test-results-after/screens/after-run-${viewport.width}.png` });

      // L goes to the latest moment, W back to the worst: from the page and with the slider focused.
      const maxMs = Number(await slider(page).getAttribute('max'));
      await page.locator('body').press('l');
      await expect(slider(page)).toHaveValue(String(maxMs));
      await expect(paymentDb(page).getByTestId('fault-mark')).toHaveCount(0);
      await page.locator('body').press('w');
      await expect(slider(page)).toHaveValue(String(worstMs));
      await slider(page).focus();
      await page.keyboard.press('l');
      await expect(slider(page)).toHaveValue(String(maxMs));
      await expect(slider(page)).toBeFocused();
      await page.keyboard.press('w');
      await expect(slider(page)).toHaveValue(String(worstMs));
      await expect(page.getByTestId('worst-marker')).toHaveClass(/is-current/);

      // The mark lasts as long as the fault (20 s to 35 s in the example).
      await slider(page).fill('19000');
      await expect(paymentDb(page).getByTestId('fault-mark')).toHaveCount(0);
      await slider(page).fill('20000');
      await expect(paymentDb(page).getByTestId('fault-mark')).toHaveText('latency x10');
      await slider(page).fill('34000');
      await expect(paymentDb(page).getByTestId('fault-mark')).toHaveCount(1);
      await slider(page).fill('35000');
      await expect(paymentDb(page).getByTestId('fault-mark')).toHaveCount(0);
      await expect(page.getByTestId('fault-mark')).toHaveCount(0);
    });

    test('the cascade path lights up on the canvas while the explainer or an event is pointed at or focused', async ({ page }) => {
      await openApp(page);
      await runToEnd(page);
      await page.getByRole('tab', { name: /Events/ }).click();
      const explainer = page.getByRole('region', { name: 'What happened' });
      await expect(explainer).toBeVisible();
      await expect(page.getByTestId('cascade-badge')).toHaveCount(0);
      const path = explainer.getByRole('list', { name: /Cascade path/ });
      const steps = await path.getByRole('listitem').allTextContents();
      expect(steps[0]).toMatch(/^1\s*Payment DB$/);
      await explainer.hover();
      await expect(paymentDb(page).getByTestId('cascade-badge')).toHaveText('1');
      // Every step drawn on the canvas (nodes out of view are not drawn) carries its number, in
      // the explainer's order, with a ring around its card.
      const shown = await page.locator('.react-flow__node-arch .arch-node').evaluateAll((cards) =>
        cards.map((c) => ({ label: c.querySelector('.arch-node__label')?.textContent ?? '', badge: c.querySelector('[data-testid="cascade-badge"]')?.textContent ?? null, ring: !!c.querySelector('.cascade-ring') })),
      );
      const onPath = steps.map((t) => t.replace(/^\d+\s*/, ''));
      for (const card of shown) {
        const i = onPath.indexOf(card.label);
        expect.soft(card.badge, card.label).toBe(i >= 0 ? String(i + 1) : null);
        expect.soft(card.ring, card.label).toBe(i >= 0);
      }
      expect(shown.filter((c) => c.badge !== null).length).toBeGreaterThanOrEqual(Math.min(4, steps.length));
      const badgePx = await paymentDb(page).getByTestId('cascade-badge').evaluate((e) => {
        const v = document.querySelector('.react-flow__viewport');
        return Number.parseFloat(getComputedStyle(e).fontSize) * (v ? new DOMMatrix(getComputedStyle(v).transform).a : 0);
      });
      expect(badgePx).toBeGreaterThanOrEqual(11);
      await page.screenshot({ path: `test-results-after/screens/after-run-cascade-${viewport.width}.png` });
      await page.getByRole('tab', { name: /Events/ }).hover();
      await expect(page.getByTestId('cascade-badge')).toHaveCount(0);
      // An event in the log, by keyboard focus.
      await page.getByRole('list', { name: 'Event log' }).getByRole('button').first().focus();
      await expect(paymentDb(page).getByTestId('cascade-badge')).toHaveText('1');
      await page.getByRole('tab', { name: /Events/ }).focus();
      await expect(page.getByTestId('cascade-badge')).toHaveCount(0);
    });
  });
}

test('the run legend lists each health colour with its rule', async ({ page }) => {
  await openApp(page);
  await page.getByText('Health colours').click();
  const legend = page.getByRole('list', { name: 'Health colours' });
  await expect(legend).toBeVisible();
  for (const [label, rule] of [
    ['failing', /50% or more of its answers fail/],
    ['degraded', /2% or more of its answers fail/],
    ['saturated', /90% or more of its workers busy, or its queue grew/],
    ['slow', /p99 latency over 3x its own p99 before the first fault, and at least \+10 ms/],
    ['healthy', /none of the above/],
  ] as const) {
    await expect(legend.getByRole('listitem').filter({ hasText: label })).toContainText(rule);
  }
});
