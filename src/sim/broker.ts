import { NODE_FIELDS } from '../model';
import { EV_MESSAGE_ARRIVE, EV_VISIBILITY, K_QUEUE, K_TOPIC, OK, REJECTED_QUEUE_FULL, packEdgeReplica } from './codes';
import type { Engine } from './engine';
import { JobDeque } from './workers';

const M_FREE = 0;
const M_VISIBLE = 1;
const M_IN_FLIGHT = 2;

/** Pooled messages. */
class Messages {
  queue = new Int32Array(1024);
  enqueued = new Float64Array(1024);
  deliveries = new Int32Array(1024);
  gen = new Int32Array(1024);
  state = new Int32Array(1024);
  private free: number[] = [];
  private used = 0;

  alloc(): number {
    const id = this.free.pop();
    if (id !== undefined) return id;
    if (this.used === this.queue.length) this.grow();
    return this.used++;
  }

  release(id: number): void {
    this.state[id] = M_FREE;
    this.gen[id] = ((this.gen[id] as number) + 1) | 0;
    this.free.push(id);
  }

  private grow(): void {
    const size = this.queue.length * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    const enqueued = new Float64Array(size);
    enqueued.set(this.enqueued);
    this.enqueued = enqueued;
    this.queue = g32(this.queue);
    this.deliveries = g32(this.deliveries);
    this.gen = g32(this.gen);
    this.state = g32(this.state);
  }
}

/**
 * Brokers. A queue node is one message queue whose consumers (the services its edges lead to)
 * compete for messages; a topic node keeps one such queue per subscriber edge (capacity per
 * subscriber; visibility time-out and max deliveries take the queue defaults) and copies each
 * message to all. Publishing stores the message after publishLatency and acknowledges, or refuses
 * with rejected_queue_full when full (a topic refuses only when every subscriber is full; a full
 * subscriber loses its copy). Consumers pull with their own workers, after serving their own
 * queued requests. A delivered message is invisible for visibilityTimeoutMs; the consumer deletes
 * it when its job succeeds; otherwise it becomes visible again when the time-out expires (SQS
 * semantics, at-least-once: a slow consumer may see it twice), and after maxDeliveries
 * deliveries it goes to the dead-letter count.
 */
