import { mkdtempSync, writeFileSync } from 'node:fs';
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
  });

  it('prints its usage with --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run sim');
  });
});
