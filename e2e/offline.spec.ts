import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { archNodes } from './fixtures';

const distDir = process.env.FAULTLINE_DIST ?? 'dist';

/** Every file of the build a visitor may need, as the service worker should have cached it. */
function builtFiles(dir = distDir, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return builtFiles(path.join(dir, entry.name), `${name}/`);
    return name.endsWith('.map') || name === 'sw.js' ? [] : [name];
  });
}

/** Paths (relative to the app) held in Faultline's caches, per cache. */
function cachedFiles(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const base = new URL('./', location.href).href;
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((request) => request.url.replace(base, '')).sort();
    }
    return out;
  });
}

test('after one visit the app, a lesson and a simulation work with no network', async ({ page, context }) => {
  // A cache left by an older build: the new service worker must delete it when it activates.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('stale-cache-made')) {
      sessionStorage.setItem('stale-cache-made', '1');
      const w = window as unknown as { staleMadeAt?: number; workerActiveAt?: number };
      void caches
        .open('faultline-stale-build')
        .then((cache) => cache.put('./old.js', new Response('old')))
        .then(() => (w.staleMadeAt = performance.now()));
      void navigator.serviceWorker.ready.then(() => (w.workerActiveAt = performance.now()));
    }
  });
  await page.goto('./');
  await expect(archNodes(page).first()).toBeVisible();
  // The service worker is active, controls the page, and has cached every file of the build.
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated' && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  const expected = builtFiles().sort();
  expect(expected).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png']));
  expect(expected.some((f) => /^assets\/sim\.worker-.*\.js$/.test(f))).toBe(true);
  await expect.poll(async () => Object.values(await cachedFiles(page)), { timeout: 30_000 }).toEqual([expected]);
  // One cache, named by this build's hash: the stale one, there before the worker activated, is gone.
  const times = await page.evaluate(() => {
    const w = window as unknown as { staleMadeAt?: number; workerActiveAt?: number };
    return { staleMadeAt: w.staleMadeAt, workerActiveAt: w.workerActiveAt };
  });
  expect(times.staleMadeAt).toBeLessThan(times.workerActiveAt ?? 0);
  expect(Object.keys(await cachedFiles(page))).toEqual([expect.stringMatching(/^faultline-[0-9a-f]{16}$/)]);

  await context.setOffline(true);
  // The network is really gone: a file the worker did not precache cannot be fetched.
  expect(await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then(() => 'fetched', () => 'offline'))).toBe('offline');
  await page.reload();
  await expect(archNodes(page).first()).toBeVisible();

  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page.getByRole('dialog', { name: 'Lessons' }).getByRole('button', { name: /^Open lesson: / }).first().click();
  await expect(page.getByRole('complementary', { name: /^Lesson: / })).toBeVisible();

  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toContainText(/Done|Stopped at budget/, { timeout: 60_000 });

  // The embed view, too, opens offline (any address in the app falls back to the cached page).
  await page.goto('./?embed');
  await expect(archNodes(page).first()).toBeVisible();
});

test('Chromium finds the app installable: manifest, PNG icons and a service worker that serves the page', async ({ page }) => {
  await page.goto('./');
  await expect(archNodes(page).first()).toBeVisible();
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated' && navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  const cdp = await page.context().newCDPSession(page);
  const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: { message: string }[] };
  expect(manifest.url).toMatch(/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
  // Playwright's contexts are off-the-record profiles, where Chromium never offers to install;
  // every other reason (no icon, no service worker, bad manifest...) would be listed here.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);
});
