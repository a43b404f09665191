import type { StateCreator } from 'zustand';
import { lintScenario, type Scenario } from '../model';
import type { NotableEvent, Progress, RunResult, Sample } from '../model';
import { startRun as startWorkerRun, type RunHandle, type RunSpeed } from '../worker/client';
import { resultIdentity, type ResultIdentity } from './freshness';
import { runWorstMoment } from './runView';
import type { AppState } from './types';

export type RunPhase = 'idle' | 'running' | 'paused' | 'done' | 'failed';

export interface RunSlice {
  runPhase: RunPhase;
  runSpeed: RunSpeed;
  /** The scenario the current results belong to (edits after Run do not change them). */
  runScenario: Scenario | null;
  /** Which scenario and version the run belongs to (see freshness.ts). */
  runIdentity: ResultIdentity | null;
  runSamples: readonly Sample[];
  runNotable: readonly NotableEvent[];
  runProgress: Progress | null;
  runResult: RunResult | null;
  runError: string | null;
  /** The moment shown on the canvas and charts; null follows the latest sample. */
  scrubMs: number | null;
  startRun: () => boolean;
  pauseRun: () => void;
  resumeRun: () => void;
  cancelRun: () => void;
  setRunSpeed: (speed: RunSpeed) => void;
  setScrub: (ms: number | null) => void;
  /** Moves the scrubber to the run's worst moment (model/worstMoment.ts); false without samples. */
  scrubToWorst: () => boolean;
  /** Moves the scrubber back to the latest moment. */
  scrubToLatest: () => void;
  /** While true, the canvas highlights the cascade path (the explainer or an event has focus or the pointer). */
  cascadeHighlight: boolean;
  setCascadeHighlight: (on: boolean) => void;
  clearRun: () => void;
}

export const RUN_NOTICE = 'run';

type Starter = typeof startWorkerRun;

export const createRunSlice =
  (starter: Starter = startWorkerRun): StateCreator<AppState, [], [], RunSlice> =>
  (set, get) => {
    let handle: RunHandle | null = null;
    return {
      runPhase: 'idle',
      runSpeed: 'max',
      runScenario: null,
      runIdentity: null,
      runSamples: [],
      runNotable: [],
      runProgress: null,
      runResult: null,
      runError: null,
      scrubMs: null,
      cascadeHighlight: false,
      startRun: () => {
        const scenario = get().scenario;
        const blocking = lintScenario(scenario).filter((f) => f.severity === 'error');
        if (blocking.length > 0) {
          get().notify({
            id: RUN_NOTICE,
            tone: 'error',
            text: 'The run did not start: fix these problems first.',
            details: blocking.map((f) => `${f.title}: ${f.why}`),
          });
          return false;
        }
        if (!scenario.nodes.some((n) => n.kind === 'client')) {
          get().notify({ id: RUN_NOTICE, tone: 'error', text: 'The run did not start: add a client, or nothing sends traffic.' });
          return false;
        }
        handle?.cancel();
        get().dismiss(RUN_NOTICE);
        set({ runPhase: 'running', runScenario: scenario, runIdentity: resultIdentity(get().currentId, scenario), runSamples: [], runNotable: [], runProgress: null, runResult: null, runError: null, scrubMs: null, cascadeHighlight: false });
        let current: RunHandle | null = null;
        try {
          current = starter(scenario, {
            speed: get().runSpeed,
            onProgress: (update) => {
              if (handle !== current) return;
              set({
                runProgress: update.progress,
                runSamples: update.samples.length ? [...get().runSamples, ...update.samples] : get().runSamples,
                runNotable: update.notable.length ? [...get().runNotable, ...update.notable] : get().runNotable,
              });
            },
          });
        } catch (error) {
          set({ runPhase: 'failed', runError: error instanceof Error ? error.message : String(error) });
          return false;
        }
        handle = current;
        current.done.then(
          (result) => {
            if (handle !== current) return;
            handle = null;
            if (!result) return;
            // The worker streamed every sample and notable event; the result carries the totals.
            set({ runPhase: 'done', runResult: { ...result, samples: get().runSamples, notable: get().runNotable }, runProgress: null });
            // After the run, show what happened: its results, at its worst moment. The Results tab
            // (its charts) opens in a task of its own, so the page never blocks for one long task.
            get().scrubToWorst();
            setTimeout(() => {
              if (get().runPhase === 'done') get().setBottomTab('results');
            }, 0);
            if (result.status === 'budget_exceeded') {
              get().notify({ id: RUN_NOTICE, tone: 'warning', text: `The run stopped early: ${result.reason ?? 'it hit its budget'}. The results so far are shown.` });
            }
          },
          (error: unknown) => {
            if (handle !== current) return;
            handle = null;
            const message = error instanceof Error ? error.message : String(error);
            set({ runPhase: 'failed', runError: message });
            get().notify({ id: RUN_NOTICE, tone: 'error', text: `The simulation crashed (${message}). Your scenario is untouched; run it again to retry.` });
          },
        );
        return true;
      },
      pauseRun: () => {
        if (get().runPhase !== 'running' || !handle) return;
        handle.pause();
        set({ runPhase: 'paused' });
      },
      resumeRun: () => {
        if (get().runPhase !== 'paused' || !handle) return;
        handle.resume();
        set({ runPhase: 'running' });
      },
      cancelRun: () => {
        if (!handle) return;
        handle.cancel();
        handle = null;
        set({ runPhase: 'idle', runProgress: null });
        get().notify({ id: RUN_NOTICE, tone: 'info', text: 'Run cancelled. The samples so far are kept.', ttlMs: 5000 });
      },
      setRunSpeed: (speed) => {
        set({ runSpeed: speed });
        handle?.setSpeed(speed);
      },
      setScrub: (ms) => set({ scrubMs: ms }),
      scrubToWorst: () => {
        const worst = runWorstMoment(get());
        if (!worst) return false;
        set({ scrubMs: worst.atMs });
        return true;
      },
      scrubToLatest: () => set({ scrubMs: null }),
      setCascadeHighlight: (on) => {
        if (get().cascadeHighlight !== on) set({ cascadeHighlight: on });
      },
      clearRun: () => {
        handle?.cancel();
        handle = null;
        set({ runPhase: 'idle', runScenario: null, runIdentity: null, runSamples: [], runNotable: [], runProgress: null, runResult: null, runError: null, scrubMs: null, cascadeHighlight: false });
      },
    };
  };
