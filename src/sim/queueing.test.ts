import { describe, expect, it } from 'vitest';
import { meanMs } from '../model';
import { simulate } from './simulation';
import { queueingScenario, scenarioOf } from './testing';

/** Erlang C: mean time in system of an M/M/c queue (same unit as 1/mu). */
function erlangCW(c: number, lambda: number, mu: number): number {
  const a = lambda / mu;
  const rho = a / c;
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - rho);
  const waitProbability = last / (sum + last);
  return waitProbability / (c * mu - lambda) + 1 / mu;
}

/**
 * Mean response time over several seeded replications (totals exclude a warm-up), weighted by
 * customers; also returns the count, for the "at least a million customers" promise.
 */
function replicate(rho: number, workers: number, customersPerSeed: number, seeds: number[]) {
  const meanServiceMs = 10;
  const ratePerSec = (rho * workers * 1000) / meanServiceMs;
  const durationS = customersPerSeed / ratePerSec;
  let sum = 0;
  let count = 0;
  const little: { l: number; lambdaW: number }[] = [];
  for (const seed of seeds) {
    const result = simulate(queueingScenario({ ratePerSec, meanServiceMs, workers, durationS, warmupS: durationS / 20, seed }));
    expect(result.status).toBe('completed');
    const station = result.totals.nodes['station']!;
    sum += station.latency.meanMs * station.latency.count;
    count += station.latency.count;
    const measuredS = durationS * 0.95;
    little.push({ l: station.meanInSystem, lambdaW: (station.arrivals / measuredS) * (station.latency.meanMs / 1000) });
  }
  return { meanMs: sum / count, count, little };
}

describe('queueing theory', { timeout: 120_000 }, () => {
  it('matches M/M/1 at rho 0.5: W = 2/mu within 1% over a million customers', () => {
    const { meanMs, count } = replicate(0.5, 1, 270_000, [1, 2, 3, 4]);
    expect(count).toBeGreaterThan(1_000_000);
    expect(Math.abs(meanMs - 20) / 20).toBeLessThan(0.01);
  });

  it('matches M/M/1 at rho 0.8: W = 5/mu within 3% over a million customers', () => {
    const { meanMs, count } = replicate(0.8, 1, 270_000, [11, 12, 13, 14]);
    expect(count).toBeGreaterThan(1_000_000);
    expect(Math.abs(meanMs - 50) / 50).toBeLessThan(0.03);
  });

  it('matches Erlang C for M/M/4 at rho 0.5 (W = 1.0870 service times) within 1%', () => {
    expect(erlangCW(4, 2, 1)).toBeCloseTo(1.087, 3);
    const { meanMs } = replicate(0.5, 4, 250_000, [21, 22]);
    expect(Math.abs(meanMs - 10.87) / 10.87).toBeLessThan(0.01);
  });

  it('matches Erlang C for M/M/4 at rho 0.8 (W = 1.7455 service times) within 3%', () => {
    expect(erlangCW(4, 3.2, 1)).toBeCloseTo(1.7455, 3);
    const { meanMs } = replicate(0.8, 4, 250_000, [31, 32]);
    expect(Math.abs(meanMs - 17.455) / 17.455).toBeLessThan(0.03);
  });

  it("keeps Little's law at a queueing station: mean in system = arrival rate x mean time in system", () => {
    const { little } = replicate(0.7, 2, 100_000, [41]);
    for (const { l, lambdaW } of little) expect(Math.abs(l - lambdaW) / lambdaW).toBeLessThan(0.01);
  });

  it("keeps Little's law at every node of a network with replicas, a database and retries", () => {
    const durationS = 400;
    const result = simulate(
      scenarioOf({
        settings: { durationS, warmupS: 20, seed: 5, sampleIntervalS: 10 },
        nodes: [
          { id: 'users', kind: 'client', workload: { ratePerSec: 300 } },
          { id: 'api', kind: 'service', replicas: 3, workers: 4, serviceTime: { dist: 'lognormal', medianMs: 4, p99Ms: 30 } },
          { id: 'db', kind: 'database', workers: 6, errorPercent: 5 },
        ],
        edges: [
          { id: 'users-api', from: 'users', to: 'api', policy: { timeoutMs: 2000 } },
          { id: 'api-db', from: 'api', to: 'db', count: 2, policy: { timeoutMs: 500, retry: { maxAttempts: 2, baseMs: 5 } } },
        ],
      }),
    );
    const measuredS = durationS - 20;
    for (const id of ['users', 'api', 'db']) {
      const node = result.totals.nodes[id]!;
      // Arrivals and completions differ by the few requests in flight at the ends of the window.
      const lambdaW = (node.completions / measuredS) * (node.latency.meanMs / 1000);
      expect(Math.abs(node.meanInSystem - lambdaW) / lambdaW, id).toBeLessThan(0.02);
    }
    // The database's utilisation is its throughput times its mean service time over its workers.
    const db = result.totals.nodes['db']!;
    const dbNode = result && scenarioOf({ nodes: [{ id: 'db', kind: 'database' }] }).nodes[0];
    if (dbNode?.kind !== 'database') throw new Error('expected a database');
    const serviceMs = 0.8 * meanMs(dbNode.readLatency) + 0.2 * meanMs(dbNode.writeLatency);
    const expected = ((db.completions / measuredS) * serviceMs) / 1000 / 6;
    expect(Math.abs(db.meanUtilisation - expected) / expected).toBeLessThan(0.02);
  });
});
