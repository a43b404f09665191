import type { Retry } from '../model';
import { PARTITIONED, TIMEOUT } from './codes';
import type { Engine } from './engine';
import type { Rng } from './rng';

export const JITTER_NONE = 0;
export const JITTER_FULL = 1;
export const JITTER_EQUAL = 2;
export const JITTER_DECORRELATED = 3;
const JITTER_CODES: Record<Retry['jitter'], number> = {
  none: JITTER_NONE,
  full: JITTER_FULL,
  equal: JITTER_EQUAL,
  decorrelated: JITTER_DECORRELATED,
};

const RETRY_ON_ERROR = 1;
const RETRY_ON_TIMEOUT = 2;
const RETRY_ON_REJECTION = 4;

/** The retry budget's window: in any such window, retries <= ratio x first attempts + minimum. */
const BUDGET_WINDOW_MS = 10_000;
const BUDGET_BUCKETS = 10;
const BUDGET_BUCKET_MS = BUDGET_WINDOW_MS / BUDGET_BUCKETS;

/**
 * The wait before retry number `retry` (1 for the first retry), in ms.
 * Fixed: base; exponential: base x multiplier^(retry-1); both capped at maxMs. Jitter: full
 * U(0, d); equal d/2 + U(0, d/2); decorrelated min(max, U(base, 3 x previous)) (AWS's
 * "decorrelated jitter", which ignores the backoff kind).
 */
export function backoffDelay(
  exponential: boolean,
  baseMs: number,
  multiplier: number,
  maxMs: number,
  jitter: number,
  retry: number,
  previousMs: number,
  rng: Rng,
): number {
  if (jitter === JITTER_DECORRELATED) {
    const hi = Math.max(baseMs, 3 * previousMs);
    return Math.min(maxMs, baseMs + (hi - baseMs) * rng.next());
  }
  const d = Math.min(maxMs, exponential ? baseMs * Math.pow(multiplier, retry - 1) : baseMs);
  if (jitter === JITTER_FULL) return d * rng.next();
  if (jitter === JITTER_EQUAL) return d / 2 + (d / 2) * rng.next();
  return d;
}

/**
 * The retry layer (outermost in Resilience4j's order). maxAttempts counts the first call. Causes
 * are classed as timeouts (timeout, partitioned), rejections (refused locally by this caller's own
 * breaker, bulkhead, rate limiter or throttling) or errors (every other answer from the callee,
 * including its own rejections such as queue full or 429). A deadline that already passed is not
 * retried. The optional budget is kept per caller replica over a sliding 10 s window (Finagle's
 * RetryBudget): a retry may go when retries in the window + 1 <= ratio x first attempts in the
 * window + minPerSec x 10 s.
 */
