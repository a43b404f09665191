import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

type Balancer = Extract<NonNullable<ScenarioInput['nodes']>[number], { kind: 'loadBalancer' }>;

function balanced(
  balancer: Partial<Balancer>,
  options: { ratePerSec: number; durationS: number; warmupS?: number; faults?: ScenarioInput['faults']; seed?: number },
) {
  return simulate(
    scenarioOf({
      settings: { durationS: options.durationS, seed: options.seed ?? 5, warmupS: options.warmupS ?? 0 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: options.ratePerSec } },
        { id: 'lb', kind: 'loadBalancer', ...balancer },
        { id: 'api', kind: 'service', replicas: 4, workers: 1, queue: { capacity: 100_000 }, serviceTime: { dist: 'exponential', meanMs: 10 } },
      ],
      edges: [
        { id: 'client-lb', from: 'client', to: 'lb', latency: { dist: 'constant', valueMs: 0 } },
        { id: 'lb-api', from: 'lb', to: 'api', latency: { dist: 'constant', valueMs: 0 }, policy: { timeoutMs: 300 } },
      ],
      faults: options.faults ?? [],
    }),
  );
}

describe('load balancer', { timeout: 60_000 }, () => {
  it('orders the strategies as queueing theory does: least-outstanding < power-of-two < round-robin < random', () => {
    // 4 single-worker replicas at 75% load: random is 4 M/M/1 queues (W = 40 ms); joining the shortest queue is near M/M/4.
    const mean = (strategy: Balancer['strategy']) => balanced({ strategy }, { ratePerSec: 300, durationS: 150, warmupS: 10 }).totals.nodes['api']!.latency.meanMs;
    const random = mean('random');
    const roundRobin = mean('round-robin');
    const powerOfTwo = mean('power-of-two');
    const least = mean('least-outstanding');
    expect(random).toBeGreaterThan(33);
    expect(random).toBeLessThan(47);
    expect(roundRobin).toBeLessThan(random * 0.8);
    expect(powerOfTwo).toBeLessThan(roundRobin);
    expect(least).toBeLessThan(powerOfTwo);
    expect(least).toBeLessThan(20);
  });

  it('ejects a replica after consecutive5xx failures in a row and stops sending to it', () => {
    const result = balanced(
      { strategy: 'round-robin', outlierEjection: { consecutive5xx: 5, baseEjectionTimeMs: 60_000, maxEjectionPercent: 50 } },
      { ratePerSec: 50, durationS: 30, faults: [{ id: 'dead', kind: 'crash', target: 'api', replica: 2, startS: 0, durationS: 30 }] },
    );
    // Round-robin sends every 4th call to replica 2, 20 ms apart on average: nothing overlaps.
    const ejected = result.notable.filter((n) => n.kind === 'replica_ejected');
    expect(ejected).toHaveLength(1);
    expect(ejected[0]!.message).toContain('replica 2');
    expect(ejected[0]!.timeMs).toBeLessThan(1000);
    expect(result.totals.nodes['api']!.failures.crashed).toBe(5);
  });

  it('brings an ejected replica back after baseEjectionTimeMs', () => {
    const result = balanced(
      { strategy: 'round-robin', outlierEjection: { consecutive5xx: 3, baseEjectionTimeMs: 5000, maxEjectionPercent: 50 } },
      { ratePerSec: 50, durationS: 30, faults: [{ id: 'dead', kind: 'crash', target: 'api', replica: 0, startS: 0, durationS: 2 }] },
    );
    const events = result.notable.filter((n) => n.kind === 'replica_ejected' || n.kind === 'replica_restored');
    expect(events.map((n) => n.kind)).toEqual(['replica_ejected', 'replica_restored']);
    expect(events[1]!.timeMs - events[0]!.timeMs).toBeCloseTo(5000, 6);
  });

  it('takes a hung replica out after unhealthyThreshold failed health checks and back after healthyThreshold passes', () => {
    const result = balanced(
      { strategy: 'round-robin', healthCheck: { intervalMs: 1000, timeoutMs: 100, unhealthyThreshold: 2, healthyThreshold: 2 } },
      { ratePerSec: 50, durationS: 30, faults: [{ id: 'stuck', kind: 'hang', target: 'api', replica: 1, startS: 5.5, durationS: 10 }] },
    );
    const events = result.notable.filter((n) => n.kind === 'replica_ejected' || n.kind === 'replica_restored');
    expect(events.map((n) => [n.kind, n.timeMs])).toEqual([
      ['replica_ejected', 7000],
      ['replica_restored', 17_000],
    ]);
    // Calls sent to the hung replica before it was taken out time out; none after.
    const timeouts = (from: number, to: number) =>
      result.samples.filter((s) => s.startMs >= from && s.endMs <= to).reduce((a, s) => a + s.edges['lb-api']!.failures.timeout, 0);
    expect(timeouts(5000, 8000)).toBeGreaterThan(10);
    expect(timeouts(8000, 30_000)).toBe(0);
  });
});
