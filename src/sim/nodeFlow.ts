import {
  CRASHED,
  EV_QUEUE_EXPIRE,
  K_DATABASE,
  K_GATEWAY,
  K_CACHE,
  OK,
  REJECTED_RATE_LIMIT,
  SHED,
} from './codes';
import type { Engine } from './engine';
import {
  J_DROPPED,
  J_QUEUED,
  JF_IN_SYSTEM,
  JF_WORKER,
  JF_WRITE,
} from './records';
import type { Sampler } from './distributions';
import type { Rng } from './rng';
import type { JobDeque } from './workers';

/**
 * A job's life at a node: arrival (refused when crashed, swallowed when hung, rate-limited at a
 * gateway), a worker or a place in the queue (or a refusal when full), the node's own work, then
 * its call plan (plans.ts), and the answer. An answer that causes further answers (a caller's job
 * completing in turn) does not recurse: those wait on a stack (`complete`), so a chain of answers
 * never deepens the stack. The hot paths write codes and flags as tagged literals
 * (`1 /* JF_WORKER *\/`): V8 does not fold module constants (literals.test.ts checks the tags).
 */
export class NodeFlow {
  private declare readonly e: Engine;
  private stack = new Int32Array(256);
  private stackSize = 0;
  private draining = false;
  private declare readonly errorRng: Rng[];
  private declare readonly writeRng: Rng[];
  /** Nodes with something to do on arrival: a rate-limited gateway, a cache, a database (its kind), else 0. */
  private declare readonly special: Int32Array;
  /** 1 when the node's workers are finite (they count as busy in the metrics). */
  private declare readonly finite: Uint8Array;
  /** 1 when the node consumes from a queue or topic (a free worker pulls messages). */
  private declare readonly consumer: Uint8Array;

  constructor(e: Engine) {
    this.e = e;
    this.errorRng = e.topo.nodeIds.map((id) => e.rng(`errors/${id}`));
    this.writeRng = e.topo.nodeIds.map((id) => e.rng(`writes/${id}`));
    this.special = Int32Array.from(e.topo.nodes, (_, i) => {
      const kind = e.topo.kind[i] as number;
      if (kind === K_CACHE || kind === K_DATABASE) return kind;
      return kind === K_GATEWAY && e.gatewayLimiters.enabled[i] === 1 ? K_GATEWAY : 0;
    });
    this.finite = Uint8Array.from(e.topo.workers, (w) => (w !== Infinity ? 1 : 0));
    this.consumer = Uint8Array.from(e.topo.nodes, (_, i) => (e.brokers.isConsumer(i) ? 1 : 0));
  }

