import { CAUSE_COUNT, OK } from './codes';
import { LogHistogram, bucketOf } from './histogram';

/** Node counter fields. */
export const N_ARRIVALS = 0;
export const N_COMPLETIONS = 1;
export const N_SUCCESSES = 2;
export const N_DEGRADED = 3;
export const N_DEAD_LETTERED = 4;
export const N_FAILURES = 5;
export const NODE_FIELDS = N_FAILURES + CAUSE_COUNT;

/** Edge counter fields. */
export const E_ATTEMPTS = 0;
export const E_RETRIES = 1;
export const E_SUCCESSES = 2;
export const E_FAILURES = 3;
export const EDGE_FIELDS = E_FAILURES + CAUSE_COUNT;

/**
 * Counters, time integrals and latency histograms of the current sample interval; at the end of
 * each interval they are added into the run totals (`closeInterval`), so the hot path writes each
 * number once. System figures are those of the client nodes (a client's arrivals are its
 * requests, its latency is end-to-end), summed when reported.
 */
export class Metrics {
  readonly nodeInterval: Float64Array;
  readonly nodeTotal: Float64Array;
  readonly edgeInterval: Float64Array;
  readonly edgeTotal: Float64Array;
  readonly nodeLatencyInterval: LogHistogram[];
  readonly nodeLatencyTotal: LogHistogram[];
  readonly edgeLatencyInterval: LogHistogram[];
  readonly edgeLatencyTotal: LogHistogram[];
  /** Requests in the node (queued, served, waiting on calls), and busy workers, with their integrals. */
  readonly inSystem: Float64Array;
  readonly busy: Float64Array;
  /**
   * The integral of a count N over an interval [s, e] is N(e) e - N(s) s - sum(t x dN(t)): each
   * change only adds -delta x now here, and `touchAll` turns it into the area at a boundary.
   */
  private readonly inSystemMoments: Float64Array;
  private readonly busyMoments: Float64Array;
  private readonly inSystemAtStart: Float64Array;
  private readonly busyAtStart: Float64Array;
  private intervalStart = 0;
  readonly inSystemAreaInterval: Float64Array;
  readonly inSystemAreaTotal: Float64Array;
  readonly busyAreaInterval: Float64Array;
  readonly busyAreaTotal: Float64Array;
  /** Nodes that already failed once (for the first_failure notable event). */
  readonly failedOnce: Uint8Array;
  now = 0;

  constructor(
    private readonly nodeCount: number,
    edgeCount: number,
  ) {
    this.nodeInterval = new Float64Array(nodeCount * NODE_FIELDS);
    this.nodeTotal = new Float64Array(nodeCount * NODE_FIELDS);
    this.edgeInterval = new Float64Array(edgeCount * EDGE_FIELDS);
    this.edgeTotal = new Float64Array(edgeCount * EDGE_FIELDS);
    this.nodeLatencyInterval = Array.from({ length: nodeCount }, () => new LogHistogram());
    this.nodeLatencyTotal = Array.from({ length: nodeCount }, () => new LogHistogram());
    this.edgeLatencyInterval = Array.from({ length: edgeCount }, () => new LogHistogram());
    this.edgeLatencyTotal = Array.from({ length: edgeCount }, () => new LogHistogram());
    this.inSystem = new Float64Array(nodeCount);
    this.busy = new Float64Array(nodeCount);
    this.inSystemMoments = new Float64Array(nodeCount);
    this.busyMoments = new Float64Array(nodeCount);
    this.inSystemAtStart = new Float64Array(nodeCount);
    this.busyAtStart = new Float64Array(nodeCount);
    this.inSystemAreaInterval = new Float64Array(nodeCount);
    this.inSystemAreaTotal = new Float64Array(nodeCount);
    this.busyAreaInterval = new Float64Array(nodeCount);
    this.busyAreaTotal = new Float64Array(nodeCount);
    this.failedOnce = new Uint8Array(nodeCount);
  }

  arrival(node: number): void {
    const i = node * NODE_FIELDS + N_ARRIVALS;
    this.nodeInterval[i] = (this.nodeInterval[i] as number) + 1;
  }

  /** Changes a node's requests in system and busy workers. */
  change(node: number, inSystem: number, busy: number): void {
    const now = this.now;
    this.inSystem[node] = (this.inSystem[node] as number) + inSystem;
    this.inSystemMoments[node] = (this.inSystemMoments[node] as number) - inSystem * now;
    if (busy !== 0) {
      this.busy[node] = (this.busy[node] as number) + busy;
      this.busyMoments[node] = (this.busyMoments[node] as number) - busy * now;
    }
  }

