import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { archNodes, openApp, selectNode } from './fixtures';
import { openWizard, walkWizard, wizard, type Walk } from './wizardWalk';

/**
 * A run, a sweep and a compare result belong to the scenario and the version they ran on: they
 * never show on another scenario, and after an edit they are marked "from an earlier version".
 */

const runStatus = (page: Page) => page.getByRole('status', { name: 'Run status' });
const tab = (page: Page, name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
const panel = (page: Page) => page.getByRole('tabpanel');
const scenariosButton = (page: Page) => page.getByRole('button', { name: /^Scenarios:/ });
const EARLIER = /from an earlier version/;

const STARTUP: Walk = {
  developers: '3',
  teams: '1',
  domain: 'Not yet',
  deploy: 'No',
  scaling: 'No, load is even',
  deadline: 'Tight',
  requirements: 'Largely unknown',
  consistency: 'Within each area only',
  latency: 'Tolerant',
  practices: ['Rapid, automated deployment (CI/CD)'],
  monolith: 'No, this is new',
  capabilities: 'catalog, orders, notifications',
};

/** A run, a comparison and a two-value sweep of the open scenario, each to the end. */
async function runEverything(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Done', { timeout: 90_000 });
  await expect(page.locator('.arch-node[data-health]').first()).toBeVisible();

  await tab(page, 'Compare').click();
  await page.getByRole('button', { name: 'Run A and B' }).click();
  await expect(page.getByRole('status', { name: 'Comparison status' })).toHaveText('Both runs finished', { timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Comparison' })).toBeVisible();

  await tab(page, 'Sweep').click();
  await page.getByLabel('Parameter').selectOption({ index: 1 });
  await page.getByLabel('Values (comma separated)').fill('2, 4');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('status', { name: 'Sweep status' })).toHaveText('All 2 done', { timeout: 90_000 });
  await expect(page.getByRole('region', { name: 'Sweep results' })).toBeVisible();
}

/** Nothing of the previous scenario's run, sweep or comparison shows anywhere. */
async function expectNoResults(page: Page): Promise<void> {
  await expect(archNodes(page).first()).toBeVisible();
  await expect(page.locator('.arch-node[data-health]')).toHaveCount(0);
  await expect(page.locator('.arch-edge.is-live')).toHaveCount(0);
  await expect(runStatus(page)).toHaveText('');
  await tab(page, 'Results').click();
  await expect(panel(page)).toContainText('Run the scenario (Ctrl+Enter) to see its charts here.');
  await expect(page.getByRole('group', { name: 'Export results' })).toHaveCount(0);
  await tab(page, 'Events').click();
  await expect(panel(page)).toContainText('No notable moments yet');
  await expect(page.getByRole('region', { name: 'What happened' })).toHaveCount(0);
  await tab(page, 'Compare').click();
  await expect(page.getByRole('status', { name: 'Comparison status' })).toHaveText('Not run yet');
  await expect(page.getByRole('region', { name: 'Comparison' })).toHaveCount(0);
  await tab(page, 'Sweep').click();
  await expect(page.getByRole('status', { name: 'Sweep status' })).toHaveText('Not run yet');
  await expect(page.getByRole('region', { name: 'Sweep results' })).toHaveCount(0);
  await expect(page.getByText(EARLIER)).toHaveCount(0);
}

async function openScenariosDialog(page: Page) {
  await scenariosButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Scenarios' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('results never show on another scenario', () => {
  test.setTimeout(240_000);

  test('New from example starts without the previous run, sweep or comparison', async ({ page }) => {
    await openApp(page);
    await runEverything(page);
    // The same example again: the same node ids, so stale figures would land on the new copy.
    await (await openScenariosDialog(page)).getByRole('button', { name: 'New from example' }).click();
    await expect(page.getByRole('dialog', { name: 'Scenarios' })).toBeHidden();
    await expectNoResults(page);
  });

  test('opening another saved scenario from the Scenarios dialog shows none of them', async ({ page }) => {
    await openApp(page);
    await (await openScenariosDialog(page)).getByRole('button', { name: 'New from example' }).click();
    const dialog = await openScenariosDialog(page);
    await dialog.getByRole('textbox', { name: 'Name of the open scenario' }).fill('Second checkout');
    await dialog.getByRole('textbox', { name: 'Name of the open scenario' }).press('Enter');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(scenariosButton(page)).toContainText('Second checkout');
    await runEverything(page);
    await (await openScenariosDialog(page)).getByRole('button', { name: 'Open E-commerce checkout' }).click();
    await expect(scenariosButton(page)).toContainText('E-commerce checkout');
    await expectNoResults(page);
  });

  test('importing a file through Open file… shows none of them', async ({ page }) => {
    await openApp(page);
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+E');
    const exported = readFileSync(await (await download).path(), 'utf8');
    await runEverything(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    await expect(page.getByRole('status').filter({ hasText: 'Imported "E-commerce checkout"' })).toBeVisible();
    await expectNoResults(page);
  });

  test("the wizard's starter opened in the editor shows none of them", async ({ page }) => {
    await openApp(page);
    await runEverything(page);
    await openWizard(page);
    await walkWizard(page, STARTUP);
    await wizard(page).getByRole('button', { name: 'Open in editor' }).click();
    await expect(wizard(page)).toBeHidden();
    await expect(scenariosButton(page)).toContainText('Monolith: Catalog, Orders, Notifications');
    await expectNoResults(page);
  });

  test('opening a lesson shows none of them', async ({ page }) => {
    await openApp(page);
    await runEverything(page);
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Lessons' });
    await dialog.getByRole('searchbox', { name: 'Search lessons' }).fill('circuit');
    await dialog.getByRole('button', { name: 'Open lesson: A circuit breaker fails fast' }).click();
    await expect(page.getByRole('complementary', { name: 'Lesson: A circuit breaker fails fast' })).toBeVisible();
    await expectNoResults(page);
  });

  test('following a share link shows none of them', async ({ page }) => {
    await openApp(page);
    const dialog = await openScenariosDialog(page);
    await dialog.getByRole('textbox', { name: 'Name of the open scenario' }).fill('Shared checkout');
    await dialog.getByRole('textbox', { name: 'Name of the open scenario' }).press('Enter');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    const share = page.getByRole('dialog', { name: 'Share link' });
    const link = await share.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(link).toMatch(/#s=1\./);
    await share.getByRole('button', { name: 'Done' }).click();
    // An untouched example is open when the link arrives, so it opens without asking.
    await (await openScenariosDialog(page)).getByRole('button', { name: 'New from example' }).click();
    await runEverything(page);
    await page.evaluate((hash) => (window.location.hash = hash), link.slice(link.indexOf('#')));
    await expect(page.getByRole('status').filter({ hasText: 'Opened the shared scenario “Shared checkout”' })).toBeVisible();
    await expectNoResults(page);
  });
});

/** The banner in the open tab: visible, inside the window, and its text at least 12 px. */
async function expectBanner(page: Page, where: string): Promise<void> {
  const banner = panel(page).getByRole('note').filter({ hasText: EARLIER });
  await expect(banner, where).toBeVisible();
  await expect(banner).toBeInViewport({ ratio: 1 });
  const px = await banner.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px, `${where} banner font size`).toBeGreaterThanOrEqual(12);
}

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`an edit after a run marks every result as from an earlier version, and undo makes it current (${viewport.width}x${viewport.height})`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    await openApp(page);
    await runEverything(page);
    await expect(page.getByText(EARLIER)).toHaveCount(0);

    // An edit that changes what the run would give.
    await selectNode(page, 'order-service');
    const workers = page.getByLabel('Workers per replica');
    await workers.fill('30');
    await workers.press('Enter');
    await expect(page.getByTestId('node-order-service')).toContainText('x 30 workers');

    // The canvas shows no figure of the earlier version as current, and says why.
    await expect(page.locator('.arch-node[data-health]')).toHaveCount(0);
    const canvasNote = page.getByRole('note', { name: 'Canvas figures hidden' });
    await expect(canvasNote).toBeVisible();
    await expect(canvasNote).toContainText(EARLIER);
    await expect(canvasNote).toBeInViewport({ ratio: 1 });
    expect(await canvasNote.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(12);

    for (const name of ['Results', 'Events', 'Compare', 'Sweep']) {
      await tab(page, name).click();
      await expectBanner(page, name);
      if (name === 'Results') {
        // The charts of the run are still there to read, marked, and CSV exports are refused.
        await expect(page.getByRole('region', { name: 'System charts' })).toBeVisible();
        await expect(page.getByRole('button', { name: 'Export samples (CSV)' })).toBeDisabled();
        await expect(page.getByRole('button', { name: 'Export summary (CSV)' })).toBeDisabled();
      }
      if (name === 'Events') await expect(page.getByRole('list', { name: 'Event log' })).toBeVisible();
      if (name === 'Compare') await expect(page.getByRole('region', { name: 'Comparison' })).toBeVisible();
      if (name === 'Sweep') await expect(page.getByRole('region', { name: 'Sweep results' })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`stale-${name.toLowerCase()}-${viewport.width}.png`) });
    }

    // Exports: the CSVs are refused with the reason, the report says its numbers are from the run.
    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export' });
    await expect(exportDialog.getByRole('note').filter({ hasText: EARLIER })).toBeVisible();
    for (const id of ['samples-csv', 'summary-csv']) {
      await expect(exportDialog.getByTestId(`export-${id}`)).toContainText(EARLIER);
      await expect(exportDialog.getByTestId(`export-${id}`).getByRole('button', { name: /^Download/ })).toBeDisabled();
    }
    const report = page.waitForEvent('download');
    await exportDialog.getByRole('button', { name: 'Download Markdown report' }).click();
    expect(readFileSync(await (await report).path(), 'utf8')).toMatch(/from an earlier version/);
    await page.screenshot({ path: testInfo.outputPath(`stale-export-${viewport.width}.png`) });
    await exportDialog.getByRole('button', { name: 'Close' }).click();

    // Undo back to the version that ran: current again everywhere.
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Z');
    await expect(page.getByTestId('node-order-service')).not.toContainText('x 30 workers');
    await expect(page.getByText(EARLIER)).toHaveCount(0);
    await expect(page.locator('.arch-node[data-health]').first()).toBeVisible();
    await tab(page, 'Results').click();
    await expect(page.getByRole('button', { name: 'Export samples (CSV)' })).toBeEnabled();
  });
}
