import type { ClientNode } from '../model';
import { EV_CLIENT_ARRIVAL, K_CLIENT, OK } from './codes';
import { Sampler } from './distributions';
import type { Engine } from './engine';
import { RateSchedule } from './arrivals';
import { JF_IN_SYSTEM, JF_ROOT, JF_USER } from './records';
import type { Rng } from './rng';

/**
 * Traffic sources. Open loop: a Poisson process following the client's rate schedule, whatever
 * happens to earlier requests. Closed loop: `users` users, each thinking (the think-time
 * distribution, shortened by traffic spikes), sending one request and waiting for its answer
 * (success or failure) before thinking again; each user starts with a think time.
 */
export class Clients {
  private declare readonly schedules: (RateSchedule | null)[];
  private declare readonly arrivalRng: (Rng | null)[];
  private declare readonly think: (Sampler | null)[];
  private declare readonly spikes: { startMs: number; endMs: number; factor: number }[][];
  /** The client's only call when its request is exactly one call (callPercent 100, count 1), else -1. */
  private declare readonly single: Int32Array;
  private declare readonly closed: Uint8Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    this.spikes = topo.nodes.map((_, i) => e.faults.trafficFactorBreakpoints(i));
    this.schedules = topo.nodes.map((x, i) =>
      x.kind === 'client' && x.workload.model === 'open' ? new RateSchedule(x.workload, this.spikes[i] ?? []) : null,
    );
    this.arrivalRng = topo.nodes.map((x) => (x.kind === 'client' ? e.rng(`arrivals/${x.id}`) : null));
    this.single = Int32Array.from(topo.nodes, (x, i) => {
      const plan = topo.plan[i] as Int32Array;
      const edge = plan[0] ?? -1;
      return x.kind === 'client' && plan.length === 1 && (topo.callPercent[edge] as number) >= 100 && topo.count[edge] === 1 ? edge : -1;
    });
    this.closed = Uint8Array.from(topo.nodes, (x) => (x.kind === 'client' && x.workload.model === 'closed' ? 1 : 0));
    this.think = topo.nodes.map((x) =>
      x.kind === 'client' && x.workload.model === 'closed' ? new Sampler(x.workload.thinkTime, e.rng(`think/${x.id}`)) : null,
    );
  }

  start(): void {
    const topo = this.e.topo;
    for (let i = 0; i < topo.nodeCount; i++) {
      if (topo.kind[i] !== K_CLIENT) continue;
      const client = topo.nodes[i] as ClientNode;
      if (client.workload.model === 'open') this.scheduleOpen(i, 0);
      else for (let u = 0; u < client.workload.users; u++) this.scheduleUser(i, 0);
    }
  }

  private scheduleOpen(node: number, t: number): void {
    const schedule = this.schedules[node] as RateSchedule | null;
    const rng = this.arrivalRng[node] as Rng | null;
    if (schedule === null || rng === null) return;
    const next = schedule.next(t, -Math.log(1 - rng.next()));
    if (next !== Infinity) this.e.queue.push(next, 0 /* EV_CLIENT_ARRIVAL */, node, 0, 0);
  }

  private scheduleUser(node: number, t: number): void {
    const think = this.think[node];
    if (!think) return;
    const factor = RateSchedule.factorAt(this.spikes[node] ?? [], t);
    const wait = factor > 0 ? think.next() / factor : Infinity;
    if (wait !== Infinity) this.e.queue.push(t + wait, EV_CLIENT_ARRIVAL, node, 1, 0);
  }

  /** EV_CLIENT_ARRIVAL: a new client request. */
  onArrival(node: number, closed: number): void {
    const e = this.e;
    const jobs = e.jobs;
    if (closed === 0) this.scheduleOpen(node, e.now);
    const metrics = e.metrics;
    metrics.arrival(node);
    metrics.change(node, 1, 0);
    const single = this.single[node] as number;
    if (single >= 0) return e.callFlow.launchRoot(node, single);
    // A client has no workers, queue or faults: the request goes straight to its call plan.
    const j = jobs.alloc();
    jobs.node[j] = node;
    jobs.replica[j] = 0;
    jobs.call[j] = -1;
    jobs.callGen[j] = 0;
    jobs.msg[j] = -1;
    jobs.deadline[j] = Infinity;
    jobs.arrive[j] = e.now;
    jobs.epoch[j] = 0;
    jobs.flags[j] = closed === 0 ? JF_ROOT | JF_IN_SYSTEM : JF_ROOT | JF_IN_SYSTEM | JF_USER;
    jobs.cause[j] = OK;
    jobs.pending[j] = 0;
    jobs.aux[j] = 0;
    e.plans.start(j);
  }

  /** A client request made of a single call was answered. */
  onRootCallDone(node: number, edge: number, born: number, cause: number, degraded: boolean): void {
    const e = this.e;
    if (cause !== -1 /* OK */ && e.topo.optional[edge] === 1) {
      cause = -1 /* OK */;
      degraded = true;
    }
    const metrics = e.metrics;
    metrics.change(node, -1, 0);
    if (metrics.completion(node, cause, e.now - born, degraded)) e.nodes.firstFailure(node, cause);
    if (this.closed[node] === 1) this.scheduleUser(node, e.now);
  }

  /** A client request was answered (its metrics are the client node's). */
  onRequestDone(j: number): void {
    const e = this.e;
    if (((e.jobs.flags[j] as number) & JF_USER) !== 0) this.scheduleUser(e.jobs.node[j] as number, e.now);
  }
}
