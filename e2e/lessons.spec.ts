import { expect, test, type Page } from '@playwright/test';
import { archNodes, openApp, storedScenario } from './fixtures';

const lessonPanel = (page: Page) => page.getByRole('complementary', { name: /^Lesson: / });
const position = (page: Page) => lessonPanel(page).getByRole('navigation', { name: 'Lesson steps' }).getByText(/^Step \d+ of \d+$/);
const currentStep = (page: Page) => lessonPanel(page).locator('.lesson-step[aria-current="step"]');
const scenarioTitle = (page: Page) => page.locator('.scenario-button__title');

interface Pick {
  readonly title: string;
  readonly search: string;
  readonly tag?: string;
}

/** Opens a lesson through the browser: optional tag filter, then a search. */
async function openFromBrowser(page: Page, pick: Pick): Promise<void> {
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons' });
  await expect(dialog).toBeVisible();
  if (pick.tag) await dialog.getByRole('group', { name: 'Filter by tag' }).getByRole('button', { name: pick.tag, exact: true }).click();
  await dialog.getByRole('searchbox', { name: 'Search lessons' }).fill(pick.search);
  await dialog.getByRole('button', { name: `Open lesson: ${pick.title}` }).click();
  await expect(dialog).toBeHidden();
  await expect(lessonPanel(page)).toHaveAccessibleName(`Lesson: ${pick.title}`);
}

