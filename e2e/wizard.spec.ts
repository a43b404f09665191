import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { archNodes, openApp } from './fixtures';
import { choose, expectQuestion, openWizard, walkWizard, wizard, type Walk } from './wizardWalk';

const ALL_PRACTICES = [
  'Rapid, automated deployment (CI/CD)',
  'Basic monitoring and alerting',
  'Distributed tracing and correlated logs',
  'On-call ownership by the teams that build the code',
  'Rapid provisioning of machines or environments',
];

const STARTUP: Walk = {
  developers: '3',
  teams: '1',
  domain: 'Not yet',
  deploy: 'No',
  scaling: 'No, load is even',
  deadline: 'Tight',
  requirements: 'Largely unknown',
  consistency: 'Within each area only',
  latency: 'Tolerant',
  practices: ['Rapid, automated deployment (CI/CD)'],
  monolith: 'No, this is new',
  capabilities: 'catalog, orders, notifications',
};

const SCALE_UP: Walk = {
  developers: '8',
  teams: '2',
  domain: 'Some of them',
  deploy: 'Sometimes',
  scaling: 'Somewhat',
  deadline: 'Normal',
  requirements: 'Changing',
  consistency: 'Some transactions span areas',
  latency: 'Sensitive',
  practices: ['Rapid, automated deployment (CI/CD)', 'Basic monitoring and alerting', 'Rapid provisioning of machines or environments'],
  monolith: 'No, this is new',
  capabilities: 'orders, payments, inventory, shipping',
};

const PLATFORM: Walk = {
  developers: '60',
  teams: '6',
  domain: 'Yes, clearly',
  deploy: 'Yes, it is essential',
  scaling: 'Yes, very different',
  deadline: 'Relaxed',
  requirements: 'Settled',
  consistency: 'Within each area only',
  latency: 'Tolerant',
  practices: ALL_PRACTICES,
  monolith: 'No, this is new',
  capabilities: 'orders, payments, inventory, shipping, notifications, reporting',
};

const LEGACY: Walk = { ...PLATFORM, developers: '25', teams: '4', consistency: 'Some transactions span areas', monolith: 'Yes, and it slows us down', capabilities: 'orders, payments, inventory, notifications' };

const verdict = (page: Page) => wizard(page).getByRole('heading', { level: 2 });

