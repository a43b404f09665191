import type { StateCreator } from 'zustand';
import { lintScenario, parseSweepValues, scenarioWithValue, sweepParameters, type RunResult, type Scenario } from '../model';
import { runMany, type BatchHandle } from '../worker/pool';
import { resultIdentity, type ResultIdentity } from './freshness';
import type { ScenarioLibrary } from './persistence';
import type { AppState } from './types';
import { applyRecipes, recipesLabel, type RecipeId } from './variants';

/** Compare (A against a variant B, same seed) and sweep (one parameter over a list of values). */

export type BatchPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** B: the open scenario changed by recipes, or a saved scenario from the library. */
export type CompareVariant = { readonly kind: 'recipes'; readonly recipes: readonly RecipeId[] } | { readonly kind: 'saved'; readonly id: string };

export interface ComparedRun {
  /** For the legend: the scenario title (A) or what B is. */
  readonly label: string;
  readonly scenario: Scenario;
  readonly result: RunResult;
}

export type SweepMetric = 'goodput' | 'successRatio' | 'p99';

export interface SweepPoint {
  readonly value: number;
  /** Null until its run finishes. */
  readonly result: RunResult | null;
}

export interface SweepRun {
  readonly scenarioTitle: string;
  readonly path: string;
  /** "Timeout per attempt, Order service → Payment service". */
  readonly label: string;
  readonly unit: string;
  readonly seed: number;
  readonly points: readonly SweepPoint[];
}

export interface CompareSlice {
  compareVariant: CompareVariant;
  setCompareVariant: (variant: CompareVariant) => void;
  toggleCompareRecipe: (id: RecipeId) => void;
  comparePhase: BatchPhase;
  /** Runs of the pair finished so far (0..2). */
  compareDone: number;
  compareError: string | null;
  compareA: ComparedRun | null;
  compareB: ComparedRun | null;
  /** Which scenario and version A was (see freshness.ts). */
  compareIdentity: ResultIdentity | null;
  /** Runs A (the open scenario) and B with A's seed, in parallel; false when refused. */
  runCompare: () => boolean;

  sweepPath: string;
  sweepValuesText: string;
  sweepMetric: SweepMetric;
  setSweepPath: (path: string) => void;
  setSweepValuesText: (text: string) => void;
  setSweepMetric: (metric: SweepMetric) => void;
  /** Why the last Run sweep was refused (each names the value and the path). */
  sweepErrors: readonly string[];
  sweepPhase: BatchPhase;
  sweepError: string | null;
  sweepRun: SweepRun | null;
  /** Which scenario and version the sweep varied (see freshness.ts). */
  sweepIdentity: ResultIdentity | null;
  /** Runs one variant of the open scenario per value on a pool of workers; false when refused. */
  runSweep: () => boolean;

  /** Stops the running compare or sweep at once. */
  cancelBatch: () => void;
  /** Stops any compare or sweep and forgets their results (another scenario is opening). */
  clearBatch: () => void;
}

export const BATCH_NOTICE = 'batch';

export const isBatchRunning = (s: Pick<AppState, 'comparePhase' | 'sweepPhase'>) => s.comparePhase === 'running' || s.sweepPhase === 'running';

/** Why this scenario cannot run (blocking problems or no client), or null. */
function runProblem(scenario: Scenario, name: string): string | null {
  const blocking = lintScenario(scenario).filter((f) => f.severity === 'error');
  if (blocking.length > 0) return `${name} has problems to fix first: ${blocking.map((f) => f.title).join('; ')}`;
  if (!scenario.nodes.some((n) => n.kind === 'client')) return `${name} has no client, so nothing sends traffic`;
  return null;
}

const withSeed = (scenario: Scenario, seed: number): Scenario =>
  scenario.settings.seed === seed ? scenario : { ...scenario, settings: { ...scenario.settings, seed } };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Runner = typeof runMany;

