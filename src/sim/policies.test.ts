import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

type Policy = NonNullable<NonNullable<ScenarioInput['edges']>[number]['policy']>;

/**
 * One user sending a request every 10 s (constant think time, so none overlap); a (parallel)
 * calls b `count` times at once; b takes 100 ms.
 */
function fanOut(count: number, policy: Policy, b: Record<string, unknown> = {}): ScenarioInput {
  return {
    settings: { durationS: 100, seed: 4 },
    nodes: [
      { id: 'client', kind: 'client', workload: { model: 'closed', users: 1, thinkTime: { dist: 'constant', valueMs: 10_000 } } },
      { id: 'a', kind: 'service', workers: 10, callMode: 'parallel', serviceTime: { dist: 'constant', valueMs: 1 } },
      { id: 'b', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 100 }, ...b },
    ],
    edges: [
      { id: 'client-a', from: 'client', to: 'a' },
      { id: 'a-b', from: 'a', to: 'b', count, policy },
    ],
  };
}

describe('bulkhead', () => {
  it('rejects the 3rd concurrent call with rejected_bulkhead when 2 are allowed and nobody waits', () => {
    const result = simulate(scenarioOf(fanOut(3, { bulkhead: { maxConcurrentCalls: 2, maxWaitMs: 0 } })));
    const requests = result.totals.system.clientRequests;
    expect(requests).toBeGreaterThan(3);
    const edge = result.totals.edges['a-b']!;
    expect(edge.successes).toBe(2 * requests);
    expect(edge.failures.rejected_bulkhead).toBe(requests);
    expect(result.totals.nodes['b']!.arrivals).toBe(2 * requests);
    // The rejected call was never sent: b saw 2 calls per request, and a failed each request.
    expect(result.totals.nodes['a']!.failures.dependency_failed).toBe(requests);
    expect(result.notable.some((n) => n.kind === 'bulkhead_saturated' && n.target === 'a-b')).toBe(true);
  });

  it('lets the 3rd call wait for a permit when maxWaitMs is long enough', () => {
    const result = simulate(scenarioOf(fanOut(3, { bulkhead: { maxConcurrentCalls: 2, maxWaitMs: 500 } })));
    const requests = result.totals.system.clientRequests;
    expect(result.totals.edges['a-b']!.successes).toBe(3 * requests);
    // The waiting call starts when the first two finish: a takes 1 + 2 x (1 ms link + 100 ms) ms.
    expect(result.totals.nodes['a']!.latency.meanMs).toBeCloseTo(1 + 2 * 101, 6);
  });
});

describe('rate limiter', () => {
  it('grants limitForPeriod calls per period and rejects the rest when nobody waits', () => {
    const result = simulate(scenarioOf(fanOut(5, { rateLimiter: { limitForPeriod: 3, periodMs: 1000, maxWaitMs: 0 } })));
    const requests = result.totals.system.clientRequests;
    const edge = result.totals.edges['a-b']!;
    expect(edge.successes).toBe(3 * requests);
    expect(edge.failures.rejected_rate_limit).toBe(2 * requests);
  });

  it('makes calls wait for the next period when maxWaitMs allows it', () => {
    const result = simulate(scenarioOf(fanOut(5, { rateLimiter: { limitForPeriod: 3, periodMs: 1000, maxWaitMs: 1000 } })));
    const requests = result.totals.system.clientRequests;
    expect(result.totals.edges['a-b']!.successes).toBe(5 * requests);
    // Two calls wait for the next 1 s cycle, so a's answer takes more than that wait.
    expect(result.totals.nodes['a']!.latency.meanMs).toBeGreaterThan(100);
  });
});

describe('time-out and fallback', () => {
  it('times out attempts after timeoutMs and answers with the static fallback as a degraded success', () => {
    const result = simulate(scenarioOf(fanOut(1, { timeoutMs: 50, fallback: 'static' })));
    const requests = result.totals.system.clientRequests;
    expect(result.totals.edges['a-b']!.failures.timeout).toBe(requests);
    expect(result.totals.nodes['a']!.successes).toBe(requests);
    expect(result.totals.nodes['a']!.degraded).toBe(requests);
    expect(result.totals.system.successes).toBe(requests);
    expect(result.totals.nodes['a']!.latency.maxMs).toBeCloseTo(1 + 50, 6);
    // The work still runs at b (no cancelOnTimeout).
    expect(result.totals.nodes['b']!.successes).toBe(requests);
  });

  it('drops work whose caller gave up when the callee has cancelOnTimeout', () => {
    const input = fanOut(1, { timeoutMs: 50 }, { workers: 1, cancelOnTimeout: true });
    // Several calls at once: the ones still queued when their caller gives up are dropped.
    const burst = { ...input, edges: [input.edges![0]!, { ...input.edges![1]!, count: 4 }] };
    const result = simulate(scenarioOf(burst));
    const requests = result.totals.system.clientRequests;
    const b = result.totals.nodes['b']!;
    // The first call is served (its work is not pre-empted) but dropped at the next checkpoint;
    // the three queued behind it are dropped when they reach a worker.
    expect(b.failures.timeout).toBe(4 * requests);
    expect(b.successes).toBe(0);
    expect(b.meanUtilisation * 100_000).toBeCloseTo(requests * 100, 0);
  });

  it('uses a cached fallback only after the call once succeeded', () => {
    const result = simulate(
      scenarioOf({
        ...fanOut(1, { timeoutMs: 500, fallback: 'cached' }),
        faults: [{ id: 'down', kind: 'error', target: 'b', startS: 0, durationS: 25, percent: 100 }],
      }),
    );
    const a = result.totals.nodes['a']!;
    // Before the first success there is nothing cached: those requests fail.
    expect(a.failures.dependency_failed).toBeGreaterThan(0);
    expect(a.degraded).toBe(0);
    const later = simulate(
      scenarioOf({
        ...fanOut(1, { timeoutMs: 500, fallback: 'cached' }),
        faults: [{ id: 'down', kind: 'error', target: 'b', startS: 40, durationS: 60, percent: 100 }],
      }),
    ).totals.nodes['a']!;
    expect(later.failures.dependency_failed).toBe(0);
    expect(later.degraded).toBeGreaterThan(0);
  });
});

