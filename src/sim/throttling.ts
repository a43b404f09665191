import type { Engine } from './engine';
import type { Rng } from './rng';

const BUCKETS = 20;

/**
 * Client-side adaptive throttling (Google SRE book, "Handling Overload"), one per edge and caller
 * replica: over a sliding window (windowS, in 20 buckets) count the attempts requested (including
 * those this throttle rejected) and those the backend accepted (it answered: a success, or an
 * application error: error or dependency_failed; not a time-out, a refusal such as queue full or
 * 429, a crash or a partition), and reject a new attempt locally with probability
 * max(0, (requests - K x accepts) / (requests + 1)).
 */
export class Throttles {
  declare readonly enabled: Uint8Array;
  private declare readonly k: Float64Array;
  private declare readonly bucketMs: Float64Array;
  private declare readonly requests: Float64Array;
  private declare readonly accepts: Float64Array;
  private declare readonly epoch: Float64Array;
  private declare readonly rngs: Rng[];

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const n = topo.instTotal;
    const config = Array.from({ length: n }, (_, i) => topo.policy[topo.instEdge[i] as number]?.adaptiveThrottling ?? null);
    this.enabled = Uint8Array.from(topo.policy, (p) => (p.adaptiveThrottling ? 1 : 0));
    this.k = Float64Array.from(config, (c) => c?.k ?? 2);
    this.bucketMs = Float64Array.from(config, (c) => ((c?.windowS ?? 120) * 1000) / BUCKETS);
    this.requests = new Float64Array(n * BUCKETS);
    this.accepts = new Float64Array(n * BUCKETS);
    this.epoch = new Float64Array(n * BUCKETS).fill(-1);
    this.rngs = Array.from({ length: n }, (_, i) => e.rng(`throttle/${topo.instName(i)}`));
  }

  /** Counts an attempt and tells whether to reject it locally. */
  reject(inst: number): boolean {
    const epoch = Math.floor(this.e.now / (this.bucketMs[inst] as number));
    let requests = 0;
    let accepts = 0;
    const base = inst * BUCKETS;
    for (let b = 0; b < BUCKETS; b++) {
      if (epoch - (this.epoch[base + b] as number) < BUCKETS) {
        requests += this.requests[base + b] as number;
        accepts += this.accepts[base + b] as number;
      }
    }
    const i = this.bucket(inst, epoch);
    this.requests[i] = (this.requests[i] as number) + 1;
    const p = (requests - (this.k[inst] as number) * accepts) / (requests + 1);
    return p > 0 && (this.rngs[inst] as Rng).next() < p;
  }

  accepted(inst: number): void {
    const epoch = Math.floor(this.e.now / (this.bucketMs[inst] as number));
    const i = this.bucket(inst, epoch);
    this.accepts[i] = (this.accepts[i] as number) + 1;
  }

  private bucket(inst: number, epoch: number): number {
    const i = inst * BUCKETS + (epoch % BUCKETS);
    if (this.epoch[i] !== epoch) {
      this.epoch[i] = epoch;
      this.requests[i] = 0;
      this.accepts[i] = 0;
    }
    return i;
  }
}
