import type { LatencySummary } from './types';

/**
 * Log-linear buckets (as in HdrHistogram): 2^SUB_BITS buckets per power of two, found from the
 * bits of the double (no logarithm): bucket width is at most 1/32 of its lower bound, so a
 * bucket's midpoint is within 1.6% of any value in it (0.8% on average).
 */
export const SUB_BITS = 5;
const SUB = 1 << SUB_BITS;
/** Values below 2^MIN_EXPONENT ms (about 1 us) share the first bucket; above 2^MAX_EXPONENT, the last. */
const MIN_EXPONENT = -10;
const MAX_EXPONENT = 31;
export const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT) * SUB + 1;
export const LAST_BUCKET = BUCKETS - 1;
export const MIN_MS = Math.pow(2, MIN_EXPONENT);
/** The biased exponent of 2^MIN_EXPONENT, the shift and the mask of the sub-bucket bits of the high word. */
export const FIRST_EXPONENT_BITS = 1023 + MIN_EXPONENT;
export const SUB_SHIFT = 20 - SUB_BITS;
export const SUB_MASK = SUB - 1;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** The index of the high word of a double on this platform (1 on little-endian machines). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The bucket of a latency; compute once and add it to several histograms. */
export function bucketOf(ms: number): number {
  if (!(ms >= MIN_MS)) return 0;
  bits[0] = ms;
  const high = words[HIGH] as number;
  const i = (((high >>> 20) - 1023 - MIN_EXPONENT) << SUB_BITS) + ((high >>> (20 - SUB_BITS)) & (SUB - 1)) + 1;
  return i < BUCKETS ? i : BUCKETS - 1;
}

/**
 * Adds `count` latencies, values[k] into histograms[targets[k]]: bucketOf written out in a loop
 * (the metrics' deferred batch; constants as tagged literals, as V8 does not fold module constants).
 */
export function addBatch(histograms: readonly LogHistogram[], values: Float64Array, targets: Int32Array, count: number): void {
  const b = bits;
  const w = words;
  const high = HIGH;
  for (let k = 0; k < count; k++) {
    const ms = values[k] as number;
    let bucket = 0;
    if (ms >= 0.0009765625 /* MIN_MS */) {
      b[0] = ms;
      const word = w[high] as number;
      bucket = (((word >>> 20) - 1013 /* FIRST_EXPONENT_BITS */) << 5 /* SUB_BITS */) + ((word >>> 15 /* SUB_SHIFT */) & 31 /* SUB_MASK */) + 1;
      if (bucket > 1312 /* LAST_BUCKET */) bucket = 1312 /* LAST_BUCKET */;
    }
    (histograms[targets[k] as number] as LogHistogram).add(bucket, ms);
  }
}

/** A value representative of each bucket (the middle of its range). */
const BUCKET_VALUES = Float64Array.from({ length: BUCKETS }, (_, i) => {
  if (i === 0) return 0;
  const k = i - 1;
  return Math.pow(2, (k >> SUB_BITS) + MIN_EXPONENT) * (1 + ((k & (SUB - 1)) + 0.5) / SUB);
});

function bucketValue(i: number): number {
  return BUCKET_VALUES[i] as number;
}

export const EMPTY_SUMMARY: LatencySummary = Object.freeze({ count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 });

/**
 * A log-bucketed latency histogram (as in DDSketch/HdrHistogram): fixed memory whatever the run
 * length, within 1.6% relative error on percentiles; the mean, min and max are exact.
 */
export class LogHistogram {
  private counts: Uint32Array | null = null;
  count = 0;
  sum = 0;
  min = Infinity;
  max = 0;
  /** The range of buckets used, found from min and max when needed (cheaper than tracking it). */
  private get lo(): number {
    return this.count === 0 ? BUCKETS : bucketOf(this.min);
  }

  private get hi(): number {
    return this.count === 0 ? -1 : bucketOf(this.max);
  }

  add(bucket: number, ms: number): void {
    let counts = this.counts;
    if (counts === null) counts = this.counts = new Uint32Array(BUCKETS);
    counts[bucket] = (counts[bucket] as number) + 1;
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
  }

  /** Adds every observation of another histogram. */
  mergeFrom(other: LogHistogram): void {
    const from = other.counts;
    if (from === null || other.count === 0) return;
    let counts = this.counts;
    if (counts === null) counts = this.counts = new Uint32Array(BUCKETS);
    const hi = other.hi;
    for (let i = other.lo; i <= hi; i++) counts[i] = (counts[i] as number) + (from[i] as number);
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    if (this.counts !== null && this.count > 0) this.counts.fill(0, this.lo, this.hi + 1);
    this.count = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = 0;
  }

  /** The q-quantile (0..1), clamped to the observed range. */
  quantile(q: number): number {
    const counts = this.counts;
    if (this.count === 0 || counts === null) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    const hi = this.hi;
    for (let i = this.lo; i <= hi; i++) {
      seen += counts[i] as number;
      if (seen >= rank) return this.clamp(bucketValue(i));
    }
    return this.max;
  }

  summary(): LatencySummary {
    const counts = this.counts;
    if (this.count === 0 || counts === null) return EMPTY_SUMMARY;
    // p50, p95 and p99 in one pass over the touched buckets.
    const r50 = Math.max(1, Math.ceil(0.5 * this.count));
    const r95 = Math.max(1, Math.ceil(0.95 * this.count));
    const r99 = Math.max(1, Math.ceil(0.99 * this.count));
    let p50 = this.max;
    let p95 = this.max;
    let p99 = this.max;
    let seen = 0;
    const hi = this.hi;
    for (let i = this.lo; i <= hi; i++) {
      const c = counts[i] as number;
      if (c === 0) continue;
      const before = seen;
      seen += c;
      if (before < r50 && seen >= r50) p50 = this.clamp(bucketValue(i));
      if (before < r95 && seen >= r95) p95 = this.clamp(bucketValue(i));
      if (before < r99 && seen >= r99) {
        p99 = this.clamp(bucketValue(i));
        break;
      }
    }
    return { count: this.count, meanMs: this.sum / this.count, p50Ms: p50, p95Ms: p95, p99Ms: p99, maxMs: this.max };
  }

  private clamp(v: number): number {
    return v < this.min ? this.min : v > this.max ? this.max : v;
  }
}