describe('adaptive throttling', () => {
  it('sheds locally so that about K x accepted requests reach an overloaded backend (SRE formula)', () => {
    const result = simulate(
      scenarioOf({
        settings: { durationS: 300, warmupS: 60, seed: 6 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 100 } },
          { id: 'gw', kind: 'gateway', rateLimit: { ratePerSec: 20, burst: 20 } },
        ],
        edges: [{ id: 'e', from: 'client', to: 'gw', policy: { adaptiveThrottling: { k: 2, windowS: 60 } } }],
      }),
    );
    const edge = result.totals.edges['e']!;
    // The gateway accepts 20/s; p = (requests - 2 x accepts) / (requests + 1) lets about 40/s through.
    const reachedPerSec = result.totals.nodes['gw']!.arrivals / 240;
    expect(edge.failures.shed).toBeGreaterThan(0);
    expect(reachedPerSec).toBeGreaterThan(35);
    expect(reachedPerSec).toBeLessThan(45);
    expect(result.totals.nodes['gw']!.successes / 240).toBeCloseTo(20, 0);
  });

  it('counts application errors as accepted: a backend failing 90% of calls is not throttled', () => {
    const result = simulate(
      scenarioOf({
        settings: { durationS: 60, seed: 6 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 100 } },
          { id: 'b', kind: 'service', workers: 100, errorPercent: 90 },
        ],
        edges: [{ id: 'e', from: 'client', to: 'b', policy: { adaptiveThrottling: { k: 2, windowS: 60 } } }],
      }),
    );
    // Only the very first attempts, when the window holds almost nothing, can be shed.
    expect(result.totals.edges['e']!.failures.shed).toBeLessThan(5);
  });
});

describe('gateway', () => {
  it('rate-limits with a token bucket (rate and burst) and answers 429s as rejected_rate_limit', () => {
    const result = simulate(
      scenarioOf({
        settings: { durationS: 60, seed: 2 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 200 } },
          { id: 'gw', kind: 'gateway', rateLimit: { ratePerSec: 100, burst: 10 } },
        ],
        edges: [{ id: 'e', from: 'client', to: 'gw' }],
      }),
    );
    const gw = result.totals.nodes['gw']!;
    expect(gw.successes / 60).toBeGreaterThan(98);
    expect(gw.successes / 60).toBeLessThan(101);
    expect(gw.failures.rejected_rate_limit).toBe(gw.arrivals - gw.successes);
    expect(result.totals.system.failures.rejected_rate_limit).toBe(gw.failures.rejected_rate_limit);
  });

  it('aggregates in parallel: an optional edge that fails degrades the answer, a required one fails it', () => {
    const base = (optional: boolean): ScenarioInput => ({
      settings: { durationS: 30, seed: 2 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 20 } },
        { id: 'gw', kind: 'gateway', aggregate: true },
        { id: 'ok', kind: 'service' },
        { id: 'broken', kind: 'service', errorPercent: 100 },
      ],
      edges: [
        { id: 'client-gw', from: 'client', to: 'gw' },
        { id: 'gw-ok', from: 'gw', to: 'ok' },
        { id: 'gw-broken', from: 'gw', to: 'broken', optional },
      ],
    });
    const degraded = simulate(scenarioOf(base(true))).totals;
    expect(degraded.system.successRatio).toBe(1);
    expect(degraded.nodes['gw']!.degraded).toBe(degraded.nodes['gw']!.successes);
    expect(degraded.nodes['ok']!.arrivals).toBe(degraded.system.clientRequests);
    const failed = simulate(scenarioOf(base(false))).totals;
    expect(failed.system.successes).toBe(0);
    expect(failed.nodes['gw']!.failures.dependency_failed).toBe(failed.system.clientRequests);
  });

  it('routes each request down one edge, weighted by callPercent, when not aggregating', () => {
    const result = simulate(
      scenarioOf({
        settings: { durationS: 100, seed: 2 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 100 } },
          { id: 'gw', kind: 'gateway' },
          { id: 'x', kind: 'service' },
          { id: 'y', kind: 'service' },
        ],
        edges: [
          { id: 'client-gw', from: 'client', to: 'gw' },
          { id: 'gw-x', from: 'gw', to: 'x', callPercent: 70 },
          { id: 'gw-y', from: 'gw', to: 'y', callPercent: 30 },
        ],
      }),
    ).totals;
    const requests = result.system.clientRequests;
    // Every request goes down exactly one edge (a request or two may still be on the wire at the end).
    expect(requests - result.nodes['x']!.arrivals - result.nodes['y']!.arrivals).toBeLessThan(3);
    expect(result.nodes['x']!.amplification).toBeCloseTo(0.7, 1);
  });
});
