import { describe, expect, it } from 'vitest';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, type RunResult, type Scenario } from '../model';
import type { BatchHandle, RunManyOptions } from '../worker/pool';
import { createAppStore } from './createAppStore';
import { MemoryStorage, ScenarioLibrary } from './persistence';
import { applyRecipes } from './variants';

interface Batch {
  scenarios: readonly Scenario[];
  options: RunManyOptions;
  finish: (index: number) => void;
  resolve: () => void;
  reject: (message: string) => void;
  cancelled: boolean;
}

/** A runMany stand-in: the test decides when each run finishes. */
function fakeRunner() {
  const batches: Batch[] = [];
  const runner = (scenarios: readonly Scenario[], options: RunManyOptions = {}): BatchHandle => {
    let settle: (value: RunResult[] | null) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const done = new Promise<RunResult[] | null>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const results = scenarios.map((s) => ({ seed: s.settings.seed, title: s.title }) as unknown as RunResult);
    const batch: Batch = {
      scenarios,
      options,
      cancelled: false,
      finish: (index) => options.onEach?.(index, results[index] as RunResult),
      resolve: () => settle(results),
      reject: (message) => fail(new Error(message)),
    };
    batches.push(batch);
    return {
      done,
      cancel: () => {
        batch.cancelled = true;
        settle(null);
      },
    };
  };
  return { batches, runner };
}

