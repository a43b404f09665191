import {
  baselineP99,
  cascadePath,
  faultMarks,
  firstFaultMs,
  nodeHealth,
  worstMoment,
  type BreakerState,
  type Cascade,
  type EdgeSample,
  type FaultMark,
  type Health,
  type Sample,
  type Scenario,
  type WorstMoment,
} from '../model';
import type { AppState } from './types';

export { nodeHealth, type Health };

/** The index of the sample covering `ms` (or the last one before it); -1 before the first sample. */
export function sampleIndexAt(samples: readonly Sample[], ms: number | null): number {
  if (samples.length === 0) return -1;
  if (ms === null) return samples.length - 1;
  let lo = 0;
  let hi = samples.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((samples[mid]?.startMs ?? Infinity) <= ms) lo = mid;
    else hi = mid - 1;
  }
  const s = samples[lo];
  return s && s.startMs <= ms ? lo : -1;
}

/** The sample covering `ms` (or the last one before it); null before the first sample. */
export function sampleAt(samples: readonly Sample[], ms: number | null): Sample | null {
  return samples[sampleIndexAt(samples, ms)] ?? null;
}

export function failuresOf(counts: Record<string, number>): number {
  let total = 0;
  for (const k in counts) total += counts[k] ?? 0;
  return total;
}

export interface NodeLive {
  readonly health: Health;
  /** Whole percent. */
  readonly utilisationPct: number;
  readonly queueDepth: number;
  readonly inFlight: number;
  /** p99 latency of the interval, whole ms (0 when nothing finished). */
  readonly p99Ms: number;
}