export class Retries {
  declare readonly maxAttempts: Int32Array;
  declare readonly baseMs: Float64Array;
  private declare readonly multiplier: Float64Array;
  private declare readonly maxMs: Float64Array;
  private declare readonly exponential: Uint8Array;
  private declare readonly jitter: Int32Array;
  private declare readonly retryOn: Int32Array;
  private declare readonly budgetRatio: Float64Array;
  private declare readonly budgetMinimum: Float64Array;
  private declare readonly hasBudget: Uint8Array;
  private declare readonly rngs: Rng[];
  /** Per policy instance: ring of first attempts and retries per bucket. */
  private declare readonly firsts: Float64Array;
  private declare readonly retried: Float64Array;
  private declare readonly bucketEpoch: Float64Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const retries = topo.policy.map((p) => p.retry);
    this.maxAttempts = Int32Array.from(retries, (r) => r?.maxAttempts ?? 1);
    this.baseMs = Float64Array.from(retries, (r) => r?.baseMs ?? 0);
    this.multiplier = Float64Array.from(retries, (r) => r?.multiplier ?? 1);
    this.maxMs = Float64Array.from(retries, (r) => r?.maxMs ?? 0);
    this.exponential = Uint8Array.from(retries, (r) => (r?.backoff === 'exponential' ? 1 : 0));
    this.jitter = Int32Array.from(retries, (r) => (r ? JITTER_CODES[r.jitter] : JITTER_NONE));
    this.retryOn = Int32Array.from(retries, (r) =>
      r ? (r.retryOn.error ? RETRY_ON_ERROR : 0) | (r.retryOn.timeout ? RETRY_ON_TIMEOUT : 0) | (r.retryOn.rejection ? RETRY_ON_REJECTION : 0) : 0,
    );
    this.hasBudget = Uint8Array.from(retries, (r) => (r?.budget ? 1 : 0));
    this.budgetRatio = Float64Array.from(retries, (r) => (r?.budget ? r.budget.ratioPercent / 100 : 0));
    this.budgetMinimum = Float64Array.from(retries, (r) => (r?.budget ? (r.budget.minPerSec * BUDGET_WINDOW_MS) / 1000 : 0));
    this.rngs = topo.edgeIds.map((id) => e.rng(`jitter/${id}`));
    const n = topo.instTotal;
    this.firsts = new Float64Array(n * BUDGET_BUCKETS);
    this.retried = new Float64Array(n * BUDGET_BUCKETS);
    this.bucketEpoch = new Float64Array(n * BUDGET_BUCKETS).fill(-1);
  }

  /** A first attempt, for the retry budget. */
  onFirstAttempt(edge: number, inst: number): void {
    if (this.hasBudget[edge] === 0) return;
    const i = this.bucket(inst);
    this.firsts[i] = (this.firsts[i] as number) + 1;
  }

  /**
   * Whether the failed attempt of call `c` is retried: the delay before the next attempt, or -1.
   * Consumes budget and randomness only when the retry goes ahead.
   */
  plan(c: number, cause: number, local: boolean): number {
    const e = this.e;
    const edge = e.calls.edge[c] as number;
    const attempt = e.calls.attempt[c] as number;
    if (attempt >= (this.maxAttempts[edge] as number)) return -1;
    let kind: number;
    if (local) {
      if (cause === TIMEOUT) return -1;
      kind = RETRY_ON_REJECTION;
    } else {
      kind = cause === TIMEOUT || cause === PARTITIONED ? RETRY_ON_TIMEOUT : RETRY_ON_ERROR;
    }
    if (((this.retryOn[edge] as number) & kind) === 0) return -1;
    const previous = e.calls.prevDelay[c] as number;
    const jitter = this.jitter[edge] as number;
    // Decide on the budget and deadline before drawing, so refusals consume no randomness.
    if (this.hasBudget[edge] === 1 && !this.budgetAllows(edge, e.calls.inst[c] as number)) return -1;
    const delay = backoffDelay(
      this.exponential[edge] === 1,
      this.baseMs[edge] as number,
      this.multiplier[edge] as number,
      this.maxMs[edge] as number,
      jitter,
      attempt,
      previous,
      this.rngs[edge] as Rng,
    );
    if (e.topo.deadlinePropagation[edge] === 1 && e.now + delay >= e.callFlow.deadlineOf(c)) return -1;
    if (this.hasBudget[edge] === 1) {
      const i = this.bucket(e.calls.inst[c] as number);
      this.retried[i] = (this.retried[i] as number) + 1;
    }
    e.calls.prevDelay[c] = delay;
    return delay;
  }

  private budgetAllows(edge: number, inst: number): boolean {
    this.bucket(inst);
    let firsts = 0;
    let retried = 0;
    const base = inst * BUDGET_BUCKETS;
    const epoch = Math.floor(this.e.now / BUDGET_BUCKET_MS);
    for (let b = 0; b < BUDGET_BUCKETS; b++) {
      if (epoch - (this.bucketEpoch[base + b] as number) < BUDGET_BUCKETS) {
        firsts += this.firsts[base + b] as number;
        retried += this.retried[base + b] as number;
      }
    }
    return retried + 1 <= (this.budgetRatio[edge] as number) * firsts + (this.budgetMinimum[edge] as number);
  }

  /** The current bucket of an instance's ring, cleared if it holds an old window's counts. */
  private bucket(inst: number): number {
    const epoch = Math.floor(this.e.now / BUDGET_BUCKET_MS);
    const i = inst * BUDGET_BUCKETS + (epoch % BUDGET_BUCKETS);
    if (this.bucketEpoch[i] !== epoch) {
      this.bucketEpoch[i] = epoch;
      this.firsts[i] = 0;
      this.retried[i] = 0;
    }
    return i;
  }
}