function setup() {
  const library = new ScenarioLibrary(new MemoryStorage());
  const fake = fakeRunner();
  const store = createAppStore(library, undefined, fake.runner);
  store.getState().initLibrary();
  return { library, store, ...fake };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('compare', () => {
  it('runs A and a copy of A without breakers, both with A’s seed', async () => {
    const { store, batches } = setup();
    store.getState().apply('Seed', (s) => ({ ...s, settings: { ...s.settings, seed: 7 } }));
    expect(store.getState().runCompare()).toBe(true);
    const batch = batches[0];
    if (!batch) throw new Error('no batch started');
    const [a, b] = batch.scenarios;
    expect(a).toBe(store.getState().scenario);
    expect(b?.settings.seed).toBe(7);
    expect(a?.edges.some((e) => e.policy.circuitBreaker)).toBe(true);
    expect(b?.edges.some((e) => e.policy.circuitBreaker)).toBe(false);
    expect(store.getState().comparePhase).toBe('running');
    batch.finish(1);
    expect(store.getState().compareB?.label).toBe('Breakers off on every edge');
    expect(store.getState().compareDone).toBe(1);
    batch.finish(0);
    batch.resolve();
    await tick();
    expect(store.getState().comparePhase).toBe('done');
    expect(store.getState().compareA?.label).toBe('E-commerce checkout');
  });

  it('compares with a saved scenario without switching the open one', async () => {
    const { store, library, batches } = setup();
    const openId = store.getState().currentId;
    const other = { ...builtInScenario(CHECKOUT_SCENARIO), title: 'Bigger pools', settings: { ...builtInScenario(CHECKOUT_SCENARIO).settings, seed: 99 } };
    const otherId = library.newId();
    library.save(otherId, other);
    store.getState().setCompareVariant({ kind: 'saved', id: otherId });
    expect(store.getState().runCompare()).toBe(true);
    const b = batches[0]?.scenarios[1];
    expect(b?.title).toBe('Bigger pools');
    expect(b?.settings.seed).toBe(42);
    expect(store.getState().currentId).toBe(openId);
    expect(store.getState().scenario.title).toBe('E-commerce checkout');
  });

  it('refuses to compare a scenario with nothing to send traffic', () => {
    const { store, batches } = setup();
    store.getState().replaceScenario({ ...builtInScenario(BLANK_SCENARIO), nodes: [] });
    expect(store.getState().runCompare()).toBe(false);
    expect(batches).toHaveLength(0);
    expect(store.getState().notices.at(-1)?.text).toContain('no client');
  });

  it('keeps the error of a crashed comparison', async () => {
    const { store, batches } = setup();
    store.getState().runCompare();
    batches[0]?.reject('run 2 of 2 crashed: out of memory');
    await tick();
    expect(store.getState().comparePhase).toBe('failed');
    expect(store.getState().compareError).toContain('out of memory');
  });
});

describe('variant recipes', () => {
  it('change only what they say, and say what they changed', () => {
    const a = builtInScenario(CHECKOUT_SCENARIO);
    const off = applyRecipes(a, ['retries-off', 'timeouts-off']);
    expect(off.scenario.edges.every((e) => e.policy.retry === null && e.policy.timeoutMs === null)).toBe(true);
    expect(off.steps[0]?.changed).toEqual(['Order service → Inventory service']);
    const breakers = applyRecipes(a, ['breakers-default']).scenario;
    expect(breakers.edges.filter((e) => e.kind === 'sync').every((e) => e.policy.circuitBreaker?.windowSize === 100)).toBe(true);
    expect(breakers.edges.filter((e) => e.kind === 'async').every((e) => e.policy.circuitBreaker === null)).toBe(true);
    const doubled = applyRecipes(a, ['double-workers']).scenario;
    expect(doubled.nodes.find((n) => n.id === 'order-service')).toMatchObject({ workers: 48 });
    expect(doubled.nodes.find((n) => n.id === 'payment-db')).toMatchObject({ workers: 8 });
    expect(a.edges.some((e) => e.policy.retry)).toBe(true);
  });
});

describe('sweep', () => {
  const path = 'edges.order-payment.policy.timeoutMs';

  it('refuses an invalid value, naming the value and the path, and runs nothing', () => {
    const { store, batches } = setup();
    store.getState().setSweepPath(path);
    store.getState().setSweepValuesText('100, -1');
    expect(store.getState().runSweep()).toBe(false);
    expect(batches).toHaveLength(0);
    const [error] = store.getState().sweepErrors;
    expect(error).toContain('-1 for edges.order-payment.policy.timeoutMs');
    expect(error).toContain('expected a finite number >= 0.001');
    store.getState().setSweepValuesText('100, fast');
    store.getState().runSweep();
    expect(store.getState().sweepErrors[0]).toContain('"fast" is not a number');
  });

  it('runs one variant per value and fills the points as they finish', async () => {
    const { store, batches } = setup();
    store.getState().setSweepPath(path);
    store.getState().setSweepValuesText('100,500,1500');
    expect(store.getState().runSweep()).toBe(true);
    const batch = batches[0];
    expect(batch?.scenarios.map((s) => s.edges.find((e) => e.id === 'order-payment')?.policy.timeoutMs)).toEqual([100, 500, 1500]);
    expect(store.getState().sweepRun?.label).toBe('Timeout per attempt, Order service → Payment service');
    batch?.finish(2);
    expect(store.getState().sweepRun?.points.map((p) => p.result !== null)).toEqual([false, false, true]);
    batch?.finish(0);
    batch?.finish(1);
    batch?.resolve();
    await tick();
    expect(store.getState().sweepPhase).toBe('done');
  });

  it('turns a policy part on with its defaults when sweeping a field of it', () => {
    const { store, batches } = setup();
    store.getState().setSweepPath('edges.payment-db-edge.policy.retry.maxAttempts');
    store.getState().setSweepValuesText('1,3');
    expect(store.getState().runSweep()).toBe(true);
    expect(batches[0]?.scenarios[1]?.edges.find((e) => e.id === 'payment-db-edge')?.policy.retry).toMatchObject({ maxAttempts: 3, baseMs: 500 });
  });

  it('cancels the running batch and keeps the points finished so far', async () => {
    const { store, batches } = setup();
    store.getState().setSweepPath(path);
    store.getState().setSweepValuesText('100,200,300,400');
    store.getState().runSweep();
    batches[0]?.finish(0);
    store.getState().cancelBatch();
    await tick();
    expect(batches[0]?.cancelled).toBe(true);
    expect(store.getState().sweepPhase).toBe('cancelled');
    expect(store.getState().sweepRun?.points.filter((p) => p.result).length).toBe(1);
    // A late result from the cancelled batch changes nothing.
    batches[0]?.finish(1);
    expect(store.getState().sweepRun?.points.filter((p) => p.result).length).toBe(1);
  });
});
