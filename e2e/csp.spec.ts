import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import { archNodes } from './fixtures';

interface Violation {
  readonly directive: string;
  readonly blocked: string;
  readonly sample: string;
}

const CSP_MESSAGE = /Content[ -]Security[ -]Policy|Refused to (load|execute|apply|create|connect|evaluate|frame)/i;

/** Records CSP violations as the page reports them, and CSP errors printed by the page or its workers. */
async function watchViolations(page: Page): Promise<{ console: string[]; events: () => Promise<Violation[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: Violation[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  const console: string[] = [];
  const listen = (message: ConsoleMessage) => {
    if (CSP_MESSAGE.test(message.text())) console.push(message.text());
  };
  page.on('console', listen);
  page.on('worker', (worker) => worker.on('console', listen));
  return { console, events: () => page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations) };
}

test('dragging, zooming, panning, laying out, running and opening a lesson break no rule of the Content-Security-Policy', async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto('./');
  // The policy is really there, as a header and in the page, so this test cannot pass vacuously.
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self'");
  expect(header).not.toContain('unsafe-eval');
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(header);
  expect(meta).toContain("object-src 'none'");
  // The built page carries no inline script (the policy would block it).
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  await expect(archNodes(page).first()).toBeVisible();

  // Drag a node (its position in the diagram, not on screen, must change).
  const node = page.getByTestId('node-order-service');
  const placed = page.locator('.react-flow__node[data-id="order-service"]');
  const where = () => placed.evaluate((el) => (el as HTMLElement).style.transform);
  const box = await node.boundingBox();
  if (!box) throw new Error('node has no box');
  const dragFrom = await where();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 60, { steps: 6 });
  await page.mouse.up();
  await expect.poll(where).not.toBe(dragFrom);

  // Wheel zoom, then pan by dragging the empty pane.
  const pane = page.locator('.react-flow__pane');
  const paneBox = await pane.boundingBox();
  if (!paneBox) throw new Error('pane has no box');
  const viewport = page.locator('.react-flow__viewport');
  const zoomedFrom = await viewport.getAttribute('style');
  await page.mouse.move(paneBox.x + 30, paneBox.y + 30);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(zoomedFrom);
  const pannedFrom = await viewport.getAttribute('style');
  await page.mouse.down();
  await page.mouse.move(paneBox.x + 160, paneBox.y + 110, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(pannedFrom);

  // Auto-layout loads elkjs lazily: a chunk fetched after start-up.
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const layoutFrom = await where();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect.poll(where, { timeout: 20_000 }).not.toBe(layoutFrom);
  await page.getByRole('button', { name: 'Zoom to fit' }).click();

  // A run in the worker, to the end, with its charts.
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 60_000 });
  await page.getByRole('tab', { name: /Results/ }).click();
  await expect(page.getByRole('region', { name: 'System charts' }).getByRole('img', { name: /Offered load and goodput/ })).toBeVisible();

  // A lesson.
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const lessons = page.getByRole('dialog', { name: 'Lessons' });
  await lessons.getByRole('button', { name: /^Open lesson: / }).first().click();
  await expect(page.getByRole('complementary', { name: /^Lesson: / })).toBeVisible();

  expect(await violations.events()).toEqual([]);
  expect(violations.console).toEqual([]);

  // Positive control: the listener is live and the policy enforced, so an inline script is refused and seen.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = 1';
    document.head.append(script);
  });
  await expect.poll(async () => (await violations.events()).map((v) => v.directive)).toContain('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: number }).__inlineRan)).toBeUndefined();
});

test('the embed view keeps to the Content-Security-Policy while it runs', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('./?embed');
  await expect(archNodes(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText('Done', { timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'System charts' })).toBeVisible();
  expect(await violations.events()).toEqual([]);
  expect(violations.console).toEqual([]);
});
