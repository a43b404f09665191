import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES, type CauseCounts, type NodeSample, type RunResult, type Sample } from '../model';
import { describeCheck, measure, passes } from './measure';

const causes = (over: Partial<CauseCounts> = {}): CauseCounts => ({ ...(Object.fromEntries(FAILURE_CAUSES.map((c) => [c, 0])) as CauseCounts), ...over });
const latency = (meanMs: number, count: number) => ({ count, meanMs, p50Ms: meanMs, p95Ms: meanMs, p99Ms: meanMs, maxMs: meanMs });

function node(arrivals: number, successes: number, extra: Partial<NodeSample> = {}): NodeSample {
  return {
    arrivals,
    completions: arrivals,
    successes,
    failures: causes({ timeout: arrivals - successes }),
    degraded: 0,
    inFlight: 0,
    queueDepth: 0,
    utilisation: 0.5,
    latency: latency(10, arrivals),
    oldestMessageAgeMs: 0,
    deadLettered: 0,
    ...extra,
  };
}

function sample(second: number, users: NodeSample, db: NodeSample): Sample {
  const system = { offeredPerSec: users.arrivals, goodputPerSec: users.successes, successRatio: users.successes / users.arrivals, latency: users.latency };
  return { startMs: second * 1000, endMs: (second + 1) * 1000, system, nodes: { users, db }, edges: {} };
}

// Three seconds: healthy, failing, healthy.
const result = {
  samples: [
    sample(0, node(100, 100), node(100, 100, { queueDepth: 3 })),
    sample(1, node(100, 20, { latency: latency(40, 100) }), node(300, 20, { queueDepth: 50, deadLettered: 2 })),
    sample(2, node(100, 100), node(100, 100, { queueDepth: 1 })),
  ],
  totals: { system: { inconsistentSagas: 4 } },
} as unknown as RunResult;

describe('measure', () => {
  it('adds counts over the whole samples inside the window', () => {
    expect(measure(result, { kind: 'successRatio', node: 'users' })).toBeCloseTo(220 / 300);
    expect(measure(result, { kind: 'successRatio', node: 'users', fromS: 1, toS: 2 })).toBeCloseTo(0.2);
    expect(measure(result, { kind: 'goodputPerSec', node: 'users', fromS: 1 })).toBeCloseTo(60);
    expect(measure(result, { kind: 'failedRequests', node: 'users' })).toBe(80);
    expect(measure(result, { kind: 'failureShare', node: 'users', cause: 'timeout', fromS: 1, toS: 2 })).toBeCloseTo(0.8);
  });

  it('weights latency by count and divides arrivals per request', () => {
    expect(measure(result, { kind: 'meanLatencyMs', node: 'users' })).toBeCloseTo(20);
    expect(measure(result, { kind: 'arrivalsPerRequest', node: 'db', per: 'users', fromS: 1, toS: 2 })).toBe(3);
  });

  it('takes peaks, the last value and totals', () => {
    expect(measure(result, { kind: 'peakQueueDepth', node: 'db' })).toBe(50);
    expect(measure(result, { kind: 'endQueueDepth', node: 'db', toS: 2 })).toBe(50);
    expect(measure(result, { kind: 'peakArrivalsPerSec', node: 'db' })).toBe(300);
    expect(measure(result, { kind: 'deadLettered', node: 'db' })).toBe(2);
    expect(measure(result, { kind: 'inconsistentSagas' })).toBe(4);
  });

  it('gives NaN for an empty window or an unknown node, and NaN never passes', () => {
    expect(measure(result, { kind: 'successRatio', node: 'users', fromS: 10 })).toBeNaN();
    expect(measure(result, { kind: 'peakQueueDepth', node: 'nope' })).toBeNaN();
    expect(passes({ variant: 'base', metric: { kind: 'inconsistentSagas' }, atMost: 1 }, NaN)).toBe(false);
  });

  it('checks bounds and describes the check in words', () => {
    const check = { variant: 'breaker', metric: { kind: 'successRatio', node: 'users', fromS: 15, toS: 30 }, atLeast: 0.9 } as const;
    expect(passes(check, 0.95)).toBe(true);
    expect(passes(check, 0.85)).toBe(false);
    expect(describeCheck(check)).toBe('breaker: success ratio of users, 15-30 s >= 0.9');
    expect(describeCheck({ variant: 'base', metric: { kind: 'meanLatencyMs', node: 'a', fromS: 5 }, atMost: 3 })).toBe('base: mean latency (ms) of a, from 5 s <= 3');
  });
});
