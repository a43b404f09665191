import { BREAKER_LABELS } from './colors';
import { formatSeconds } from './format';
import type { BreakerState } from './simTypes';

export interface StateSegment {
  readonly startS: number;
  readonly endS: number;
  readonly state: BreakerState;
}

/** One sample interval's state; null where the edge has no breaker or no data. */
export interface StateInterval {
  readonly startS: number;
  readonly endS: number;
  readonly state: BreakerState | null;
}

/**
 * Joins consecutive intervals in the same state into one segment (per-sample states in, bands out).
 * A null state or a hole in time ends the current segment.
 */
export function mergeStateSegments(intervals: readonly StateInterval[], epsilonS = 1e-6): StateSegment[] {
  const out: StateSegment[] = [];
  let current: { startS: number; endS: number; state: BreakerState } | null = null;
  for (const interval of intervals) {
    if (interval.state === null || !(interval.endS > interval.startS)) {
      if (current) out.push(current);
      current = null;
      continue;
    }
    if (current && current.state === interval.state && Math.abs(interval.startS - current.endS) <= epsilonS) {
      current.endS = interval.endS;
      continue;
    }
    if (current) out.push(current);
    current = { startS: interval.startS, endS: interval.endS, state: interval.state };
  }
  if (current) out.push(current);
  return out;
}

/** Seconds spent in each state across the segments. */
export function timeInState(segments: readonly StateSegment[]): Record<BreakerState, number> {
  const totals: Record<BreakerState, number> = { closed: 0, open: 0, half_open: 0 };
  for (const s of segments) totals[s.state] += Math.max(0, s.endS - s.startS);
  return totals;
}

/** The accessible summary of a state band: each segment, or totals when there are many. */
export function describeSegments(title: string, segments: readonly StateSegment[], maxListed = 8): string {
  if (segments.length === 0) return `${title}: no data yet.`;
  const last = segments[segments.length - 1];
  const now = last ? ` Last state: ${BREAKER_LABELS[last.state].toLowerCase()}.` : '';
  if (segments.length <= maxListed) {
    const list = segments
      .map((s) => `${BREAKER_LABELS[s.state].toLowerCase()} ${formatSeconds(s.startS)} to ${formatSeconds(s.endS)}`)
      .join(', ');
    return `${title}: ${list}.${now}`;
  }
  const totals = timeInState(segments);
  const openings = segments.filter((s) => s.state === 'open').length;
  return (
    `${title}: ${segments.length} segments, opened ${openings} time${openings === 1 ? '' : 's'}; ` +
    `closed ${formatSeconds(totals.closed)}, open ${formatSeconds(totals.open)}, half-open ${formatSeconds(totals.half_open)}.${now}`
  );
}
