import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openApp } from './fixtures';

// "Nothing the user made is lost": what the app says it saved opens again, and its own export
// imports again, at the model's caps.

/** 2,000 nodes and 5,000 edges (the model's caps) with 600-character descriptions, laid out on a grid. */
function atTheCaps(): string {
  const n = 1999;
  const nodes = [
    { id: 'client', kind: 'client', position: { x: 0, y: 0 } },
    ...Array.from({ length: n }, (_, i) => ({
      id: `node-${i}`,
      kind: 'service',
      label: `Service ${i}`,
      description: `Service ${i} `.padEnd(600, 'x'),
      position: { x: 300 + (i % 50) * 260, y: Math.floor(i / 50) * 140 },
    })),
  ];
  const edges = Array.from({ length: 5000 }, (_, i) => {
    const from = i < n ? 'client' : `node-${i % n}`;
    const to = `node-${((i % n) + 1 + Math.floor(i / n) * 3) % n}`;
    return { id: `edge-${i}`, from, to };
  });
  return JSON.stringify({ format: 'faultline', version: 2, scenario: { title: 'At the caps', nodes, edges } });
}

async function importText(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

const title = (page: Page) => page.locator('.scenario-button__title');

test('a scenario at the caps is saved, opens again after a reload, and its own export imports again', async ({ page }) => {
  test.slow();
  const file = atTheCaps();
  expect(file.length).toBeGreaterThan(1_500_000);
  await openApp(page);
  await importText(page, 'at-the-caps.json', file);
  await expect(title(page)).toHaveText('At the caps', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 60_000 });

  await page.reload();
  await expect(title(page)).toHaveText('At the caps', { timeout: 60_000 });
  await expect(page.getByText(/could not be read|too large/)).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E');
  const exported = readFileSync(await (await download).path(), 'utf8');
  await importText(page, 'at-the-caps-export.json', exported);
  await expect(page.getByText(/Imported "At the caps"/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/too large/)).toHaveCount(0);
});

test('closing the tab while the last edit cannot be stored asks first', async ({ page }) => {
  await openApp(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Add Topic' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // Storage full from now on; the next edit cannot be stored.
  await page.evaluate(() => {
    Storage.prototype.setItem = function refuse() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByRole('button', { name: 'Add Queue' }).click();
  await expect(page.getByText(/Not saved: the browser storage for this site is full/)).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);
});

test('closing the tab with every edit stored does not ask', async ({ page }) => {
  await openApp(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Add Topic' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  const closed = page.waitForEvent('close');
  await page.close({ runBeforeUnload: true });
  await closed;
  expect(dialogs).toEqual([]);
});

test('two tabs on one scenario: the older tab never overwrites the newer save, and keeps its edit as a copy', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  await expect(a.locator('.react-flow__node-arch')).toHaveCount(12);
  await expect(b.locator('.react-flow__node-arch')).toHaveCount(12);

  // Tab B cannot store for a moment (as when its save is still pending), so its edit is unsaved
  // when tab A saves first.
  await b.evaluate(() => {
    const real = Storage.prototype.setItem;
    (window as unknown as { restoreStorage: () => void }).restoreStorage = () => (Storage.prototype.setItem = real);
    Storage.prototype.setItem = function refuse() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await b.getByRole('button', { name: 'Add Queue' }).click();
  await expect(b.getByText(/Not saved: the browser storage for this site is full/)).toBeVisible();
  await a.getByRole('button', { name: 'Add Topic' }).click();
  await expect(a.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  // B hears of A's save while it has an edit of its own: it says so and keeps its edit.
  const notice = b.getByRole('alert').filter({ hasText: 'was changed in another tab' });
  await expect(notice).toBeVisible();
  await expect(b.locator('.react-flow__node-arch')).toHaveCount(13);
  await b.evaluate(() => (window as unknown as { restoreStorage: () => void }).restoreStorage());
  await notice.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await expect(b.locator('.scenario-button__title')).toHaveText('E-commerce checkout (copy)');

  // A's version is what is stored under the original; B's is a second scenario.
  await a.reload();
  await expect(a.locator('.react-flow__node-arch')).toHaveCount(13);
  await a.getByRole('button', { name: /^Scenarios:/ }).click();
  await expect(a.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(2);
});

test('two tabs on one scenario: a tab with nothing unsaved follows the other tab at once', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openApp(a);
  await openApp(b);
  await a.getByRole('button', { name: 'Add Topic' }).click();
  await expect(a.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(b.locator('.react-flow__node-arch')).toHaveCount(13);
  await expect(b.getByText('was changed in another tab; this tab now shows that version')).toBeVisible();
});
