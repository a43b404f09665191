import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario, type RunResult, type Sample, type Scenario } from '../model';
import type { BatchHandle } from '../worker/pool';
import type { RunHandle, startRun } from '../worker/client';
import { createAppStore } from './createAppStore';
import { moveNodes, updateNode } from './edits';
import { canvasShowsRun, compareFreshness, currentLiveNode, freshnessOf, resultIdentity, runFreshness, scenarioContentHash, sweepFreshness } from './freshness';
import { MemoryStorage, ScenarioLibrary } from './persistence';

const checkout = () => builtInScenario(CHECKOUT_SCENARIO);
const withWorkers = (s: Scenario, id: string, workers: number) => updateNode(s, id, (n) => ({ ...n, workers }) as typeof n);

describe('scenarioContentHash', () => {
  it('is the same for equal content, whatever the key order or object identity', () => {
    const a = checkout();
    const b = JSON.parse(JSON.stringify(a)) as Scenario;
    const reordered = { ...b, settings: Object.fromEntries(Object.entries(b.settings).reverse()) } as Scenario;
    expect(scenarioContentHash(b)).toBe(scenarioContentHash(a));
    expect(scenarioContentHash(reordered)).toBe(scenarioContentHash(a));
  });

  it('changes with anything the engine reads: a parameter, the seed, a fault, an edge', () => {
    const a = checkout();
    const base = scenarioContentHash(a);
    const node = a.nodes.find((n) => n.kind === 'service');
    if (!node) throw new Error('no service');
    expect(scenarioContentHash(withWorkers(a, node.id, 99))).not.toBe(base);
    expect(scenarioContentHash({ ...a, settings: { ...a.settings, seed: a.settings.seed + 1 } })).not.toBe(base);
    expect(scenarioContentHash({ ...a, faults: a.faults.slice(1) })).not.toBe(base);
    expect(scenarioContentHash({ ...a, edges: a.edges.slice(1) })).not.toBe(base);
  });

  it('ignores layout, names, descriptions, the title and bounded contexts', () => {
    const a = checkout();
    const base = scenarioContentHash(a);
    const first = a.nodes[0];
    if (!first) throw new Error('no node');
    expect(scenarioContentHash(moveNodes(a, new Map([[first.id, { x: 999, y: -40 }]])))).toBe(base);
    expect(scenarioContentHash({ ...a, title: 'Renamed' })).toBe(base);
    expect(scenarioContentHash(updateNode(a, first.id, (n) => ({ ...n, label: 'Someone', description: 'why' })))).toBe(base);
    expect(scenarioContentHash({ ...a, groups: [{ id: 'g', label: 'Context' }], nodes: a.nodes.map((n) => ({ ...n, group: 'g' })) })).toBe(base);
  });
});

describe('freshnessOf', () => {
  it('is none without a result, fresh for the same scenario and content, stale otherwise', () => {
    const a = checkout();
    const identity = resultIdentity('s1', a);
    expect(freshnessOf(null, { currentId: 's1', scenario: a })).toBe('none');
    expect(freshnessOf(identity, { currentId: 's1', scenario: a })).toBe('fresh');
    expect(freshnessOf(identity, { currentId: 's2', scenario: a })).toBe('stale');
    expect(freshnessOf(identity, { currentId: 's1', scenario: withWorkers(a, 'order-service', 31) })).toBe('stale');
  });
});

const SAMPLE: Sample = {
  startMs: 0,
  endMs: 1000,
  system: { offeredPerSec: 1, goodputPerSec: 1, successRatio: 1, latency: { count: 1, p50Ms: 1, p95Ms: 1, p99Ms: 1 } },
  nodes: { 'order-service': { arrivals: 10, successes: 10, failures: {}, inFlight: 1, utilisation: 0.5, queueDepth: 0, degraded: 0, latency: { count: 10, p50Ms: 5, p95Ms: 8, p99Ms: 9, meanMs: 5 } } },
  edges: {},
} as unknown as Sample;

/** A run that streams one sample and finishes when the test says so. */
function fakeStarter() {
  let finish: () => void = () => undefined;
  const starter: typeof startRun = (scenario, options): RunHandle => {
    const done = new Promise<RunResult | null>((resolve) => {
      finish = () => {
        options.onProgress({ progress: { simulatedMs: 1000, events: 1 }, samples: [SAMPLE], notable: [] } as unknown as Parameters<typeof options.onProgress>[0]);
        resolve({ status: 'completed', seed: scenario.settings.seed, simulatedMs: 1000, samples: [], notable: [] } as unknown as RunResult);
      };
    });
    return { done, pause: () => undefined, resume: () => undefined, setSpeed: () => undefined, cancel: () => undefined };
  };
  return { starter, finish: () => finish() };
}

