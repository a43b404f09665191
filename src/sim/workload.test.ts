import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

type Client = Extract<NonNullable<ScenarioInput['nodes']>[number], { kind: 'client' }>;

function traffic(workload: Client['workload'], durationS: number, api: Record<string, unknown> = {}, edgePolicy: Record<string, unknown> = {}) {
  return simulate(
    scenarioOf({
      settings: { durationS, seed: 21 },
      nodes: [
        { id: 'client', kind: 'client', workload },
        { id: 'api', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 10 }, ...api },
        { id: 'db', kind: 'database', workers: 100, readLatency: { dist: 'constant', valueMs: 5 }, writeLatency: { dist: 'constant', valueMs: 50 }, writePercent: 20 },
      ],
      edges: [
        { id: 'client-api', from: 'client', to: 'api', policy: { timeoutMs: 100, ...edgePolicy } },
        { id: 'api-db', from: 'api', to: 'db', policy: { timeoutMs: 1000 } },
      ],
    }),
  );
}

describe('workloads', () => {
  it('follows ramp and spike phases back to back, then returns to ratePerSec', () => {
    const result = traffic(
      {
        ratePerSec: 50,
        phases: [
          { kind: 'ramp', durationS: 20, fromPerSec: 0, toPerSec: 400 },
          { kind: 'spike', durationS: 20, ratePerSec: 100, peakPerSec: 1000, peakDurationS: 4 },
        ],
      },
      60,
    );
    const offered = (s: number) => result.samples[s]!.system.offeredPerSec;
    const window = (a: number, b: number) => result.samples.slice(a, b).reduce((x, s) => x + s.system.offeredPerSec, 0);
    // Ramp: 20 s from 0 to 400/s is 4000 requests.
    expect(window(0, 20) / 4000).toBeCloseTo(1, 1);
    // Spike: 100/s with 1000/s for 4 s in the middle (28-32 s).
    expect(window(28, 32) / 4000).toBeCloseTo(1, 1);
    expect(offered(24)).toBeLessThan(150);
    expect(window(40, 60) / (20 * 50)).toBeCloseTo(1, 1);
  });

  it('runs a closed loop: N users with think time Z and response time R give N / (Z + R) requests per second', () => {
    const result = traffic({ model: 'closed', users: 20, thinkTime: { dist: 'constant', valueMs: 1000 } }, 100);
    const r = result.totals.system.latency.meanMs;
    expect(result.totals.system.clientRequests / 100).toBeCloseTo(20 / (1 + r / 1000), 0);
  });

  it('picks read or write latency at a database by writePercent', () => {
    const db = traffic({ ratePerSec: 200 }, 30).totals.nodes['db']!;
    expect(db.latency.meanMs).toBeCloseTo(0.8 * 5 + 0.2 * 50, 0);
    // Percentiles come from the histogram: within its 1.6% bucket error.
    expect(Math.abs(db.latency.p50Ms - 5) / 5).toBeLessThan(0.016);
    expect(db.latency.p99Ms).toBeCloseTo(50, 9);
  });
});

describe('load-dependent latency and deadlines', () => {
  it('slows service past the utilisation knee, up to maxSlowdownFactor', () => {
    /** Mean time a worker spends per request: busy workers / throughput. */
    const serviceMs = (ratePerSec: number) => {
      const totals = simulate(
        scenarioOf({
          settings: { durationS: 60, seed: 4 },
          nodes: [
            { id: 'client', kind: 'client', workload: { ratePerSec } },
            {
              id: 'api',
              kind: 'service',
              workers: 10,
              queue: { capacity: 100_000 },
              serviceTime: { dist: 'constant', valueMs: 10 },
              loadLatency: { kneeUtilisationPercent: 50, maxSlowdownFactor: 4 },
            },
          ],
          edges: [{ id: 'client-api', from: 'client', to: 'api' }],
        }),
      ).totals;
      const api = totals.nodes['api']!;
      return (api.meanUtilisation * 10 * 60_000) / api.completions;
    };
    // 100/s keeps about one worker of ten busy: below the knee, the plain 10 ms.
    expect(serviceMs(100)).toBeCloseTo(10, 1);
    // 600/s would keep six busy: past the knee every request is slower, at most 4x.
    const heavy = serviceMs(600);
    expect(heavy).toBeGreaterThan(12);
    expect(heavy).toBeLessThanOrEqual(40);
  });

  it('caps downstream time-outs by the propagated deadline and drops work whose deadline passed', () => {
    const slowDb = (propagate: boolean) =>
      simulate(
        scenarioOf({
          settings: { durationS: 20, seed: 2 },
          nodes: [
            { id: 'client', kind: 'client', workload: { ratePerSec: 20 } },
            { id: 'api', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 10 } },
            { id: 'db', kind: 'database', workers: 100, readLatency: { dist: 'constant', valueMs: 300 }, writePercent: 0 },
          ],
          edges: [
            { id: 'client-api', from: 'client', to: 'api', latency: { dist: 'constant', valueMs: 0 }, policy: { timeoutMs: 100, deadlinePropagation: propagate } },
            { id: 'api-db', from: 'api', to: 'db', latency: { dist: 'constant', valueMs: 0 }, policy: { timeoutMs: 1000, deadlinePropagation: propagate } },
          ],
        }),
      ).totals;
    const without = slowDb(false);
    // Without propagation the api waits the full 300 ms for the database, long after its caller left.
    expect(without.edges['api-db']!.successes).toBeGreaterThan(0);
    expect(without.nodes['api']!.latency.meanMs).toBeCloseTo(310, 0);
    const withDeadline = slowDb(true);
    // With it, the db call gets the 90 ms left of the client's 100 ms, and the api gives up with it.
    expect(withDeadline.edges['api-db']!.successes).toBe(0);
    // (A few requests are still in flight when the run ends.)
    expect(withDeadline.edges['api-db']!.failures.timeout).toBeGreaterThan(withDeadline.nodes['api']!.arrivals * 0.97);
    expect(withDeadline.edges['api-db']!.latency.maxMs).toBeCloseTo(90, 6);
    expect(withDeadline.nodes['api']!.latency.maxMs).toBeCloseTo(100, 6);
  });
});
