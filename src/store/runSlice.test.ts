import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario, type RunResult, type Sample } from '../model';
import type { StartOptions, startRun } from '../worker/client';
import { createAppStore } from './createAppStore';
import { MemoryStorage, ScenarioLibrary } from './persistence';
import { cascadeStep, faultMarksAt, liveNode, runWorstMoment } from './runView';

const latency = (p99Ms: number) => ({ count: 100, meanMs: p99Ms / 3, p50Ms: p99Ms / 4, p95Ms: p99Ms / 2, p99Ms, maxMs: p99Ms });
const zero = { error: 0, timeout: 0, rejected_queue_full: 0, rejected_bulkhead: 0, rejected_rate_limit: 0, breaker_open: 0, shed: 0, crashed: 0, partitioned: 0, dependency_failed: 0 };

/** The checkout run in miniature: the payment DB slows 20 s in; clients fare worst at 23 s. */
function samples(): Sample[] {
  return Array.from({ length: 40 }, (_, t) => {
    const during = t >= 20 && t < 35;
    const ratio = t === 23 ? 0.6 : during ? 0.8 : 1;
    const db = { arrivals: 100, completions: 100, successes: 100, failures: zero, degraded: 0, inFlight: 1, queueDepth: 0, utilisation: 0.3, latency: latency(during ? 400 : 30), oldestMessageAgeMs: 0, deadLettered: 0 };
    return { startMs: t * 1000, endMs: (t + 1) * 1000, system: { offeredPerSec: 100, goodputPerSec: 100 * ratio, successRatio: ratio, latency: latency(50) }, nodes: { 'payment-db': db }, edges: {} };
  });
}

function storeWithFakeRun() {
  let finish: (result: RunResult) => void = () => undefined;
  let options: StartOptions | null = null;
  const starter: typeof startRun = (_scenario, o) => {
    options = o;
    return {
      done: new Promise<RunResult | null>((resolve) => (finish = resolve)),
      pause: () => undefined,
      resume: () => undefined,
      setSpeed: () => undefined,
      cancel: () => undefined,
    };
  };
  const store = createAppStore(new ScenarioLibrary(new MemoryStorage()), starter);
  store.getState().replaceScenario(builtInScenario(CHECKOUT_SCENARIO));
  const complete = async () => {
    const all = samples();
    options?.onProgress({ progress: { status: 'running', simulatedMs: 40_000, durationMs: 60_000, events: 1 }, samples: all, notable: [] });
    finish({ status: 'completed', reason: null, seed: 1, simulatedMs: 40_000, events: 1, samples: all, notable: [] } as unknown as RunResult);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { store, complete };
}

describe('after a run', () => {
  it('shows the Results tab at the worst moment; latest and worst are one call away', async () => {
    const { store, complete } = storeWithFakeRun();
    store.getState().setBottomTab('faults');
    expect(store.getState().startRun()).toBe(true);
    await complete();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the Results tab opens in a task of its own
    const s = store.getState();
    expect(s.runPhase).toBe('done');
    expect(s.bottomTab).toBe('results');
    expect(runWorstMoment(s)?.atMs).toBe(23_000);
    expect(s.scrubMs).toBe(23_000);
    s.scrubToLatest();
    expect(store.getState().scrubMs).toBeNull();
    expect(store.getState().scrubToWorst()).toBe(true);
    expect(store.getState().scrubMs).toBe(23_000);
  });

  it('marks the slowed database while the fault lasts and calls it slow, not healthy', async () => {
    const { store, complete } = storeWithFakeRun();
    store.getState().startRun();
    await complete();
    expect(faultMarksAt(store.getState(), 'payment-db').map((m) => m.text)).toEqual(['latency x10']);
    expect(liveNode(store.getState(), 'payment-db')?.health).toBe('slow');
    store.getState().setScrub(36_000);
    expect(faultMarksAt(store.getState(), 'payment-db')).toEqual([]);
    expect(liveNode(store.getState(), 'payment-db')?.health).toBe('ok');
  });

  it('numbers the cascade path only while it is highlighted', async () => {
    const { store, complete } = storeWithFakeRun();
    store.getState().startRun();
    await complete();
    expect(cascadeStep(store.getState(), 'payment-db')).toBeNull();
    store.getState().setCascadeHighlight(true);
    expect(cascadeStep(store.getState(), 'payment-db')).toBe(1);
    expect(cascadeStep(store.getState(), 'shoppers')).toBeNull();
  });
});
