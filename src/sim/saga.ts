import { DEPENDENCY_FAILED, OK } from './codes';
import type { Engine } from './engine';
import { J_CALLING, JF_AFTER_SAGA, JF_COMPENSATING, JF_DEGRADED, JF_DETACHED, JF_IN_SAGA, JF_INCONSISTENT } from './records';
import type { SagaPlan } from './topology';

/**
 * Sagas: a service's ordered steps, each an action call with an optional compensating call.
 * The steps run one after another; when one fails (after its retries; a fallback counts as
 * success), the compensations of the steps already done run in reverse order, each on its own
 * edge with its own policy; a compensation that fails makes the saga inconsistent (the others
 * still run). Orchestrated: the service holds the request (and its worker) through the saga
 * and answers with the outcome (dependency_failed when compensated). Choreographed: the service
 * answers once its own work is done, and the saga proceeds on its own, each step reacting to
 * the previous one's completion; only the saga counters see its outcome.
 */
export class Sagas {
  started = 0;
  completed = 0;
  compensated = 0;
  inconsistent = 0;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
  }

  private plan(j: number): SagaPlan {
    const saga = this.e.topo.saga[this.e.jobs.node[j] as number];
    if (!saga) throw new Error('saga step on a node without a saga');
    return saga;
  }

  begin(j: number): void {
    const jobs = this.e.jobs;
    this.started++;
    jobs.flags[j] = (jobs.flags[j] as number) | JF_IN_SAGA;
    jobs.state[j] = J_CALLING;
    jobs.pos[j] = 0;
    this.step(j);
  }

  /** A choreographed saga: a detached job runs it while the original request goes on. */
  detach(j: number): void {
    const jobs = this.e.jobs;
    const d = jobs.alloc();
    jobs.node[d] = jobs.node[j] as number;
    jobs.replica[d] = jobs.replica[j] as number;
    jobs.epoch[d] = jobs.epoch[j] as number;
    jobs.call[d] = -1;
    jobs.callGen[d] = 0;
    jobs.msg[d] = -1;
    jobs.arrive[d] = this.e.now;
    jobs.deadline[d] = Infinity;
    jobs.flags[d] = JF_DETACHED;
    jobs.cause[d] = OK;
    jobs.pending[d] = 0;
    jobs.countLeft[d] = -1;
    jobs.aux[d] = 0;
    this.begin(d);
  }

  private step(j: number): void {
    const actions = this.plan(j).actions;
    const pos = this.e.jobs.pos[j] as number;
    if (pos >= actions.length) return this.succeeded(j);
    this.e.callFlow.launch(j, actions[pos] as number);
  }

  onStepDone(j: number, cause: number, degraded: boolean): void {
    const jobs = this.e.jobs;
    let flags = jobs.flags[j] as number;
    const pos = jobs.pos[j] as number;
    if ((flags & JF_COMPENSATING) === 0) {
      if (cause === OK) {
        if (degraded) jobs.flags[j] = flags | JF_DEGRADED;
        jobs.pos[j] = pos + 1;
        return this.step(j);
      }
      jobs.flags[j] = flags | JF_COMPENSATING;
      return this.compensateFrom(j, pos - 1);
    }
    if (cause !== OK) flags |= JF_INCONSISTENT;
    jobs.flags[j] = flags;
    this.compensateFrom(j, pos - 1);
  }

  private compensateFrom(j: number, from: number): void {
    const compensations = this.plan(j).compensations;
    for (let i = from; i >= 0; i--) {
      const edge = compensations[i] as number;
      if (edge >= 0) {
        this.e.jobs.pos[j] = i;
        return this.e.callFlow.launch(j, edge);
      }
    }
    this.failed(j);
  }

  private succeeded(j: number): void {
    const e = this.e;
    const flags = e.jobs.flags[j] as number;
    this.completed++;
    e.jobs.flags[j] = (flags & ~JF_IN_SAGA) | JF_AFTER_SAGA;
    if ((flags & JF_DETACHED) !== 0) return e.nodes.complete(j, OK);
    e.plans.start(j);
  }

  private failed(j: number): void {
    const e = this.e;
    const flags = e.jobs.flags[j] as number;
    this.compensated++;
    if ((flags & JF_INCONSISTENT) !== 0) this.inconsistent++;
    e.jobs.flags[j] = flags & ~JF_IN_SAGA;
    e.nodes.complete(j, DEPENDENCY_FAILED);
  }
}
