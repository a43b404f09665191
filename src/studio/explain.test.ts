import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES, builtInScenario, type CauseCounts, type NodeSample, type Sample } from '../model';
import { explainRun } from './explain';

const causes = (partial: Partial<CauseCounts> = {}): CauseCounts => Object.fromEntries(FAILURE_CAUSES.map((c) => [c, partial[c] ?? 0])) as CauseCounts;
const latency = { count: 1, meanMs: 10, p50Ms: 10, p95Ms: 10, p99Ms: 10, maxMs: 10 };
const healthy = (arrivals = 100): NodeSample => ({
  arrivals, completions: arrivals, successes: arrivals, failures: causes(), degraded: 0, inFlight: 1, queueDepth: 0,
  utilisation: 0.3, latency, oldestMessageAgeMs: 0, deadLettered: 0,
});
const failing = (arrivals = 100): NodeSample => ({ ...healthy(arrivals), successes: 10, failures: causes({ timeout: 90 }), utilisation: 1 });

const scenario = builtInScenario({
  title: 'chain',
  nodes: [
    { id: 'users', kind: 'client' },
    { id: 'api', kind: 'service', label: 'API' },
    { id: 'db', kind: 'database', label: 'DB' },
  ],
  edges: [
    { id: 'users-api', from: 'users', to: 'api', policy: { timeoutMs: 1000 } },
    { id: 'api-db', from: 'api', to: 'db' },
  ],
  faults: [{ id: 'slow', kind: 'latency', target: 'db', startS: 3, durationS: 2, factor: 20 }],
});

function run(shape: (t: number) => { api: NodeSample; db: NodeSample; ratio: number }): Sample[] {
  return Array.from({ length: 10 }, (_, t) => {
    const { api, db, ratio } = shape(t);
    return { startMs: t * 1000, endMs: (t + 1) * 1000, system: { offeredPerSec: 100, goodputPerSec: 100 * ratio, successRatio: ratio, latency }, nodes: { api, db }, edges: {} };
  });
}

describe('the cascade explainer', () => {
  it('names the fault, the order nodes degraded in, the edge without timeout, and the recovery', () => {
    const samples = run((t) => ({
      db: t >= 3 && t < 5 ? failing() : healthy(),
      api: t >= 4 && t < 6 ? failing() : healthy(),
      ratio: t >= 4 && t < 6 ? 0.1 : 1,
    }));
    const text = explainRun(scenario, samples, []).sentences.join(' ');
    expect(text).toContain('At 3.0 s, DB slowed down 20x for 2 s.');
    expect(text).toContain('DB was failing from 3.0 s (as the fault began).');
    expect(text).toContain('API was failing from 4.0 s (1.0 s after it began) through its calls to DB, which had no timeout');
    expect(text).toContain('At worst (4.0 s) only 10% of client requests succeeded.');
    expect(text).toContain('The system recovered at 6.0 s, 1.0 s after the fault ended.');
    expect(text.indexOf('DB was failing')).toBeLessThan(text.indexOf('API was failing'));
  });

  it('says when the failure outlived its trigger and when load was amplified', () => {
    const samples = run((t) => ({ db: t >= 3 ? failing(t >= 3 && t < 5 ? 300 : 100) : healthy(), api: t >= 3 ? failing() : healthy(), ratio: t >= 3 ? 0.2 : 1 }));
    const text = explainRun(scenario, samples, []).sentences.join(' ');
    expect(text).toContain('Calls reaching DB rose 3.0x during the fault');
    expect(text).toContain('had not recovered by the end of the run');
  });

  it('reports nodes that were unhealthy before the fault instead of blaming the fault', () => {
    const samples = run((t) => ({ db: healthy(), api: failing(), ratio: t >= 0 ? 0.5 : 1 }));
    const text = explainRun(scenario, samples, []).sentences.join(' ');
    expect(text).toContain('API was already degraded before the fault');
    expect(text).not.toContain('API was failing from');
  });

  it('mentions breakers that opened, from the event log', () => {
    const samples = run(() => ({ db: healthy(), api: healthy(), ratio: 1 }));
    const text = explainRun(scenario, samples, [{ timeMs: 3500, kind: 'breaker_open', target: 'api-db', message: '' }]).sentences.join(' ');
    expect(text).toContain('At 3.5 s the circuit breaker on API → DB opened');
    expect(text).toContain('the design absorbed it');
  });
});