export interface EdgeLive {
  readonly attemptsPerSec: number;
  /** 0..1, in steps of 0.01. */
  readonly failureShare: number;
  /** Retries / attempts, 0..1 in steps of 0.01. */
  readonly retryShare: number;
  readonly breaker: BreakerState | null;
  readonly bulkheadInUse: number;
  /** 0..1: this edge's traffic relative to the busiest edge (for the line width). */
  readonly weight: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

type RunState = Pick<AppState, 'runSamples' | 'scrubMs'> & Partial<Pick<AppState, 'runScenario'>>;

// Per run (keyed by its samples array, which every update replaces): computed once, asked by
// every node on every render.
const baselineCache = new WeakMap<readonly Sample[], { scenario: Scenario | null; baselines: ReadonlyMap<string, number> }>();
const cascadeCache = new WeakMap<readonly Sample[], { scenario: Scenario; cascade: Cascade }>();
const worstCache = new WeakMap<readonly Sample[], WorstMoment | null>();

function baselinesOf(samples: readonly Sample[], scenario: Scenario | null): ReadonlyMap<string, number> {
  let cached = baselineCache.get(samples);
  if (!cached || cached.scenario !== scenario) {
    cached = { scenario, baselines: baselineP99(samples, scenario ? firstFaultMs(scenario.faults) : null) };
    baselineCache.set(samples, cached);
  }
  return cached.baselines;
}

/** The worst moment of the run so far (model/worstMoment.ts); null without samples. */
export function runWorstMoment(state: Pick<AppState, 'runSamples'>): WorstMoment | null {
  let worst = worstCache.get(state.runSamples);
  if (worst === undefined) {
    worst = worstMoment(state.runSamples);
    worstCache.set(state.runSamples, worst);
  }
  return worst;
}

/** The cascade of the run (model/cascadePath.ts): first cause, then nodes in the order they turned unhealthy. */
/** One object for "no run": a selector must return the same value for the same state, or React re-renders forever. */
const NO_CASCADE: Cascade = { steps: [], already: [] };

export function runCascade(state: Pick<AppState, 'runSamples' | 'runScenario'>): Cascade {
  if (!state.runScenario) return NO_CASCADE;
  let cached = cascadeCache.get(state.runSamples);
  if (!cached || cached.scenario !== state.runScenario) {
    cached = { scenario: state.runScenario, cascade: cascadePath(state.runScenario, state.runSamples) };
    cascadeCache.set(state.runSamples, cached);
  }
  return cached.cascade;
}

/** A node's or edge's place on the highlighted cascade path (1-based), or null. */
export function cascadeStep(state: Pick<AppState, 'runSamples' | 'runScenario' | 'cascadeHighlight'>, id: string): number | null {
  if (!state.cascadeHighlight) return null;
  return runCascade(state).steps.find((s) => s.id === id)?.order ?? null;
}

const marksCache = new WeakMap<Sample, { faults: Scenario['faults']; marks: ReadonlyMap<string, readonly FaultMark[]> }>();
const NO_MARKS: readonly FaultMark[] = [];

/** The faults acting on a node or edge at the scrubbed moment (the interval shown), in start order. */
export function faultMarksAt(state: Pick<AppState, 'runSamples' | 'scrubMs' | 'runScenario'>, id: string): readonly FaultMark[] {
  const sample = sampleAt(state.runSamples, state.scrubMs);
  const faults = state.runScenario?.faults;
  if (!sample || !faults) return NO_MARKS;
  let cached = marksCache.get(sample);
  if (!cached || cached.faults !== faults) {
    cached = { faults, marks: faultMarks(faults, sample.startMs, sample.endMs) };
    marksCache.set(sample, cached);
  }
  return cached.marks.get(id) ?? NO_MARKS;
}

/** What the canvas overlay shows for a node at the scrubbed moment (null: no run to show). */
export function liveNode(state: RunState, id: string): NodeLive | null {
  const sample = sampleAt(state.runSamples, state.scrubMs);
  if (!sample) return null;
  const n = sample.nodes[id];
  const index = sampleIndexAt(state.runSamples, state.scrubMs);
  const previous = index > 0 ? state.runSamples[index - 1] : undefined;
  const baselines = baselinesOf(state.runSamples, state.runScenario ?? null);
  return {
    health: nodeHealth(n, { baselineP99Ms: baselines.get(id) ?? null, previousQueueDepth: previous?.nodes[id]?.queueDepth ?? null }),
    utilisationPct: Math.round((n?.utilisation ?? 0) * 100),
    queueDepth: n?.queueDepth ?? 0,
    inFlight: n?.inFlight ?? 0,
    p99Ms: n && n.latency.count > 0 ? Math.round(n.latency.p99Ms) : 0,
  };
}

function edgeAttempts(e: EdgeSample | undefined): number {
  return e?.attempts ?? 0;
}

const busiestCache = new WeakMap<Sample, number>();

/** Attempts on the busiest edge of a sample (cached: every edge asks on every render). */
function busiestEdge(sample: Sample): number {
  let busiest = busiestCache.get(sample);
  if (busiest === undefined) {
    busiest = 0;
    for (const key in sample.edges) busiest = Math.max(busiest, edgeAttempts(sample.edges[key]));
    busiestCache.set(sample, busiest);
  }
  return busiest;
}

export function liveEdge(state: Pick<AppState, 'runSamples' | 'scrubMs'>, id: string): EdgeLive | null {
  const sample = sampleAt(state.runSamples, state.scrubMs);
  if (!sample) return null;
  const e = sample.edges[id];
  const seconds = Math.max((sample.endMs - sample.startMs) / 1000, 1e-9);
  const busiest = busiestEdge(sample);
  const attempts = edgeAttempts(e);
  const failures = e ? failuresOf(e.failures) : 0;
  return {
    attemptsPerSec: Math.round(attempts / seconds),
    failureShare: round2(attempts > 0 ? Math.min(1, failures / attempts) : 0),
    retryShare: round2(attempts > 0 ? (e?.retries ?? 0) / attempts : 0),
    breaker: e?.breakerState ?? null,
    bulkheadInUse: e?.bulkheadInUse ?? 0,
    weight: round2(busiest > 0 ? attempts / busiest : 0),
  };
}
