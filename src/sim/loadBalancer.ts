import type { NodeOf } from '../model';
import { EV_EJECTION_END, EV_HEALTH_CHECK, K_LOAD_BALANCER, OK } from './codes';
import type { Engine } from './engine';
import { seconds } from './notable';
import type { Rng } from './rng';

type Balancer = NodeOf<'loadBalancer'>;

const ROUND_ROBIN = 0;
const RANDOM = 1;
const LEAST_OUTSTANDING = 2;
const POWER_OF_TWO = 3;
const STRATEGIES: Record<Balancer['strategy'], number> = {
  'round-robin': ROUND_ROBIN,
  random: RANDOM,
  'least-outstanding': LEAST_OUTSTANDING,
  'power-of-two': POWER_OF_TWO,
};

/**
 * Load balancers (Envoy-like) over the replicas of their single target. Outstanding requests are
 * this balancer's own attempts in flight per replica. Outlier ejection: after consecutive5xx
 * failed attempts in a row (any failure: error answers, time-outs, refusals by the replica) a
 * replica is ejected for baseEjectionTimeMs x the number of times it was ejected, while at most
 * maxEjectionPercent of the replicas are ejected (at least one, as Envoy does). Active health
 * checks probe every replica each intervalMs; a probe fails when the replica is crashed or hung,
 * the edge is partitioned, or the replica's added latency reaches the probe time-out;
 * unhealthyThreshold failures in a row take it out, healthyThreshold successes bring it back.
 * When no replica is left, all are used (Envoy's panic mode).
 */