function fakeBatches() {
  const finishers: (() => void)[] = [];
  const runner = (scenarios: readonly Scenario[], options: { onEach?: (i: number, r: RunResult) => void } = {}): BatchHandle => {
    let settle: (value: RunResult[] | null) => void = () => undefined;
    const done = new Promise<RunResult[] | null>((resolve) => (settle = resolve));
    const results = scenarios.map((s) => ({ seed: s.settings.seed, samples: [], notable: [] }) as unknown as RunResult);
    finishers.push(() => {
      results.forEach((r, i) => options.onEach?.(i, r));
      settle(results);
    });
    return { done, cancel: () => settle(null) };
  };
  return { runner, finishAll: () => finishers.splice(0).forEach((f) => f()) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function storeWithResults() {
  const run = fakeStarter();
  const batches = fakeBatches();
  const store = createAppStore(new ScenarioLibrary(new MemoryStorage()), run.starter, batches.runner);
  store.getState().initLibrary();
  expect(store.getState().startRun()).toBe(true);
  run.finish();
  expect(store.getState().runCompare()).toBe(true);
  batches.finishAll();
  await tick();
  store.getState().setSweepPath('nodes.order-service.workers');
  store.getState().setSweepValuesText('2, 4');
  expect(store.getState().runSweep()).toBe(true);
  batches.finishAll();
  await tick();
  return store;
}

describe('results in the store', () => {
  it('are fresh right after they ran, and their identity names the scenario they ran on', async () => {
    const store = await storeWithResults();
    const s = store.getState();
    expect([runFreshness(s), compareFreshness(s), sweepFreshness(s)]).toEqual(['fresh', 'fresh', 'fresh']);
    expect(s.runIdentity?.scenarioId).toBe(s.currentId);
    expect(canvasShowsRun(s)).toBe(true);
    expect(currentLiveNode(s, 'order-service')?.utilisationPct).toBe(50);
  });

  it('turn stale on an edit that changes a result, hide from the canvas, and are fresh again after undo', async () => {
    const store = await storeWithResults();
    store.getState().apply('Workers', (sc) => withWorkers(sc, 'order-service', 31));
    let s = store.getState();
    expect([runFreshness(s), compareFreshness(s), sweepFreshness(s)]).toEqual(['stale', 'stale', 'stale']);
    expect(currentLiveNode(s, 'order-service')).toBeNull();
    store.getState().undo();
    s = store.getState();
    expect([runFreshness(s), compareFreshness(s), sweepFreshness(s)]).toEqual(['fresh', 'fresh', 'fresh']);
    expect(currentLiveNode(s, 'order-service')).not.toBeNull();
  });

  it('stay fresh when a node is only moved or renamed', async () => {
    const store = await storeWithResults();
    store.getState().apply('Move', (sc) => moveNodes(sc, new Map([['order-service', { x: 1, y: 2 }]])));
    store.getState().renameScenario('Another name');
    expect(runFreshness(store.getState())).toBe('fresh');
  });

  it.each([
    ['New', (s: ReturnType<typeof createAppStore>) => s.getState().newScenario('example')],
    ['Open', (s: ReturnType<typeof createAppStore>) => {
      const before = s.getState().currentId;
      s.getState().newScenario('blank');
      s.getState().openScenario(before);
    }],
    ['an import', (s: ReturnType<typeof createAppStore>) => s.getState().addScenario(checkout())],
    ['Duplicate', (s: ReturnType<typeof createAppStore>) => s.getState().duplicateScenario()],
  ])('are all dropped when another scenario opens (%s)', async (_how, open) => {
    const store = await storeWithResults();
    open(store);
    const s = store.getState();
    expect([runFreshness(s), compareFreshness(s), sweepFreshness(s)]).toEqual(['none', 'none', 'none']);
    expect([s.runSamples.length, s.compareA, s.compareB, s.sweepRun, s.comparePhase, s.sweepPhase]).toEqual([0, null, null, null, 'idle', 'idle']);
  });
});