  /** A job finished at a node. Returns true the first time the node fails. */
  completion(node: number, cause: number, latencyMs: number, degraded: boolean): boolean {
    const counts = this.nodeInterval;
    const o = node * NODE_FIELDS;
    counts[o + N_COMPLETIONS] = (counts[o + N_COMPLETIONS] as number) + 1;
    (this.nodeLatencyInterval[node] as LogHistogram).add(bucketOf(latencyMs), latencyMs);
    if (cause === OK) {
      counts[o + N_SUCCESSES] = (counts[o + N_SUCCESSES] as number) + 1;
      if (degraded) counts[o + N_DEGRADED] = (counts[o + N_DEGRADED] as number) + 1;
      return false;
    }
    counts[o + N_FAILURES + cause] = (counts[o + N_FAILURES + cause] as number) + 1;
    if (this.failedOnce[node] === 0) {
      this.failedOnce[node] = 1;
      return true;
    }
    return false;
  }

  deadLettered(node: number): void {
    const i = node * NODE_FIELDS + N_DEAD_LETTERED;
    this.nodeInterval[i] = (this.nodeInterval[i] as number) + 1;
  }

  attempt(edge: number, retry: boolean): void {
    const o = edge * EDGE_FIELDS;
    this.edgeInterval[o + E_ATTEMPTS] = (this.edgeInterval[o + E_ATTEMPTS] as number) + 1;
    if (retry) this.edgeInterval[o + E_RETRIES] = (this.edgeInterval[o + E_RETRIES] as number) + 1;
  }

  /** The outcome of an attempt; latencyMs < 0 when it was never sent (refused locally). */
  attemptOutcome(edge: number, cause: number, latencyMs: number): void {
    const i = edge * EDGE_FIELDS + (cause === OK ? E_SUCCESSES : E_FAILURES + cause);
    this.edgeInterval[i] = (this.edgeInterval[i] as number) + 1;
    if (latencyMs >= 0) (this.edgeLatencyInterval[edge] as LogHistogram).add(bucketOf(latencyMs), latencyMs);
  }

  /**
   * Brings every integral up to `now` (before reading them at a boundary): adds the area since
   * the last call into the interval areas.
   */
  touchAll(now: number): void {
    this.now = now;
    const s = this.intervalStart;
    for (let i = 0; i < this.nodeCount; i++) {
      const n = this.inSystem[i] as number;
      const b = this.busy[i] as number;
      this.inSystemAreaInterval[i] =
        (this.inSystemAreaInterval[i] as number) + n * now - (this.inSystemAtStart[i] as number) * s + (this.inSystemMoments[i] as number);
      this.busyAreaInterval[i] = (this.busyAreaInterval[i] as number) + b * now - (this.busyAtStart[i] as number) * s + (this.busyMoments[i] as number);
      this.inSystemAtStart[i] = n;
      this.busyAtStart[i] = b;
      this.inSystemMoments[i] = 0;
      this.busyMoments[i] = 0;
    }
    this.intervalStart = now;
  }

  /** Adds the interval into the totals and starts a new interval (integrals must be up to date). */
  closeInterval(): void {
    addInto(this.nodeTotal, this.nodeInterval);
    addInto(this.edgeTotal, this.edgeInterval);
    addInto(this.inSystemAreaTotal, this.inSystemAreaInterval);
    addInto(this.busyAreaTotal, this.busyAreaInterval);
    this.nodeInterval.fill(0);
    this.edgeInterval.fill(0);
    this.inSystemAreaInterval.fill(0);
    this.busyAreaInterval.fill(0);
    mergeAll(this.nodeLatencyTotal, this.nodeLatencyInterval);
    mergeAll(this.edgeLatencyTotal, this.edgeLatencyInterval);
  }

  /** The end of the warm-up (at an interval boundary): totals start again. */
  resetTotals(): void {
    this.nodeTotal.fill(0);
    this.edgeTotal.fill(0);
    this.inSystemAreaTotal.fill(0);
    this.busyAreaTotal.fill(0);
    for (const h of this.nodeLatencyTotal) h.reset();
    for (const h of this.edgeLatencyTotal) h.reset();
  }
}

function addInto(total: Float64Array, interval: Float64Array): void {
  for (let i = 0; i < total.length; i++) total[i] = (total[i] as number) + (interval[i] as number);
}

function mergeAll(totals: LogHistogram[], intervals: LogHistogram[]): void {
  for (let i = 0; i < totals.length; i++) {
    const interval = intervals[i] as LogHistogram;
    if (interval.count === 0) continue;
    (totals[i] as LogHistogram).mergeFrom(interval);
    interval.reset();
  }
}
