import { proxy, wrap, type Remote } from 'comlink';
import type { Scenario } from '../model';
import type { RunResult } from '../model';
import type { ProgressUpdate, RunSpeed, SimWorkerApi } from './protocol';

export type { ProgressUpdate, RunSpeed } from './protocol';

export interface RunHandle {
  /** Settles with the final result, or rejects when the worker crashes. Cancel resolves with null. */
  readonly done: Promise<RunResult | null>;
  pause(): void;
  resume(): void;
  setSpeed(speed: RunSpeed): void;
  /** Stops at once: the worker is terminated and `done` resolves with null. */
  cancel(): void;
}

export interface StartOptions {
  readonly speed: RunSpeed;
  readonly onProgress: (update: ProgressUpdate) => void;
  readonly batchEvents?: number;
  readonly progressEveryMs?: number;
  readonly maxWallMs?: number;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'faultline-sim' });

/** Runs a scenario in a fresh worker; one worker per run, terminated when the run ends. */
export function startRun(scenario: Scenario, options: StartOptions, factory: WorkerFactory = defaultFactory): RunHandle {
  const worker = factory();
  const api: Remote<SimWorkerApi> = wrap<SimWorkerApi>(worker);
  let settle: ((value: RunResult | null) => void) | null = null;
  let fail: ((error: Error) => void) | null = null;
  let finished = false;
  const done = new Promise<RunResult | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  worker.addEventListener('error', (event) => {
    if (finished) return;
    finish();
    fail?.(new Error(event.message || 'the simulation worker crashed'));
  });
  api
    .run(
      scenario,
      { speed: options.speed, batchEvents: options.batchEvents ?? 50_000, progressEveryMs: options.progressEveryMs ?? 100, ...(options.maxWallMs !== undefined ? { maxWallMs: options.maxWallMs } : {}) },
      proxy((update: ProgressUpdate) => {
        if (!finished) options.onProgress(update);
      }),
    )
    .then(
      (result) => {
        if (finished) return;
        finish();
        settle?.(result);
      },
      (error: unknown) => {
        if (finished) return;
        finish();
        fail?.(error instanceof Error ? error : new Error(String(error)));
      },
    );
  return {
    done,
    pause: () => void (finished ? undefined : api.pause()),
    resume: () => void (finished ? undefined : api.resume()),
    setSpeed: (speed) => void (finished ? undefined : api.setSpeed(speed)),
    cancel: () => {
      if (finished) return;
      finish();
      settle?.(null);
    },
  };
}
