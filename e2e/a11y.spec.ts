import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openApp } from './fixtures';
import { openWizard, wizard } from './wizardWalk';

// axe-core on every screen of the app: no serious or critical violation of WCAG 2.0/2.1/2.2 A
// and AA. Each finding is listed with its rule, the elements it names and axe's own words.
// Nothing is excluded: React Flow's connection handles pass target-size today (axe's spacing
// exception), so they are checked like everything else.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (scope) builder = builder.include(scope);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? v.help}`));
}

async function expectClean(page: Page, screen: string, scope?: string): Promise<void> {
  const found = await seriousViolations(page, scope);
  expect(found, `serious or critical axe findings on ${screen}`).toEqual([]);
}

async function runExample(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText(/^Done/, { timeout: 60_000 });
}

test('the editor with the example, nothing and then a node selected', async ({ page }) => {
  await openApp(page);
  await expectClean(page, 'the editor');
  await page.getByTestId('node-order-service').click();
  await expectClean(page, 'the editor with a node selected');
});

test('after a run, each bottom tab: Problems, Results, Events, Sweep, Compare', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await runExample(page);
  for (const tab of ['Problems', 'Results', 'Events', 'Sweep', 'Compare']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expectClean(page, `the ${tab} tab after a run`);
  }
});

test('the decision wizard, on its first question', async ({ page }) => {
  await openApp(page);
  await openWizard(page);
  await expect(wizard(page)).toBeVisible();
  await expectClean(page, 'the wizard', 'dialog[open]');
});

test('the lesson browser and an open lesson', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const browser = page.getByRole('dialog', { name: 'Lessons' });
  await expect(browser).toBeVisible();
  await expectClean(page, 'the lesson browser', 'dialog[open]');
  await browser.getByRole('button', { name: /^Open lesson: / }).first().click();
  await expect(browser).toBeHidden();
  await expect(page.getByRole('complementary', { name: /^Lesson: / })).toBeVisible();
  await expectClean(page, 'an open lesson');
});

test('the scenarios dialog, the share dialog and the help overlay', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Scenarios:/ }).click();
  const scenarios = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(scenarios).toBeVisible();
  await expectClean(page, 'the scenarios dialog', 'dialog[open]');
  await scenarios.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const share = page.getByRole('dialog', { name: 'Share link' });
  await expect(share).toBeVisible();
  await expectClean(page, 'the share dialog', 'dialog[open]');
  await share.getByRole('button', { name: 'Close' }).click();
  await expect(share).toBeHidden();

  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectClean(page, 'the help overlay', 'dialog[open]');
});

test('the Find dialog with matches', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Control+f');
  const find = page.getByRole('dialog', { name: 'Find a node' });
  await expect(find).toBeVisible();
  await page.keyboard.type('ser');
  await expect(find.getByRole('option').first()).toBeVisible();
  await expectClean(page, 'the Find dialog', 'dialog[open]');
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const) {
  test(`the Compare tab's recipe boxes are 24 px targets at ${viewport.width}x${viewport.height}`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await page.getByRole('tab', { name: 'Compare' }).click();
    const boxes = page.getByRole('tabpanel').locator('.compare__recipe input[type="checkbox"]');
    await expect(boxes).toHaveCount(5);
    const rects = await boxes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, cy: r.top + r.height / 2 })));
    for (const r of rects) expect(Math.min(r.w, r.h)).toBeGreaterThanOrEqual(18);
    // Centres at least 24 px apart: the 24 px circles of WCAG 2.5.8 do not touch.
    for (let i = 1; i < rects.length; i++) expect((rects[i]?.cy ?? 0) - (rects[i - 1]?.cy ?? 0)).toBeGreaterThanOrEqual(24);
    console.log(`${viewport.width}x${viewport.height}: recipe boxes ${rects.map((r) => `${r.w}x${r.h}`).join(', ')}, pitch ${(rects[1]?.cy ?? 0) - (rects[0]?.cy ?? 0)} px`);
    await expectClean(page, `the Compare tab at ${viewport.width}x${viewport.height}`);
    await page.getByRole('tabpanel').screenshot({ path: info.outputPath(`compare-recipes-${viewport.width}.png`) });
  });
}