export const createCompareSlice =
  (library: ScenarioLibrary, runner: Runner = runMany): StateCreator<AppState, [], [], CompareSlice> =>
  (set, get) => {
    let batch: BatchHandle | null = null;

    /** Starts a batch (call stopRunning first: one batch at a time). */
    const start = (scenarios: Scenario[], onEach: (index: number, result: RunResult) => void): BatchHandle => {
      const handle = runner(scenarios, {
        onEach: (index, result) => {
          if (batch === handle) onEach(index, result);
        },
      });
      batch = handle;
      return handle;
    };

    const stopRunning = () => {
      batch?.cancel();
      batch = null;
      if (get().comparePhase === 'running') set({ comparePhase: 'cancelled' });
      if (get().sweepPhase === 'running') set({ sweepPhase: 'cancelled' });
    };

    const refuse = (text: string): false => {
      get().notify({ id: BATCH_NOTICE, tone: 'error', text });
      return false;
    };

    /** B as a runnable scenario with A's seed, and its legend label. */
    const resolveVariant = (a: Scenario): { scenario: Scenario; label: string } | string => {
      const variant = get().compareVariant;
      if (variant.kind === 'recipes') {
        return { scenario: withSeed(applyRecipes(a, variant.recipes).scenario, a.settings.seed), label: recipesLabel(variant.recipes) };
      }
      // Read straight from the library: comparing must not switch the open scenario.
      const loaded = library.load(variant.id);
      if (!loaded.ok) return 'The saved scenario chosen as B could not be read; pick another one.';
      return { scenario: withSeed(loaded.scenario, a.settings.seed), label: loaded.scenario.title };
    };

    return {
      compareVariant: { kind: 'recipes', recipes: ['breakers-off'] },
      setCompareVariant: (variant) => set({ compareVariant: variant }),
      toggleCompareRecipe: (id) => {
        const current = get().compareVariant;
        const recipes = current.kind === 'recipes' ? current.recipes : [];
        set({ compareVariant: { kind: 'recipes', recipes: recipes.includes(id) ? recipes.filter((r) => r !== id) : [...recipes, id] } });
      },
      comparePhase: 'idle',
      compareDone: 0,
      compareError: null,
      compareA: null,
      compareB: null,
      compareIdentity: null,
      runCompare: () => {
        const a = get().scenario;
        const b = resolveVariant(a);
        if (typeof b === 'string') return refuse(b);
        const problem = runProblem(a, 'A (the open scenario)') ?? runProblem(b.scenario, `B (${b.label})`);
        if (problem) return refuse(`The comparison did not start: ${problem}.`);
        stopRunning();
        get().dismiss(BATCH_NOTICE);
        const pair: [Scenario, Scenario] = [a, b.scenario];
        const labels = [a.title, b.label];
        set({ comparePhase: 'running', compareDone: 0, compareError: null, compareA: null, compareB: null, compareIdentity: resultIdentity(get().currentId, a) });
        const handle = start(pair, (index, result) => {
          const run: ComparedRun = { label: labels[index] ?? '', scenario: pair[index] ?? a, result };
          set(index === 0 ? { compareA: run } : { compareB: run });
          set({ compareDone: get().compareDone + 1 });
        });
        handle.done.then(
          (results) => {
            if (batch !== handle || !results) return;
            batch = null;
            set({ comparePhase: 'done' });
          },
          (error: unknown) => {
            if (batch !== handle) return;
            batch = null;
            set({ comparePhase: 'failed', compareError: message(error) });
            get().notify({ id: BATCH_NOTICE, tone: 'error', text: `The comparison stopped: ${message(error)}. Your scenario is untouched; run it again to retry.` });
          },
        );
        return true;
      },

      sweepPath: '',
      sweepValuesText: '',
      sweepMetric: 'successRatio',
      setSweepPath: (path) => set({ sweepPath: path, sweepErrors: [] }),
      setSweepValuesText: (text) => set({ sweepValuesText: text, sweepErrors: [] }),
      setSweepMetric: (metric) => set({ sweepMetric: metric }),
      sweepErrors: [],
      sweepPhase: 'idle',
      sweepError: null,
      sweepRun: null,
      sweepIdentity: null,
      runSweep: () => {
        const scenario = get().scenario;
        const path = get().sweepPath.trim();
        if (!path) {
          set({ sweepErrors: ['Pick a parameter to sweep.'] });
          return false;
        }
        const parsed = parseSweepValues(get().sweepValuesText);
        if (!parsed.ok) {
          set({ sweepErrors: [`Values for ${path}: ${parsed.message}.`] });
          return false;
        }
        const variants: Scenario[] = [];
        const errors: string[] = [];
        for (const value of parsed.values) {
          const variant = scenarioWithValue(scenario, path, value);
          if (variant.ok) variants.push(variant.scenario);
          else errors.push(variant.message);
        }
        if (errors.length > 0) {
          set({ sweepErrors: errors });
          return false;
        }
        const problem = runProblem(scenario, 'The open scenario');
        if (problem) {
          set({ sweepErrors: [`${problem}.`] });
          return false;
        }
        const parameter = sweepParameters(scenario).find((p) => p.path === path);
        stopRunning();
        set({
          sweepErrors: [],
          sweepPhase: 'running',
          sweepError: null,
          sweepIdentity: resultIdentity(get().currentId, scenario),
          sweepRun: {
            scenarioTitle: scenario.title,
            path,
            label: parameter ? `${parameter.label}, ${parameter.owner}` : path,
            unit: parameter?.unit ?? '',
            seed: scenario.settings.seed,
            points: parsed.values.map((value) => ({ value, result: null })),
          },
        });
        const handle = start(variants, (index, result) => {
          const run = get().sweepRun;
          if (!run) return;
          set({ sweepRun: { ...run, points: run.points.map((p, i) => (i === index ? { ...p, result } : p)) } });
        });
        handle.done.then(
          (results) => {
            if (batch !== handle || !results) return;
            batch = null;
            set({ sweepPhase: 'done' });
          },
          (error: unknown) => {
            if (batch !== handle) return;
            batch = null;
            set({ sweepPhase: 'failed', sweepError: message(error) });
            get().notify({ id: BATCH_NOTICE, tone: 'error', text: `The sweep stopped: ${message(error)}. The values finished so far are kept.` });
          },
        );
        return true;
      },

      cancelBatch: () => {
        if (!batch) return;
        stopRunning();
        get().notify({ id: BATCH_NOTICE, tone: 'info', text: 'Stopped. The runs finished so far are kept.', ttlMs: 5000 });
      },
      clearBatch: () => {
        batch?.cancel();
        batch = null;
        get().dismiss(BATCH_NOTICE);
        set({
          comparePhase: 'idle',
          compareDone: 0,
          compareError: null,
          compareA: null,
          compareB: null,
          compareIdentity: null,
          sweepErrors: [],
          sweepPhase: 'idle',
          sweepError: null,
          sweepRun: null,
          sweepIdentity: null,
        });
      },
    };
  };
