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
await page.getByTestId('node-order-service').click();
await page.waitForTimeout(600);
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
