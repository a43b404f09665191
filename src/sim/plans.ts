import {
  CRASHED,
  DEPENDENCY_FAILED,
  K_CACHE,
  OK,
  PLAN_FORWARD,
  PLAN_NONE,
  PLAN_PARALLEL,
  PLAN_PUBLISH,
  PLAN_ROUTE,
  TIMEOUT,
} from './codes';
import type { Engine } from './engine';
import { J_CALLING, JF_AFTER_SAGA, JF_CACHE_HIT, JF_DEGRADED, JF_IN_SAGA } from './records';
import type { Rng } from './rng';
import { SAGA_ORCHESTRATED, type SagaPlan } from './topology';

/**
 * A node's call plan, after its own work: its outgoing edges in scenario order, each taken with
 * probability callPercent and made `count` times, one after another (sequential: the first
 * required failure fails the job at once) or all at once (parallel: the job waits for every call,
 * then fails if a required one failed). A routing gateway sends each request down one edge, drawn
 * with weights callPercent; a load balancer forwards to its target; an optional edge's failure
 * (or a fallback) only degrades the answer.
 */
export class Plans {
  private declare readonly planRng: Rng[];

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    this.planRng = e.topo.nodeIds.map((id) => e.rng(`plan/${id}`));
  }

  start(j: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const topo = e.topo;
    const node = jobs.node[j] as number;
    const mode = topo.planMode[node] as number;
    if (mode === 0 /* PLAN_NONE */) {
      // Nothing to call (and no saga): the answer.
      jobs.state[j] = 3 /* J_CALLING */;
      return e.nodes.complete(j, -1 /* OK */);
    }
    const saga = topo.saga[node] as SagaPlan | null;
    if (saga !== null && ((jobs.flags[j] as number) & JF_AFTER_SAGA) === 0) {
      if (saga.mode === SAGA_ORCHESTRATED) return e.sagas.begin(j);
      e.sagas.detach(j);
      jobs.flags[j] = (jobs.flags[j] as number) | JF_AFTER_SAGA;
    }
    jobs.state[j] = J_CALLING;
    const plan = topo.plan[node] as Int32Array;
    switch (mode) {
      case PLAN_NONE:
        return e.nodes.complete(j, OK);
      case PLAN_PUBLISH:
        return e.nodes.complete(j, e.brokers.publish(j));
      case PLAN_PARALLEL:
        return this.parallel(j, node, plan);
      case PLAN_ROUTE:
        return this.route(j, node, plan);
      case PLAN_FORWARD:
        if (plan.length === 0) return e.nodes.complete(j, OK);
        return e.callFlow.launch(j, plan[0] as number);
      default:
        if (topo.kind[node] === K_CACHE && ((jobs.flags[j] as number) & JF_CACHE_HIT) !== 0) return e.nodes.complete(j, OK);
        jobs.pos[j] = 0;
        jobs.countLeft[j] = -1;
        return this.next(j);
    }
  }

  private takes(node: number, edge: number): boolean {
    const p = this.e.topo.callPercent[edge] as number;
    return p >= 100 || (p > 0 && (this.planRng[node] as Rng).next() * 100 < p);
  }

  /** Sequential plan: the next call, or done. */
  private next(j: number): void {
    const e = this.e;
    const jobs = e.jobs;
    const node = jobs.node[j] as number;
    const plan = e.topo.plan[node] as Int32Array;
    for (;;) {
      const pos = jobs.pos[j] as number;
      if (pos >= plan.length) return e.nodes.complete(j, OK);
      const edge = plan[pos] as number;
      let left = jobs.countLeft[j] as number;
      if (left < 0) left = this.takes(node, edge) ? (e.topo.count[edge] as number) : 0;
      if (left > 0) {
        jobs.countLeft[j] = left - 1;
        return e.callFlow.launch(j, edge);
      }
      jobs.pos[j] = pos + 1;
      jobs.countLeft[j] = -1;
    }
  }

  private parallel(j: number, node: number, plan: Int32Array): void {
    const e = this.e;
    const jobs = e.jobs;
    // Hold one extra "pending" while launching: a call refused on the spot must not finish the job early.
    jobs.pending[j] = (jobs.pending[j] as number) + 1;
    for (let i = 0; i < plan.length; i++) {
      const edge = plan[i] as number;
      if (!this.takes(node, edge)) continue;
      for (let k = e.topo.count[edge] as number; k > 0; k--) e.callFlow.launch(j, edge);
    }
    jobs.pending[j] = (jobs.pending[j] as number) - 1;
    if (jobs.pending[j] === 0) this.finishWaiting(j, jobs.cause[j] as number);
  }

  private route(j: number, node: number, plan: Int32Array): void {
    const e = this.e;
    let total = 0;
    for (let i = 0; i < plan.length; i++) total += e.topo.callPercent[plan[i] as number] as number;
    let u = (this.planRng[node] as Rng).next() * Math.max(100, total);
    for (let i = 0; i < plan.length; i++) {
      const edge = plan[i] as number;
      u -= e.topo.callPercent[edge] as number;
      if (u < 0) {
        e.jobs.pos[j] = i;
        e.jobs.countLeft[j] = (e.topo.count[edge] as number) - 1;
        return e.callFlow.launch(j, edge);
      }
    }
    e.nodes.complete(j, OK);
  }

  /** A call of job j finished (after its retries and fallback). */
  onCallDone(j: number, edge: number, cause: number, degraded: boolean): void {
    const e = this.e;
    const jobs = e.jobs;
    const topo = e.topo;
    jobs.pending[j] = (jobs.pending[j] as number) - 1;
    let flags = jobs.flags[j] as number;
    if ((flags & JF_IN_SAGA) !== 0) return e.sagas.onStepDone(j, cause, degraded);
    let ok = cause === OK;
    if (degraded) flags |= JF_DEGRADED;
    if (!ok && topo.optional[edge] === 1) {
      flags |= JF_DEGRADED;
      ok = true;
    }
    jobs.flags[j] = flags;
    const node = jobs.node[j] as number;
    const failure = topo.passThrough[node] === 1 ? cause : DEPENDENCY_FAILED;
    const mode = topo.planMode[node];
    if (mode === PLAN_PARALLEL) {
      if (!ok && jobs.cause[j] === OK) jobs.cause[j] = failure;
      if (jobs.pending[j] === 0) this.finishWaiting(j, jobs.cause[j] as number);
      return;
    }
    if (!ok) return this.finishWaiting(j, failure);
    const g = (topo.replicaBase[node] as number) + (jobs.replica[j] as number);
    if (jobs.epoch[j] !== e.faults.epoch[g]) return e.nodes.complete(j, CRASHED);
    if (e.nodes.abandoned(j)) return e.nodes.complete(j, TIMEOUT);
    if (mode === PLAN_FORWARD) return e.nodes.complete(j, OK);
    if (mode === PLAN_ROUTE) {
      const left = jobs.countLeft[j] as number;
      if (left <= 0) return e.nodes.complete(j, OK);
      jobs.countLeft[j] = left - 1;
      return e.callFlow.launch(j, edge);
    }
    this.next(j);
  }

  private finishWaiting(j: number, cause: number): void {
    const e = this.e;
    const node = e.jobs.node[j] as number;
    const g = (e.topo.replicaBase[node] as number) + (e.jobs.replica[j] as number);
    e.nodes.complete(j, e.jobs.epoch[j] !== e.faults.epoch[g] ? CRASHED : cause);
  }
}
