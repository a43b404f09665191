import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';
import type { Sample } from './types';

type Fault = NonNullable<ScenarioInput['faults']>[number];

/** client (100 req/s) -> api (2 replicas) with a 200 ms time-out; faults as given; 30 s. */
function run(faults: Fault[], api: Record<string, unknown> = {}, policy: Record<string, unknown> = {}) {
  return simulate(
    scenarioOf({
      settings: { durationS: 30, seed: 12 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 100 } },
        { id: 'api', kind: 'service', replicas: 2, workers: 50, serviceTime: { dist: 'constant', valueMs: 10 }, ...api },
      ],
      edges: [{ id: 'e', from: 'client', to: 'api', latency: { dist: 'constant', valueMs: 1 }, policy: { timeoutMs: 200, ...policy } }],
      faults,
    }),
  );
}

const window = (samples: readonly Sample[], fromS: number, toS: number) =>
  samples.filter((s) => s.startMs >= fromS * 1000 && s.endMs <= toS * 1000);
const sum = (samples: readonly Sample[], f: (s: Sample) => number) => samples.reduce((a, s) => a + f(s), 0);

describe('faults', () => {
  it('crash: the target refuses at once with "crashed" during its window only', () => {
    const result = run([{ id: 'f', kind: 'crash', target: 'api', startS: 10, durationS: 5 }]);
    const during = window(result.samples, 10, 15);
    const outside = [...window(result.samples, 0, 10), ...window(result.samples, 15, 30)];
    // Every arrival in the window is refused, and so is the work in progress when the crash came.
    const crashed = sum(during, (s) => s.nodes['api']!.failures.crashed);
    const arrivals = sum(during, (s) => s.nodes['api']!.arrivals);
    expect(crashed).toBeGreaterThanOrEqual(arrivals);
    expect(crashed).toBeLessThanOrEqual(arrivals + 3);
    expect(sum(outside, (s) => s.nodes['api']!.failures.crashed)).toBe(0);
    // Refusals are fast: the client sees them in about one link latency.
    expect(Math.max(...window(result.samples, 11, 15).map((s) => s.system.latency.maxMs))).toBeLessThan(5);
    expect(result.notable.filter((n) => n.target === 'f').map((n) => [n.kind, n.timeMs])).toEqual([
      ['fault_start', 10_000],
      ['fault_end', 15_000],
    ]);
  });

  it('crash of one replica: only the calls routed to it fail (half, with round-robin)', () => {
    const result = run([{ id: 'f', kind: 'crash', target: 'api', replica: 1, startS: 0, durationS: 30 }]);
    const api = result.totals.nodes['api']!;
    expect(api.failures.crashed / api.arrivals).toBeCloseTo(0.5, 2);
  });

  it('hang: calls are swallowed and the caller times out', () => {
    const result = run([{ id: 'f', kind: 'hang', target: 'api', startS: 10, durationS: 5 }]);
    const during = window(result.samples, 10.5, 14.5);
    expect(sum(during, (s) => s.system.successRatio) / during.length).toBe(0);
    expect(sum(during, (s) => s.edges['e']!.failures.timeout)).toBeGreaterThan(300);
    expect(sum(window(result.samples, 16, 30), (s) => s.edges['e']!.failures.timeout)).toBe(0);
  });

  it('latency: multiplies the service time by the factor and adds addMs', () => {
    const result = run([{ id: 'f', kind: 'latency', target: 'api', startS: 10, durationS: 10, factor: 3, addMs: 5 }]);
    const during = window(result.samples, 11, 19);
    for (const s of during) expect(s.nodes['api']!.latency.meanMs).toBeCloseTo(10 * 3 + 5, 6);
    for (const s of window(result.samples, 0, 9)) expect(s.nodes['api']!.latency.meanMs).toBeCloseTo(10, 6);
  });

  it('error: adds its share of errors', () => {
    const result = run([{ id: 'f', kind: 'error', target: 'api', startS: 0, durationS: 30, percent: 30 }]);
    const api = result.totals.nodes['api']!;
    expect(api.failures.error / api.completions).toBeCloseTo(0.3, 1);
  });

  it('capacityLoss: removes that share of the workers, so the queue builds', () => {
    // 2 replicas x 1 worker; losing 50% of 1 worker leaves none (whole workers): everything queues.
    const result = run([{ id: 'f', kind: 'capacityLoss', target: 'api', startS: 10, durationS: 5, percent: 50 }], { workers: 1 });
    const during = window(result.samples, 10, 15);
    const before = window(result.samples, 2, 10);
    // Only the work in progress when the fault came finishes.
    expect(sum(during, (s) => s.nodes['api']!.utilisation) / during.length).toBeLessThan(0.01);
    expect(sum(before, (s) => s.nodes['api']!.utilisation) / before.length).toBeGreaterThan(0.4);
    expect(Math.max(...during.map((s) => s.nodes['api']!.queueDepth))).toBeGreaterThan(50);
  });

  it('partition: the edge drops everything, the caller fails with "partitioned" at its time-out', () => {
    const result = run([{ id: 'f', kind: 'partition', target: 'e', startS: 10, durationS: 5 }]);
    const during = window(result.samples, 10.3, 14.8);
    expect(sum(during, (s) => s.nodes['api']!.arrivals)).toBe(0);
    expect(sum(result.samples, (s) => s.edges['e']!.failures.partitioned)).toBeGreaterThan(400);
    expect(result.totals.system.failures.partitioned).toBe(result.totals.edges['e']!.failures.partitioned);
  });

  it('packetLoss: that share of attempts never arrives and times out', () => {
    const result = run([{ id: 'f', kind: 'packetLoss', target: 'e', startS: 0, durationS: 30, percent: 20 }]);
    const edge = result.totals.edges['e']!;
    expect(edge.failures.timeout / edge.attempts).toBeCloseTo(0.2, 1);
  });

  it('delay: adds delayMs to that share of attempts', () => {
    const result = run([{ id: 'f', kind: 'delay', target: 'e', startS: 0, durationS: 30, delayMs: 50, percent: 50 }]);
    const latency = result.totals.edges['e']!.latency;
    expect(latency.meanMs).toBeCloseTo(11 + 25, -0.5);
    expect(latency.maxMs).toBeCloseTo(61, 6);
  });

  it('abort: that share of attempts fails at once with an error, and is retried like one', () => {
    const result = run([{ id: 'f', kind: 'abort', target: 'e', startS: 0, durationS: 30, percent: 50 }], {}, { retry: { maxAttempts: 2, baseMs: 0, maxMs: 0 } });
    const edge = result.totals.edges['e']!;
    expect(edge.failures.error / edge.attempts).toBeCloseTo(0.5, 1);
    // Two attempts each failing half the time: a quarter of requests fail.
    expect(result.totals.system.successRatio).toBeCloseTo(0.75, 1);
  });

  it('trafficSpike: multiplies the client rate in its window', () => {
    const result = run([{ id: 'f', kind: 'trafficSpike', target: 'client', startS: 10, durationS: 10, factor: 3 }]);
    const rate = (from: number, to: number) => {
      const w = window(result.samples, from, to);
      return sum(w, (s) => s.system.offeredPerSec) / w.length;
    };
    expect(rate(10, 20) / rate(0, 10)).toBeCloseTo(3, 0);
    expect(rate(20, 30) / rate(0, 10)).toBeCloseTo(1, 0);
  });
});
