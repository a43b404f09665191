import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

type Cache = Extract<NonNullable<ScenarioInput['nodes']>[number], { kind: 'cache' }>;

function cached(cache: Partial<Cache>, faults: ScenarioInput['faults'] = [], durationS = 60) {
  return simulate(
    scenarioOf({
      settings: { durationS, seed: 3 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 200 } },
        { id: 'cache', kind: 'cache', ...cache },
        { id: 'db', kind: 'database', workers: 100 },
      ],
      edges: [
        { id: 'client-cache', from: 'client', to: 'cache' },
        { id: 'cache-db', from: 'cache', to: 'db' },
      ],
      faults,
    }),
  );
}

describe('cache', () => {
  it('sends only misses downstream: hitPercent 80 lets a fifth of the lookups through', () => {
    const totals = cached({ hitPercent: 80 }).totals;
    expect(totals.nodes['db']!.arrivals / totals.nodes['cache']!.arrivals).toBeCloseTo(0.2, 1);
    // Hits take the hit latency only; misses add the database.
    expect(totals.nodes['cache']!.latency.p50Ms).toBeCloseTo(1, 1);
  });

  it('refills after a flush: hits climb back from 0 over the fault window (hit-ratio mode)', () => {
    const result = cached({ hitPercent: 90 }, [{ id: 'flush', kind: 'cacheFlush', target: 'cache', startS: 20, durationS: 10 }]);
    const missRatio = (fromS: number) => {
      const s = result.samples[fromS]!;
      return s.nodes['db']!.arrivals / s.nodes['cache']!.arrivals;
    };
    expect(missRatio(10)).toBeLessThan(0.2);
    expect(missRatio(20)).toBeGreaterThan(0.85);
    expect(missRatio(25)).toBeGreaterThan(0.35);
    expect(missRatio(25)).toBeLessThan(0.65);
    expect(missRatio(40)).toBeLessThan(0.2);
  });

  it('serves from an LRU keyspace: capacity for half the keys gives about half hits once warm', () => {
    const result = cached({ keyspace: { keys: 2000, capacity: 1000, ttlS: 3600 } }, [], 120);
    const late = result.samples.slice(60);
    const hits = late.reduce((a, s) => a + s.nodes['cache']!.arrivals - s.nodes['db']!.arrivals, 0);
    const lookups = late.reduce((a, s) => a + s.nodes['cache']!.arrivals, 0);
    expect(hits / lookups).toBeCloseTo(0.5, 1);
  });

  it('expires keys after the TTL: with a 1 s TTL and each key asked every 10 s, nearly all lookups miss', () => {
    const totals = cached({ keyspace: { keys: 2000, capacity: 2000, ttlS: 1 } }).totals;
    // P(hit) = P(same key asked within the last second) = 1 - exp(-0.1) = 9.5%.
    expect(1 - totals.nodes['db']!.arrivals / totals.nodes['cache']!.arrivals).toBeCloseTo(0.095, 1);
  });

  it('empties the keyspace on a flush: the misses spike, a stampede on the database', () => {
    const result = cached({ keyspace: { keys: 500, capacity: 500, ttlS: 3600 } }, [{ id: 'flush', kind: 'cacheFlush', target: 'cache', startS: 30, durationS: 1 }]);
    expect(result.samples[29]!.nodes['db']!.arrivals).toBeLessThan(5);
    expect(result.samples[30]!.nodes['db']!.arrivals).toBeGreaterThan(100);
  });
});
