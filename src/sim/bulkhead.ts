import type { Engine } from './engine';

/**
 * Semaphore bulkheads (Resilience4j SemaphoreBulkhead), one per edge and caller replica: at most
 * maxConcurrentCalls attempts in flight; a further attempt waits up to maxWaitMs for a permit in
 * FIFO order, or is rejected at once when maxWaitMs is 0. The time-out (outside the bulkhead in
 * Resilience4j's order) keeps running while an attempt waits.
 */
export class Bulkheads {
  declare readonly enabled: Uint8Array;
  declare readonly maxWaitMs: Float64Array;
  declare readonly inUse: Int32Array;
  private declare readonly limit: Int32Array;
  /** Waiting calls per instance: a ring of (call, generation) pairs. */
  private declare readonly waitCalls: Int32Array[];
  private declare readonly waitGens: Int32Array[];
  private declare readonly waitHead: Int32Array;
  private declare readonly waitSize: Int32Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const n = topo.instTotal;
    this.enabled = Uint8Array.from(topo.policy, (p) => (p.bulkhead ? 1 : 0));
    this.maxWaitMs = Float64Array.from(topo.policy, (p) => p.bulkhead?.maxWaitMs ?? 0);
    this.limit = Int32Array.from({ length: n }, (_, i) => topo.policy[topo.instEdge[i] as number]?.bulkhead?.maxConcurrentCalls ?? 0);
    this.inUse = new Int32Array(n);
    this.waitCalls = Array.from({ length: n }, () => new Int32Array(0));
    this.waitGens = Array.from({ length: n }, () => new Int32Array(0));
    this.waitHead = new Int32Array(n);
    this.waitSize = new Int32Array(n);
  }

  tryAcquire(inst: number): boolean {
    const used = this.inUse[inst] as number;
    if (used >= (this.limit[inst] as number)) return false;
    this.inUse[inst] = used + 1;
    return true;
  }

  /** Queues a call for a permit. */
  wait(inst: number, call: number, gen: number): void {
    let calls = this.waitCalls[inst] as Int32Array;
    let gens = this.waitGens[inst] as Int32Array;
    const size = this.waitSize[inst] as number;
    if (size === calls.length) {
      const capacity = Math.max(16, calls.length * 2);
      const nextCalls = new Int32Array(capacity);
      const nextGens = new Int32Array(capacity);
      const head = this.waitHead[inst] as number;
      for (let k = 0; k < size; k++) {
        nextCalls[k] = calls[(head + k) % calls.length] as number;
        nextGens[k] = gens[(head + k) % calls.length] as number;
      }
      this.waitCalls[inst] = calls = nextCalls;
      this.waitGens[inst] = gens = nextGens;
      this.waitHead[inst] = 0;
    }
    const at = ((this.waitHead[inst] as number) + size) % calls.length;
    calls[at] = call;
    gens[at] = gen;
    this.waitSize[inst] = size + 1;
  }

  /**
   * Returns a permit. When a call still waits, the permit passes to it and its id is returned
   * (the caller sends it); otherwise -1.
   */
  release(inst: number): number {
    const calls = this.waitCalls[inst] as Int32Array;
    const gens = this.waitGens[inst] as Int32Array;
    const callGens = this.e.calls.gen;
    while ((this.waitSize[inst] as number) > 0) {
      const head = this.waitHead[inst] as number;
      const call = calls[head] as number;
      const gen = gens[head] as number;
      this.waitHead[inst] = (head + 1) % calls.length;
      this.waitSize[inst] = (this.waitSize[inst] as number) - 1;
      // Calls that timed out or gave up while waiting left a stale entry: skip it.
      if (callGens[call] === gen) return call;
    }
    this.inUse[inst] = (this.inUse[inst] as number) - 1;
    return -1;
  }

  /** Permits in use on an edge, over its caller replicas. */
  edgeInUse(edge: number): number {
    const topo = this.e.topo;
    const base = topo.instBase[edge] as number;
    const count = topo.replicas[topo.from[edge] as number] as number;
    let sum = 0;
    for (let r = 0; r < count; r++) sum += this.inUse[base + r] as number;
    return sum;
  }
}
