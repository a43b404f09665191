import { expect, test, type Locator, type Page } from '@playwright/test';
import { openApp } from './fixtures';

// Room for the canvas: what a person sees of the layout at a laptop's and a projector's viewport.
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;
const LAYOUT_KEY = 'faultline.v1.layout';
/** Every action the toolbar offers, by accessible name: on the bar, or in its More menu. */
const TOOLBAR_ACTIONS = [
  'Undo',
  'Redo',
  'Auto-layout',
  'Zoom to fit',
  'Snap',
  'Open file…',
  'Export…',
  'Copy share link',
  'Lessons',
  'Decide: monolith or microservices?',
  'Keyboard shortcuts',
];

type Box = { x: number; y: number; width: number; height: number };
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not laid out');
  return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height) };
}
const canvas = (page: Page) => page.locator('.canvas');
const toolbar = (page: Page) => page.getByRole('banner');
const separator = (page: Page, name: string) => page.getByRole('separator', { name });
const storedLayout = (page: Page) => page.evaluate((key) => localStorage.getItem(key), LAYOUT_KEY);

/** The width of one line of the toolbar's buttons: the bar is no taller than that. */
async function expectOneLine(page: Page): Promise<number> {
  const bar = await box(toolbar(page));
  expect(bar.height).toBeLessThanOrEqual(44);
  // No button's box wraps its text (one line of 14 px text is < 32 px tall) nor leaves the bar.
  const buttons = await toolbar(page).getByRole('button').evaluateAll((els) => els.map((e) => ({ name: e.getAttribute('aria-label') ?? e.textContent ?? '', r: e.getBoundingClientRect() })));
  for (const b of buttons) {
    expect.soft(b.r.height, `${b.name} height`).toBeLessThanOrEqual(32);
    expect.soft(b.r.bottom, `${b.name} inside the bar`).toBeLessThanOrEqual(bar.y + bar.height);
    expect.soft(b.r.right, `${b.name} inside the window`).toBeLessThanOrEqual(bar.width);
  }
  return bar.height;
}

/** Every toolbar action is a visible button (or checkbox) on the bar, or an item of the More menu. */
async function expectAllReachable(page: Page): Promise<string[]> {
  const more = toolbar(page).getByRole('button', { name: 'More' });
  const inMenu: string[] = [];
  const hasMore = (await more.count()) > 0;
  if (hasMore) {
    await more.click();
    await expect(page.getByRole('menu', { name: 'More' })).toBeVisible();
  }
  for (const name of TOOLBAR_ACTIONS) {
    const onBar = toolbar(page).getByRole(name === 'Snap' ? 'checkbox' : 'button', { name, exact: true });
    if (await onBar.isVisible()) continue;
    const item = page.getByRole('menu', { name: 'More' }).getByRole(name === 'Snap' ? 'menuitemcheckbox' : 'menuitem', { name: name === 'Snap' ? 'Snap to grid' : name, exact: true });
    await expect(item, `${name} on the bar or in More`).toBeVisible();
    inMenu.push(name);
  }
  if (hasMore) await page.keyboard.press('Escape');
  return inMenu;
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('the canvas gets the room: one-line toolbar, default panels, and every toolbar action reachable', async ({ page }) => {
      await openApp(page);
      const toolbarPx = await expectOneLine(page);
      const c = await box(canvas(page));
      const bottom = await box(page.getByRole('region', { name: 'Scenario panels' }));
      console.log(`${viewport.width}x${viewport.height}: toolbar ${toolbarPx} px, canvas ${c.width} x ${c.height} px, bottom panel ${bottom.height} px`);
      expect(c.width / viewport.width).toBeGreaterThanOrEqual(0.55);
      expect(bottom.height).toBe(200);
      // Toolbar, canvas, run bar and bottom panel fill the window's height, with nothing between.
      expect(c.y).toBe(toolbarPx);
      expect(c.height).toBeGreaterThanOrEqual(viewport.height - toolbarPx - 200 - 60);
      const inMenu = await expectAllReachable(page);
      if (viewport.width === 1440) expect(inMenu).toEqual([]);
      await page.screenshot({ path: `test-results-shell/layout-default-${viewport.width}.png` });
    });

    test('a toast does not move the canvas, and it can be dismissed', async ({ page }) => {
      await openApp(page);
      const before = await box(canvas(page));
      await page.evaluate(() => (window.location.hash = '#lesson=no-such-lesson&step=1'));
      const toast = page.getByRole('alert').filter({ hasText: 'no-such-lesson' });
      await expect(toast).toBeVisible();
      expect(await toast.evaluate((el) => getComputedStyle(el.parentElement as HTMLElement).position)).toBe('fixed');
      expect(await box(canvas(page))).toEqual(before);
      // Over the canvas, not over the inspector or the toolbar.
      const t = await box(toast);
      expect(t.x + t.width).toBeLessThanOrEqual(before.x + before.width);
      expect(t.y).toBeGreaterThanOrEqual(before.y);
      await page.screenshot({ path: `test-results-shell/layout-toast-${viewport.width}.png` });
      await toast.getByRole('button', { name: 'Dismiss' }).click();
      await expect(toast).toHaveCount(0);
      expect(await box(canvas(page))).toEqual(before);
    });

    test('an open lesson lies over the inspector column: the canvas keeps its width', async ({ page }) => {
      await openApp(page);
      const before = await box(canvas(page));
      await page.evaluate(() => (window.location.hash = '#lesson=circuit-breaker&step=1'));
      const lesson = page.getByRole('complementary', { name: /^Lesson: / });
      await expect(lesson).toBeVisible();
      const c = await box(canvas(page));
      expect(c.width / viewport.width).toBeGreaterThanOrEqual(0.55);
      expect(c.width).toBe(before.width);
      const inspectorColumn = await box(page.locator('#inspector-column'));
      const l = await box(lesson);
      expect(l.x).toBeGreaterThanOrEqual(inspectorColumn.x);
      await page.screenshot({ path: `test-results-shell/layout-lesson-${viewport.width}.png` });
      // Hidden, the inspector under it shows; the bar brings the lesson back.
      await page.getByRole('button', { name: 'Hide lesson' }).click();
      await expect(lesson).toBeHidden();
      await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();
      await expect(page.getByRole('button', { name: /Show lesson/ })).toBeFocused();
      await page.getByRole('button', { name: /Show lesson/ }).click();
      await expect(lesson).toBeVisible();
      await expect(page.getByRole('button', { name: 'Hide lesson' })).toBeFocused();
      expect((await box(canvas(page))).width).toBe(before.width);
    });
  });
}

