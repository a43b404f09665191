import type { Sample } from './results';

/** The moment of a run where clients fared worst, and by which measure. */
export interface WorstMoment {
  /** Start of the interval (the scrubber's value for it). */
  readonly atMs: number;
  /** min(success ratio, goodput / offered load), 0..1: lower is worse. */
  readonly score: number;
  readonly successRatio: number;
  readonly goodputPerSec: number;
  readonly offeredPerSec: number;
  /** Which measure set the score: failed requests, or requests that did not come back. */
  readonly by: 'success' | 'goodput';
}

/** Goodput as a share of the offered load in one interval, at most 1 (1 when nothing was offered). */
export function goodputShare(s: Sample): number {
  const offered = s.system.offeredPerSec;
  return offered > 0 ? Math.min(1, s.system.goodputPerSec / offered) : 1;
}

/**
 * The worst interval of a run: the lowest of success ratio and goodput share (a hang fails
 * nothing, so its success ratio stays 1 while its goodput falls to 0). Ties go to the earliest.
 * Null without samples.
 */
export function worstMoment(samples: readonly Sample[]): WorstMoment | null {
  let worst: WorstMoment | null = null;
  for (const s of samples) {
    const share = goodputShare(s);
    const ratio = s.system.successRatio;
    const score = Math.min(ratio, share);
    if (worst !== null && score >= worst.score) continue;
    worst = {
      atMs: s.startMs,
      score,
      successRatio: ratio,
      goodputPerSec: s.system.goodputPerSec,
      offeredPerSec: s.system.offeredPerSec,
      by: ratio <= share ? 'success' : 'goodput',
    };
  }
  return worst;
}

/** The worst moment in words, for a tooltip or a screen reader. */
export function describeWorst(w: WorstMoment): string {
  return `Worst moment, ${(w.atMs / 1000).toFixed(1)} s: ${Math.round(w.successRatio * 100)}% of client requests succeeded, goodput ${Math.round(w.goodputPerSec)}/s of ${Math.round(w.offeredPerSec)}/s offered`;
}
