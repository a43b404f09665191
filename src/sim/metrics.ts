import { CAUSE_COUNT } from './codes';
import { LogHistogram, addBatch } from './histogram';

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

/** Latencies waiting to be added to their histograms (a batch, see `record`). */
export const PENDING = 4096;

/**
 * Counters, time integrals and latency histograms of the current sample interval; at the end of
 * each interval they are added into the run totals (`closeInterval`), so the hot path writes each
 * number once. System figures are those of the client nodes (a client's arrivals are its
 * requests, its latency is end-to-end), summed when reported.
 *
 * The hot methods write field offsets and codes as literals tagged with their names (V8 does not
 * fold module constants; `literals.test.ts` checks every tag). Latencies are not bucketed one by
 * one: they wait in a batch of PENDING and go into their histograms in one tight loop (at the
 * latest before anything reads the histograms: `touchAll`), in the same order, so the histograms
 * and their sums are exactly what adding them one by one gives.
 */
export class Metrics {
  declare readonly nodeInterval: Float64Array;
  declare readonly nodeTotal: Float64Array;
  declare readonly edgeInterval: Float64Array;
  declare readonly edgeTotal: Float64Array;
  declare readonly nodeLatencyInterval: LogHistogram[];
  declare readonly nodeLatencyTotal: LogHistogram[];
  declare readonly edgeLatencyInterval: LogHistogram[];
  declare readonly edgeLatencyTotal: LogHistogram[];
  /**
   * Per node, 4 numbers: requests in the node (queued, served, waiting on calls), their moment,
   * busy workers, their moment. The integral of a count N over an interval [s, e] is
   * N(e) e - N(s) s - sum(t x dN(t)): each change only adds -delta x now to the moment, and
   * `touchAll` turns it into the area at a boundary.
   */
  private declare readonly level: Float64Array;
  private declare readonly inSystemAtStart: Float64Array;
  private declare readonly busyAtStart: Float64Array;
  private intervalStart = 0;
  declare readonly inSystemAreaInterval: Float64Array;
  declare readonly inSystemAreaTotal: Float64Array;
  declare readonly busyAreaInterval: Float64Array;
  declare readonly busyAreaTotal: Float64Array;
  /** Nodes that already failed once (for the first_failure notable event). */
  declare readonly failedOnce: Uint8Array;
  now = 0;
  /** Node histograms, then edge histograms: the targets of the pending latencies. */
  private declare readonly latencyInterval: LogHistogram[];
  private readonly pendingMs = new Float64Array(PENDING);
  private readonly pendingTo = new Int32Array(PENDING);
  private pending = 0;
  private declare readonly nodeCount: number;

  constructor(nodeCount: number, edgeCount: number) {
    this.nodeCount = nodeCount;
    this.nodeInterval = new Float64Array(nodeCount * NODE_FIELDS);
    this.nodeTotal = new Float64Array(nodeCount * NODE_FIELDS);
    this.edgeInterval = new Float64Array(edgeCount * EDGE_FIELDS);
    this.edgeTotal = new Float64Array(edgeCount * EDGE_FIELDS);
    this.nodeLatencyInterval = Array.from({ length: nodeCount }, () => new LogHistogram());
    this.nodeLatencyTotal = Array.from({ length: nodeCount }, () => new LogHistogram());
    this.edgeLatencyInterval = Array.from({ length: edgeCount }, () => new LogHistogram());
    this.edgeLatencyTotal = Array.from({ length: edgeCount }, () => new LogHistogram());
    this.level = new Float64Array(nodeCount * 4);
    this.inSystemAtStart = new Float64Array(nodeCount);
    this.busyAtStart = new Float64Array(nodeCount);
    this.inSystemAreaInterval = new Float64Array(nodeCount);
    this.inSystemAreaTotal = new Float64Array(nodeCount);
    this.busyAreaInterval = new Float64Array(nodeCount);
    this.busyAreaTotal = new Float64Array(nodeCount);
    this.failedOnce = new Uint8Array(nodeCount);
    this.latencyInterval = [...this.nodeLatencyInterval, ...this.edgeLatencyInterval];
  }

  /** Requests in the node now. */
  inSystemOf(node: number): number {
    return this.level[node * 4] as number;
  }

  arrival(node: number): void {
    const counts = this.nodeInterval;
    const i = node * 15 /* NODE_FIELDS */; // + N_ARRIVALS, which is 0
    counts[i] = (counts[i] as number) + 1;
  }

