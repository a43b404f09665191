import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { archNodes, openApp, storedScenario } from './fixtures';

test('importing a bad file lists its errors and keeps the current scenario', async ({ page }) => {
  await openApp(page);
  const before = await storedScenario(page);
  const bad = {
    format: 'faultline',
    version: 2,
    scenario: {
      nodes: [
        { id: 'a', kind: 'service', workers: -1 },
        { id: 'b', kind: 'spaceship' },
      ],
      edges: [{ id: 'e', from: 'a', to: 'ghost', policy: { timeoutMs: 'soon' } }],
    },
  };
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const dialog = page.getByRole('dialog', { name: 'This file could not be imported' });
  await expect(dialog).toBeVisible();
  const errors = dialog.getByRole('list', { name: 'Import errors' });
  await expect(errors).toContainText('scenario.nodes[0].workers: expected a whole number >= 1');
  await expect(errors).toContainText('scenario.nodes[1].kind: expected a node kind');
  await expect(errors).toContainText('scenario.edges[0].policy.timeoutMs');
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(archNodes(page)).toHaveCount(12);
  expect((await storedScenario(page)).title).toBe(before.title);
});

test('a file that is not JSON is refused with the parser message', async ({ page }) => {
  await openApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{ nodes: [') });
  await expect(page.getByRole('dialog', { name: 'This file could not be imported' })).toContainText('not valid JSON');
});

test('export then import gives the same scenario', async ({ page }) => {
  await openApp(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E'); // "Export scenario file" (also in Export…)
  const file = await (await download).path();
  expect((await download).suggestedFilename()).toBe('e-commerce-checkout.faultline.json');
  const exported = readFileSync(file, 'utf8');
  const original = await storedScenario(page);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({ name: 'again.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported "E-commerce checkout"' })).toBeVisible();
  const imported = await storedScenario(page);
  expect(imported).toEqual(original);
  // It was added as a second named scenario; the first is still there.
  await page.getByRole('button', { name: /^Scenarios:/ }).click();
  await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(2);
});

test('a file dropped on the canvas is imported', async ({ page }) => {
  await openApp(page);
  const text = JSON.stringify({ format: 'faultline', version: 2, scenario: { title: 'Dropped', nodes: [{ id: 'users', kind: 'client' }, { id: 'api', kind: 'service' }], edges: [{ id: 'e1', from: 'users', to: 'api' }] } });
  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer });
  await expect(archNodes(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Scenarios: Dropped' })).toBeVisible();
});

test('dropping several files, one of them bad, imports the good ones and reports on each file', async ({ page }) => {
  await openApp(page);
  const scenario = (title: string) => JSON.stringify({ format: 'faultline', version: 2, scenario: { title, nodes: [{ id: 'users', kind: 'client' }, { id: 'api', kind: 'service' }], edges: [{ id: 'e1', from: 'users', to: 'api' }] } });
  const files = [
    { name: 'first.json', text: scenario('First') },
    { name: 'broken.json', text: JSON.stringify({ format: 'faultline', version: 2, scenario: { nodes: [{ id: 'a', kind: 'service', workers: -1 }] } }) },
    { name: 'second.json', text: scenario('Second') },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer });
  const report = page.getByRole('dialog', { name: 'This file could not be imported' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('1 of 3 files (broken.json)');
  await expect(report.getByRole('list', { name: 'Import errors' })).toContainText('broken.json: scenario.nodes[0].workers: expected a whole number >= 1');
  await report.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText(/Imported 2 of 3 files as new scenarios: "First" \(first.json\), "Second" \(second.json\)\. broken.json could not be read/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Scenarios: Second' })).toBeVisible();
  await page.getByRole('button', { name: 'Scenarios: Second' }).click();
  await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(3);
});

test('corrupt stored data is kept aside and the example opens', async ({ page }) => {
  await openApp(page);
  await storedScenario(page);
  const key = await page.evaluate(() => {
    const id = localStorage.getItem('faultline.v1.current');
    localStorage.setItem(`faultline.v1.scenario.${id}`, '{"format":"faultline","version":2,"scenario":{"nodes":[{"id":"x","kind":"warp-drive"}]}}');
    return id;
  });
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toBeVisible();
  await expect(archNodes(page)).toHaveCount(12);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('faultline.v1.corrupt.')));
  expect(kept).toHaveLength(1);
  const raw = await page.evaluate((k) => localStorage.getItem(k), kept[0] ?? '');
  expect(raw).toContain('warp-drive');
  expect(key).toBeTruthy();
});

test('a full storage shows a banner and loses nothing', async ({ page }) => {
  await openApp(page);
  await storedScenario(page);
  await page.evaluate(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('faultline.v1.scenario.')) throw new DOMException('full', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await page.getByRole('button', { name: 'Add Topic' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText('storage for this site is full');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  // The new node is still there, selected and in view: nothing was lost.
  await expect(page.locator('.arch-node--topic.is-selected')).toBeVisible();
  // And the banner offers a copy as a file at once, with the unsaved edit in it.
  const download = page.waitForEvent('download');
  await page.getByRole('alert').filter({ hasText: 'Not saved' }).getByRole('button', { name: 'Download a copy' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { scenario: { nodes: { kind: string }[] } };
  expect(file.scenario.nodes.filter((n) => n.kind === 'topic')).toHaveLength(1);
});

test('the editor has no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('node-order-service').click();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
});
