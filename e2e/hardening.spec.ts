import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { archNodes, selectNode } from './fixtures';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const JS_URL = 'javascript:alert(1)';
const TITLE = `${IMG} ${JS_URL}`;

/** The checkout example with markup, script and javascript: URLs in every text a user can type. */
function hostileScenarioFile(): string {
  const file = JSON.parse(readFileSync('examples/checkout.json', 'utf8')) as {
    scenario: {
      title: string;
      metadata: { description?: string };
      groups: { id: string; label: string }[];
      nodes: { id: string; kind: string; label?: string; description?: string; position?: { x: number; y: number } }[];
    };
  };
  const s = file.scenario;
  s.title = TITLE;
  s.metadata.description = `${IMG} ${SCRIPT} ${JS_URL}`;
  const label = (id: string, text: string) => {
    const node = s.nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id} in the example`);
    node.label = text;
    return node;
  };
  label('payment-service', IMG).description = `${SCRIPT} ${JS_URL}`;
  label('order-service', SCRIPT);
  label('api-gateway', JS_URL);
  for (const group of s.groups) group.label = group.id === 'payments' ? SCRIPT : group.id === 'ordering' ? IMG : group.label;
  // Nothing calls this one, so the problems list names it.
  s.nodes.push({ id: 'lonely', kind: 'service', label: `${SCRIPT} lonely`, position: { x: 0, y: 700 } });
  return JSON.stringify(file);
}

/**
 * Fails if any markup from the scenario became an element, ran, or became a link. (The CSP would
 * block an inline onerror even if a label were parsed as HTML, so the elements themselves are
 * looked for, not only their effect.)
 */
async function expectNothingRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('script', { hasText: '__pwned' })).toHaveCount(0);
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('a[href]')).filter((a) => (a as HTMLAnchorElement).protocol === 'javascript:').length)).toBe(0);
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length)).toBe(0);
}

test('labels, titles and descriptions holding HTML, script and javascript: URLs show as text everywhere and never run', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('./');
  await expect(archNodes(page).first()).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileScenarioFile()) });
  await expect(archNodes(page)).toHaveCount(13);

  // Canvas: node labels and bounded-context names, as typed.
  await expect(page.getByTestId('node-payment-service')).toContainText(IMG);
  await expect(page.getByTestId('node-payment-service')).toHaveAttribute('title', `${SCRIPT} ${JS_URL}`);
  await expect(page.getByTestId('node-order-service')).toContainText(SCRIPT);
  await expect(page.getByTestId('node-api-gateway')).toContainText(JS_URL);
  await expect(page.getByTestId('context-payments')).toContainText(SCRIPT);
  await expect(page.getByTestId('context-ordering')).toContainText(IMG);

  // The tab's title is the scenario's, as plain text.
  await expect(page).toHaveTitle(`${TITLE} — Faultline`);

  // Inspector: heading and field.
  await selectNode(page, 'payment-service');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { level: 2 })).toHaveText(IMG);
  await expect(inspector.getByRole('textbox', { name: 'Label' })).toHaveValue(IMG);

  // Problems list.
  await page.getByRole('tab', { name: /Problems/ }).click();
  await expect(page.getByRole('list', { name: 'Architecture problems' })).toContainText(`Nothing calls ${SCRIPT} lonely`);

  // Scenario list.
  await page.getByRole('button', { name: /^Scenarios:/ }).click();
  await expect(page.getByRole('list', { name: 'Saved scenarios' })).toContainText(TITLE);
  await page.keyboard.press('Escape');

  await expectNothingRan(page, dialogs);

  // Reloaded from storage: still text.
  await page.reload();
  await expect(page.getByTestId('node-order-service')).toContainText(SCRIPT);
  await expect(page).toHaveTitle(`${TITLE} — Faultline`);
  await expectNothingRan(page, dialogs);
});