async function openInEditorByKeyboard(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  await expect(wizard(page).getByRole('button', { name: 'Open in editor' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(wizard(page)).toBeHidden();
}

for (const { walk, outcome, nodes, title } of [
  { walk: STARTUP, outcome: 'Monolith', nodes: ['users', 'monolith', 'monolith-db'], title: 'Monolith: Catalog, Orders, Notifications' },
  { walk: SCALE_UP, outcome: 'Modular monolith', nodes: ['users', 'modular-monolith', 'modular-monolith-db'], title: 'Modular monolith: Orders, Payments, Inventory, Shipping' },
  {
    walk: PLATFORM,
    outcome: 'Microservices',
    nodes: ['api-gateway', 'orders-service', 'orders-db', 'payments-service', 'shipping-jobs', 'domain-events', 'reporting-read-model-service'],
    title: 'Microservices: Orders, Payments, Inventory, Shipping, Notifications, Reporting',
  },
  { walk: LEGACY, outcome: 'Strangler-fig migration', nodes: ['api-gateway', 'monolith', 'notifications-service', 'notifications-db', 'domain-events'], title: 'Strangler-fig migration: Orders, Payments, Inventory, Notifications' },
]) {
  test(`walks the wizard by keyboard to "${outcome}" and opens the starter in the editor`, async ({ page }) => {
    await openApp(page);
    await openWizard(page);
    await walkWizard(page, walk);
    await expect(verdict(page)).toHaveText(outcome);
    await expect(verdict(page)).toBeFocused();
    await expect(wizard(page).getByText(/Confidence: \d+%/)).toBeVisible();
    await expect(wizard(page).getByRole('list', { name: 'Reasons for it' }).getByRole('listitem').first()).toContainText('From your answers:');
    await expect(wizard(page).getByRole('list', { name: 'Prerequisites checklist' }).getByRole('listitem')).toHaveCount(6);
    await openInEditorByKeyboard(page);
    await expect(page.getByRole('button', { name: `Scenarios: ${title}` })).toBeVisible();
    for (const id of nodes) await expect(page.getByTestId(`node-${id}`)).toBeVisible();
    await expect(archNodes(page).first()).toBeInViewport();
    await page.screenshot({ path: `test-results/screens/wizard-starter-${outcome.toLowerCase().replace(/[^a-z]+/g, '-')}.png` });
  });
}

test('shows each question with why we ask, and the result with its reasoning (screenshots)', async ({ page }) => {
  await openApp(page);
  await openWizard(page);
  await expectQuestion(page, 1, 'How many people build this, and in how many teams?');
  // Next without answers: the messages appear and focus goes to the first field to fix.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(wizard(page).getByText('Enter a whole number from 1 to 10000.').first()).toBeVisible();
  await expect(wizard(page).getByRole('spinbutton', { name: 'Developers' })).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  await page.keyboard.press('Enter');
  await expectQuestion(page, 2, 'How well do you understand the domain?');
  await expect(wizard(page).getByText(/Why we ask: Service boundaries are expensive to move/)).toBeVisible();
  await choose(page, 'Some of them');
  await page.screenshot({ path: 'test-results/screens/wizard-question.png' });
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
  // Escape closes the wizard; it reopens where it was.
  await page.keyboard.press('Escape');
  await expect(wizard(page)).toBeHidden();
  await openWizard(page);
  await expect(wizard(page).getByRole('radio', { name: 'Some of them' })).toBeChecked();

  await wizard(page).getByRole('button', { name: 'Back' }).click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await choose(page, 'Yes, clearly');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.evaluate(() => localStorage.removeItem('faultline.wizard.v1'));
  await page.reload();
  await openWizard(page);
  await walkWizard(page, LEGACY);
  await page.setViewportSize({ width: 1440, height: 1200 });
  await page.screenshot({ path: 'test-results/screens/wizard-result.png' });
  await wizard(page).locator('.wizard__body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.screenshot({ path: 'test-results/screens/wizard-result-advice.png' });
  expect((await new AxeBuilder({ page }).include('dialog').analyze()).violations).toEqual([]);
});

test('Next with a missing answer moves focus to it at once, even when frames come late', async ({ page }) => {
  // A busy machine paints late. Focus must not wait for a frame: the next key belongs to the field.
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => window.setTimeout(() => raf(cb), 500);
  });
  await openApp(page);
  await openWizard(page);
  await expectQuestion(page, 1, 'How many people build this, and in how many teams?');
  await wizard(page).getByRole('spinbutton', { name: 'Developers' }).fill('12');
  await wizard(page).getByRole('button', { name: 'Next' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('3');
  await expect(wizard(page).getByRole('spinbutton', { name: 'Teams' })).toHaveValue('3');
  await page.keyboard.press('Enter');
  await expectQuestion(page, 2, 'How well do you understand the domain?');
});

test('keeps the answers across a reload in the middle of the wizard', async ({ page }) => {
  await openApp(page);
  await openWizard(page);
  await walkUntilDomain(page);
  await choose(page, 'Yes, clearly');
  await page.keyboard.press('Enter');
  await expectQuestion(page, 3, /released independently/);
  await page.reload();
  await expectQuestion(page, 3, /released independently/);
  await wizard(page).getByRole('button', { name: 'Back' }).focus();
  await page.keyboard.press('Enter');
  await expect(wizard(page).getByRole('radio', { name: 'Yes, clearly' })).toBeChecked();
  await wizard(page).getByRole('button', { name: 'Back' }).focus();
  await page.keyboard.press('Enter');
  await expect(wizard(page).getByRole('spinbutton', { name: 'Developers' })).toHaveValue('5');
  await expect(wizard(page).getByRole('spinbutton', { name: 'Teams' })).toHaveValue('2');

  // Stored answers that do not pass the schema are ignored with a notice; nothing crashes.
  await page.evaluate(() => localStorage.setItem('faultline.wizard.v1', '{"version":1,"open":true,"step":2,"draft":{"developers":"many"}}'));
  await page.reload();
  await expect(page.getByRole('button', { name: /^Scenarios:/ })).toBeVisible();
  await openWizard(page);
  await expect(wizard(page).getByRole('status').filter({ hasText: 'Your saved wizard answers could not be read, so the wizard starts afresh' })).toBeVisible();
  await expectQuestion(page, 1, /How many people/);
  await expect(wizard(page).getByRole('spinbutton', { name: 'Developers' })).toHaveValue('');

  // Saved on the result screen with answers missing: the wizard asks the first missing one.
  await page.evaluate(() => localStorage.setItem('faultline.wizard.v1', '{"version":1,"open":true,"step":11,"draft":{"developers":3,"teams":1}}'));
  await page.reload();
  await expectQuestion(page, 2, 'How well do you understand the domain?');
});

async function walkUntilDomain(page: Page): Promise<void> {
  await expectQuestion(page, 1, /How many people/);
  await page.keyboard.press('Tab');
  await page.keyboard.type('5');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expectQuestion(page, 2, 'How well do you understand the domain?');
}

test('going back to change an answer changes the outcome', async ({ page }) => {
  await openApp(page);
  await openWizard(page);
  await walkWizard(page, PLATFORM);
  await expect(verdict(page)).toHaveText('Microservices');
  // Back from the result, three screens, to the question about an existing monolith.
  for (const step of [11, 10, 9]) {
    await wizard(page).getByRole('button', { name: 'Back' }).focus();
    await page.keyboard.press('Enter');
    await expect(wizard(page).getByText(`Step ${step} of 11`)).toBeVisible();
  }
  await expectQuestion(page, 9, 'Is there an existing system (a monolith) today?');
  await choose(page, 'Yes, and it slows us down');
  await page.keyboard.press('Enter');
  await expectQuestion(page, 10, 'What are the business capabilities?');
  await wizard(page).getByRole('button', { name: 'Show result' }).focus();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveText('Strangler-fig migration');
  await expect(wizard(page).getByRole('list', { name: 'Reasons for it' })).toContainText('Your existing monolith slows you down');
  // Each reason links to the answers behind it: change one from there, and the verdict follows.
  await wizard(page).getByRole('button', { name: 'Change the answer: Existing monolith' }).first().focus();
  await page.keyboard.press('Enter');
  await expectQuestion(page, 9, 'Is there an existing system (a monolith) today?');
  await choose(page, 'No, this is new');
  await wizard(page).getByRole('button', { name: 'Show result' }).focus();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveText('Microservices');
});

test('exports the decision record as Markdown', async ({ page }) => {
  await openApp(page);
  await openWizard(page);
  await walkWizard(page, SCALE_UP);
  const download = page.waitForEvent('download');
  await wizard(page).getByRole('button', { name: 'Export decision record (Markdown)' }).click();
  expect((await download).suggestedFilename()).toBe('adr-modular-monolith.md');
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text.split('\n')[0]).toBe('# ADR: Modular monolith for Orders, Payments, Inventory, Shipping');
  for (const section of ['## Context', '## Options considered', '## Decision', '## Consequences', '## Answers']) expect(text).toContain(section);
  expect(text).toContain('We choose **Modular monolith**.');
  expect(text).toContain('| Developers | 8 |');
});

test('a share link reopens the result in a fresh page, and a mangled one says so', async ({ page, browser, baseURL }) => {
  await openApp(page);
  await openWizard(page);
  await walkWizard(page, LEGACY);
  await wizard(page).getByRole('button', { name: 'Copy share link' }).click();
  const link = await wizard(page).getByRole('textbox', { name: 'Share link' }).inputValue();
  // The app's address (the configured baseURL: the port differs when checkouts test side by side), then the fragment.
  expect(link.slice(0, link.indexOf('#'))).toBe(baseURL);
  expect(link.slice(link.indexOf('#'))).toMatch(/^#wizard=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(verdict(other)).toHaveText('Strangler-fig migration');
  await expect(wizard(other).getByRole('status').filter({ hasText: 'Showing the result shared in the link.' })).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');

  // A damaged link pasted into the same tab: the message says why, the answers stay.
  await other.goto(`${link.slice(0, -8)}!!`);
  await expect(wizard(other).getByRole('alert')).toContainText('This wizard link is damaged: it is not of the form #wizard=');
  await expect(verdict(other)).toHaveText('Strangler-fig migration');
  const bad = await fresh.newPage();
  await bad.goto(link.slice(0, 60));
  await expect(wizard(bad).getByRole('alert')).toContainText(/This wizard link is damaged: .*(not valid|answers are not valid)/);
  await bad.screenshot({ path: 'test-results/screens/wizard-bad-link.png' });
  await fresh.close();
});

test('explains contradictory answers on the result screen, each linked to its answers', async ({ page }) => {
  const answers = {
    developers: 2, teams: 1, domain: 'partial', deploy: 'none', scaling: 'strong', deadline: 'normal', requirements: 'changing',
    consistency: 'local', latency: 'tolerant', ops: [], monolith: 'none', capabilities: [{ name: 'Orders', role: 'request' }, { name: 'Billing', role: 'request' }],
  };
  await page.goto(`./#wizard=${Buffer.from(JSON.stringify({ v: 1, a: answers })).toString('base64url')}`);
  await expect(verdict(page)).toHaveText('Monolith');
  const contradictions = wizard(page).getByRole('list', { name: 'Contradictions' });
  await expect(contradictions.getByRole('listitem')).toHaveCount(2);
  await expect(contradictions).toContainText('You need independent scaling, but a team of 2 cannot run and watch many services.');
  await expect(contradictions).toContainText('there is no automated deployment');
  await expect(contradictions.getByRole('listitem').first()).toContainText('Independent scaling: Yes, very different');
  await expect(wizard(page).getByText(/Confidence: \d+% \((low|medium)\)/)).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/wizard-contradictions.png' });
});
