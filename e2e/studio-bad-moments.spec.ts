import { expect, test, type Page } from '@playwright/test';
import { openApp, selectNode } from './fixtures';

const runStatus = (page: Page) => page.getByRole('status', { name: 'Run status' });

test('a crashed worker says so, loses nothing, and the next run works', async ({ page }) => {
  // The first worker the page creates dies on start, as a worker with a bug would.
  await page.addInitScript(() => {
    const Original = window.Worker;
    let crashNext = true;
    window.Worker = function (url: string | URL, options?: WorkerOptions) {
      if (crashNext) {
        crashNext = false;
        return new Original(URL.createObjectURL(new Blob(['throw new Error("engine exploded")'], { type: 'text/javascript' })), options);
      }
      return new Original(url, options);
    } as unknown as typeof Worker;
  });
  await openApp(page);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The simulation crashed' })).toContainText('Your scenario is untouched');
  await expect(runStatus(page)).toHaveText('Crashed');
  await expect(page.locator('.react-flow__node-arch')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Done', { timeout: 60_000 });
});

test('a run that hits its event budget stops, shows partial results and says why', async ({ page }) => {
  await openApp(page);
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  const budget = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Event budget');
  await budget.fill('20000');
  await budget.press('Enter');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Stopped at budget', { timeout: 60_000 });
  await expect(page.getByRole('status').filter({ hasText: 'The run stopped early' })).toContainText('event budget');
  await page.getByRole('tab', { name: /Results/ }).click();
  await expect(page.getByRole('region', { name: 'System charts' }).getByRole('img', { name: /Offered load and goodput/ })).toBeVisible();
  const clock = await page.getByRole('timer', { name: 'Simulated time' }).textContent();
  expect(clock).not.toBe('60.0 s of 60 s');
});

test('editing during a run keeps the run going on the scenario it started with, and says so', async ({ page }) => {
  await openApp(page);
  // Real time (60 s): the run must outlast the edit and the checks even on a loaded machine.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Play 1x (real time)' });
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(runStatus(page)).toContainText('Running');
  await selectNode(page, 'order-service');
  const workers = page.getByLabel('Workers per replica');
  await workers.fill('30');
  await workers.press('Enter');
  await expect(runStatus(page)).toContainText('scenario edited since this run');
  await expect(runStatus(page)).toContainText('Running');
  await page.getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByTestId('node-order-service')).toContainText('3 x 30 workers');
});