test('the toolbar stays one line in a narrow window; the rest is in a keyboard menu that closes on Escape', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 720 });
  await openApp(page);
  await expectOneLine(page);
  const inMenu = await expectAllReachable(page);
  expect(inMenu.length).toBeGreaterThan(2);
  const more = toolbar(page).getByRole('button', { name: 'More' });
  await expect(more).toHaveAttribute('aria-haspopup', 'menu');
  await more.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'More' });
  await expect(menu).toBeVisible();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  const items = menu.getByRole('menuitem');
  await expect(menu.locator('[role^="menuitem"]').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.locator('[role^="menuitem"]').last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.locator('[role^="menuitem"]').first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.locator('[role^="menuitem"]').last()).toBeFocused();
  await page.screenshot({ path: 'test-results-shell/layout-more-1024.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // An item does what its button does: the decision wizard opens from the menu.
  expect(inMenu).toContain('Decide: monolith or microservices?');
  await more.click();
  await items.filter({ hasText: 'Decide: monolith or microservices?' }).click();
  await expect(page.getByRole('dialog', { name: 'Decide: monolith or microservices?' })).toBeVisible();
});

test('folds and unfolds each panel with its button and with Enter on its splitter; the canvas takes the room', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const start = await box(canvas(page));

  await page.getByRole('button', { name: 'Hide the palette' }).click();
  await expect(page.getByRole('navigation', { name: 'Add a node' })).toBeHidden();
  await expect.poll(async () => (await box(canvas(page))).width).toBe(start.width + 168);
  await expect(separator(page, 'Resize the palette')).toHaveAttribute('aria-valuenow', '0');
  await page.getByRole('button', { name: 'Show the palette' }).click();
  await expect(page.getByRole('navigation', { name: 'Add a node' })).toBeVisible();

  const inspector = separator(page, 'Resize the inspector');
  await inspector.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(async () => (await box(canvas(page))).width).toBe(start.width + 320);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Inspector' })).toBeVisible();

  await page.getByRole('button', { name: 'Hide the bottom panel' }).click();
  await expect(page.getByRole('tabpanel')).toBeHidden();
  // Folded, the bottom panel keeps its tab strip; the canvas gets the rest.
  await expect.poll(async () => (await box(canvas(page))).height).toBeGreaterThan(start.height + 150);
  await page.screenshot({ path: 'test-results-shell/layout-folded-bottom-1280.png' });
  // Choosing a tab unfolds it.
  await page.getByRole('tab', { name: /Faults/ }).click();
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await separator(page, 'Resize the bottom panel').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tabpanel')).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tabpanel')).toBeVisible();
  expect(await box(canvas(page))).toEqual(start);
});

