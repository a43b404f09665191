import type { Engine } from './engine';

/** A growable ring of (job, generation) pairs: FIFO from the front, LIFO from the back. */
export class JobDeque {
  private ids = new Int32Array(16);
  private gens = new Int32Array(16);
  private head = 0;
  size = 0;
  /** Set by popFront/popBack. */
  gen = 0;

  push(id: number, gen: number): void {
    if (this.size === this.ids.length) this.grow();
    const at = (this.head + this.size) & (this.ids.length - 1);
    this.ids[at] = id;
    this.gens[at] = gen;
    this.size++;
  }

  popFront(): number {
    const at = this.head;
    this.head = (this.head + 1) & (this.ids.length - 1);
    this.size--;
    this.gen = this.gens[at] as number;
    return this.ids[at] as number;
  }

  peekFront(): number {
    return this.ids[this.head] as number;
  }

  popBack(): number {
    this.size--;
    const at = (this.head + this.size) & (this.ids.length - 1);
    this.gen = this.gens[at] as number;
    return this.ids[at] as number;
  }

  private grow(): void {
    const capacity = this.ids.length * 2;
    const ids = new Int32Array(capacity);
    const gens = new Int32Array(capacity);
    for (let k = 0; k < this.size; k++) {
      const at = (this.head + k) & (this.ids.length - 1);
      ids[k] = this.ids[at] as number;
      gens[k] = this.gens[at] as number;
    }
    this.ids = ids;
    this.gens = gens;
    this.head = 0;
  }
}

/**
 * Workers and waiting rooms of every replica: busy workers, the bounded queue (whose entries may
 * be stale after a drop: `queued` counts the live ones), and how replicas are picked when no load
 * balancer chooses (round-robin, as a client-side connection pool would).
 */
export class Workers {
  declare readonly busy: Int32Array;
  declare readonly queued: Int32Array;
  declare readonly queues: JobDeque[];
  /** Node and replica index of each global replica. */
  declare readonly nodeOf: Int32Array;
  declare readonly replicaOf: Int32Array;
  private declare readonly next: Int32Array;
  /** Workers each replica has now (capacity loss removes some; busy ones finish their work). */
  declare readonly cap: Float64Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const total = topo.replicaTotal;
    this.busy = new Int32Array(total);
    this.queued = new Int32Array(total);
    this.queues = Array.from({ length: total }, () => new JobDeque());
    this.nodeOf = new Int32Array(total);
    this.replicaOf = new Int32Array(total);
    for (let node = 0; node < topo.nodeCount; node++) {
      const base = topo.replicaBase[node] as number;
      for (let r = 0; r < (topo.replicas[node] as number); r++) {
        this.nodeOf[base + r] = node;
        this.replicaOf[base + r] = r;
      }
    }
    this.next = new Int32Array(topo.nodeCount);
    this.cap = Float64Array.from(this.nodeOf, (node) => topo.workers[node] as number);
  }

  /** Round-robin over a node's replicas. */
  pick(node: number): number {
    const replicas = this.e.topo.replicas[node] as number;
    if (replicas === 1) return 0;
    const r = this.next[node] as number;
    this.next[node] = r + 1 === replicas ? 0 : r + 1;
    return r;
  }

  /** Recomputes a replica's workers after its capacity loss changed. */
  refreshCapacity(g: number): void {
    const workers = this.e.topo.workers[this.nodeOf[g] as number] as number;
    const loss = this.e.faults.capacityLossPercent[g] as number;
    this.cap[g] = loss > 0 ? Math.floor((workers * (100 - loss)) / 100 + 1e-9) : workers;
  }

  /** Requests waiting in a node's queues (all replicas). */
  queueDepth(node: number): number {
    const base = this.e.topo.replicaBase[node] as number;
    let sum = 0;
    for (let r = 0; r < (this.e.topo.replicas[node] as number); r++) sum += this.queued[base + r] as number;
    return sum;
  }
}