/** Steps through a lesson in workshop mode with the keyboard only. */
async function walkInWorkshop(page: Page, id: string, steps: number): Promise<void> {
  await lessonPanel(page).getByRole('button', { name: 'Workshop mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-workshop', '');
  // Editing chrome is gone, the lesson's step is large.
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Add a node' })).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await expect(position(page)).toHaveText(`Step 1 of ${steps}`);
  await expect(lessonPanel(page).getByRole('region', { name: 'Setup' })).toBeVisible();
  const fontSize = await currentStep(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontSize).toBeGreaterThanOrEqual(20);

  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText(`Step 2 of ${steps}`);
  await expect(lessonPanel(page).getByRole('region', { name: 'Setup' })).toBeHidden();
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#lesson=${id}&step=2&workshop`);
  await page.keyboard.press('Space');
  await expect(position(page)).toHaveText(`Step 3 of ${steps}`);
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText(`Step 2 of ${steps}`);
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText(`Step ${steps} of ${steps}`);
  await expect(lessonPanel(page).getByRole('region', { name: 'Takeaway' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText(`Step ${steps} of ${steps}`);
  await page.keyboard.press('Home');
  await expect(position(page)).toHaveText(`Step 1 of ${steps}`);

  // Read-only: editing keys do nothing.
  const nodes = await archNodes(page).count();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('3');
  await expect(archNodes(page)).toHaveCount(nodes);
}

async function leaveWorkshop(page: Page): Promise<void> {
  await lessonPanel(page).getByRole('button', { name: 'Leave workshop' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-workshop', '');
  await expect(page.getByRole('button', { name: 'Lessons', exact: true })).toBeVisible();
}

test('opens three lessons from the browser (search, tag filter) and steps through each in workshop mode by keyboard', async ({ page }) => {
  await openApp(page);

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Lessons' });
  await expect(dialog.getByRole('listitem')).not.toHaveCount(0);
  const all = await dialog.getByRole('listitem').count();
  expect(all).toBeGreaterThanOrEqual(14);
  await dialog.getByRole('button', { name: 'data', exact: true }).click();
  await expect(dialog.getByRole('button', { name: 'data', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect(await dialog.getByRole('listitem').count()).toBeLessThan(all);
  await page.screenshot({ path: 'test-results/screens/lessons-browser.png' });
  await dialog.getByRole('searchbox', { name: 'Search lessons' }).fill('no such thing anywhere');
  await expect(dialog.getByText('No lesson matches.')).toBeVisible();
  await dialog.getByRole('button', { name: 'all', exact: true }).click();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await openFromBrowser(page, { title: 'A circuit breaker fails fast', search: 'breaker' });
  await expect(scenarioTitle(page)).toHaveText('Lesson: a circuit breaker fails fast');
  await expect(archNodes(page)).toHaveCount(4);
  await walkInWorkshop(page, 'circuit-breaker', 3);
  // The presenter runs the scenario from the keyboard; the canvas shows it live.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('45.0 s of 45 s', { timeout: 30_000 });
  await page.keyboard.press('ArrowRight');
  // Back to the middle of the hang for the picture: the canvas shows who is failing.
  await page.getByRole('slider', { name: 'Time' }).fill('20000');
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'test-results/screens/lessons-workshop.png' });
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveAttribute('data-workshop', '');

  await openFromBrowser(page, { title: 'A saga with compensation: orchestration vs choreography', search: 'saga', tag: 'data' });
  await expect(scenarioTitle(page)).toHaveText('Lesson: saga with compensation');
  await walkInWorkshop(page, 'saga', 4);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screens/lessons-workshop-setup.png' });
  await page.keyboard.press('End');
  await page.screenshot({ path: 'test-results/screens/lessons-workshop-takeaway.png' });
  await leaveWorkshop(page);

  await openFromBrowser(page, { title: 'Strangler fig: moving traffic step by step', search: 'monolith', tag: 'decomposition' });
  await walkInWorkshop(page, 'strangler-fig', 4);
  await leaveWorkshop(page);
  await lessonPanel(page).getByRole('button', { name: 'Close lesson' }).click();
  await expect(lessonPanel(page)).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('');
});

test("applies a step's change with one click and undoes it with Ctrl+Z", async ({ page }) => {
  await openApp(page);
  await openFromBrowser(page, { title: 'A circuit breaker fails fast', search: 'circuit' });
  const breaker = async () => (await storedScenario(page)).edges.find((e) => e.id === 'product-recs')?.policy as unknown as { circuitBreaker: unknown };
  expect((await breaker()).circuitBreaker).toBeNull();
  await lessonPanel(page).getByRole('button', { name: 'Step 2' }).click();
  await expect(position(page)).toHaveText('Step 2 of 3');
  await lessonPanel(page).getByRole('button', { name: 'Apply: Turn on the breaker' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied "Turn on the breaker"' })).toBeVisible();
  await expect.poll(async () => (await breaker()).circuitBreaker).toMatchObject({ minimumNumberOfCalls: 20, waitDurationInOpenStateMs: 5000 });
  await page.screenshot({ path: 'test-results/screens/lessons-panel.png' });
  await page.keyboard.press('Control+Z');
  await expect.poll(async () => (await breaker()).circuitBreaker).toBeNull();
  // Redo brings it back: the change was one ordinary undo step.
  await page.keyboard.press('Control+Shift+Z');
  await expect.poll(async () => (await breaker()).circuitBreaker).not.toBeNull();
});

test('opens a lesson by link at a given step in a fresh page, and a reload does not add a copy', async ({ page }) => {
  await page.goto('./#lesson=saga&step=3');
  await expect(lessonPanel(page)).toHaveAccessibleName('Lesson: A saga with compensation: orchestration vs choreography');
  await expect(position(page)).toHaveText('Step 3 of 4');
  await expect(currentStep(page)).toContainText('refunds fail half of the time');
  await expect(scenarioTitle(page)).toHaveText('Lesson: saga with compensation');
  await expect(archNodes(page)).toHaveCount(7);
  const count = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('faultline.v1.scenario.')).length);
  await expect.poll(count).toBe(2);
  await page.reload();
  await expect(position(page)).toHaveText('Step 3 of 4');
  expect(await count()).toBe(2);
});

test('a bad lesson link explains itself and changes nothing', async ({ page }) => {
  await page.goto('./#lesson=no-such-lesson&step=1');
  await expect(page.getByRole('alert')).toContainText('This link opens a lesson "no-such-lesson", which does not exist');
  await expect(page.getByRole('alert')).toContainText('Nothing was opened.');
  await expect(scenarioTitle(page)).toHaveText('E-commerce checkout');
  await expect(lessonPanel(page)).toHaveCount(0);

  await page.goto('./#lesson=circuit-breaker&step=9');
  await expect(page.getByRole('alert')).toContainText('has 3 steps, so step 9 does not exist');
  await expect(lessonPanel(page)).toHaveCount(0);
  await page.goto('./#lesson=circuit-breaker&step=1;drop');
  await expect(page.getByRole('alert')).toContainText('This lesson link is not valid');
  await expect(scenarioTitle(page)).toHaveText('E-commerce checkout');
});

test('works offline once loaded: lessons, workshop mode and a run need no network', async ({ page, context }) => {
  await openApp(page);
  await openFromBrowser(page, { title: 'A circuit breaker fails fast', search: 'breaker' });
  await expect
    // The service worker caches the build's files, the simulation worker's script included, in a
    // cache named by the build (faultline-<hash>): read whichever it is.
    .poll(() => page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('faultline-'));
      const requests = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat();
      return requests.map((r) => new URL(r.url).pathname).join(' ');
    }), { timeout: 15_000 })
    .toMatch(/sim\.worker-[\w-]+\.js/);
  await context.setOffline(true);
  // Even a reload comes back, from the service worker's cache, at the same step.
  await page.reload();
  await expect(lessonPanel(page)).toHaveAccessibleName('Lesson: A circuit breaker fails fast');
  await openFromBrowser(page, { title: 'Load shedding protects goodput', search: 'goodput' });
  await lessonPanel(page).getByRole('button', { name: 'Workshop mode' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('timer', { name: 'Simulated time' })).toHaveText('40.0 s of 40 s', { timeout: 30_000 });
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Done');
  await context.setOffline(false);
});
