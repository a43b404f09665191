import type { BreakerState, EdgeSample, NodeSample, Sample } from '../model';
import type { AppState } from './types';

export type Health = 'idle' | 'ok' | 'degraded' | 'failing';

/** The sample covering `ms` (or the last one before it); null before the first sample. */
export function sampleAt(samples: readonly Sample[], ms: number | null): Sample | null {
  if (samples.length === 0) return null;
  if (ms === null) return samples[samples.length - 1] ?? null;
  let lo = 0;
  let hi = samples.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((samples[mid]?.startMs ?? Infinity) <= ms) lo = mid;
    else hi = mid - 1;
  }
  const s = samples[lo];
  return s && s.startMs <= ms ? s : null;
}

export function failuresOf(counts: Record<string, number>): number {
  let total = 0;
  for (const k in counts) total += counts[k] ?? 0;
  return total;
}

/**
 * A node's health in one interval: failing when most of what it finished failed, degraded when
 * some failed or it is saturated (workers all busy, a queue building), ok otherwise.
 */
export function nodeHealth(n: NodeSample | undefined): Health {
  if (!n) return 'idle';
  const failures = failuresOf(n.failures);
  const finished = n.successes + failures;
  if (finished === 0 && n.arrivals === 0 && n.inFlight === 0) return 'idle';
  if (finished > 0 && failures / finished >= 0.5) return 'failing';
  if (finished === 0 && n.inFlight > 0 && n.utilisation >= 0.99) return 'failing';
  if ((finished > 0 && failures / finished >= 0.02) || n.utilisation >= 0.9 || n.degraded > 0) return 'degraded';
  return 'ok';
}

export interface NodeLive {
  readonly health: Health;
  /** Whole percent. */
  readonly utilisationPct: number;
  readonly queueDepth: number;
  readonly inFlight: number;
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

/** What the canvas overlay shows for a node at the scrubbed moment (null: no run to show). */
export function liveNode(state: Pick<AppState, 'runSamples' | 'scrubMs'>, id: string): NodeLive | null {
  const sample = sampleAt(state.runSamples, state.scrubMs);
  if (!sample) return null;
  const n = sample.nodes[id];
  return {
    health: nodeHealth(n),
    utilisationPct: Math.round((n?.utilisation ?? 0) * 100),
    queueDepth: n?.queueDepth ?? 0,
    inFlight: n?.inFlight ?? 0,
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