  /**
   * A call's attempt reaches its callee (EV_CALL_ARRIVE): a job at a replica (the one the caller's
   * balancer picked, else round-robin), admitted, served at once or queued, or refused.
   */
  onCallArrive(call: number, gen: number, packed: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const topo = e.topo;
    const edge = packed & 8191 /* EDGE_MASK */;
    const node = topo.to[edge] as number;
    const j = jobs.alloc();
    jobs.node[j] = node;
    jobs.call[j] = call;
    jobs.callGen[j] = gen;
    jobs.msg[j] = -1;
    // The deadline travels with the request when the edge propagates it; an attempt already
    // abandoned by its caller arrives with its deadline passed.
    jobs.deadline[j] =
      topo.deadlinePropagation[edge] === 1 ? (e.calls.gen[call] === gen ? (e.calls.expiry[call] as number) : e.now) : Infinity;
    const hint = (packed >>> 13 /* EDGE_BITS */) - 1;
    const replica = hint >= 0 ? hint : e.workers.pick(node);
    const g = (topo.replicaBase[node] as number) + replica;
    const faults = e.faults;
    const metrics = e.metrics;
    jobs.replica[j] = replica;
    jobs.arrive[j] = e.now;
    jobs.epoch[j] = faults.epoch[g] as number;
    jobs.cause[j] = -1 /* OK */;
    jobs.pending[j] = 0;
    metrics.arrival(node);
    if ((faults.down[g] as number) !== 0) {
      if ((faults.hung[g] as number) > 0) {
        // A black hole: accepted, never answered.
        jobs.release(j);
        return;
      }
      metrics.change(node, 1, 0);
      jobs.flags[j] = JF_IN_SYSTEM;
      return this.complete(j, CRASHED);
    }
    let flags = 0;
    const special = this.special[node] as number;
    if (special !== 0) {
      jobs.flags[j] = 0;
      if (special === K_GATEWAY && !e.gatewayLimiters.allow(node, e.now)) {
        metrics.change(node, 1, 0);
        jobs.flags[j] = JF_IN_SYSTEM;
        return this.complete(j, REJECTED_RATE_LIMIT);
      }
      if (special === K_CACHE) e.caches.lookup(j);
      else if (special === K_DATABASE && (this.writeRng[node] as Rng).next() * 100 < (topo.writePercent[node] as number)) {
        jobs.flags[j] = JF_WRITE;
      }
      flags = jobs.flags[j] as number;
    }
    const workers = e.workers;
    const busy = workers.busy[g] as number;
    if (busy < (workers.cap[g] as number)) {
      workers.busy[g] = busy + 1;
      metrics.change(node, 1, this.finite[node] as number);
      jobs.flags[j] = flags | 256 /* JF_IN_SYSTEM */ | 1 /* JF_WORKER */;
      return this.startService(j, g);
    }
    metrics.change(node, 1, 0);
    jobs.flags[j] = flags | 256 /* JF_IN_SYSTEM */;
    if ((workers.queued[g] as number) < (topo.queueCapacity[node] as number)) {
      this.enqueue(j, g, node);
    } else {
      if (e.notable.saturated(node, e.now)) {
        e.notable.add(e.now, 'queue_full', topo.nodeIds[node] ?? '', `${topo.nodeIds[node]} is full (${workers.queued[g]} waiting on replica ${replica}): refusing requests`);
      }
      this.complete(j, topo.overflowCause[node] as number);
    }
  }

  private enqueue(j: number, g: number, node: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const workers = e.workers;
    const gen = jobs.gen[j] as number;
    jobs.state[j] = 1 /* J_QUEUED */;
    (workers.queues[g] as JobDeque).push(j, gen);
    workers.queued[g] = (workers.queued[g] as number) + 1;
    const wait = e.topo.maxQueueWaitMs[node] as number;
    if (wait !== Infinity) e.queue.push(e.now + wait, EV_QUEUE_EXPIRE, j, gen, 0);
  }

  /** EV_QUEUE_EXPIRE: waited longer than the queue's maxWaitMs: dropped (load shedding). */
  onQueueExpire(j: number, gen: number): void {
    const e = this.e;
    if (e.jobs.gen[j] !== gen || e.jobs.state[j] !== J_QUEUED) return;
    const g = (e.topo.replicaBase[e.jobs.node[j] as number] as number) + (e.jobs.replica[j] as number);
    e.jobs.state[j] = J_DROPPED;
    e.workers.queued[g] = (e.workers.queued[g] as number) - 1;
    this.complete(j, SHED);
  }

  /** The node's own work: its service time, slowed by latency faults and load. */
  private startService(j: number, g: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const topo = e.topo;
    const faults = e.faults;
    const node = jobs.node[j] as number;
    jobs.state[j] = 2 /* J_SERVICE */;
    const sampler = (((jobs.flags[j] as number) & 4 /* JF_WRITE */) !== 0 ? topo.writeService[node] : topo.service[node]) as Sampler | null;
    let d = sampler !== null ? sampler.next() : 0;
    d = d * (faults.latencyFactor[g] as number) + (faults.latencyAddMs[g] as number);
    const slowdown = topo.maxSlowdown[node] as number;
    if (slowdown > 0) {
      const knee = topo.kneeUtilisation[node] as number;
      const u = (e.workers.busy[g] as number) / (topo.workers[node] as number);
      if (u > knee && knee < 1) d *= 1 + ((slowdown - 1) * Math.min(1, (u - knee) / (1 - knee)));
    }
    if (d > 0) e.queue.push(e.now + d, 2 /* EV_SERVICE_DONE */, j, jobs.gen[j] as number, 0);
    else this.afterService(j);
  }

  /** EV_SERVICE_DONE. */
  onServiceDone(j: number, gen: number): void {
    if (this.e.jobs.gen[j] === gen) this.afterService(j);
  }

