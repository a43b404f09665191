import { describe, expect, it } from 'vitest';
import { builtInScenario } from './kinds';
import { FAILURE_CAUSES, type CauseCounts, type NodeSample, type Sample } from './results';
import { cascadePath, worseHealth } from './cascadePath';

const causes = (partial: Partial<CauseCounts> = {}): CauseCounts => Object.fromEntries(FAILURE_CAUSES.map((c) => [c, partial[c] ?? 0])) as CauseCounts;
const latency = (p99Ms: number) => ({ count: 100, meanMs: p99Ms / 3, p50Ms: p99Ms / 4, p95Ms: p99Ms / 2, p99Ms, maxMs: p99Ms });
const ok = (over: Partial<NodeSample> = {}): NodeSample => ({
  arrivals: 100, completions: 100, successes: 100, failures: causes(), degraded: 0, inFlight: 1, queueDepth: 0,
  utilisation: 0.3, latency: latency(10), oldestMessageAgeMs: 0, deadLettered: 0, ...over,
});
const slow = () => ok({ latency: latency(200) });
const busy = () => ok({ utilisation: 1 });
const failing = () => ok({ successes: 10, failures: causes({ timeout: 90 }) });

const scenario = builtInScenario({
  title: 'chain',
  nodes: [
    { id: 'users', kind: 'client' },
    { id: 'gw', kind: 'gateway' },
    { id: 'api', kind: 'service' },
    { id: 'db', kind: 'database' },
    { id: 'side', kind: 'service' },
  ],
  edges: [
    { id: 'users-gw', from: 'users', to: 'gw' },
    { id: 'gw-api', from: 'gw', to: 'api' },
    { id: 'api-db', from: 'api', to: 'db' },
    { id: 'gw-side', from: 'gw', to: 'side' },
  ],
  faults: [{ id: 'slow-db', kind: 'latency', target: 'db', startS: 3, durationS: 3, factor: 20 }],
});

type Shape = Partial<Record<'users' | 'gw' | 'api' | 'db' | 'side', NodeSample>>;
function run(shape: (t: number) => Shape): Sample[] {
  return Array.from({ length: 8 }, (_, t) => ({
    startMs: t * 1000,
    endMs: (t + 1) * 1000,
    system: { offeredPerSec: 100, goodputPerSec: 100, successRatio: 1, latency: latency(10) },
    nodes: { users: ok(), gw: ok(), api: ok(), db: ok(), side: ok(), ...shape(t) },
    edges: {},
  }));
}

describe('cascade path', () => {
  it('starts at the fault target and lists the nodes that turned unhealthy after it, in order', () => {
    const samples = run((t) => (t < 3 || t > 5 ? {} : { db: slow(), api: t >= 4 ? busy() : ok(), gw: t >= 5 ? failing() : ok() }));
    const { steps, already } = cascadePath(scenario, samples);
    expect(steps.map((s) => [s.order, s.id, s.atMs, s.worst])).toEqual([
      [1, 'db', 3000, 'slow'],
      [2, 'api', 4000, 'saturated'],
      [3, 'gw', 5000, 'failing'],
    ]);
    expect(steps[0]).toMatchObject({ cause: true, kind: 'node', unhealthyAtMs: 3000 });
    expect(already).toEqual([]);
  });

  it('breaks ties by the order of the scenario, leaves clients out and keeps the cause first even if it stayed healthy', () => {
    const samples = run((t) => (t >= 4 ? { side: failing(), api: failing(), users: failing() } : {}));
    const { steps } = cascadePath(scenario, samples);
    expect(steps.map((s) => s.id)).toEqual(['db', 'api', 'side']);
    expect(steps[0]).toMatchObject({ worst: 'ok', unhealthyAtMs: null });
  });

  it('sets apart nodes that were unhealthy before the fault, and starts at an edge for an edge fault', () => {
    const onEdge = { ...scenario, faults: [{ ...scenario.faults[0], kind: 'partition', target: 'api-db' }] } as typeof scenario;
    const { steps, already } = cascadePath(onEdge, run(() => ({ side: busy() })));
    expect(already).toEqual(['side']);
    expect(steps).toEqual([{ id: 'api-db', kind: 'edge', order: 1, atMs: 3000, worst: 'ok', unhealthyAtMs: null, cause: true }]);
  });

  it('has no cause without a fault and nothing without samples', () => {
    expect(cascadePath({ ...scenario, faults: [] }, run((t) => (t === 6 ? { api: failing() } : {}))).steps.map((s) => [s.id, s.cause])).toEqual([['api', false]]);
    expect(cascadePath(scenario, []).steps).toEqual([]);
    expect(worseHealth('slow', 'saturated')).toBe('saturated');
    expect(worseHealth('failing', 'ok')).toBe('failing');
  });
});
