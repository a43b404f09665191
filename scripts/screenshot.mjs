// Takes the README screenshot of the built app (run `npm run build` and `npm run preview` first).
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const out = process.argv[3] ?? 'docs/screenshot.png';
const browser = await chromium.launch({
  executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
await page.goto(url);
await page.locator('.react-flow__node-arch').first().waitFor();
// After a run: health on the canvas, the system charts below, the slow database selected.
await page.getByRole('button', { name: 'Run simulation' }).click();
await page.getByRole('status', { name: 'Run status' }).filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
await page.getByRole('tab', { name: /Results/ }).click();
await page.getByTestId('node-payment-db').click();
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