  /** Changes a node's requests in system and busy workers. */
  change(node: number, inSystem: number, busy: number): void {
    const level = this.level;
    const now = this.now;
    const o = node * 4;
    level[o] = (level[o] as number) + inSystem;
    level[o + 1] = (level[o + 1] as number) - inSystem * now;
    if (busy !== 0) {
      level[o + 2] = (level[o + 2] as number) + busy;
      level[o + 3] = (level[o + 3] as number) - busy * now;
    }
  }

  /** A job finished at a node. Returns true the first time the node fails. */
  completion(node: number, cause: number, latencyMs: number, degraded: boolean): boolean {
    const counts = this.nodeInterval;
    const o = node * 15 /* NODE_FIELDS */;
    counts[o + 1 /* N_COMPLETIONS */] = (counts[o + 1 /* N_COMPLETIONS */] as number) + 1;
    this.record(node, latencyMs);
    if (cause === -1 /* OK */) {
      counts[o + 2 /* N_SUCCESSES */] = (counts[o + 2 /* N_SUCCESSES */] as number) + 1;
      if (degraded) counts[o + 3 /* N_DEGRADED */] = (counts[o + 3 /* N_DEGRADED */] as number) + 1;
      return false;
    }
    const i = o + 5 /* N_FAILURES */ + cause;
    counts[i] = (counts[i] as number) + 1;
    if (this.failedOnce[node] === 0) {
      this.failedOnce[node] = 1;
      return true;
    }
    return false;
  }

  /** A latency for histogram `to` (node, or nodeCount + edge): batched. */
  private record(to: number, ms: number): void {
    const k = this.pending;
    this.pendingMs[k] = ms;
    this.pendingTo[k] = to;
    this.pending = k + 1;
    if (k + 1 === 4096 /* PENDING */) this.flushLatencies();
  }

  private flushLatencies(): void {
    addBatch(this.latencyInterval, this.pendingMs, this.pendingTo, this.pending);
    this.pending = 0;
  }

  deadLettered(node: number): void {
    const i = node * NODE_FIELDS + N_DEAD_LETTERED;
    this.nodeInterval[i] = (this.nodeInterval[i] as number) + 1;
  }

  attempt(edge: number, retry: boolean): void {
    const counts = this.edgeInterval;
    const o = edge * 13 /* EDGE_FIELDS */;
    counts[o] = (counts[o] as number) + 1; // E_ATTEMPTS, which is 0
    if (retry) counts[o + 1 /* E_RETRIES */] = (counts[o + 1 /* E_RETRIES */] as number) + 1;
  }

  /** The outcome of an attempt; latencyMs < 0 when it was never sent (refused locally). */
  attemptOutcome(edge: number, cause: number, latencyMs: number): void {
    const counts = this.edgeInterval;
    const i = edge * 13 /* EDGE_FIELDS */ + (cause === -1 /* OK */ ? 2 /* E_SUCCESSES */ : 3 /* E_FAILURES */ + cause);
    counts[i] = (counts[i] as number) + 1;
    if (latencyMs >= 0) this.record(this.nodeCount + edge, latencyMs);
  }

  /**
   * Brings every integral up to `now` (before reading them at a boundary): adds the area since
   * the last call into the interval areas; and empties the latency batch.
   */
  touchAll(now: number): void {
    this.flushLatencies();
    this.now = now;
    const s = this.intervalStart;
    const level = this.level;
    for (let i = 0; i < this.nodeCount; i++) {
      const n = level[i * 4] as number;
      const b = level[i * 4 + 2] as number;
      this.inSystemAreaInterval[i] =
        (this.inSystemAreaInterval[i] as number) + n * now - (this.inSystemAtStart[i] as number) * s + (level[i * 4 + 1] as number);
      this.busyAreaInterval[i] = (this.busyAreaInterval[i] as number) + b * now - (this.busyAtStart[i] as number) * s + (level[i * 4 + 3] as number);
      this.inSystemAtStart[i] = n;
      this.busyAtStart[i] = b;
      level[i * 4 + 1] = 0;
      level[i * 4 + 3] = 0;
    }
    this.intervalStart = now;
  }

  /** Adds the interval into the totals and starts a new interval (integrals must be up to date). */
  closeInterval(): void {
    this.flushLatencies();
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
