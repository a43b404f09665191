import { CAUSE_COUNT } from './codes';
import type { Engine } from './engine';
import {
  EDGE_FIELDS,
  E_ATTEMPTS,
  E_FAILURES,
  E_RETRIES,
  E_SUCCESSES,
  NODE_FIELDS,
  N_ARRIVALS,
  N_COMPLETIONS,
  N_DEAD_LETTERED,
  N_DEGRADED,
  N_FAILURES,
  N_SUCCESSES,
} from './metrics';
import { K_CLIENT } from './codes';
import { LogHistogram } from './histogram';
import { FAILURE_CAUSES, type CauseCounts, type EdgeSample, type EdgeTotals, type NodeSample, type NodeTotals, type RunResult, type Sample } from './types';

const NO_FAILURES: CauseCounts = Object.freeze(
  Object.fromEntries(FAILURE_CAUSES.map((c) => [c, 0])) as CauseCounts,
);

/** Failure counts from `counts[offset .. offset + 10)`; one shared object when all are zero. */
function causes(counts: Float64Array, offset: number): CauseCounts {
  let any = false;
  for (let k = 0; k < CAUSE_COUNT; k++) if ((counts[offset + k] as number) !== 0) any = true;
  if (!any) return NO_FAILURES;
  const out = {} as Record<string, number>;
  for (let k = 0; k < CAUSE_COUNT; k++) out[FAILURE_CAUSES[k] as string] = counts[offset + k] as number;
  return out as CauseCounts;
}

