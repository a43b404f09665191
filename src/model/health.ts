import type { NodeSample, Sample } from './results';
import type { Fault } from './scenario';

/**
 * A node's health in one sample interval, worst first: failing, degraded (errors), saturated,
 * slow, ok (healthy). `idle` when nothing reached it. One rule for the canvas, the legend, the
 * explainer and the cascade path.
 */
export type Health = 'idle' | 'ok' | 'slow' | 'saturated' | 'degraded' | 'failing';

/** Thresholds of the rule (the legend quotes them). */
export const HEALTH_THRESHOLDS = {
  /** Failing: at least this share of what the node finished failed. */
  failingShare: 0.5,
  /** Degraded: at least this share failed (or any answer was a degraded fallback). */
  degradedShare: 0.02,
  /** Saturated: at least this share of workers busy on average... */
  saturatedUtilisation: 0.9,
  /** ...or the queue grew by at least this many in the interval. */
  queueGrowth: 10,
  /** Slow: p99 above this multiple of the node's own pre-fault baseline p99... */
  slowFactor: 3,
  /** ...and at least this much above it. */
  slowExtraMs: 10,
} as const;

const T = HEALTH_THRESHOLDS;

/** The health colours as the legend lists them, worst first, each with its rule in words. */
export const HEALTH_RULES: readonly { readonly health: Exclude<Health, 'idle'>; readonly label: string; readonly rule: string }[] = [
  { health: 'failing', label: 'failing', rule: `${T.failingShare * 100}% or more of its answers fail, or it answers nothing with every worker busy` },
  { health: 'degraded', label: 'degraded', rule: `${T.degradedShare * 100}% or more of its answers fail, or some are degraded fallbacks` },
  { health: 'saturated', label: 'saturated', rule: `${T.saturatedUtilisation * 100}% or more of its workers busy, or its queue grew by ${T.queueGrowth}+ in the interval` },
  { health: 'slow', label: 'slow', rule: `p99 latency over ${T.slowFactor}x its own p99 before the first fault, and at least +${T.slowExtraMs} ms` },
  { health: 'ok', label: 'healthy', rule: 'none of the above' },
];

/** What the rule needs besides the interval itself. */
export interface HealthContext {
  /** The node's p99 before the first fault (ms); null: no baseline, so never slow. */
  readonly baselineP99Ms: number | null;
  /** Queue depth at the end of the previous interval; null for the first interval. */
  readonly previousQueueDepth: number | null;
}

const NO_CONTEXT: HealthContext = { baselineP99Ms: null, previousQueueDepth: null };

function failureCount(n: NodeSample): number {
  let total = 0;
  for (const k in n.failures) total += n.failures[k as keyof NodeSample['failures']] ?? 0;
  return total;
}

/** The rule: the first of failing, degraded, saturated, slow that holds; otherwise ok. */
export function nodeHealth(n: NodeSample | undefined, context: HealthContext = NO_CONTEXT): Health {
  if (!n) return 'idle';
  const failures = failureCount(n);
  const finished = n.successes + failures;
  if (finished === 0 && n.arrivals === 0 && n.inFlight === 0) return 'idle';
  const failedShare = finished > 0 ? failures / finished : 0;
  if (finished > 0 && failedShare >= T.failingShare) return 'failing';
  if (finished === 0 && n.inFlight > 0 && n.utilisation >= 0.99) return 'failing';
  if (failedShare >= T.degradedShare || n.degraded > 0) return 'degraded';
  const growth = context.previousQueueDepth === null ? 0 : n.queueDepth - context.previousQueueDepth;
  if (n.utilisation >= T.saturatedUtilisation || growth >= T.queueGrowth) return 'saturated';
  const base = context.baselineP99Ms;
  if (base !== null && n.latency.count > 0 && n.latency.p99Ms > T.slowFactor * base && n.latency.p99Ms - base >= T.slowExtraMs) return 'slow';
  return 'ok';
}

/** Anything but ok and idle. */
export function isUnhealthy(h: Health): boolean {
  return h !== 'ok' && h !== 'idle';
}

/** When the first fault starts (ms); null without faults. */
export function firstFaultMs(faults: readonly Pick<Fault, 'startS'>[]): number | null {
  let first: number | null = null;
  for (const f of faults) first = first === null ? f.startS * 1000 : Math.min(first, f.startS * 1000);
  return first;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
}

/**
 * Each node's baseline p99: the median of its per-interval p99 over the intervals that end by
 * the first fault (every interval when there is no fault). No such interval: no baseline.
 */
export function baselineP99(samples: readonly Sample[], faultStartMs: number | null): ReadonlyMap<string, number> {
  const values = new Map<string, number[]>();
  for (const s of samples) {
    if (faultStartMs !== null && s.endMs > faultStartMs) break;
    for (const id in s.nodes) {
      const n = s.nodes[id];
      if (!n || n.latency.count === 0) continue;
      let list = values.get(id);
      if (!list) values.set(id, (list = []));
      list.push(n.latency.p99Ms);
    }
  }
  const out = new Map<string, number>();
  for (const [id, list] of values) {
    const m = median(list);
    if (m !== null) out.set(id, m);
  }
  return out;
}

/** The health of every node in every interval (index = sample index). */
export function healthTimeline(samples: readonly Sample[], faultStartMs: number | null): ReadonlyMap<string, readonly Health[]> {
  const base = baselineP99(samples, faultStartMs);
  const out = new Map<string, Health[]>();
  samples.forEach((s, i) => {
    const previous = i > 0 ? samples[i - 1] : undefined;
    for (const id in s.nodes) {
      let list = out.get(id);
      if (!list) out.set(id, (list = new Array<Health>(i).fill('idle')));
      list.push(nodeHealth(s.nodes[id], { baselineP99Ms: base.get(id) ?? null, previousQueueDepth: previous?.nodes[id]?.queueDepth ?? null }));
    }
  });
  for (const list of out.values()) while (list.length < samples.length) list.push('idle');
  return out;
}
