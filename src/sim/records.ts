/**
 * Pooled records addressed by integer ids: a job (one request being handled at one node) and a
 * call (one logical call on an edge, with its attempts). Fields live in typed arrays that double
 * when full; freed ids go on a free list. Each slot's generation only ever grows, so an event or a
 * reply that carries (id, generation) can tell that its record moved on (lazy cancellation).
 */

function grown<T extends Int32Array | Float64Array>(old: T, size: number): T {
  const next = (old instanceof Float64Array ? new Float64Array(size) : new Int32Array(size)) as T;
  next.set(old);
  return next;
}

/** Job states. */
export const J_FREE = 0;
export const J_QUEUED = 1;
export const J_SERVICE = 2;
export const J_CALLING = 3;
export const J_DROPPED = 4;
export const J_DONE = 5;

/** Job flags. */
export const JF_WORKER = 1;
export const JF_DEGRADED = 2;
export const JF_WRITE = 4;
export const JF_CACHE_HIT = 8;
/** A choreographed saga running after its request was answered: no reply, no metrics. */
export const JF_DETACHED = 16;
export const JF_COMPENSATING = 32;
export const JF_INCONSISTENT = 64;
/** The saga steps are done; the rest of the plan runs as a sequential plan. */
export const JF_AFTER_SAGA = 128;
/** Counted in its node's in-system gauge. */
export const JF_IN_SYSTEM = 256;
export const JF_ROOT = 512;
/** A root job of a closed-loop user (schedules the next request when done). */
export const JF_USER = 1024;
/** Running the steps or compensations of an orchestrated or choreographed saga. */
export const JF_IN_SAGA = 2048;

export class JobTable {
  node = new Int32Array(0);
  replica = new Int32Array(0);
  /** The call this job answers (-1: a client request or a broker message). */
  call = new Int32Array(0);
  callGen = new Int32Array(0);
  /** The broker message this job consumes (-1: none). */
  msg = new Int32Array(0);
  msgGen = new Int32Array(0);
  arrive = new Float64Array(0);
  /** Propagated deadline (absolute ms); Infinity when none reached this job. */
  deadline = new Float64Array(0);
  state = new Int32Array(0);
  gen = new Int32Array(0);
  /** Plan position (edge index in the plan, or saga step). */
  pos = new Int32Array(0);
  /** Calls left on the current edge (-1: not drawn yet). */
  countLeft = new Int32Array(0);
  /** Outstanding calls. */
  pending = new Int32Array(0);
  /** The failure cause so far (OK = -1); the final cause once done. */
  cause = new Int32Array(0);
  flags = new Int32Array(0);
  /** Cache key, saga failing step, or closed-loop user index. */
  aux = new Int32Array(0);
  /** The crash epoch of its replica when it arrived. */
  epoch = new Int32Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private capacity = 0;
  live = 0;

  constructor(initial = 1024) {
    this.grow(initial);
  }

  alloc(): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const id = this.free[--this.freeCount] as number;
    this.live++;
    return id;
  }

  release(id: number): void {
    this.state[id] = J_FREE;
    this.gen[id] = ((this.gen[id] as number) + 1) | 0;
    this.free[this.freeCount++] = id;
    this.live--;
  }

  private grow(size: number): void {
    const old = this.capacity;
    this.node = grown(this.node, size);
    this.replica = grown(this.replica, size);
    this.call = grown(this.call, size);
    this.callGen = grown(this.callGen, size);
    this.msg = grown(this.msg, size);
    this.msgGen = grown(this.msgGen, size);
    this.arrive = grown(this.arrive, size);
    this.deadline = grown(this.deadline, size);
    this.state = grown(this.state, size);
    this.gen = grown(this.gen, size);
    this.pos = grown(this.pos, size);
    this.countLeft = grown(this.countLeft, size);
    this.pending = grown(this.pending, size);
    this.cause = grown(this.cause, size);
    this.flags = grown(this.flags, size);
    this.aux = grown(this.aux, size);
    this.epoch = grown(this.epoch, size);
    this.free = grown(this.free, size);
    // Hand out low ids first (it keeps runs reproducible to read when debugging).
    for (let id = size - 1; id >= old; id--) this.free[this.freeCount++] = id;
    this.capacity = size;
  }
}

/** Call flags (of the current attempt). */
export const CF_BREAKER = 1;
export const CF_BULKHEAD = 2;
export const CF_SENT = 4;
export const CF_PARTITIONED = 8;
export const CF_LB_COUNTED = 16;
export const CF_WAITING_BULKHEAD = 32;

export class CallTable {
  /** The job that made the call; -1 - client for a client request made straight by a client. */
  job = new Int32Array(0);
  edge = new Int32Array(0);
  /** Policy instance: the edge's policies as seen by one replica of the caller. */
  inst = new Int32Array(0);
  gen = new Int32Array(0);
  attempt = new Int32Array(0);
  /** The callee replica of the current attempt (-1: the callee picks). */
  replica = new Int32Array(0);
  flags = new Int32Array(0);
  /** Decorrelated jitter: the previous delay. */
  prevDelay = new Float64Array(0);
  /** When the attempt entered the policy chain (breaker durations). */
  startedAt = new Float64Array(0);
  /** When the attempt was sent (edge latency). */
  sentAt = new Float64Array(0);
  /** When the attempt times out (Infinity: never). */
  expiry = new Float64Array(0);
  /** When the call was made (a client request's start, for calls made directly by a client). */
  born = new Float64Array(0);
  private free = new Int32Array(0);
  private freeCount = 0;
  private capacity = 0;
  live = 0;

  constructor(initial = 1024) {
    this.grow(initial);
  }

  alloc(): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const id = this.free[--this.freeCount] as number;
    this.live++;
    return id;
  }

  release(id: number): void {
    this.gen[id] = ((this.gen[id] as number) + 1) | 0;
    this.free[this.freeCount++] = id;
    this.live--;
  }

  private grow(size: number): void {
    const old = this.capacity;
    this.job = grown(this.job, size);
    this.edge = grown(this.edge, size);
    this.inst = grown(this.inst, size);
    this.gen = grown(this.gen, size);
    this.attempt = grown(this.attempt, size);
    this.replica = grown(this.replica, size);
    this.flags = grown(this.flags, size);
    this.prevDelay = grown(this.prevDelay, size);
    this.startedAt = grown(this.startedAt, size);
    this.sentAt = grown(this.sentAt, size);
    this.expiry = grown(this.expiry, size);
    this.born = grown(this.born, size);
    this.free = grown(this.free, size);
    for (let id = size - 1; id >= old; id--) this.free[this.freeCount++] = id;
    this.capacity = size;
  }
}
