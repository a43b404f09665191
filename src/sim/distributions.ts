import { lognormalParams, meanMs, type Distribution } from '../model';
import type { Rng } from './rng';

export const CONSTANT = 0;
export const UNIFORM = 1;
export const EXPONENTIAL = 2;
export const LOGNORMAL = 3;
export const PARETO = 4;
export const EMPIRICAL = 5;

/**
 * A distribution compiled once at setup: its parameters as numbers and its own random stream, so
 * drawing a value is a switch and a few arithmetic operations, with no allocation.
 */
export class Sampler {
  private declare readonly kind: number;
  private declare readonly p1: number;
  private declare readonly p2: number;
  private declare readonly p3: number;
  /** Empirical: cumulative probabilities (0..1) and values, for the piecewise-linear inverse CDF. */
  private declare readonly probs: Float64Array;
  private declare readonly values: Float64Array;
  /** Box-Muller makes normals in pairs: the second waits here. */
  private spare = 0;
  private hasSpare = false;
  declare readonly meanMs: number;
  /** True when every draw is 0 (lets callers skip an event). */
  declare readonly alwaysZero: boolean;

  private declare readonly rng: Rng;

  constructor(
    d: Distribution,
    rng: Rng,
  ) {
    this.rng = rng;
    this.meanMs = meanMs(d);
    this.probs = EMPTY;
    this.values = EMPTY;
    this.p1 = 0;
    this.p2 = 0;
    this.p3 = 0;
    switch (d.dist) {
      case 'constant':
        this.kind = CONSTANT;
        this.p1 = d.valueMs;
        break;
      case 'uniform':
        this.kind = UNIFORM;
        this.p1 = d.minMs;
        this.p2 = d.maxMs - d.minMs;
        break;
      case 'exponential':
        this.kind = EXPONENTIAL;
        this.p1 = d.meanMs;
        break;
      case 'lognormal': {
        const { mu, sigma } = lognormalParams(d);
        this.kind = LOGNORMAL;
        this.p1 = mu;
        this.p2 = sigma;
        break;
      }
      case 'pareto':
        this.kind = PARETO;
        this.p1 = d.scaleMs;
        this.p2 = 1 / d.alpha;
        this.p3 = d.capMs;
        break;
      case 'empirical':
        this.kind = EMPIRICAL;
        this.probs = Float64Array.from(d.points, (p) => p.p / 100);
        this.values = Float64Array.from(d.points, (p) => p.ms);
        break;
    }
    this.alwaysZero =
      (this.kind === CONSTANT && this.p1 === 0) ||
      (this.kind === UNIFORM && this.p1 === 0 && this.p2 === 0) ||
      (this.kind === EXPONENTIAL && this.p1 === 0) ||
      (this.kind === EMPIRICAL && this.values.every((v) => v === 0));
  }

  /** One draw, in ms. */
  next(): number {
    // Literal cases (tagged with their names): V8 does not fold module constants.
    switch (this.kind) {
      case 2 /* EXPONENTIAL */:
        return -this.p1 * Math.log(1 - this.rng.next());
      case 0 /* CONSTANT */:
        return this.p1;
      case 1 /* UNIFORM */:
        return this.p1 + this.p2 * this.rng.next();
      case 3 /* LOGNORMAL */:
        return Math.exp(this.p1 + this.p2 * this.normal());
      case 4 /* PARETO */: {
        // Inverse CDF with U in (0, 1]: scale / U^(1/alpha), capped.
        const x = this.p1 / Math.pow(1 - this.rng.next(), this.p2);
        return x < this.p3 ? x : this.p3;
      }
      default:
        return this.empirical(this.rng.next());
    }
  }

  /** A standard normal by Box-Muller (basic form), using both values of each pair. */
  private normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.rng.next()));
    const angle = 2 * Math.PI * this.rng.next();
    this.spare = radius * Math.sin(angle);
    this.hasSpare = true;
    return radius * Math.cos(angle);
  }

  private empirical(u: number): number {
    const probs = this.probs;
    const values = this.values;
    for (let i = 1; i < probs.length; i++) {
      const hi = probs[i] as number;
      if (u <= hi) {
        const lo = probs[i - 1] as number;
        const vLo = values[i - 1] as number;
        const vHi = values[i] as number;
        return vLo + ((vHi - vLo) * (u - lo)) / (hi - lo);
      }
    }
    return values[values.length - 1] ?? 0;
  }
}

const EMPTY = new Float64Array(0);
