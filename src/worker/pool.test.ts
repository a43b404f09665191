import { expose } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { BLANK_SCENARIO, builtInScenario, type RunResult, type Sample, type Scenario } from '../model';
import type { WorkerFactory } from './client';
import { poolSize, runMany } from './pool';
import type { SimWorkerApi } from './protocol';

interface FakeWorld {
  started: string[];
  running: number;
  maxRunning: number;
  terminated: number;
  /** Finishes the run of this scenario title (they wait until told). */
  release: Map<string, () => void>;
}

const ports: MessagePort[] = [];
afterEach(() => {
  for (const port of ports.splice(0)) port.close();
});

function resultFor(scenario: Scenario): RunResult {
  return { status: 'completed', seed: scenario.settings.seed, simulatedMs: 1000, title: scenario.title, samples: [], notable: [] } as unknown as RunResult;
}

/** A "worker" that is a MessagePort with a fake engine behind comlink on the other end. */
function fakeFactory(world: FakeWorld, behaviour: (scenario: Scenario) => 'ok' | 'reject' | 'crash' = () => 'ok'): WorkerFactory {
  return () => {
    const channel = new MessageChannel();
    ports.push(channel.port1, channel.port2);
    const errorListeners: ((event: { message: string }) => void)[] = [];
    let alive = true;
    const api: SimWorkerApi = {
      run: (scenario, _settings, onProgress) => {
        world.started.push(scenario.title);
        world.running++;
        world.maxRunning = Math.max(world.maxRunning, world.running);
        return new Promise((resolve, reject) => {
          world.release.set(scenario.title, () => {
            world.running--;
            const how = behaviour(scenario);
            if (how === 'reject') reject(new Error(`engine failed on ${scenario.title}`));
            else if (how === 'crash') {
              for (const listener of errorListeners) listener({ message: 'out of memory' });
            } else {
              // Like the real worker: samples stream as progress, the result carries totals only.
              const sample = { startMs: 0, endMs: 1000 } as unknown as Sample;
              const update = { progress: { status: 'completed' as const, simulatedMs: 1000, durationMs: 1000, events: 1 }, samples: [sample], notable: [] };
              void Promise.resolve(onProgress(update)).then(() => resolve(resultFor(scenario)));
            }
          });
        });
      },
      pause: () => undefined,
      resume: () => undefined,
      setSpeed: () => undefined,
    };
    expose(api, channel.port2);
    const port = channel.port1;
    const fake = {
      postMessage: (message: unknown, transfer?: Transferable[]) => port.postMessage(message, transfer ?? []),
      addEventListener: (type: string, listener: EventListener) => {
        if (type === 'error') errorListeners.push(listener as unknown as (event: { message: string }) => void);
        else port.addEventListener(type, listener);
      },
      removeEventListener: (type: string, listener: EventListener) => port.removeEventListener(type, listener),
      start: () => port.start(),
      terminate: () => {
        if (!alive) return;
        alive = false;
        world.terminated++;
        port.close();
      },
    };
    return fake as unknown as Worker;
  };
}

const scenarios = (n: number): Scenario[] =>
  Array.from({ length: n }, (_, i) => ({ ...builtInScenario(BLANK_SCENARIO), title: `s${i}` }));

const newWorld = (): FakeWorld => ({ started: [], running: 0, maxRunning: 0, terminated: 0, release: new Map() });

/** Lets comlink's messages cross the channel. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function releaseAll(world: FakeWorld, order: readonly string[]): Promise<void> {
  for (const title of order) {
    for (let i = 0; i < 50 && !world.release.has(title); i++) await settle();
    world.release.get(title)?.();
    world.release.delete(title);
    await settle();
  }
}

describe('runMany', () => {
  it('never uses more workers than the pool size and returns results in input order', async () => {
    const world = newWorld();
    const seen: number[] = [];
    const batch = runMany(scenarios(5), { concurrency: 2, onEach: (index, result) => seen.push(index + 10 * result.samples.length) }, fakeFactory(world));
    await releaseAll(world, ['s1', 's0', 's3', 's2', 's4']);
    const results = await batch.done;
    expect(results?.map((r) => (r as unknown as { title: string }).title)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(seen).toEqual([11, 10, 13, 12, 14]);
    expect(world.maxRunning).toBe(2);
    expect(world.terminated).toBe(5);
    // The samples streamed while each run went are put back into its result.
    expect(results?.every((r) => r.samples.length === 1)).toBe(true);
  });

  it('cancels at once: every running worker is terminated and nothing more starts', async () => {
    const world = newWorld();
    const batch = runMany(scenarios(6), { concurrency: 3 }, fakeFactory(world));
    for (let i = 0; i < 50 && world.started.length < 3; i++) await settle();
    expect(world.started).toHaveLength(3);
    batch.cancel();
    expect(world.terminated).toBe(3);
    await expect(batch.done).resolves.toBeNull();
    await settle();
    expect(world.started).toHaveLength(3);
  });

  it('rejects with a message naming the run when a worker crashes, and stops the others', async () => {
    const world = newWorld();
    const batch = runMany(scenarios(4), { concurrency: 2 }, fakeFactory(world, (s) => (s.title === 's1' ? 'crash' : 'ok')));
    const failed = expect(batch.done).rejects.toThrow('run 2 of 4 crashed: out of memory');
    await releaseAll(world, ['s1']);
    await failed;
    expect(world.terminated).toBe(2);
    await settle();
    expect(world.started).toEqual(['s0', 's1']);
  });

  it('rejects when the engine throws inside a run', async () => {
    const world = newWorld();
    const batch = runMany(scenarios(1), {}, fakeFactory(world, () => 'reject'));
    const failed = expect(batch.done).rejects.toThrow(/run 1 of 1 crashed: .*engine failed on s0/);
    await releaseAll(world, ['s0']);
    await failed;
  });

  it('resolves an empty batch with no results', async () => {
    await expect(runMany([], {}, fakeFactory(newWorld())).done).resolves.toEqual([]);
  });

  it('sizes the pool from the cores, between 1 and 8', () => {
    expect(poolSize(0)).toBe(1);
    expect(poolSize(64)).toBe(8);
    expect(poolSize(3)).toBe(3);
    expect(poolSize()).toBeGreaterThanOrEqual(1);
  });
});
