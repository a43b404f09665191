import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { archNodes, openApp, storedScenario } from './fixtures';

/** A real 1x1 PNG from elsewhere: no Faultline scenario inside. */
const FOREIGN_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function openExportDialog(page: Page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Clicks a Download button and returns the file's bytes and suggested name. */
async function download(page: Page, buttonName: string): Promise<{ name: string; bytes: Buffer }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: buttonName }).click();
  const file = await event;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** Drops a file on the canvas the way a user's drag from the desktop arrives. */
async function dropFile(page: Page, name: string, type: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, name, type }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { base64: bytes.toString('base64'), name, type },
  );
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer });
}

test('a PNG and an SVG exported from the dialog reopen as the same scenario when dropped on the canvas', async ({ page, browser }, testInfo) => {
  await openApp(page);
  // An edit first, so that the fresh page's own example cannot pass for the imported scenario.
  await page.getByRole('button', { name: 'Add Topic' }).click();
  await expect(archNodes(page)).toHaveCount(13);
  const original = await storedScenario(page);

  const dialog = await openExportDialog(page);
  for (const label of ['Scenario JSON', 'PNG image (2x)', 'SVG image', 'Markdown report', 'Run samples (CSV)', 'Run summary (CSV)']) {
    await expect(dialog.getByRole('heading', { name: label, exact: true })).toBeVisible();
  }
  await expect(dialog.getByTestId('export-samples-csv')).toContainText('Run the simulation first.');
  await expect(dialog.getByRole('button', { name: 'Download Run samples (CSV)' })).toBeDisabled();
  await dialog.screenshot({ path: testInfo.outputPath('export-dialog.png') });

  const png = await download(page, 'Download PNG image (2x)');
  expect(png.name).toBe('e-commerce-checkout.png');
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  // IHDR width and height: the picture is drawn at twice the SVG's size.
  const svg = await download(page, 'Download SVG image');
  expect(svg.name).toBe('e-commerce-checkout.svg');
  const svgText = svg.bytes.toString('utf8');
  const svgWidth = Number(/<svg[^>]* width="(\d+)"/.exec(svgText)?.[1]);
  expect(png.bytes.readUInt32BE(16)).toBe(svgWidth * 2);
  expect(svgText).toContain('<!-- faultline:scenario:v1:');
  expect(svgText).not.toMatch(/<script|\son\w+=|javascript:/i);
  writeFileSync(testInfo.outputPath('exported.png'), png.bytes);

  for (const file of [
    { name: 'diagram.png', type: 'image/png', bytes: png.bytes },
    { name: 'diagram.svg', type: 'image/svg+xml', bytes: svg.bytes },
  ]) {
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await openApp(fresh);
    await expect(archNodes(fresh)).toHaveCount(12);
    await dropFile(fresh, file.name, file.type, file.bytes);
    await expect(fresh.getByRole('status').filter({ hasText: `Imported "E-commerce checkout" from ${file.name}` })).toBeVisible();
    await expect(archNodes(fresh)).toHaveCount(13);
    expect(await storedScenario(fresh)).toEqual(original);
    await context.close();
  }
});

test('the Markdown report downloads with the title and a parameters table', async ({ page }) => {
  await openApp(page);
  await openExportDialog(page);
  const report = await download(page, 'Download Markdown report');
  expect(report.name).toBe('e-commerce-checkout.report.md');
  const text = report.bytes.toString('utf8');
  expect(text.startsWith('# E-commerce checkout\n')).toBe(true);
  expect(text).toContain('| Node | Id | Kind | Key numbers | Bounded context |');
  expect(text).toContain('| Order service | order-service | Service |');
  expect(text).toContain('![Diagram of E-commerce checkout](data:image/svg+xml;base64,');
  expect(text).toContain('Not run yet');
});

test('a PNG without a Faultline scenario shows why and keeps the current scenario', async ({ page }) => {
  await openApp(page);
  const before = await storedScenario(page);
  await dropFile(page, 'holiday.png', 'image/png', Buffer.from(FOREIGN_PNG, 'base64'));
  const report = page.getByRole('dialog', { name: 'This file could not be imported' });
  await expect(report.getByRole('list', { name: 'Import errors' })).toContainText('this PNG holds no Faultline scenario: only pictures exported by Faultline can be reopened');
  await report.getByRole('button', { name: 'OK' }).click();
  await expect(archNodes(page)).toHaveCount(12);
  expect(await storedScenario(page)).toEqual(before);
});

test('copying the PNG puts an image on the clipboard, and a refused clipboard is said so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const dialog = await openExportDialog(page);
  await dialog.getByRole('button', { name: 'Copy PNG image (2x) to the clipboard' }).click();
  await expect(dialog.getByTestId('export-png').getByRole('status')).toHaveText('Copied to the clipboard.');
  const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => [...item.types]));
  expect(types).toContain('image/png');

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await dialog.getByRole('button', { name: 'Copy Scenario JSON to the clipboard' }).click();
  await expect(dialog.getByTestId('export-json').getByRole('status')).toContainText('did not allow access to the clipboard');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export…' })).toBeFocused();
});

test('a Mermaid flowchart dropped on the canvas opens as services and calls', async ({ page }) => {
  await openApp(page);
  const text = 'flowchart LR\n  web[Web shop] --> orders[Orders]\n  orders --> db[(Orders DB)]\n';
  await dropFile(page, 'shop.mmd', 'text/plain', Buffer.from(text));
  await expect(page.getByRole('status').filter({ hasText: 'from shop.mmd as a new scenario' })).toBeVisible();
  await expect(archNodes(page)).toHaveCount(3);
});
