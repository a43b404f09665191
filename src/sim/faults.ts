import type { Fault } from '../model';
import { EV_FAULT_END, EV_FAULT_START, K_CLIENT } from './codes';
import type { Engine } from './engine';
import { seconds } from './notable';
import type { Rng } from './rng';

/**
 * The fault timeline. Each fault becomes two events (start, end); at each, the state of its target
 * (node replicas or edge) is recomputed from every fault active on it, so overlapping faults
 * combine: latency factors multiply and added latencies add, error, packet-loss and abort shares
 * combine as independent chances, capacity losses add (capped at 100%), crash and hang hold while
 * any such fault is active, and the most recently started delay fault of an edge applies.
 */
export class Faults {
  declare readonly list: readonly Fault[];
  private declare readonly target: Int32Array;
  private declare readonly active: Uint8Array;
  /** Per global replica. */
  declare readonly crashed: Int32Array;
  declare readonly hung: Int32Array;
  declare readonly latencyFactor: Float64Array;
  declare readonly latencyAddMs: Float64Array;
  declare readonly errorPercent: Float64Array;
  declare readonly capacityLossPercent: Float64Array;
  /** Non-zero while a replica is crashed or hung (one check on the hot path). */
  declare readonly down: Int32Array;
  /** Bumped when a replica crashes: work that arrived before fails with "crashed". */
  declare readonly epoch: Int32Array;
  /** Per edge. */
  declare readonly edgeFaulty: Uint8Array;
  declare readonly partitioned: Uint8Array;
  declare readonly lossProbability: Float64Array;
  declare readonly abortProbability: Float64Array;
  declare readonly delayMs: Float64Array;
  declare readonly delayProbability: Float64Array;
  declare readonly edgeRng: Rng[];
  private declare startedOrder: Float64Array;
  private starts = 0;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    this.list = e.scenario.faults;
    const nodeIndex = new Map(topo.nodeIds.map((id, i) => [id, i]));
    const edgeIndex = new Map(topo.edgeIds.map((id, i) => [id, i]));
    this.target = Int32Array.from(this.list, (f) => (isEdgeFault(f) ? edgeIndex.get(f.target) : nodeIndex.get(f.target)) ?? 0);
    this.active = new Uint8Array(this.list.length);
    this.startedOrder = new Float64Array(this.list.length);
    const r = topo.replicaTotal;
    this.crashed = new Int32Array(r);
    this.hung = new Int32Array(r);
    this.latencyFactor = new Float64Array(r).fill(1);
    this.latencyAddMs = new Float64Array(r);
    this.errorPercent = new Float64Array(r);
    this.capacityLossPercent = new Float64Array(r);
    this.epoch = new Int32Array(r);
    this.down = new Int32Array(r);
    const m = topo.edgeCount;
    this.edgeFaulty = new Uint8Array(m);
    this.partitioned = new Uint8Array(m);
    this.lossProbability = new Float64Array(m);
    this.abortProbability = new Float64Array(m);
    this.delayMs = new Float64Array(m);
    this.delayProbability = new Float64Array(m);
    this.edgeRng = topo.edgeIds.map((id) => e.rng(`edge-faults/${id}`));
  }

  /** Schedules every fault's start and end. */
  start(): void {
    this.list.forEach((f, i) => {
      this.e.queue.push(f.startS * 1000, EV_FAULT_START, i, 0, 0);
      this.e.queue.push((f.startS + f.durationS) * 1000, EV_FAULT_END, i, 0, 0);
    });
  }

  /** The node a node fault targets, or -1 for edge faults. */
  nodeOf(fault: number): number {
    const f = this.list[fault];
    return f && !isEdgeFault(f) ? (this.target[fault] as number) : -1;
  }

  onStart(i: number): void {
    const f = this.list[i];
    if (!f) return;
    this.active[i] = 1;
    this.startedOrder[i] = ++this.starts;
    this.e.notable.add(this.e.now, 'fault_start', f.id, `${describe(f)} on ${f.target} starts (for ${seconds(f.durationS * 1000)})`);
    this.apply(i, f, true);
  }

  onEnd(i: number): void {
    const f = this.list[i];
    if (!f || this.active[i] === 0) return;
    this.active[i] = 0;
    this.e.notable.add(this.e.now, 'fault_end', f.id, `${describe(f)} on ${f.target} ends`);
    this.apply(i, f, false);
  }

  private apply(i: number, f: Fault, starting: boolean): void {
    const e = this.e;
    const t = this.target[i] as number;
    if (isEdgeFault(f)) {
      this.recomputeEdge(t);
      return;
    }
    if (f.kind === 'cacheFlush') {
      if (starting) e.caches.flush(t, e.now, f.durationS * 1000);
      return;
    }
    // Traffic spikes are part of the client's rate schedule, computed before the run.
    if (f.kind === 'trafficSpike' || e.topo.kind[t] === K_CLIENT) return;
    const base = e.topo.replicaBase[t] as number;
    const replicas = e.topo.replicas[t] as number;
    for (let r = 0; r < replicas; r++) {
      if (f.replica !== undefined && f.replica !== r) continue;
      const wasCrashed = (this.crashed[base + r] as number) > 0;
      this.recomputeReplica(t, r);
      if (!wasCrashed && (this.crashed[base + r] as number) > 0) {
        this.epoch[base + r] = ((this.epoch[base + r] as number) + 1) | 0;
        e.nodes.crashReplica(t, r);
      }
    }
    if (!starting || f.kind === 'capacityLoss') e.nodes.resume(t);
  }

  private recomputeReplica(node: number, r: number): void {
    const g = (this.e.topo.replicaBase[node] as number) + r;
    let crashed = 0;
    let hung = 0;
    let factor = 1;
    let add = 0;
    let errorKeep = 1;
    let loss = 0;
    for (let i = 0; i < this.list.length; i++) {
      const f = this.list[i];
      if (!f || this.active[i] === 0 || isEdgeFault(f) || this.target[i] !== node) continue;
      if (f.replica !== undefined && f.replica !== r) continue;
      if (f.kind === 'crash') crashed++;
      else if (f.kind === 'hang') hung++;
      else if (f.kind === 'latency') {
        factor *= f.factor;
        add += f.addMs;
      } else if (f.kind === 'error') errorKeep *= 1 - f.percent / 100;
      else if (f.kind === 'capacityLoss') loss += f.percent;
    }
    this.crashed[g] = crashed;
    this.hung[g] = hung;
    this.down[g] = crashed + hung;
    this.latencyFactor[g] = factor;
    this.latencyAddMs[g] = add;
    this.errorPercent[g] = 100 * (1 - errorKeep);
    this.capacityLossPercent[g] = Math.min(100, loss);
    this.e.workers.refreshCapacity(g);
  }

  private recomputeEdge(edge: number): void {
    let partitioned = 0;
    let lossKeep = 1;
    let abortKeep = 1;
    let delayMs = 0;
    let delayProbability = 0;
    let latest = -1;
    for (let i = 0; i < this.list.length; i++) {
      const f = this.list[i];
      if (!f || this.active[i] === 0 || !isEdgeFault(f) || this.target[i] !== edge) continue;
      if (f.kind === 'partition') partitioned = 1;
      else if (f.kind === 'packetLoss') lossKeep *= 1 - f.percent / 100;
      else if (f.kind === 'abort') abortKeep *= 1 - f.percent / 100;
      else if (f.kind === 'delay' && (this.startedOrder[i] as number) > latest) {
        latest = this.startedOrder[i] as number;
        delayMs = f.delayMs;
        delayProbability = f.percent / 100;
      }
    }
    this.partitioned[edge] = partitioned;
    this.lossProbability[edge] = 1 - lossKeep;
    this.abortProbability[edge] = 1 - abortKeep;
    this.delayMs[edge] = delayMs;
    this.delayProbability[edge] = delayProbability;
    this.edgeFaulty[edge] = partitioned || lossKeep < 1 || abortKeep < 1 || delayProbability > 0 ? 1 : 0;
  }

  /** The client rate factor at time t (ms): traffic spikes multiply. */
  trafficFactorBreakpoints(client: number): { startMs: number; endMs: number; factor: number }[] {
    const out: { startMs: number; endMs: number; factor: number }[] = [];
    this.list.forEach((f, i) => {
      if (f.kind === 'trafficSpike' && this.target[i] === client) {
        out.push({ startMs: f.startS * 1000, endMs: (f.startS + f.durationS) * 1000, factor: f.factor });
      }
    });
    return out;
  }
}

const EDGE_KINDS: ReadonlySet<Fault['kind']> = new Set(['partition', 'packetLoss', 'delay', 'abort']);

export function isEdgeFault(f: Fault): boolean {
  return EDGE_KINDS.has(f.kind);
}

function describe(f: Fault): string {
  const where = f.replica !== undefined ? ` (replica ${f.replica})` : '';
  switch (f.kind) {
    case 'latency':
      return `Latency x${f.factor}${f.addMs ? ` +${f.addMs} ms` : ''}${where}`;
    case 'error':
    case 'capacityLoss':
    case 'packetLoss':
    case 'abort':
      return `${f.kind} ${f.percent}%${where}`;
    case 'trafficSpike':
      return `Traffic x${f.factor}`;
    case 'delay':
      return `Delay ${f.delayMs} ms on ${f.percent}% of calls`;
    default:
      return `${f.kind}${where}`;
  }
}