  private afterService(j: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const faults = e.faults;
    const node = jobs.node[j] as number;
    const g = (e.topo.replicaBase[node] as number) + (jobs.replica[j] as number);
    if (jobs.epoch[j] !== faults.epoch[g]) return this.complete(j, 7 /* CRASHED */);
    if (this.abandoned(j)) return this.complete(j, 1 /* TIMEOUT */);
    const base = e.topo.errorPercent[node] as number;
    const extra = faults.errorPercent[g] as number;
    if (base > 0 || extra > 0) {
      const p = extra > 0 ? 100 - ((100 - base) * (100 - extra)) / 100 : base;
      if ((this.errorRng[node] as Rng).next() * 100 < p) return this.complete(j, 0 /* ERROR */);
    }
    e.plans.start(j);
  }

  /**
   * Whether nobody waits for this job any more: its propagated deadline passed, or (with
   * cancelOnTimeout) its caller gave up on the attempt. Checked when the job leaves the queue,
   * after its own work and between sequential calls, as code checking its context would.
   */
  abandoned(j: number): boolean {
    const e = this.e;
    const jobs = e.jobs;
    if ((jobs.deadline[j] as number) <= e.now) return true;
    const call = jobs.call[j] as number;
    return call >= 0 && e.topo.cancelOnTimeout[jobs.node[j] as number] === 1 && e.calls.gen[call] !== jobs.callGen[j];
  }

  /** Finishes a job with a cause (OK = success) and sends its answer. */
  complete(j: number, cause: number): void {
    const jobs = this.e.jobs;
    jobs.cause[j] = cause;
    jobs.state[j] = 5 /* J_DONE */;
    if (this.draining) return this.defer(j);
    // Not inside another answer: this one goes out now, then whatever it completed in turn.
    this.draining = true;
    this.finish(j);
    while (this.stackSize > 0) this.finish(this.stack[--this.stackSize] as number);
    this.draining = false;
  }

  private defer(j: number): void {
    if (this.stackSize === this.stack.length) {
      const bigger = new Int32Array(this.stack.length * 2);
      bigger.set(this.stack);
      this.stack = bigger;
    }
    this.stack[this.stackSize++] = j;
  }

  private finish(j: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const flags = jobs.flags[j] as number;
    if ((flags & 16 /* JF_DETACHED */) !== 0) {
      // A choreographed saga's own job: nobody waits for an answer (sagas.ts counted the outcome).
      jobs.release(j);
      return;
    }
    const node = jobs.node[j] as number;
    const g = (e.topo.replicaBase[node] as number) + (jobs.replica[j] as number);
    const cause = jobs.cause[j] as number;
    const worker = (flags & 1 /* JF_WORKER */) !== 0;
    let busy = 0;
    if (worker) {
      e.workers.busy[g] = (e.workers.busy[g] as number) - 1;
      busy = -(this.finite[node] as number);
    }
    const inSystem = (flags & 256 /* JF_IN_SYSTEM */) !== 0;
    if (inSystem || busy !== 0) e.metrics.change(node, inSystem ? -1 : 0, busy);
    if ((e.faults.hung[g] as number) === 0) {
      const degraded = (flags & 2 /* JF_DEGRADED */) !== 0;
      if (e.metrics.completion(node, cause, e.now - (jobs.arrive[j] as number), degraded)) this.firstFailure(node, cause);
      if (cause === -1 /* OK */ && this.special[node] === 5 /* K_CACHE */ && (flags & 8 /* JF_CACHE_HIT */) === 0) e.caches.store(j);
      const call = jobs.call[j] as number;
      if (call >= 0) {
        if (e.calls.gen[call] === jobs.callGen[j]) e.callFlow.onReply(call, cause, degraded);
      } else if ((jobs.msg[j] as number) >= 0) {
        e.brokers.onConsumed(j, cause);
      } else if ((flags & 1024 /* JF_USER */) !== 0) {
        e.clients.onRequestDone(j);
      }
    }
    jobs.release(j);
    if (worker) this.pump(g);
  }

  firstFailure(node: number, cause: number): void {
    const e = this.e;
    e.notable.add(e.now, 'first_failure', e.topo.nodeIds[node] ?? '', `First failure at ${e.topo.nodeIds[node]}: ${causeName(cause)}`);
  }

