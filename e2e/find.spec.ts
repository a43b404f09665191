import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { importFleet, openApp, settled } from './fixtures';
import { nodeTextSizes } from './measure';

// Find a node by name on a 60-node diagram: the jump must end with the node selected, in the
// middle of the canvas, its label readable (>= 14 px on screen), at a laptop's and a projector's size.
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

const findDialog = (page: Page) => page.getByRole('dialog', { name: 'Find a node' });
const findBox = (page: Page) => findDialog(page).getByRole('combobox');
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('/ opens Find; arrows and Enter select the node and zoom to it so its label reads at >= 14 px', async ({ page }, info) => {
      await openApp(page);
      await importFleet(page, readFileSync('e2e/data/fleet-60.json'));
      await settled(page);
      const before = await nodeTextSizes(page);
      const fitted = before.nodes.find((n) => n.id === 'payments-service');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('/');
      await expect(findDialog(page)).toBeVisible();
      await expect(findBox(page)).toBeFocused();
      await expect(findBox(page)).toHaveValue('');

      await page.keyboard.type('pay');
      const options = findDialog(page).getByRole('option');
      // Prefix matches, shorter names first.
      await expect(options.locator('.find__name')).toHaveText(['Payments DB', 'Payments cache', 'Payments service']);
      await expect(options.first()).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
      await expect(findBox(page)).toHaveAttribute('aria-activedescendant', (await options.nth(2).getAttribute('id')) ?? 'missing');
      await page.screenshot({ path: info.outputPath(`find-list-${viewport.width}.png`) });
      await page.keyboard.press('Enter');

      await expect(findDialog(page)).toBeHidden();
      await expect(inspector(page).locator('code').first()).toHaveText('payments-service');
      await expect(page.locator('.react-flow__node[data-id="payments-service"]')).toHaveClass(/selected/);
      await settled(page);
      const after = await nodeTextSizes(page);
      const node = after.nodes.find((n) => n.id === 'payments-service');
      expect(node, 'the node is drawn').toBeDefined();
      console.log(
        `${viewport.width}x${viewport.height}: fitted zoom ${before.zoom.toFixed(3)} (${before.level}) label ${fitted?.labelPx.toFixed(1)} px -> after Find zoom ${after.zoom.toFixed(3)} (${after.level}) label ${node?.labelPx.toFixed(1)} px`,
      );
      expect(node?.labelPx ?? 0).toBeGreaterThanOrEqual(14);
      expect(node?.inView).toBe(true);
      expect(node?.labelInside).toBe(true);
      // In the middle of the canvas.
      const offset = await page.evaluate(() => {
        const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
        const box = document.querySelector('.react-flow__node[data-id="payments-service"]')?.getBoundingClientRect();
        if (!canvas || !box) return Infinity;
        return Math.hypot(box.left + box.width / 2 - (canvas.left + canvas.width / 2), box.top + box.height / 2 - (canvas.top + canvas.height / 2));
      });
      expect(offset).toBeLessThan(40);
      // The node has the keyboard focus once the canvas is there.
      await expect(page.locator('.react-flow__node[data-id="payments-service"]')).toBeFocused();
      await page.screenshot({ path: info.outputPath(`find-jump-${viewport.width}.png`) });
    });

    test('Ctrl+F works from a text field, initials find a node, Escape closes and gives focus back', async ({ page }) => {
      await openApp(page);
      await importFleet(page, readFileSync('e2e/data/fleet-60.json'));
      const title = inspector(page).getByLabel('Title');
      await title.focus();
      // "/" in a text field is just a character.
      await page.keyboard.press('/');
      await expect(findDialog(page)).toBeHidden();
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Control+f');
      await expect(findDialog(page)).toBeVisible();
      await expect(findBox(page)).toBeFocused();
      await page.keyboard.type('rw');
      await expect(findDialog(page).getByRole('option').first().locator('.find__name')).toHaveText('Recommendations worker');
      await page.keyboard.type('zz');
      await expect(findDialog(page).getByText('No node matches.')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(findDialog(page)).toBeHidden();
      await expect(title).toBeFocused();
      // Nothing was selected by looking.
      await expect(inspector(page).getByRole('heading', { name: 'Scenario' })).toBeVisible();
      // The shortcut is listed with the others.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByText('Find a node by name')).toBeVisible();
    });
  });
}
