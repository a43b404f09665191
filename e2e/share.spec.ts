import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { archNodes, openApp, storedScenario } from './fixtures';

const runStatus = (page: Page) => page.getByRole('status', { name: 'Run status' });
const copyDialog = (page: Page) => page.getByRole('dialog', { name: 'Share link' });
const confirmDialog = (page: Page) => page.getByRole('dialog', { name: 'Open a shared scenario?' });

/** Runs the open scenario to the end and returns its summary as exported CSV. */
async function summaryCsv(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Done', { timeout: 90_000 });
  await page.getByRole('tab', { name: /Results/ }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export summary (CSV)' }).click();
  return readFileSync(await (await download).path(), 'utf8');
}

/** "Copy share link" from the toolbar; returns the link shown (selected) in its dialog. */
async function copyLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = copyDialog(page).getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#s=1\.[A-Za-z0-9_-]+$/);
  return field.inputValue();
}

async function rename(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: /^Scenarios:/ }).click();
  const name = page.getByRole('textbox', { name: 'Name of the open scenario' });
  await name.fill(title);
  await name.press('Enter');
  await page.getByRole('dialog', { name: 'Scenarios' }).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: /^Scenarios:/ })).toContainText(title);
}

/** Follows a link in an open tab, as pasting it into the address bar does (a hashchange). */
const visitFragment = (page: Page, link: string) => page.evaluate((hash) => (window.location.hash = hash), link.slice(link.indexOf('#')));

test.describe('share links', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a copied link opens in a fresh browser with the same scenario and the same results', async ({ page, browser }, testInfo) => {
    test.setTimeout(180_000);
    await openApp(page);
    await rename(page, 'Shared checkout');
    // A seed of its own: the fresh browser's example would give other results, so equal results
    // below prove the link carried the scenario, not just its title.
    const seed = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Seed');
    await seed.fill('7');
    await seed.press('Tab');
    const link = await copyLink(page);
    await expect(copyDialog(page)).toContainText('The link is on your clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The field is focused with the whole link selected, ready for Ctrl+C.
    expect(await page.evaluate(() => {
      const field = document.activeElement as HTMLTextAreaElement | null;
      return [field?.selectionStart, field?.selectionEnd];
    })).toEqual([0, link.length]);
    await page.screenshot({ path: testInfo.outputPath('copy-link-dialog.png') });
    await copyDialog(page).getByRole('button', { name: 'Done' }).click();
    const original = await summaryCsv(page);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByRole('button', { name: /^Scenarios:/ })).toContainText('Shared checkout');
    await expect(other.getByRole('status').filter({ hasText: 'Opened the shared scenario “Shared checkout”' })).toBeVisible();
    // The fragment is gone, so a reload does not open the link again.
    expect(other.url()).not.toContain('#s=');
    await expect(archNodes(other)).toHaveCount(12);
    const reopened = await summaryCsv(other);
    expect(reopened).toContain('system,system,');
    expect(reopened).toBe(original);
    // The same link again over the same scenario: nothing to ask, and no second copy in Scenarios.
    await visitFragment(other, link);
    await expect(other.getByRole('status').filter({ hasText: 'already open' })).toBeVisible();
    await other.getByRole('button', { name: /^Scenarios:/ }).click();
    // The example it started with and the shared one: two, not three.
    await expect(other.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(2);
    await fresh.close();
  });

  test('a damaged, a truncated and a newer-version link each say so and change nothing', async ({ page }) => {
    await openApp(page);
    await rename(page, 'My work');
    const link = await copyLink(page);
    await copyDialog(page).getByRole('button', { name: 'Done' }).click();
    const before = await storedScenario(page);
    const at = link.length - 200;
    const damaged = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
    const cases: [string, RegExp][] = [
      [damaged, /This link is damaged/],
      [link.slice(0, link.length - 30), /This link is damaged/],
      ['#s=3.AAAA', /made by a newer Faultline \(link format 3\); this one reads up to 1/],
    ];
    for (const [bad, message] of cases) {
      await visitFragment(page, bad);
      const alert = page.getByRole('alert').filter({ hasText: message });
      await expect(alert).toContainText('Nothing was changed.');
      await expect(confirmDialog(page)).toBeHidden();
      await expect(page.getByRole('button', { name: /^Scenarios:/ })).toContainText('My work');
      expect(page.url()).not.toContain('#s=');
      await alert.getByRole('button', { name: 'Dismiss' }).click();
    }
    expect(await storedScenario(page)).toEqual(before);
  });

  test('a link opened over edited work asks first: Cancel keeps the work, Open adds the shared scenario', async ({ page }, testInfo) => {
    await openApp(page);
    const link = await copyLink(page);
    await copyDialog(page).getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Add Service' }).click();
    await expect(archNodes(page)).toHaveCount(13);
    const edited = await storedScenario(page);

    await visitFragment(page, link);
    await expect(confirmDialog(page)).toContainText('Open the shared scenario “E-commerce checkout”?');
    await expect(confirmDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.screenshot({ path: testInfo.outputPath('confirm-dialog.png') });
    await confirmDialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(confirmDialog(page)).toBeHidden();
    await expect(archNodes(page)).toHaveCount(13);
    expect(await storedScenario(page)).toEqual(edited);
    expect(page.url()).not.toContain('#s=');

    await visitFragment(page, link);
    await confirmDialog(page).getByRole('button', { name: 'Open' }).click();
    await expect(archNodes(page)).toHaveCount(12);
    await page.getByRole('button', { name: /^Scenarios:/ }).click();
    // Both are kept: the edited one (saved before the switch) and the shared one.
    await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(2);
  });

  test('the link carries the compare variant: the receiver sees the same A/B set-up', async ({ page, browser }) => {
    await openApp(page);
    await page.getByRole('tab', { name: 'Compare' }).click();
    await page.getByRole('checkbox', { name: 'Breakers off on every edge' }).uncheck();
    await page.getByRole('checkbox', { name: 'Retries off everywhere' }).check();
    const link = await copyLink(page);
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
    await expect(other.getByRole('checkbox', { name: 'Retries off everywhere' })).toBeChecked();
    await expect(other.getByRole('checkbox', { name: 'Breakers off on every edge' })).not.toBeChecked();
    await fresh.close();
  });
});

test('the share dialog gives an iframe that shows the scenario read-only in the embed view', async ({ page, browser }) => {
  await openApp(page);
  await rename(page, 'Checkout for slides');
  await copyLink(page);
  await copyDialog(page).getByText('Embed in slides or a wiki').click();
  const code = await copyDialog(page).getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(code).toMatch(/^<iframe src="[^"]+\?embed#s=1\.[A-Za-z0-9_-]+" width="960" height="640" title="Faultline: Checkout for slides" style="border: 0"><\/iframe>$/);
  const src = /src="([^"]+)"/.exec(code)?.[1] ?? '';
  const fresh = await browser.newContext();
  const embedded = await fresh.newPage();
  await embedded.goto(src);
  await expect(embedded.getByText('Checkout for slides')).toBeVisible();
  await expect(archNodes(embedded)).toHaveCount(12);
  await expect(embedded.getByRole('button', { name: 'Run simulation' })).toBeVisible();
  await expect(embedded.getByRole('link', { name: /Open in Faultline/ })).toBeVisible();
  await fresh.close();
});