  /** Starts queued work (and broker messages, for consumers) while the replica has free workers. */
  pump(g: number): void {
    const e = this.e;
    const workers = e.workers;
    const jobs = e.jobs;
    const faults = e.faults;
    const node = workers.nodeOf[g] as number;
    const queue = workers.queues[g] as JobDeque;
    const lifo = e.topo.lifo[node] === 1;
    while ((workers.busy[g] as number) < (workers.cap[g] as number)) {
      if ((faults.down[g] as number) !== 0) return;
      if ((workers.queued[g] as number) > 0) {
        const j = lifo ? queue.popBack() : queue.popFront();
        if (jobs.gen[j] !== queue.gen || jobs.state[j] !== 1 /* J_QUEUED */) continue;
        workers.queued[g] = (workers.queued[g] as number) - 1;
        if (this.abandoned(j)) {
          this.complete(j, 1 /* TIMEOUT */);
          continue;
        }
        this.takeWorker(j, g, node);
        this.startService(j, g);
      } else if (this.consumer[node] === 0 || !e.brokers.pull(node, workers.replicaOf[g] as number)) {
        return;
      }
    }
  }

  private takeWorker(j: number, g: number, node: number): void {
    const e = this.e;
    e.workers.busy[g] = (e.workers.busy[g] as number) + 1;
    if (this.finite[node] === 1) e.metrics.change(node, 0, 1);
    e.jobs.flags[j] = (e.jobs.flags[j] as number) | 1 /* JF_WORKER */;
  }

  /** Reserves a worker for a broker delivery (the message arrives after the edge latency). */
  reserveWorker(g: number): void {
    const e = this.e;
    const node = e.workers.nodeOf[g] as number;
    e.workers.busy[g] = (e.workers.busy[g] as number) + 1;
    if ((e.topo.workers[node] as number) !== Infinity) e.metrics.change(node, 0, 1);
  }

  /** A delivered broker message (job j: node, msg, deadline set) starts on its reserved worker. */
  arriveOnReservedWorker(j: number, replica: number, edge: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const node = jobs.node[j] as number;
    const g = (e.topo.replicaBase[node] as number) + replica;
    jobs.replica[j] = replica;
    jobs.arrive[j] = e.now;
    jobs.epoch[j] = e.faults.epoch[g] as number;
    jobs.cause[j] = OK;
    jobs.pending[j] = 0;
    jobs.pos[j] = 0;
    jobs.countLeft[j] = -1;
    jobs.aux[j] = edge;
    e.metrics.arrival(node);
    if ((e.faults.hung[g] as number) > 0) {
      // Swallowed: the message comes back when its visibility time-out expires.
      e.workers.busy[g] = (e.workers.busy[g] as number) - 1;
      e.metrics.change(node, 0, -1);
      jobs.release(j);
      return;
    }
    e.metrics.change(node, 1, 0);
    jobs.flags[j] = JF_WORKER | JF_IN_SYSTEM;
    if ((e.faults.crashed[g] as number) > 0) return this.complete(j, CRASHED);
    this.startService(j, g);
  }

  /** A replica crashed: everything waiting in its queue is refused. */
  crashReplica(node: number, replica: number): void {
    const e = this.e;
    const g = (e.topo.replicaBase[node] as number) + replica;
    const queue = e.workers.queues[g];
    if (!queue) return;
    const lifo = e.topo.lifo[node] === 1;
    while (queue.size > 0) {
      const j = lifo ? queue.popBack() : queue.popFront();
      if (e.jobs.gen[j] !== queue.gen || e.jobs.state[j] !== J_QUEUED) continue;
      e.workers.queued[g] = (e.workers.queued[g] as number) - 1;
      e.jobs.state[j] = J_DROPPED;
      this.complete(j, CRASHED);
    }
  }

  /** After a fault ends or capacity changes: start what can start. */
  resume(node: number): void {
    const e = this.e;
    const base = e.topo.replicaBase[node] as number;
    for (let r = 0; r < (e.topo.replicas[node] as number); r++) this.pump(base + r);
    e.brokers.kick(node);
  }
}

const CAUSE_NAMES = ['error', 'timeout', 'queue full', 'bulkhead full', 'rate limited', 'breaker open', 'shed', 'crashed', 'partitioned', 'dependency failed'];
export function causeName(cause: number): string {
  return CAUSE_NAMES[cause] ?? 'ok';
}
