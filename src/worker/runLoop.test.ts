import { expose, proxy, wrap } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario, type Sample } from '../model';
import { simulate } from '../sim';
import type { ProgressUpdate, SimWorkerApi } from './protocol';
import { createRunner } from './runLoop';

const scenario = (() => {
  const s = builtInScenario(CHECKOUT_SCENARIO);
  return { ...s, settings: { ...s.settings, durationS: 20 } };
})();

const ports: { close(): void }[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

function connect(): SimWorkerApi {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  expose(createRunner(), port1);
  return wrap<SimWorkerApi>(port2) as unknown as SimWorkerApi;
}

describe('the worker API over a message channel (comlink)', () => {
  it('streams every sample once, in order, and the streamed run equals the headless one', async () => {
    const api = connect();
    const updates: ProgressUpdate[] = [];
    const result = await api.run(scenario, { speed: 'max', batchEvents: 5_000, progressEveryMs: 0 }, proxy((u: ProgressUpdate) => void updates.push(u)));
    const streamed: Sample[] = updates.flatMap((u) => [...u.samples]);
    const headless = simulate(scenario);
    expect(updates.length).toBeGreaterThan(3);
    expect(streamed.map((s) => s.startMs)).toEqual(headless.samples.map((s) => s.startMs));
    expect(streamed).toEqual(headless.samples);
    expect(updates.flatMap((u) => [...u.notable])).toEqual(headless.notable);
    // The final message carries the totals only: the samples already arrived.
    expect(result.samples).toEqual([]);
    expect(result.totals).toEqual(headless.totals);
    expect(result.status).toBe('completed');
  });

  it('pauses between batches and resumes where it stopped', async () => {
    const api = connect();
    let paused = false;
    let afterPause = 0;
    const times: number[] = [];
    const done = api.run(
      scenario,
      { speed: 'max', batchEvents: 2_000, progressEveryMs: 0 },
      proxy((u: ProgressUpdate) => {
        times.push(u.progress.simulatedMs);
        if (paused) afterPause++;
      }),
    );
    await new Promise((r) => setTimeout(r, 30));
    await api.pause();
    await new Promise((r) => setTimeout(r, 50));
    paused = true;
    const atPause = times.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(afterPause).toBe(0);
    paused = false;
    await api.resume();
    const result = await done;
    expect(times.length).toBeGreaterThan(atPause);
    expect(result.simulatedMs).toBe(20_000);
  });
});
