import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { JITTER_DECORRELATED, JITTER_EQUAL, JITTER_FULL, JITTER_NONE, backoffDelay } from './retry';
import { Rng } from './rng';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

/** client -> a -> b -> leaf (always fails), 100 requests in the first 10 s, then quiet. */
function layered(retryAt: (edge: string) => number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  const edge = (id: string, from: string, to: string) => ({
    id,
    from,
    to,
    policy: { timeoutMs: 60_000, retry: { maxAttempts: retryAt(id), baseMs: 0, maxMs: 0 } },
  });
  return {
    settings: { durationS: 30, seed: 3 },
    nodes: [
      { id: 'client', kind: 'client', workload: { ratePerSec: 0, phases: [{ kind: 'constant', durationS: 10, ratePerSec: 10 }] } },
      { id: 'a', kind: 'service', workers: 1000 },
      { id: 'b', kind: 'service', workers: 1000 },
      { id: 'leaf', kind: 'service', workers: 1000, errorPercent: 100 },
    ],
    edges: [edge('client-a', 'client', 'a'), edge('a-b', 'a', 'b'), edge('b-leaf', 'b', 'leaf')],
    ...extra,
  };
}

describe('retry amplification', () => {
  it('sends exactly 27 calls to a failing leaf per client request with 3 attempts at each of 3 layers', () => {
    const result = simulate(scenarioOf(layered(() => 3)));
    const requests = result.totals.system.clientRequests;
    expect(requests).toBeGreaterThan(50);
    expect(result.totals.nodes['a']!.arrivals).toBe(3 * requests);
    expect(result.totals.nodes['b']!.arrivals).toBe(9 * requests);
    expect(result.totals.nodes['leaf']!.arrivals).toBe(27 * requests);
    expect(result.totals.nodes['leaf']!.amplification).toBe(27);
    expect(result.totals.system.failures.dependency_failed).toBe(requests);
    expect(result.totals.edges['b-leaf']!.retries).toBe(18 * requests);
  });

  it('sends exactly 3 calls per client request when only the top layer retries', () => {
    const result = simulate(scenarioOf(layered((id) => (id === 'client-a' ? 3 : 1))));
    const requests = result.totals.system.clientRequests;
    expect(result.totals.nodes['leaf']!.arrivals).toBe(3 * requests);
    expect(result.totals.nodes['leaf']!.amplification).toBe(3);
    expect(result.totals.edges['b-leaf']!.retries).toBe(0);
  });
});

