import { expect, test, type Page } from '@playwright/test';
import { newBlankScenario, openApp } from './fixtures';

// The inspector's "Default N" beside a field must be what the model fills in for that kind: one
// node of each kind is added (keys 1-9) and its shown defaults are checked against the node the
// model made, as autosave stored it.
type Stored = { nodes: (Record<string, unknown> & { id: string; kind: string })[]; faults: (Record<string, unknown> & { kind: string })[] };

async function stored(page: Page): Promise<Stored> {
  return page.evaluate(() => {
    const id = localStorage.getItem('faultline.v1.current');
    const raw = id ? localStorage.getItem(`faultline.v1.scenario.${id}`) : null;
    return raw ? (JSON.parse(raw).scenario as Stored) : { nodes: [], faults: [] };
  });
}

const get = (item: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), item);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Per kind, in palette order: a section to switch on first (if any), then fields [label, path]. */
const CHECKS: readonly { kind: string; label: string; key: string; section?: string; fields: readonly [string, string][] }[] = [
  { kind: 'client', label: 'Client', key: '1', fields: [['Rate', 'workload.ratePerSec']] },
  { kind: 'gateway', label: 'Gateway', key: '2', fields: [['Workers per replica', 'workers'], ['Replicas', 'replicas'], ['Queue capacity', 'queue.capacity']] },
  { kind: 'loadBalancer', label: 'Load balancer', key: '3', section: 'Active health checks', fields: [['Interval', 'healthCheck.intervalMs'], ['Unhealthy threshold', 'healthCheck.unhealthyThreshold']] },
  { kind: 'service', label: 'Service', key: '4', fields: [['Workers per replica', 'workers'], ['Queue capacity', 'queue.capacity']] },
  { kind: 'database', label: 'Database', key: '5', fields: [['Connection pool per replica', 'workers'], ['Writes', 'writePercent']] },
  { kind: 'cache', label: 'Cache', key: '6', fields: [['Hit ratio', 'hitPercent']] },
  { kind: 'queue', label: 'Queue', key: '7', fields: [['Capacity', 'capacity'], ['Max deliveries', 'maxDeliveries']] },
  { kind: 'topic', label: 'Topic', key: '8', fields: [['Capacity per subscriber', 'capacity']] },
  { kind: 'external', label: 'External', key: '9', fields: [['Error rate', 'errorPercent']] },
];

for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }] as const) {
  test(`each node kind shows its own defaults, as the model fills them in, at ${viewport.width}x${viewport.height}`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await newBlankScenario(page);
    const seen: string[] = [];
    for (const [i, check] of CHECKS.entries()) {
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press(check.key);
      // Counted in the model: the canvas draws only the nodes in view.
      await expect.poll(async () => (await stored(page)).nodes.length).toBe(i + 2);
      await expect(inspector(page).getByText(new RegExp(`^${check.label} · id`))).toBeVisible();
      if (check.section) await inspector(page).getByRole('checkbox', { name: check.section }).check();
      // The node as the model made it (and filled the switched-on section), once autosave has it.
      let node: Stored['nodes'][number] | undefined;
      await expect
        .poll(async () => {
          const nodes = (await stored(page)).nodes.filter((n) => n.kind === check.kind);
          node = nodes[nodes.length - 1];
          return check.fields.every(([, path]) => typeof get(node, path) === 'number');
        })
        .toBe(true);
      for (const [label, path] of check.fields) {
        const value = get(node, path) as number;
        const input = inspector(page).getByLabel(label, { exact: true });
        await expect(input).toHaveValue(String(value));
        await expect(input, `${check.kind} ${label}`).toHaveAccessibleDescription(new RegExp(`Default ${String(value).replace('.', '\\.')}( \\S+)?\\.$`));
        seen.push(`${check.kind} ${label}: Default ${value}`);
      }
      if (check.kind === 'gateway') await inspector(page).screenshot({ path: info.outputPath(`gateway-defaults-${viewport.width}.png`) });
    }
    console.log(seen.join('; '));
    // The two reported cases, by their numbers.
    expect(seen).toContain('gateway Workers per replica: Default 64');
    expect(seen).toContain('external Error rate: Default 0.5');
  });

  test(`a latency fault shows its factor default of 2, as the model fills it in, at ${viewport.width}x${viewport.height}`, async ({ page }, info) => {
    await page.setViewportSize(viewport);
    await openApp(page);
    await page.getByRole('tab', { name: /Faults/ }).click();
    await page.getByLabel('New fault').selectOption('latency');
    await page.getByRole('button', { name: 'Add fault' }).click();
    await expect.poll(async () => (await stored(page)).faults.filter((f) => f.kind === 'latency').length).toBeGreaterThan(1);
    const faults = (await stored(page)).faults.filter((f) => f.kind === 'latency');
    const added = faults[faults.length - 1];
    expect(added?.factor).toBe(2);
    await page.getByRole('button', { name: new RegExp(`^Latency on `) }).last().click();
    const factor = inspector(page).getByLabel('Latency factor', { exact: true });
    await expect(factor).toHaveValue('2');
    await expect(factor).toHaveAccessibleDescription('Default 2 x.');
    await expect(inspector(page).getByLabel('Added latency', { exact: true })).toHaveAccessibleDescription(`Default ${String(added?.addMs)} ms.`);
    await inspector(page).screenshot({ path: info.outputPath(`latency-fault-defaults-${viewport.width}.png`) });
  });
}
