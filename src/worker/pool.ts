import type { NotableEvent, RunResult, Sample, Scenario } from '../model';
import { startRun, type ProgressUpdate, type RunHandle, type WorkerFactory } from './client';

export interface RunManyOptions {
  /** Called as each run finishes (in finishing order, with its input index). */
  readonly onEach?: (index: number, result: RunResult) => void;
  /** Runs at once; default navigator.hardwareConcurrency, always 1..8 and at most one per scenario. */
  readonly concurrency?: number;
}

export interface BatchHandle {
  /** Every result in input order; null when cancelled; rejects when a run crashes. */
  readonly done: Promise<RunResult[] | null>;
  /** Stops at once: every running worker is terminated, nothing more starts. */
  cancel(): void;
}

export const MAX_POOL_SIZE = 8;

/** How many workers a batch uses: the cores the browser reports, 1..8. */
export function poolSize(requested?: number): number {
  const cores = typeof navigator !== 'undefined' && Number.isFinite(navigator.hardwareConcurrency) ? navigator.hardwareConcurrency : 1;
  const wanted = requested ?? cores;
  return Math.max(1, Math.min(MAX_POOL_SIZE, Math.floor(Number.isFinite(wanted) ? wanted : 1)));
}

const noop = () => undefined;

/**
 * Runs scenarios to completion as fast as possible, a few at a time, each in its own worker (as
 * startRun does). The first crash cancels the rest and rejects, naming the run that failed.
 */
export function runMany(scenarios: readonly Scenario[], options: RunManyOptions = {}, factory?: WorkerFactory): BatchHandle {
  const results: (RunResult | undefined)[] = scenarios.map(() => undefined);
  const running = new Set<RunHandle>();
  const size = Math.min(poolSize(options.concurrency), Math.max(1, scenarios.length));
  let next = 0;
  let finished = 0;
  let stopped = false;
  let settle: (value: RunResult[] | null) => void = noop;
  let fail: (error: Error) => void = noop;
  const done = new Promise<RunResult[] | null>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });

  const stopAll = () => {
    stopped = true;
    for (const handle of running) handle.cancel();
    running.clear();
  };

  const startNext = (): void => {
    if (stopped || next >= scenarios.length) return;
    const index = next++;
    const scenario = scenarios[index];
    if (!scenario) return;
    // The worker streams samples and notable events as it goes; the final result may carry only
    // the totals, so the run is put back together here.
    const samples: Sample[] = [];
    const notable: NotableEvent[] = [];
    const onProgress = (update: ProgressUpdate) => {
      samples.push(...update.samples);
      notable.push(...update.notable);
    };
    let handle: RunHandle;
    try {
      handle = startRun(scenario, { speed: 'max', onProgress }, factory);
    } catch (error) {
      stopAll();
      fail(new Error(`run ${index + 1} of ${scenarios.length} could not start: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    running.add(handle);
    handle.done.then(
      (result) => {
        running.delete(handle);
        if (stopped || !result) return;
        const whole = result.samples.length > 0 || samples.length === 0 ? result : { ...result, samples, notable: result.notable.length ? result.notable : notable };
        results[index] = whole;
        finished++;
        options.onEach?.(index, whole);
        if (finished === scenarios.length) {
          stopped = true;
          settle(results.filter((r): r is RunResult => r !== undefined));
        } else {
          startNext();
        }
      },
      (error: unknown) => {
        running.delete(handle);
        if (stopped) return;
        stopAll();
        fail(new Error(`run ${index + 1} of ${scenarios.length} crashed: ${error instanceof Error ? error.message : String(error)}`));
      },
    );
  };

  if (scenarios.length === 0) settle([]);
  else for (let i = 0; i < size; i++) startNext();

  return {
    done,
    cancel: () => {
      if (stopped) return;
      stopAll();
      settle(null);
    },
  };
}
