// Takes the README screenshots of the built app at 1440x900 (run `npm run build` and
// `npm run preview` first): after a run of the example, at its worst moment.
import { chromium } from '@playwright/test';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const outDir = process.argv[3] ?? 'docs';
const browser = await chromium.launch({
  executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(url);
await page.locator('.react-flow__node-arch').first().waitFor();
// After a run Results opens and the scrubber stands at the worst moment: health, fault marks and
// the system charts; the slowed database is selected, so its own charts show too.
await page.getByRole('button', { name: 'Run simulation' }).click();
await page.getByRole('status', { name: 'Run status' }).filter({ hasText: /^Done/ }).waitFor({ timeout: 60_000 });
await page.waitForTimeout(800);
await page.getByTestId('node-payment-db').click();
await page.waitForTimeout(800);
await page.screenshot({ path: `${outDir}/screenshot.png` });
// The cascade: the Events tab's story, pointed at, numbers the path on the canvas.
await page.keyboard.press('Escape');
await page.getByRole('tab', { name: /Events/ }).click();
const story = page.getByRole('region', { name: 'What happened' });
await story.waitFor();
await story.hover();
await page.waitForTimeout(600);
await page.screenshot({ path: `${outDir}/screenshot-cascade.png` });
await browser.close();
console.log(`wrote ${outDir}/screenshot.png and ${outDir}/screenshot-cascade.png`);