describe('retry timing and conditions', () => {
  it('waits the fixed backoff between attempts: 3 attempts over 1 ms links and 100 ms waits take 203 ms', () => {
    const result = simulate(
      scenarioOf({
        settings: { durationS: 20, seed: 1 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 0, phases: [{ kind: 'constant', durationS: 5, ratePerSec: 2 }] } },
          { id: 'leaf', kind: 'external', errorPercent: 100, latency: { dist: 'constant', valueMs: 0 } },
        ],
        edges: [{ id: 'client-leaf', from: 'client', to: 'leaf', policy: { retry: { maxAttempts: 3, baseMs: 100 } } }],
      }),
    );
    const latency = result.totals.system.latency;
    expect(latency.count).toBeGreaterThan(3);
    expect(latency.meanMs).toBeCloseTo(203, 9);
    expect(latency.maxMs).toBeCloseTo(203, 9);
  });

  it('does not retry errors when retryOn.error is off, but retries timeouts', () => {
    const input = (retryOn: { error: boolean; timeout: boolean }, leafKind: 'fail' | 'slow'): ScenarioInput => ({
      settings: { durationS: 20, seed: 1 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 0, phases: [{ kind: 'constant', durationS: 5, ratePerSec: 10 }] } },
        leafKind === 'fail'
          ? { id: 'leaf', kind: 'service', workers: 100, errorPercent: 100 }
          : { id: 'leaf', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 500 } },
      ],
      edges: [{ id: 'e', from: 'client', to: 'leaf', policy: { timeoutMs: 100, retry: { maxAttempts: 4, baseMs: 0, maxMs: 0, retryOn } } }],
    });
    const errors = simulate(scenarioOf(input({ error: false, timeout: true }, 'fail')));
    expect(errors.totals.edges['e']!.retries).toBe(0);
    const timeouts = simulate(scenarioOf(input({ error: false, timeout: true }, 'slow')));
    const requests = timeouts.totals.system.clientRequests;
    expect(timeouts.totals.edges['e']!.attempts).toBe(4 * requests);
    expect(timeouts.totals.edges['e']!.failures.timeout).toBe(4 * requests);
    expect(timeouts.totals.system.failures.timeout).toBe(requests);
  });

  it('keeps retries within the retry budget (10% of first attempts, no minimum)', () => {
    const result = simulate(
      scenarioOf({
        settings: { durationS: 60, seed: 2 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 200 } },
          { id: 'leaf', kind: 'service', workers: 100, errorPercent: 100 },
        ],
        edges: [
          {
            id: 'e',
            from: 'client',
            to: 'leaf',
            policy: { retry: { maxAttempts: 5, baseMs: 0, maxMs: 0, budget: { ratioPercent: 10, minPerSec: 0 } } },
          },
        ],
      }),
    );
    const edge = result.totals.edges['e']!;
    const firsts = edge.attempts - edge.retries;
    // Without the budget every request would retry 4 times (400%).
    expect(edge.retries / firsts).toBeLessThanOrEqual(0.1);
    expect(edge.retries / firsts).toBeGreaterThan(0.09);
  });
});

describe('backoff delays', () => {
  const draws = (jitter: number, n: number, d = 100) => {
    const rng = Rng.stream(9, 'jitter-test');
    return Array.from({ length: n }, () => backoffDelay(false, d, 2, 1000, jitter, 1, d, rng));
  };

  it('draws full-jitter delays uniform in [0, d) (Kolmogorov-Smirnov over 100,000 draws)', () => {
    const n = 100_000;
    const xs = draws(JITTER_FULL, n).sort((a, b) => a - b);
    expect(xs[0]).toBeGreaterThanOrEqual(0);
    expect(xs[n - 1]).toBeLessThan(100);
    let ks = 0;
    xs.forEach((x, i) => {
      ks = Math.max(ks, Math.abs(x / 100 - i / n), Math.abs(x / 100 - (i + 1) / n));
    });
    // Critical value at the 0.1% level: 1.95 / sqrt(n).
    expect(ks).toBeLessThan(1.95 / Math.sqrt(n));
  });

  it('draws equal-jitter delays in [d/2, d) with mean 3d/4', () => {
    const xs = draws(JITTER_EQUAL, 50_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...xs)).toBeLessThan(100);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(75, 0);
  });

  it('keeps decorrelated jitter within [base, max] along a chain of retries, reaching both ends', () => {
    const rng = Rng.stream(4, 'decorrelated');
    let previous = 10;
    let low = Infinity;
    let high = 0;
    for (let retry = 1; retry <= 100_000; retry++) {
      const d = backoffDelay(true, 10, 2, 1000, JITTER_DECORRELATED, retry, previous, rng);
      expect(d >= 10 && d <= 1000).toBe(true);
      low = Math.min(low, d);
      high = Math.max(high, d);
      previous = d;
    }
    expect(low).toBeLessThan(11);
    expect(high).toBe(1000);
  });

  it('grows exponential backoff by the multiplier up to the cap', () => {
    const rng = Rng.stream(1, 'x');
    const delays = [1, 2, 3, 4, 5, 6].map((retry) => backoffDelay(true, 10, 2, 100, JITTER_NONE, retry, 0, rng));
    expect(delays).toEqual([10, 20, 40, 80, 100, 100]);
  });
});
