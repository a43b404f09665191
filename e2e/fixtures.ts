import { expect, type Page } from '@playwright/test';

/** Opens the app on a fresh profile and waits for the default scenario. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.locator('.react-flow__node-arch').first()).toBeVisible();
}

export const archNodes = (page: Page) => page.locator('.react-flow__node-arch');
export const archEdges = (page: Page) => page.locator('.react-flow__edge-arch');

/** The scenario as stored by autosave (after waiting for it). */
export async function storedScenario(page: Page): Promise<{ title: string; nodes: { id: string; kind: string; position: { x: number; y: number } }[]; edges: { id: string; from: string; to: string; policy: { timeoutMs: number | null } }[] }> {
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  return page.evaluate(() => {
    const id = localStorage.getItem('faultline.v1.current');
    const raw = id ? localStorage.getItem(`faultline.v1.scenario.${id}`) : null;
    if (!raw) throw new Error('nothing stored');
    return JSON.parse(raw).scenario;
  });
}

/** Starts with a blank scenario (one client) through the Scenarios dialog. */
export async function newBlankScenario(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Scenarios:/ }).click();
  await page.getByRole('button', { name: 'New blank' }).click();
  await expect(archNodes(page)).toHaveCount(1);
}

export async function selectNode(page: Page, id: string): Promise<void> {
  await page.getByTestId(`node-${id}`).click();
  await expect(page.getByRole('complementary', { name: 'Inspector' }).locator('code').first()).toHaveText(id);
}

/**
 * Clicks an edge's line on the canvas (at the fitted zoom edges carry no badges to click: they
 * speak by width and colour). React Flow handles the click on the edge's group element.
 */
export async function clickEdge(page: Page, id: string): Promise<void> {
  await page.getByTestId(`rf__edge-${id}`).dispatchEvent('click');
}

/** Zooms in (keyboard) until the canvas shows full detail: node parameters and edge badges. */
export async function zoomToDetail(page: Page): Promise<void> {
  const canvas = page.locator('.canvas');
  for (let i = 0; i < 8 && (await canvas.getAttribute('data-level')) !== 'detail'; i++) await page.getByRole('button', { name: /^zoom in$/i }).click();
  await expect(canvas).toHaveAttribute('data-level', 'detail');
}

/** Waits until the canvas has settled on a view (fitting animates for 200 ms). */
export async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await page.locator('.react-flow__viewport').evaluate((el) => el.style.transform);
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [250] })
    .toBe(true);
}

/** Imports e2e/data/fleet-60.json (60 nodes without positions) and waits for its layout. */
export async function importFleet(page: Page, fleet: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'fleet-60.json', mimeType: 'application/json', buffer: fleet });
  // elkjs is loaded on first use, then lays out 60 nodes: seconds on a busy machine.
  await expect(page.getByText(/had no positions, so it was laid out/)).toBeVisible({ timeout: 30_000 });
  await expect(archNodes(page)).toHaveCount(60);
}
