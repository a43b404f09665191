import { describe, expect, it } from 'vitest';
import type { RunResult } from '../model';
import { betterOf, nodeDiffs, systemDiff } from './compareTable';

const latency = (p50Ms: number, p99Ms: number, count = 100) => ({ count, meanMs: p50Ms, p50Ms, p95Ms: p99Ms, p99Ms, maxMs: p99Ms });

function result(successRatio: number, p99Ms: number, nodes: Record<string, { successes: number; completions: number; p99Ms: number }>): RunResult {
  return {
    totals: {
      system: { clientRequests: 1000, successes: successRatio * 1000, goodputPerSec: successRatio * 100, successRatio, latency: latency(10, p99Ms) },
      nodes: Object.fromEntries(Object.entries(nodes).map(([id, n]) => [id, { successes: n.successes, completions: n.completions, latency: latency(5, n.p99Ms) }])),
      edges: {},
    },
  } as unknown as RunResult;
}

describe('compare table', () => {
  it('marks the better side by the direction of each metric, and equal-looking values as the same', () => {
    expect(betterOf(0.9, 0.95, 'higher')).toBe('B');
    expect(betterOf(120, 80, 'lower')).toBe('B');
    expect(betterOf(80, 120, 'lower')).toBe('A');
    expect(betterOf(184.41, 184.43, 'higher', 1)).toBe('same');
    expect(betterOf(1000, 1200, 'neutral')).toBeNull();
    expect(betterOf(NaN, 3, 'higher')).toBeNull();
  });

  it('puts system totals side by side with B - A', () => {
    const rows = systemDiff(result(0.9, 200, {}), result(0.95, 150, {}));
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r]));
    expect(byKey.successRatio).toMatchObject({ a: 90, b: 95, better: 'B' });
    expect(byKey.successRatio?.delta).toBeCloseTo(5);
    expect(byKey.p99).toMatchObject({ a: 200, b: 150, delta: -50, better: 'B' });
    expect(byKey.clientRequests?.better).toBeNull();
  });

  it('lists the nodes that changed most first and leaves unchanged ones out', () => {
    const a = result(0.9, 200, { db: { successes: 100, completions: 100, p99Ms: 10 }, api: { successes: 90, completions: 100, p99Ms: 100 }, same: { successes: 5, completions: 5, p99Ms: 3 } });
    const b = result(0.9, 200, { db: { successes: 99, completions: 100, p99Ms: 10 }, api: { successes: 60, completions: 100, p99Ms: 100 }, same: { successes: 5, completions: 5, p99Ms: 3 } });
    const rows = nodeDiffs(a, b, new Map([['api', 'API']]));
    expect(rows.map((r) => r.label)).toEqual(['API: success ratio', 'API: p99', 'db: success ratio', 'db: p99']);
    expect(rows[0]).toMatchObject({ a: 90, b: 60, better: 'A' });
  });
});
