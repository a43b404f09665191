import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

type Breaker = NonNullable<NonNullable<ScenarioInput['edges']>[number]['policy']>['circuitBreaker'];

/** client (10 req/s) -> a -> b, b failing as told; the breaker sits on a -> b. */
function scenario(durationS: number, breaker: Breaker, b: Record<string, unknown> = { errorPercent: 100 }, faults: ScenarioInput['faults'] = []) {
  return scenarioOf({
    settings: { durationS, seed: 8, sampleIntervalS: 0.5 },
    nodes: [
      { id: 'client', kind: 'client', workload: { ratePerSec: 10 } },
      { id: 'a', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 1 } },
      { id: 'b', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 1 }, ...b },
    ],
    edges: [
      { id: 'client-a', from: 'client', to: 'a' },
      { id: 'a-b', from: 'a', to: 'b', policy: { timeoutMs: 1000, circuitBreaker: breaker } },
    ],
    faults,
  });
}

const count10 = {
  windowType: 'COUNT' as const,
  windowSize: 10,
  minimumNumberOfCalls: 10,
  failureRateThreshold: 50,
  waitDurationInOpenStateMs: 5000,
  permittedNumberOfCallsInHalfOpenState: 3,
};

describe('circuit breaker', () => {
  it('opens on the 10th call of a fully failing dependency and rejects without calling while open', () => {
    const result = simulate(scenario(4, count10));
    const opened = result.notable.filter((n) => n.kind === 'breaker_open');
    expect(opened).toHaveLength(1);
    // Calls reach b at ~0.1 s intervals: the 10th failure (and the opening) comes just after the 10th call.
    expect(result.totals.nodes['b']!.arrivals).toBe(10);
    const edge = result.totals.edges['a-b']!;
    expect(edge.failures.error).toBe(10);
    expect(edge.failures.breaker_open).toBe(result.totals.system.clientRequests - 10);
    expect(edge.breakerOpenings).toBe(1);
    // Samples after the opening show the breaker open and no traffic into b.
    const later = result.samples.filter((s) => s.startMs > (opened[0]?.timeMs ?? 0));
    expect(later.length).toBeGreaterThan(2);
    for (const s of later) {
      expect(s.edges['a-b']!.breakerState).toBe('open');
      expect(s.nodes['b']!.arrivals).toBe(0);
    }
  });

  it('half-opens exactly waitDurationInOpenStateMs after opening, lets the permitted calls through and re-opens', () => {
    const result = simulate(scenario(8, count10));
    const [open, halfOpen, reopen] = result.notable.filter((n) => n.kind.startsWith('breaker'));
    expect(open?.kind).toBe('breaker_open');
    expect(halfOpen?.kind).toBe('breaker_half_open');
    expect(halfOpen!.timeMs - open!.timeMs).toBeCloseTo(5000, 9);
    expect(reopen?.kind).toBe('breaker_open');
    expect(result.totals.nodes['b']!.arrivals).toBe(13);
  });

  it('closes after successful trial calls once the dependency recovers', () => {
    const result = simulate(
      scenario(10, count10, {}, [{ id: 'outage', kind: 'error', target: 'b', startS: 0, durationS: 3, percent: 100 }]),
    );
    const kinds = result.notable.filter((n) => n.kind.startsWith('breaker')).map((n) => n.kind);
    expect(kinds).toEqual(['breaker_open', 'breaker_half_open', 'breaker_closed']);
    const last = result.samples[result.samples.length - 1]!;
    expect(last.edges['a-b']!.breakerState).toBe('closed');
    expect(last.nodes['b']!.arrivals).toBeGreaterThan(0);
  });

  it('opens on the slow-call rate even when every call succeeds', () => {
    const result = simulate(
      scenario(
        4,
        { ...count10, slowCallDurationThresholdMs: 100, slowCallRateThreshold: 50 },
        { errorPercent: 0, serviceTime: { dist: 'constant', valueMs: 300 } },
      ),
    );
    expect(result.notable.find((n) => n.kind === 'breaker_open')?.message).toContain('slow 100%');
    expect(result.totals.nodes['b']!.failures.error).toBe(0);
    expect(result.totals.edges['a-b']!.failures.breaker_open).toBeGreaterThan(0);
  });

  it('uses a TIME window: it needs minimumNumberOfCalls within the last windowSize seconds', () => {
    // 10 req/s into a failing b; a 2 s window with 15 calls minimum opens once 15 calls are in it.
    const result = simulate(
      scenario(5, { windowType: 'TIME', windowSize: 2, minimumNumberOfCalls: 15, failureRateThreshold: 50, waitDurationInOpenStateMs: 60_000 }),
    );
    expect(result.totals.nodes['b']!.arrivals).toBe(15);
    const open = result.notable.find((n) => n.kind === 'breaker_open');
    expect(open!.timeMs).toBeGreaterThan(1000);
    expect(open!.timeMs).toBeLessThan(2500);
  });
});