export class Brokers {
  private readonly m = new Messages();
  /** Per broker queue. */
  private readonly owner: number[] = [];
  private readonly consumers: Int32Array[] = [];
  private readonly capacity: number[] = [];
  private readonly visibilityMs: number[] = [];
  private readonly maxDeliveries: number[] = [];
  private readonly visible: JobDeque[] = [];
  private readonly stored: number[] = [];
  private readonly inFlight: number[] = [];
  private readonly nextConsumer: number[] = [];
  /** Per node: its broker queues (a broker) or the queues it consumes and through which edge. */
  private declare readonly queuesOf: Int32Array[];
  private declare readonly subscriptions: Int32Array[];
  private declare readonly subscriptionEdges: Int32Array[];
  private declare readonly nextSubscription: Int32Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const queuesOf: number[][] = topo.nodes.map(() => []);
    const subs: number[][] = topo.nodes.map(() => []);
    const subEdges: number[][] = topo.nodes.map(() => []);
    const add = (owner: number, edges: number[], capacity: number, visibility: number, max: number) => {
      const q = this.owner.length;
      this.owner.push(owner);
      this.consumers.push(Int32Array.from(edges));
      this.capacity.push(capacity);
      this.visibilityMs.push(visibility);
      this.maxDeliveries.push(max);
      this.visible.push(new JobDeque());
      this.stored.push(0);
      this.inFlight.push(0);
      this.nextConsumer.push(0);
      queuesOf[owner]?.push(q);
      for (const edge of edges) {
        subs[topo.to[edge] as number]?.push(q);
        subEdges[topo.to[edge] as number]?.push(edge);
      }
    };
    topo.nodes.forEach((x, i) => {
      const out = Array.from(topo.outgoing[i] ?? []);
      if (x.kind === 'queue') add(i, out, x.capacity, x.visibilityTimeoutMs, x.maxDeliveries);
      else if (x.kind === 'topic') {
        for (const edge of out) add(i, [edge], x.capacity, NODE_FIELDS.visibilityTimeoutMs.default, NODE_FIELDS.maxDeliveries.default);
      }
    });
    this.queuesOf = queuesOf.map((l) => Int32Array.from(l));
    this.subscriptions = subs.map((l) => Int32Array.from(l));
    this.subscriptionEdges = subEdges.map((l) => Int32Array.from(l));
    this.nextSubscription = new Int32Array(topo.nodeCount);
  }

  /** A publish job finished its publishLatency at broker node: store the message (or copies). */
  publish(j: number): number {
    const e = this.e;
    const node = e.jobs.node[j] as number;
    const queues = this.queuesOf[node] as Int32Array;
    if (e.topo.kind[node] === K_QUEUE) {
      const q = queues[0] as number;
      if ((this.stored[q] as number) >= (this.capacity[q] as number)) return REJECTED_QUEUE_FULL;
      this.store(q);
      return OK;
    }
    let full = 0;
    for (let k = 0; k < queues.length; k++) {
      const q = queues[k] as number;
      if ((this.stored[q] as number) >= (this.capacity[q] as number)) {
        full++;
        const edge = (this.consumers[q] as Int32Array)[0] as number;
        e.metrics.attempt(edge, false);
        e.metrics.attemptOutcome(edge, REJECTED_QUEUE_FULL, -1);
      } else {
        this.store(q);
      }
    }
    return queues.length > 0 && full === queues.length ? REJECTED_QUEUE_FULL : OK;
  }

  private store(q: number): void {
    const m = this.m;
    const id = m.alloc();
    m.queue[id] = q;
    m.enqueued[id] = this.e.now;
    m.deliveries[id] = 0;
    m.state[id] = M_VISIBLE;
    this.stored[q] = (this.stored[q] as number) + 1;
    (this.visible[q] as JobDeque).push(id, m.gen[id] as number);
    this.dispatch(q);
  }

  /** Hands visible messages of queue q to consumers with a free worker. */
  private dispatch(q: number): void {
    const e = this.e;
    const owner = this.owner[q] as number;
    const ownerReplica = e.topo.replicaBase[owner] as number;
    if ((e.faults.crashed[ownerReplica] as number) > 0 || (e.faults.hung[ownerReplica] as number) > 0) return;
    const consumers = this.consumers[q] as Int32Array;
    const visible = this.visible[q] as JobDeque;
    while (visible.size > 0) {
      let delivered = false;
      for (let k = 0; k < consumers.length && !delivered; k++) {
        const at = ((this.nextConsumer[q] as number) + k) % consumers.length;
        const edge = consumers[at] as number;
        const node = e.topo.to[edge] as number;
        const base = e.topo.replicaBase[node] as number;
        for (let r = 0; r < (e.topo.replicas[node] as number); r++) {
          const g = base + r;
          if (!this.idle(g)) continue;
          this.nextConsumer[q] = (at + 1) % consumers.length;
          this.deliver(q, edge, g, r);
          delivered = true;
          break;
        }
      }
      if (!delivered) return;
    }
  }

  private idle(g: number): boolean {
    const e = this.e;
    return (
      (e.faults.crashed[g] as number) === 0 &&
      (e.faults.hung[g] as number) === 0 &&
      (e.workers.queued[g] as number) === 0 &&
      (e.workers.busy[g] as number) < (e.workers.cap[g] as number)
    );
  }

  private deliver(q: number, edge: number, g: number, replica: number): void {
    const e = this.e;
    const m = this.m;
    const id = (this.visible[q] as JobDeque).popFront();
    const deliveries = (m.deliveries[id] as number) + 1;
    m.deliveries[id] = deliveries;
    m.state[id] = M_IN_FLIGHT;
    const gen = ((m.gen[id] as number) + 1) | 0;
    m.gen[id] = gen;
    this.inFlight[q] = (this.inFlight[q] as number) + 1;
    e.queue.push(e.now + (this.visibilityMs[q] as number), EV_VISIBILITY, id, gen, 0);
    e.nodes.reserveWorker(g);
    e.metrics.attempt(edge, deliveries > 1);
    e.queue.push(e.now + e.topo.latency[edge]!.next(), EV_MESSAGE_ARRIVE, id, gen, packEdgeReplica(edge, replica));
  }

  /** A consumer replica has a free worker and nothing queued: take a message if any. */
  /** Whether `node` consumes from some queue or topic (pull can deliver to it). */
  isConsumer(node: number): boolean {
    return (this.subscriptions[node] as Int32Array).length > 0;
  }

  pull(node: number, replica: number): boolean {
    const subs = this.subscriptions[node] as Int32Array;
    if (subs.length === 0) return false;
    const e = this.e;
    const g = (e.topo.replicaBase[node] as number) + replica;
    const start = this.nextSubscription[node] as number;
    for (let k = 0; k < subs.length; k++) {
      const at = (start + k) % subs.length;
      const q = subs[at] as number;
      if ((this.visible[q] as JobDeque).size === 0) continue;
      const ownerReplica = e.topo.replicaBase[this.owner[q] as number] as number;
      if ((e.faults.crashed[ownerReplica] as number) > 0 || (e.faults.hung[ownerReplica] as number) > 0) continue;
      this.nextSubscription[node] = (at + 1) % subs.length;
      this.deliver(q, (this.subscriptionEdges[node] as Int32Array)[at] as number, g, replica);
      return true;
    }
    return false;
  }

  /** EV_MESSAGE_ARRIVE: the message reaches the consumer, on the worker reserved for it. */
  onMessageArrive(id: number, gen: number, edge: number, replica: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const j = jobs.alloc();
    jobs.node[j] = e.topo.to[edge] as number;
    jobs.call[j] = -1;
    jobs.callGen[j] = 0;
    jobs.msg[j] = id;
    jobs.msgGen[j] = gen;
    jobs.deadline[j] = Infinity;
    e.nodes.arriveOnReservedWorker(j, replica, edge);
  }

  /** The consumer's job for a message finished. */
  onConsumed(j: number, cause: number): void {
    const e = this.e;
    const m = this.m;
    const id = e.jobs.msg[j] as number;
    const edge = e.jobs.aux[j] as number;
    e.metrics.attemptOutcome(edge, cause, e.now - (e.jobs.arrive[j] as number));
    // A stale delivery (the message was redelivered meanwhile) cannot delete it.
    if (cause !== OK || m.gen[id] !== e.jobs.msgGen[j] || m.state[id] !== M_IN_FLIGHT) return;
    const q = m.queue[id] as number;
    this.inFlight[q] = (this.inFlight[q] as number) - 1;
    this.stored[q] = (this.stored[q] as number) - 1;
    m.release(id);
  }

  /** EV_VISIBILITY: a delivered message was not deleted in time. */
  onVisibility(id: number, gen: number): void {
    const m = this.m;
    if (m.gen[id] !== gen || m.state[id] !== M_IN_FLIGHT) return;
    const q = m.queue[id] as number;
    this.inFlight[q] = (this.inFlight[q] as number) - 1;
    if ((m.deliveries[id] as number) >= (this.maxDeliveries[q] as number)) {
      this.stored[q] = (this.stored[q] as number) - 1;
      this.e.metrics.deadLettered(this.owner[q] as number);
      m.release(id);
      return;
    }
    m.state[id] = M_VISIBLE;
    (this.visible[q] as JobDeque).push(id, m.gen[id] as number);
    this.dispatch(q);
  }

  /** After a fault on a broker ends: deliver what waits. */
  kick(node: number): void {
    const queues = this.queuesOf[node];
    if (!queues) return;
    for (let k = 0; k < queues.length; k++) this.dispatch(queues[k] as number);
  }

  /** Gauges of a broker node for samples. */
  depth(node: number): number {
    return this.sum(node, this.stored);
  }

  inFlightOf(node: number): number {
    return this.sum(node, this.inFlight);
  }

  oldestAgeMs(node: number): number {
    const queues = this.queuesOf[node] as Int32Array;
    let oldest = 0;
    for (let k = 0; k < queues.length; k++) {
      const visible = this.visible[queues[k] as number] as JobDeque;
      if (visible.size > 0) oldest = Math.max(oldest, this.e.now - (this.m.enqueued[visible.peekFront()] as number));
    }
    return oldest;
  }

  isBroker(node: number): boolean {
    const kind = this.e.topo.kind[node];
    return kind === K_QUEUE || kind === K_TOPIC;
  }

  private sum(node: number, values: number[]): number {
    const queues = this.queuesOf[node] as Int32Array;
    let total = 0;
    for (let k = 0; k < queues.length; k++) total += values[queues[k] as number] as number;
    return total;
  }
}