export class Balancers {
  private declare readonly target: Int32Array;
  private declare readonly base: Int32Array;
  private declare readonly strategy: Int32Array;
  private declare readonly configs: (Balancer | null)[];
  private declare readonly rngs: (Rng | null)[];
  private declare readonly next: Int32Array;
  declare readonly outstanding: Int32Array;
  private declare readonly consecutive: Int32Array;
  declare readonly ejected: Uint8Array;
  private declare readonly ejections: Int32Array;
  private declare readonly ejectGen: Int32Array;
  declare readonly healthy: Uint8Array;
  private declare readonly probeFailures: Int32Array;
  private declare readonly probeSuccesses: Int32Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const n = topo.nodeCount;
    this.configs = topo.nodes.map((x) => (x.kind === 'loadBalancer' ? x : null));
    this.target = Int32Array.from(topo.nodes, (_, i) => {
      const out = topo.plan[i];
      return topo.kind[i] === K_LOAD_BALANCER && out && out.length > 0 ? (topo.to[out[0] as number] as number) : -1;
    });
    this.base = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.base[i] = total;
      const t = this.target[i] as number;
      if (t >= 0) total += topo.replicas[t] as number;
    }
    this.strategy = Int32Array.from(this.configs, (c) => (c ? STRATEGIES[c.strategy] : ROUND_ROBIN));
    this.rngs = this.configs.map((c) => (c ? e.rng(`balance/${c.id}`) : null));
    this.next = new Int32Array(n);
    this.outstanding = new Int32Array(total);
    this.consecutive = new Int32Array(total);
    this.ejected = new Uint8Array(total);
    this.ejections = new Int32Array(total);
    this.ejectGen = new Int32Array(total);
    this.healthy = new Uint8Array(total).fill(1);
    this.probeFailures = new Int32Array(total);
    this.probeSuccesses = new Int32Array(total);
  }

  start(): void {
    this.configs.forEach((c, i) => {
      if (c?.healthCheck && (this.target[i] as number) >= 0) this.e.queue.push(c.healthCheck.intervalMs, EV_HEALTH_CHECK, i, 0, 0);
    });
  }

  private replicasOf(lb: number): number {
    const t = this.target[lb] as number;
    return t >= 0 ? (this.e.topo.replicas[t] as number) : 1;
  }

  private usable(i: number): boolean {
    return this.ejected[i] === 0 && this.healthy[i] === 1;
  }

  /** The replica for the next attempt. */
  pick(lb: number): number {
    const n = this.replicasOf(lb);
    if (n === 1) return 0;
    const base = this.base[lb] as number;
    let candidates = 0;
    for (let r = 0; r < n; r++) if (this.usable(base + r)) candidates++;
    const all = candidates === 0;
    if (all) candidates = n;
    const rng = this.rngs[lb] as Rng;
    switch (this.strategy[lb]) {
      case RANDOM:
        return this.nth(lb, n, rng.int(candidates), all);
      case POWER_OF_TWO: {
        if (candidates === 1) return this.nth(lb, n, 0, all);
        const a = rng.int(candidates);
        let b = rng.int(candidates - 1);
        if (b >= a) b++;
        const ra = this.nth(lb, n, a, all);
        const rb = this.nth(lb, n, b, all);
        return (this.outstanding[base + rb] as number) < (this.outstanding[base + ra] as number) ? rb : ra;
      }
      case LEAST_OUTSTANDING: {
        // Scan from a rotating start so ties spread like round-robin.
        const start = this.next[lb] as number;
        this.next[lb] = (start + 1) % n;
        let best = -1;
        for (let k = 0; k < n; k++) {
          const r = (start + k) % n;
          if (!all && !this.usable(base + r)) continue;
          if (best < 0 || (this.outstanding[base + r] as number) < (this.outstanding[base + best] as number)) best = r;
        }
        return best;
      }
      default: {
        let r = this.next[lb] as number;
        for (let k = 0; k < n && !all && !this.usable(base + r); k++) r = (r + 1) % n;
        this.next[lb] = (r + 1) % n;
        return r;
      }
    }
  }

  /** The k-th usable replica (all replicas in panic mode). */
  private nth(lb: number, n: number, k: number, all: boolean): number {
    if (all) return k;
    const base = this.base[lb] as number;
    for (let r = 0; r < n; r++) {
      if (!this.usable(base + r)) continue;
      if (k === 0) return r;
      k--;
    }
    return 0;
  }

  attemptStarted(lb: number, replica: number): void {
    const i = (this.base[lb] as number) + replica;
    this.outstanding[i] = (this.outstanding[i] as number) + 1;
  }

  attemptEnded(lb: number, replica: number, cause: number): void {
    const i = (this.base[lb] as number) + replica;
    this.outstanding[i] = (this.outstanding[i] as number) - 1;
    const config = this.configs[lb]?.outlierEjection;
    if (!config) return;
    if (cause === OK) {
      this.consecutive[i] = 0;
      return;
    }
    const run = (this.consecutive[i] as number) + 1;
    this.consecutive[i] = run;
    if (run < config.consecutive5xx || this.ejected[i] === 1) return;
    const n = this.replicasOf(lb);
    const base = this.base[lb] as number;
    let ejectedNow = 0;
    for (let r = 0; r < n; r++) ejectedNow += this.ejected[base + r] as number;
    const allowed = Math.max(1, Math.floor((n * config.maxEjectionPercent) / 100));
    if (ejectedNow >= allowed) return;
    const e = this.e;
    this.ejected[i] = 1;
    this.consecutive[i] = 0;
    const times = (this.ejections[i] as number) + 1;
    this.ejections[i] = times;
    this.ejectGen[i] = ((this.ejectGen[i] as number) + 1) | 0;
    const duration = config.baseEjectionTimeMs * times;
    e.queue.push(e.now + duration, EV_EJECTION_END, lb, replica, this.ejectGen[i] as number);
    const target = e.topo.nodeIds[this.target[lb] as number];
    e.notable.add(e.now, 'replica_ejected', e.topo.nodeIds[lb] ?? '', `${e.topo.nodeIds[lb]} ejects replica ${replica} of ${target} after ${run} failures in a row, for ${seconds(duration)}`);
  }

  onEjectionEnd(lb: number, replica: number, gen: number): void {
    const i = (this.base[lb] as number) + replica;
    if (this.ejectGen[i] !== gen || this.ejected[i] === 0) return;
    this.ejected[i] = 0;
    const e = this.e;
    e.notable.add(e.now, 'replica_restored', e.topo.nodeIds[lb] ?? '', `${e.topo.nodeIds[lb]} takes replica ${replica} of ${e.topo.nodeIds[this.target[lb] as number]} back`);
  }

  onHealthCheck(lb: number): void {
    const e = this.e;
    const config = this.configs[lb]?.healthCheck;
    const t = this.target[lb] as number;
    if (!config || t < 0) return;
    const edge = (e.topo.plan[lb] as Int32Array)[0] as number;
    const base = this.base[lb] as number;
    const targetBase = e.topo.replicaBase[t] as number;
    for (let r = 0; r < this.replicasOf(lb); r++) {
      const g = targetBase + r;
      const i = base + r;
      const passes =
        (e.faults.crashed[g] as number) === 0 &&
        (e.faults.hung[g] as number) === 0 &&
        e.faults.partitioned[edge] === 0 &&
        (e.faults.latencyAddMs[g] as number) < config.timeoutMs;
      if (passes) {
        this.probeFailures[i] = 0;
        this.probeSuccesses[i] = (this.probeSuccesses[i] as number) + 1;
        if (this.healthy[i] === 0 && (this.probeSuccesses[i] as number) >= config.healthyThreshold) {
          this.healthy[i] = 1;
          e.notable.add(e.now, 'replica_restored', e.topo.nodeIds[lb] ?? '', `Health checks of ${e.topo.nodeIds[lb]} find replica ${r} of ${e.topo.nodeIds[t]} healthy again`);
        }
      } else {
        this.probeSuccesses[i] = 0;
        this.probeFailures[i] = (this.probeFailures[i] as number) + 1;
        if (this.healthy[i] === 1 && (this.probeFailures[i] as number) >= config.unhealthyThreshold) {
          this.healthy[i] = 0;
          e.notable.add(e.now, 'replica_ejected', e.topo.nodeIds[lb] ?? '', `Health checks of ${e.topo.nodeIds[lb]} mark replica ${r} of ${e.topo.nodeIds[t]} unhealthy`);
        }
      }
    }
    e.queue.push(e.now + config.intervalMs, EV_HEALTH_CHECK, lb, 0, 0);
  }
}
