import { expect, type Locator, type Page } from '@playwright/test';

/** The answers of one walk through the wizard, as the user sees them (labels, typed text). */
export interface Walk {
  readonly developers: string;
  readonly teams: string;
  readonly domain: string;
  readonly deploy: string;
  readonly scaling: string;
  readonly deadline: string;
  readonly requirements: string;
  readonly consistency: string;
  readonly latency: string;
  readonly practices: readonly string[];
  readonly monolith: string;
  readonly capabilities: string;
}

export const wizard = (page: Page): Locator => page.getByRole('dialog', { name: 'Decide: monolith or microservices?' });

/** Opens the wizard from the toolbar with the keyboard. */
export async function openWizard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Decide: monolith or microservices?' }).focus();
  await page.keyboard.press('Enter');
  await expect(wizard(page)).toBeVisible();
}

type Focus = 'radio' | 'text' | 'select';

/** Presses Tab until the focused element is of `kind` (and, for a radio, in group `name`). */
async function tabUntil(page: Page, kind: Focus, label: string, name = ''): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate(
      ([k, n]) => {
        const el = document.activeElement;
        if (k === 'select') return el instanceof HTMLSelectElement;
        if (!(el instanceof HTMLInputElement)) return false;
        return k === 'radio' ? el.type === 'radio' && el.name === n : el.type === 'text' || el.type === 'number';
      },
      [kind, name] as const,
    );
    if (reached) return;
  }
  throw new Error(`Tab never reached ${label}`);
}

/** Expects the step heading to have focus, as the wizard moves it there on each step. */
export async function expectQuestion(page: Page, step: number, title: string | RegExp): Promise<void> {
  await expect(wizard(page).getByText(`Step ${step} of 11`)).toBeVisible();
  await expect(wizard(page).getByRole('heading', { level: 2, name: title })).toBeFocused();
}

/** Tabs into the radio group holding `label` and picks it with the arrow keys. */
export async function choose(page: Page, label: string): Promise<void> {
  const target = wizard(page).getByRole('radio', { name: label, exact: true });
  const group = await target.getAttribute('name');
  await tabUntil(page, 'radio', label, group ?? '');
  const radios = wizard(page).locator(`input[type=radio][name="${group}"]`);
  const values = await radios.evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
  const focused = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  const wanted = await target.getAttribute('value');
  let moves = values.indexOf(wanted ?? '') - values.indexOf(focused);
  if (moves === 0 && !(await target.isChecked())) await page.keyboard.press('Space');
  for (; moves > 0; moves--) await page.keyboard.press('ArrowDown');
  for (; moves < 0; moves++) await page.keyboard.press('ArrowUp');
  await expect(target).toBeChecked();
}

/** Types into the next text or number field reached with Tab. */
async function typeInto(page: Page, text: string, label: string): Promise<void> {
  await tabUntil(page, 'text', label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Answers every question of `walk` with the keyboard alone, ending on the result. */
export async function walkWizard(page: Page, walk: Walk): Promise<void> {
  await expectQuestion(page, 1, 'How many people build this, and in how many teams?');
  await typeInto(page, walk.developers, 'Developers');
  await typeInto(page, walk.teams, 'Teams');
  await page.keyboard.press('Enter');
  const radios: [number, string, string][] = [
    [2, 'How well do you understand the domain?', walk.domain],
    [3, 'Do parts of the system need to be released independently?', walk.deploy],
    [4, 'Do parts of the system see very different load?', walk.scaling],
  ];
  for (const [step, title, label] of radios) {
    await expectQuestion(page, step, title);
    await choose(page, label);
    await page.keyboard.press('Enter');
  }
  await expectQuestion(page, 5, /How much time do you have/);
  await choose(page, walk.deadline);
  await choose(page, walk.requirements);
  await page.keyboard.press('Enter');
  for (const [step, title, label] of [
    [6, 'How much strong consistency does the domain need?', walk.consistency],
    [7, 'How sensitive are you to latency?', walk.latency],
  ] as const) {
    await expectQuestion(page, step, title);
    await choose(page, label);
    await page.keyboard.press('Enter');
  }
  await expectQuestion(page, 8, 'Which operational practices do you already have?');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '');
    if (walk.practices.includes(name)) await page.keyboard.press('Space');
  }
  await page.keyboard.press('Enter');
  await expectQuestion(page, 9, 'Is there an existing system (a monolith) today?');
  await choose(page, walk.monolith);
  await page.keyboard.press('Enter');
  await expectQuestion(page, 10, 'What are the business capabilities?');
  await typeInto(page, walk.capabilities, 'Capabilities');
  await page.keyboard.press('Enter');
  await expectQuestion(page, 11, 'How is each capability reached?');
  await tabUntil(page, 'select', 'the first capability');
  await page.keyboard.press('Enter');
  await expect(wizard(page).getByText('Our recommendation')).toBeVisible();
}
