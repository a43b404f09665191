import type { Scenario } from '../model';
import type { NotableEvent, Progress, RunResult, Sample } from '../model';

/** "max": as fast as possible; a number: simulated seconds per wall second (play mode). */
export type RunSpeed = 'max' | 1 | 10 | 100;

/** What the worker streams while it runs: only what is new since the last update. */
export interface ProgressUpdate {
  readonly progress: Progress;
  readonly samples: readonly Sample[];
  readonly notable: readonly NotableEvent[];
}

export interface RunSettings {
  readonly speed: RunSpeed;
  /** Events per batch between checks for messages and progress (as fast as possible). */
  readonly batchEvents: number;
  /** Send progress at most this often (wall ms). */
  readonly progressEveryMs: number;
  readonly maxWallMs?: number;
}

/** The worker's API, as seen through comlink. */
export interface SimWorkerApi {
  run(scenario: Scenario, settings: RunSettings, onProgress: (update: ProgressUpdate) => void | Promise<void>): Promise<RunResult>;
  pause(): void;
  resume(): void;
  setSpeed(speed: RunSpeed): void;
}