/** Turns the engine's arrays into the public, JSON-friendly samples and totals. */
export class Reporter {
  /** Counters that are not reset with the metrics at the end of the warm-up. */
  private declare openingsAtWarmup: Float64Array;
  private inconsistentAtWarmup = 0;
  private totalsFromMs = 0;
  private declare readonly clients: number[];
  private readonly scratch = new LogHistogram();
  private readonly systemCounts = new Float64Array(NODE_FIELDS);

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    this.openingsAtWarmup = new Float64Array(e.topo.edgeCount);
    this.clients = [];
    for (let n = 0; n < e.topo.nodeCount; n++) if (e.topo.kind[n] === K_CLIENT) this.clients.push(n);
  }

  /** The system's counters: the sum of the client nodes' (arrivals are client requests). */
  private system(counts: Float64Array): Float64Array {
    const out = this.systemCounts;
    out.fill(0);
    for (const n of this.clients) for (let f = 0; f < NODE_FIELDS; f++) out[f] = (out[f] as number) + (counts[n * NODE_FIELDS + f] as number);
    return out;
  }

  /** End-to-end latency: the client nodes' latency, merged. */
  private systemLatency(histograms: LogHistogram[]): LogHistogram {
    if (this.clients.length === 1) return histograms[this.clients[0] as number] as LogHistogram;
    this.scratch.reset();
    for (const n of this.clients) this.scratch.mergeFrom(histograms[n] as LogHistogram);
    return this.scratch;
  }

  /** The warm-up ended at `now` (an interval boundary): totals restart. */
  warmupOver(now: number): void {
    this.e.metrics.resetTotals();
    this.openingsAtWarmup = Float64Array.from(this.e.breakers.openings);
    this.inconsistentAtWarmup = this.e.sagas.inconsistent;
    this.totalsFromMs = now;
  }

  /** The sample of [startMs, endMs); the metrics' integrals must be up to endMs. */
  sample(startMs: number, endMs: number): Sample {
    const e = this.e;
    const topo = e.topo;
    const m = e.metrics;
    const dt = endMs - startMs;
    const nodes: Record<string, NodeSample> = {};
    for (let n = 0; n < topo.nodeCount; n++) {
      const o = n * NODE_FIELDS;
      const c = m.nodeInterval;
      const broker = e.brokers.isBroker(n);
      const workers = topo.workerTotal[n] as number;
      nodes[topo.nodeIds[n] as string] = {
        arrivals: c[o + N_ARRIVALS] as number,
        completions: c[o + N_COMPLETIONS] as number,
        successes: c[o + N_SUCCESSES] as number,
        failures: causes(c, o + N_FAILURES),
        degraded: c[o + N_DEGRADED] as number,
        inFlight: broker ? e.brokers.inFlightOf(n) : m.inSystemOf(n),
        queueDepth: broker ? e.brokers.depth(n) : e.workers.queueDepth(n),
        utilisation: dt > 0 && workers !== Infinity ? (m.busyAreaInterval[n] as number) / (workers * dt) : 0,
        latency: m.nodeLatencyInterval[n]!.summary(),
        oldestMessageAgeMs: broker ? e.brokers.oldestAgeMs(n) : 0,
        deadLettered: c[o + N_DEAD_LETTERED] as number,
      };
    }
    const edges: Record<string, EdgeSample> = {};
    for (let k = 0; k < topo.edgeCount; k++) {
      const o = k * EDGE_FIELDS;
      const c = m.edgeInterval;
      edges[topo.edgeIds[k] as string] = {
        attempts: c[o + E_ATTEMPTS] as number,
        retries: c[o + E_RETRIES] as number,
        successes: c[o + E_SUCCESSES] as number,
        failures: causes(c, o + E_FAILURES),
        breakerState: e.breakers.edgeState(k),
        bulkheadInUse: e.bulkheads.enabled[k] === 1 ? e.bulkheads.edgeInUse(k) : 0,
        latency: m.edgeLatencyInterval[k]!.summary(),
      };
    }
    const s = this.system(m.nodeInterval);
    const seconds = dt / 1000;
    const completions = s[N_COMPLETIONS] as number;
    return {
      startMs,
      endMs,
      system: {
        offeredPerSec: seconds > 0 ? (s[N_ARRIVALS] as number) / seconds : 0,
        goodputPerSec: seconds > 0 ? (s[N_SUCCESSES] as number) / seconds : 0,
        successRatio: completions > 0 ? (s[N_SUCCESSES] as number) / completions : 1,
        latency: this.systemLatency(m.nodeLatencyInterval).summary(),
      },
      nodes,
      edges,
    };
  }

  /**
   * Run totals since the end of the warm-up: the closed intervals plus the current one (the
   * metrics' integrals must be up to nowMs).
   */
  totals(nowMs: number): RunResult['totals'] {
    const e = this.e;
    const topo = e.topo;
    const m = e.metrics;
    const measuredMs = nowMs - this.totalsFromMs;
    const nodeCounts = sum(m.nodeTotal, m.nodeInterval);
    const edgeCounts = sum(m.edgeTotal, m.edgeInterval);
    const inSystemArea = sum(m.inSystemAreaTotal, m.inSystemAreaInterval);
    const busyArea = sum(m.busyAreaTotal, m.busyAreaInterval);
    const nodeLatency = m.nodeLatencyTotal.map((h, i) => merged(h, m.nodeLatencyInterval[i] as LogHistogram));
    const edgeLatency = m.edgeLatencyTotal.map((h, i) => merged(h, m.edgeLatencyInterval[i] as LogHistogram));
    const s = Float64Array.from(this.system(nodeCounts));
    const requests = s[N_ARRIVALS] as number;
    const nodes: Record<string, NodeTotals> = {};
    for (let n = 0; n < topo.nodeCount; n++) {
      const o = n * NODE_FIELDS;
      const c = nodeCounts;
      const workers = topo.workerTotal[n] as number;
      nodes[topo.nodeIds[n] as string] = {
        arrivals: c[o + N_ARRIVALS] as number,
        completions: c[o + N_COMPLETIONS] as number,
        successes: c[o + N_SUCCESSES] as number,
        failures: causes(c, o + N_FAILURES),
        degraded: c[o + N_DEGRADED] as number,
        latency: nodeLatency[n]!.summary(),
        amplification: requests > 0 ? (c[o + N_ARRIVALS] as number) / requests : 0,
        meanInSystem: measuredMs > 0 ? (inSystemArea[n] as number) / measuredMs : 0,
        meanUtilisation: measuredMs > 0 && workers !== Infinity ? (busyArea[n] as number) / (workers * measuredMs) : 0,
        deadLettered: c[o + N_DEAD_LETTERED] as number,
      };
    }
    const edges: Record<string, EdgeTotals> = {};
    for (let k = 0; k < topo.edgeCount; k++) {
      const o = k * EDGE_FIELDS;
      const c = edgeCounts;
      edges[topo.edgeIds[k] as string] = {
        attempts: c[o + E_ATTEMPTS] as number,
        retries: c[o + E_RETRIES] as number,
        successes: c[o + E_SUCCESSES] as number,
        failures: causes(c, o + E_FAILURES),
        latency: edgeLatency[k]!.summary(),
        breakerOpenings: (e.breakers.openings[k] as number) - (this.openingsAtWarmup[k] as number),
      };
    }
    const completions = s[N_COMPLETIONS] as number;
    return {
      system: {
        clientRequests: requests,
        successes: s[N_SUCCESSES] as number,
        failures: causes(s, N_FAILURES),
        successRatio: completions > 0 ? (s[N_SUCCESSES] as number) / completions : 1,
        goodputPerSec: measuredMs > 0 ? (s[N_SUCCESSES] as number) / (measuredMs / 1000) : 0,
        latency: this.systemLatency(nodeLatency).summary(),
        inconsistentSagas: e.sagas.inconsistent - this.inconsistentAtWarmup,
      },
      nodes,
      edges,
    };
  }
}

function sum(a: Float64Array, b: Float64Array): Float64Array {
  const out = Float64Array.from(a);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (b[i] as number);
  return out;
}

function merged(total: LogHistogram, interval: LogHistogram): LogHistogram {
  if (interval.count === 0) return total;
  const out = new LogHistogram();
  out.mergeFrom(total);
  out.mergeFrom(interval);
  return out;
}
