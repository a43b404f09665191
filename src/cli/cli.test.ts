import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const examples = new URL('../../examples/', import.meta.url).pathname;
const checkout = join(examples, 'checkout.json');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, (t) => (out += t), (t) => (err += t));
  return { code, out, err };
}

function tempFile(content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, content);
  return file;
}

describe('npm run sim', () => {
  it('prints system, node and edge tables in markdown', async () => {
    const { code, out, err } = await run(checkout, '--duration', '10');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('# E-commerce checkout: 10 s, seed 42');
    expect(out).toMatch(/\| system \| \d+ \|/);
    expect(out).toContain('| Payment DB |');
    expect(out).toContain('| payment-db-edge (payment-service -> payment-db) |');
    expect(out).toContain('p99 ms');
  });

  it('gives the same output for the same seed and a different one for another seed', async () => {
    const a = await run(checkout, '--duration', '5', '--format', 'json', '--seed', '3');
    const b = await run(checkout, '--duration', '5', '--format', 'json', '--seed', '3');
    const c = await run(checkout, '--duration', '5', '--format', 'json', '--seed', '4');
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    const parsed = JSON.parse(a.out) as { seeds: number[]; tables: { table: string; rows: unknown[] }[] };
    expect(parsed.seeds).toEqual([3]);
    expect(parsed.tables.map((t) => t.table)).toEqual(['system', 'nodes', 'edges']);
  });

  it('writes CSV with one header per table', async () => {
    const { code, out } = await run(checkout, '--duration', '5', '--format', 'csv');
    expect(code).toBe(0);
    const headers = out.split('\n').filter((l) => l.startsWith('table,row,'));
    expect(headers).toHaveLength(3);
    expect(out).toContain('\nnodes,Payment DB,');
  });

  it('reports means with 95% confidence intervals over replications', async () => {
    const { code, out } = await run(checkout, '--duration', '5', '--replications', '3');
    expect(code).toBe(0);
    expect(out).toContain('seed 42..44 (3 replications, mean ± 95% CI)');
    expect(out).toMatch(/\| system \| [\d.]+ ± [\d.]+ \|/);
  });

  it('sweeps a parameter in worker threads, one row per value', async () => {
    const { code, out, err } = await run(checkout, '--duration', '5', '--sweep', 'edges.order-payment.policy.timeoutMs=100,2000', '--format', 'csv');
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = out.split('\n').filter((l) => l.startsWith('sweep,'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('timeoutMs=100');
    // A 100 ms timeout on a call that needs more than that fails far more client requests.
    const ratio = (row: string | undefined) => Number(row?.split(',')[4]);
    expect(ratio(rows[0])).toBeLessThan(ratio(rows[1]));
  }, 60_000);

  it('refuses an invalid scenario with exit code 2 and path-prefixed errors on stderr', async () => {
    const file = tempFile(JSON.stringify({ format: 'faultline', version: 2, scenario: { nodes: [{ id: 'a', kind: 'service', workers: -1 }] } }));
    const { code, out, err } = await run(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('scenario.nodes[0].workers: expected a whole number >= 1');
  });

  it('refuses a missing file, bad JSON, bad options and bad sweeps with exit code 2', async () => {
    expect((await run('/no/such/file.json')).code).toBe(2);
    expect((await run(tempFile('{ nope'))).err).toContain('not valid JSON');
    expect((await run(checkout, '--format', 'xml')).err).toContain('expected md, csv or json');
    expect((await run(checkout, '--seed=-4')).err).toContain('--seed -4: expected a whole number >= 0');
    expect((await run(checkout, '--sweep', 'edges.ghost.policy.timeoutMs=1,2')).err).toContain('no edge with id "ghost"');
    const bad = await run(checkout, '--sweep', 'edges.order-payment.policy.timeoutMs=-5');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('edges[5].policy.timeoutMs: expected a finite number >= 0.001');
    expect((await run()).err).toContain('a scenario file is required');
    // Decimal numbers only, and paths that name scenario fields.
    expect((await run(checkout, '--seed', '0x10')).err).toContain('--seed: "0x10" is not a decimal number: write 16');
    expect((await run(checkout, '--duration', '.5e1')).err).toContain('uses an exponent');
    expect((await run(checkout, '--sweep', 'edges.order-payment.policy.timeoutMs=0x10')).err).toContain('value "0x10" is not a decimal number');
    const proto = await run(checkout, '--sweep', 'nodes.__proto__.x=1');
    expect(proto.code).toBe(2);
    expect(proto.err).toContain('names "__proto__"');
  });

  it('stops a runaway run at its wall-clock budget with exit code 3 and keeps the partial results', async () => {
    const file = tempFile(
      JSON.stringify({
        format: 'faultline',
        version: 2,
        scenario: {
          settings: { durationS: 86_400, seed: 1 },
          nodes: [
            { id: 'client', kind: 'client', workload: { ratePerSec: 1_000_000 } },
            { id: 'api', kind: 'service', workers: 100_000 },
          ],
          edges: [{ id: 'client-api', from: 'client', to: 'api' }],
        },
      }),
    );
    const started = performance.now();
    const { code, out, err } = await run(file, '--max-wall', '0.5', '--format', 'json');
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(code).toBe(3);
    expect(err).toMatch(/wall-clock budget .* \(partial results shown\)/);
    const parsed = JSON.parse(out) as { statuses: string[]; tables: { table: string; rows: { row: string; clientRequests?: number }[] }[] };
    expect(parsed.statuses).toEqual(['budget_exceeded']);
    expect(parsed.tables[0]?.rows[0]?.clientRequests ?? 0).toBeGreaterThan(1000);
    expect((await run(file, '--max-wall', '0')).err).toContain('--max-wall 0: expected seconds above 0');
  }, 60_000);

  it('refuses what the app refuses to run: a synchronous call cycle, no client', async () => {
    const scenario = (nodes: unknown[], edges: unknown[]) => tempFile(JSON.stringify({ format: 'faultline', version: 2, scenario: { nodes, edges } }));
    const cycle = scenario(
      [{ id: 'c', kind: 'client' }, { id: 'a', kind: 'service' }, { id: 'b', kind: 'service' }],
      [{ id: 'c-a', from: 'c', to: 'a' }, { id: 'a-b', from: 'a', to: 'b' }, { id: 'b-a', from: 'b', to: 'a' }],
    );
    const refused = await run(cycle);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('cannot run: fix these problems first');
    expect(refused.err).toContain('Sync calls loop between a and b');
    const lonely = await run(scenario([{ id: 'a', kind: 'service' }], []));
    expect(lonely.code).toBe(2);
    expect(lonely.err).toContain('No client');
  });

  it('treats labels as data in Markdown, CSV and the terminal', async () => {
    const base = JSON.parse(readFileSync(checkout, 'utf8')) as { scenario: { title: string; nodes: { id: string; label?: string }[] } };
    const db = base.scenario.nodes.find((n) => n.id === 'payment-db');
    if (!db) throw new Error('the example has no payment-db');
    db.label = 'DB | evil\n# Injected';
    const service = base.scenario.nodes.find((n) => n.id === 'payment-service');
    if (!service) throw new Error('the example has no payment-service');
    service.label = '=HYPERLINK("http://x")';
    base.scenario.title = 'Shop \u001b[2J\u001b[31mred';
    const file = tempFile(JSON.stringify(base));
    const md = await run(file, '--duration', '5');
    expect(md.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(md.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(md.out).not.toMatch(/^# Injected/m);
    const lines = md.out.split('\n');
    const at = lines.findIndex((l) => l.includes('evil'));
    const dbRow = lines[at];
    expect(dbRow).toContain('DB \\| evil # Injected');
    // The row still has as many cells as its table's header (the line above the |---| rule).
    const rule = lines.slice(0, at).findLastIndex((l) => l.startsWith('|---'));
    const header = lines[rule - 1];
    const cells = (line: string | undefined) => (line ?? '').replace(/\\\|/g, '').split('|').length;
    expect(cells(dbRow)).toBe(cells(header));
    const csvOut = (await run(file, '--duration', '5', '--format', 'csv')).out;
    expect(csvOut).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csvOut).not.toMatch(/,=HYPERLINK/);
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run sim');
  });
});