test('resizes panels by keyboard and by dragging; sizes and folds survive a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const palette = separator(page, 'Resize the palette');
  await expect(palette).toHaveAttribute('aria-valuemax', '320');
  await expect(palette).toHaveAttribute('aria-valuenow', '168');
  await palette.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(palette).toHaveAttribute('aria-valuenow', '200');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(palette).toHaveAttribute('aria-valuenow', '136');
  await page.keyboard.press('Home');
  await expect(palette).toHaveAttribute('aria-valuenow', '120');
  await page.keyboard.press('End');
  await expect(palette).toHaveAttribute('aria-valuenow', '320');
  expect((await box(page.getByRole('navigation', { name: 'Add a node' }))).width).toBe(320);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(palette).toHaveAttribute('aria-valuenow', '192');

  const bottom = separator(page, 'Resize the bottom panel');
  await bottom.focus();
  await page.keyboard.press('ArrowUp');
  await expect(bottom).toHaveAttribute('aria-valuenow', '216');
  expect((await box(page.getByRole('region', { name: 'Scenario panels' }))).height).toBe(216);

  // Drag the inspector's splitter 80 px to the left: the inspector grows by 80 px.
  const inspector = separator(page, 'Resize the inspector');
  const handle = await box(inspector);
  const x = handle.x + handle.width / 2;
  const y = handle.y + handle.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x - i * 10, y);
  await page.mouse.up();
  await expect(inspector).toHaveAttribute('aria-valuenow', '400');
  expect((await box(page.locator('#inspector-column'))).width).toBe(400);

  // Drag the bottom panel's splitter down 40 px.
  const b = await box(bottom);
  await page.mouse.move(b.x + 300, b.y + b.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 4; i++) await page.mouse.move(b.x + 300, b.y + b.height / 2 + i * 10);
  await page.mouse.up();
  await expect(bottom).toHaveAttribute('aria-valuenow', '176');

  // Drag the palette's splitter far left: it folds, and remembers its width.
  const p = await box(palette);
  await page.mouse.move(p.x + p.width / 2, p.y + 200);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(p.x + p.width / 2 - i * 30, p.y + 200);
  await page.mouse.up();
  await expect(palette).toHaveAttribute('aria-valuenow', '0');
  await page.screenshot({ path: 'test-results-shell/layout-resized-1280.png' });

  await expect.poll(async () => JSON.parse((await storedLayout(page)) ?? '{}')).toMatchObject({ palette: { size: 192, folded: true }, inspector: { size: 400 }, bottom: { size: 176 } });
  await page.reload();
  await expect(page.locator('.react-flow__node-arch').first()).toBeVisible();
  await expect(palette).toHaveAttribute('aria-valuenow', '0');
  await expect(inspector).toHaveAttribute('aria-valuenow', '400');
  await expect(bottom).toHaveAttribute('aria-valuenow', '176');
  await page.getByRole('button', { name: 'Show the palette' }).click();
  await expect(palette).toHaveAttribute('aria-valuenow', '192');
  // A double-click on a splitter goes back to the default size.
  await inspector.dblclick();
  await expect(inspector).toHaveAttribute('aria-valuenow', '320');
});

test('a corrupted stored layout falls back to the defaults instead of breaking the page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const bad of ['{"version":1,"palette":{"size":', JSON.stringify({ version: 1, palette: { size: -40, folded: 'no' }, inspector: { size: 1e9, folded: false }, bottom: { size: 'huge' } }), '42']) {
    await page.goto('./');
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LAYOUT_KEY, bad] as const);
    await page.reload();
    await expect(page.locator('.react-flow__node-arch').first()).toBeVisible();
    await expect(separator(page, 'Resize the palette')).toHaveAttribute('aria-valuenow', '168');
    await expect(separator(page, 'Resize the inspector')).toHaveAttribute('aria-valuenow', '320');
    await expect(separator(page, 'Resize the bottom panel')).toHaveAttribute('aria-valuenow', '200');
    const c = await box(canvas(page));
    expect(c.width / 1280).toBeGreaterThanOrEqual(0.55);
  }
});
