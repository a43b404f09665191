import type { Workload } from '../model';

interface Window {
  readonly startMs: number;
  readonly endMs: number;
  readonly factor: number;
}

/**
 * An open-loop client's rate over time as piecewise-linear segments (requests per ms): the phases
 * back to back from t = 0 (a spike is its base rate with the peak centred in the phase, as the
 * editor draws it), then ratePerSec for ever; traffic-spike faults multiply the rate in their
 * window. Arrivals form a non-homogeneous Poisson process, drawn by inversion: the next arrival
 * is where the integrated rate since the last one reaches an Exp(1) draw (exact, no thinning).
 */
export class RateSchedule {
  private declare readonly start: Float64Array;
  private declare readonly end: Float64Array;
  private declare readonly rate0: Float64Array;
  private declare readonly rate1: Float64Array;
  private segment = 0;

  constructor(workload: Workload, spikes: readonly Window[]) {
    const pieces: { s: number; e: number; r0: number; r1: number }[] = [];
    let t = 0;
    const add = (durationMs: number, fromPerSec: number, toPerSec: number) => {
      if (durationMs <= 0) return;
      pieces.push({ s: t, e: t + durationMs, r0: fromPerSec / 1000, r1: toPerSec / 1000 });
      t += durationMs;
    };
    for (const phase of workload.phases) {
      const d = phase.durationS * 1000;
      if (phase.kind === 'constant') add(d, phase.ratePerSec, phase.ratePerSec);
      else if (phase.kind === 'ramp') add(d, phase.fromPerSec, phase.toPerSec);
      else {
        const peak = Math.min(d, phase.peakDurationS * 1000);
        const before = (d - peak) / 2;
        add(before, phase.ratePerSec, phase.ratePerSec);
        add(peak, phase.peakPerSec, phase.peakPerSec);
        add(d - before - peak, phase.ratePerSec, phase.ratePerSec);
      }
    }
    pieces.push({ s: t, e: Infinity, r0: workload.ratePerSec / 1000, r1: workload.ratePerSec / 1000 });

    // Cut at every spike boundary, then multiply.
    const cuts = new Set<number>();
    for (const w of spikes) {
      cuts.add(w.startMs);
      cuts.add(w.endMs);
    }
    const out: { s: number; e: number; r0: number; r1: number }[] = [];
    for (const p of pieces) {
      const inside = [...cuts].filter((c) => c > p.s && c < p.e).sort((a, b) => a - b);
      let s = p.s;
      for (const c of [...inside, p.e]) {
        const at = (x: number) => (p.e === Infinity ? p.r0 : p.r0 + ((p.r1 - p.r0) * (x - p.s)) / (p.e - p.s));
        const mid = c === Infinity ? s + 1 : (s + c) / 2;
        let factor = 1;
        for (const w of spikes) if (mid >= w.startMs && mid < w.endMs) factor *= w.factor;
        out.push({ s, e: c, r0: at(s) * factor, r1: (c === Infinity ? at(s) : at(c)) * factor });
        s = c;
      }
    }
    this.start = Float64Array.from(out, (p) => p.s);
    this.end = Float64Array.from(out, (p) => p.e);
    this.rate0 = Float64Array.from(out, (p) => p.r0);
    this.rate1 = Float64Array.from(out, (p) => p.r1);
  }

  /** The time of the next arrival after t, given an Exp(1) draw; Infinity when the rate stays 0. */
  next(t: number, exp1: number): number {
    let remaining = exp1;
    let i = this.segment;
    while (i < this.start.length && t >= (this.end[i] as number)) i++;
    // The common case: a constant rate that lasts long enough.
    const r = this.rate0[i];
    if (r !== undefined && r > 0 && r === this.rate1[i]) {
      const at = t + remaining / r;
      if (at < (this.end[i] as number)) {
        this.segment = i;
        return at;
      }
    }
    for (; i < this.start.length; i++) {
      const s = this.start[i] as number;
      const e = this.end[i] as number;
      const from = Math.max(t, s);
      const slope = e === Infinity ? 0 : ((this.rate1[i] as number) - (this.rate0[i] as number)) / (e - s);
      const a = (this.rate0[i] as number) + slope * (from - s);
      const length = e - from;
      const integral = e === Infinity ? (a > 0 ? Infinity : 0) : a * length + (slope * length * length) / 2;
      if (integral >= remaining && integral > 0) {
        this.segment = i;
        // Root of slope/2 x^2 + a x = remaining, in a form stable for any slope.
        return from + (2 * remaining) / (a + Math.sqrt(Math.max(0, a * a + 2 * slope * remaining)));
      }
      remaining -= integral;
    }
    this.segment = this.start.length;
    return Infinity;
  }

  /** The multiplier of traffic spikes at t (used for closed-loop think times). */
  static factorAt(spikes: readonly Window[], t: number): number {
    let f = 1;
    for (const w of spikes) if (t >= w.startMs && t < w.endMs) f *= w.factor;
    return f;
  }
}
