import {
  BREAKER_OPEN,
  DEPENDENCY_FAILED,
  ERROR,
  EV_ATTEMPT_TIMEOUT,
  EV_BULKHEAD_EXPIRE,
  EV_RETRY,
  EV_SEND,
  K_LOAD_BALANCER,
  OK,
  PARTITIONED,
  REJECTED_BULKHEAD,
  REJECTED_RATE_LIMIT,
  SHED,
  TIMEOUT,
} from './codes';
import type { Engine } from './engine';
import { CF_BREAKER, CF_BULKHEAD, CF_LB_COUNTED, CF_PARTITIONED, CF_WAITING_BULKHEAD } from './records';
import type { Sampler } from './distributions';
import type { Rng } from './rng';

/** Which parts of the policy chain an edge has (one load instead of one per part). */
export const P_DEADLINE = 1;
export const P_THROTTLE = 2;
export const P_BREAKER = 4;
export const P_RATE_LIMIT = 8;
export const P_TIMEOUT = 16;
export const P_BULKHEAD = 32;
export const P_BALANCER = 64;
export const P_BEFORE_SEND = P_DEADLINE | P_THROTTLE | P_BREAKER | P_RATE_LIMIT;
/** Parts that give an attempt an expiry. */
export const P_EXPIRY = P_DEADLINE | P_TIMEOUT;

const FALLBACK_NONE = 0;
const FALLBACK_STATIC = 1;
const FALLBACK_CACHED = 2;

/**
 * A call on an edge, through the caller's policy in Resilience4j's order:
 * Retry( AdaptiveThrottling( CircuitBreaker( RateLimiter( Timeout( Bulkhead( send ) ) ) ) ) ).
 * Each attempt passes the throttle, takes a breaker permission, a rate-limiter permit (maybe
 * after a wait), starts its time-out, takes a bulkhead permit (maybe after a wait, inside the
 * time-out) and is sent over the edge (network latency, edge faults). It ends with the callee's
 * answer, its time-out, or a local refusal; the retry layer then decides, and finally the fallback.
 * The hot paths write flags and codes as tagged literals (V8 does not fold module constants).
 */
export class CallFlow {
  private declare readonly fallback: Int32Array;
  /** Edges that answered successfully at least once (a cached fallback needs a cached value). */
  private declare readonly everSucceeded: Uint8Array;
  private declare readonly parts: Int32Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    this.fallback = Int32Array.from(topo.policy, (p) =>
      p.fallback === 'static' ? FALLBACK_STATIC : p.fallback === 'cached' ? FALLBACK_CACHED : FALLBACK_NONE,
    );
    this.everSucceeded = new Uint8Array(topo.edgeCount);
    this.parts = Int32Array.from(topo.policy, (p, edge) => {
      let bits = 0;
      if (p.deadlinePropagation) bits |= P_DEADLINE;
      if (p.adaptiveThrottling) bits |= P_THROTTLE;
      if (p.circuitBreaker) bits |= P_BREAKER;
      if (p.rateLimiter) bits |= P_RATE_LIMIT;
      if (p.timeoutMs !== null) bits |= P_TIMEOUT;
      if (p.bulkhead) bits |= P_BULKHEAD;
      if (topo.kind[topo.from[edge] as number] === K_LOAD_BALANCER) bits |= P_BALANCER;
      return bits;
    });
  }

  /** Job j calls along `edge`. */
  launch(j: number, edge: number): void {
    const e = this.e;
    e.jobs.pending[j] = (e.jobs.pending[j] as number) + 1;
    this.make(j, edge, (e.topo.instBase[edge] as number) + (e.jobs.replica[j] as number));
  }

  /** A client request that is a single call: no job, the call is the request. */
  launchRoot(client: number, edge: number): void {
    this.make(-1 - client, edge, this.e.topo.instBase[edge] as number);
  }

  private make(j: number, edge: number, inst: number): void {
    const e = this.e;
    const calls = e.calls;
    const c = calls.alloc();
    calls.job[c] = j;
    calls.edge[c] = edge;
    calls.inst[c] = inst;
    calls.attempt[c] = 0;
    calls.flags[c] = 0;
    calls.replica[c] = -1;
    calls.born[c] = e.now;
    calls.prevDelay[c] = e.retries.baseMs[edge] as number;
    e.retries.onFirstAttempt(edge, inst);
    this.startAttempt(c, edge, inst);
  }

  /** The propagated deadline of the request a call serves (Infinity: none). */
  deadlineOf(c: number): number {
    const j = this.e.calls.job[c] as number;
    return j >= 0 ? (this.e.jobs.deadline[j] as number) : Infinity;
  }

  private startAttempt(c: number, edge: number, inst: number): void {
    const e = this.e;
    const calls = e.calls;
    const attempt = (calls.attempt[c] as number) + 1;
    calls.attempt[c] = attempt;
    const gen = ((calls.gen[c] as number) + 1) | 0;
    calls.gen[c] = gen;
    calls.flags[c] = 0;
    calls.startedAt[c] = e.now;
    e.metrics.attempt(edge, attempt > 1);
    const parts = this.parts[edge] as number;
    if (parts === 0) {
      // No policy: no expiry, straight out.
      calls.expiry[c] = Infinity;
      return this.send(c, 0);
    }
    if ((parts & 15 /* P_BEFORE_SEND */) === 0) return this.guard(c, parts);
    if ((parts & P_DEADLINE) !== 0 && this.deadlineOf(c) <= e.now) return this.end(c, TIMEOUT, true, false);
    if ((parts & P_THROTTLE) !== 0 && e.throttles.reject(inst)) return this.end(c, SHED, true, false);
    if ((parts & P_BREAKER) !== 0) {
      if (!e.breakers.tryAcquire(inst)) return this.end(c, BREAKER_OPEN, true, false);
      calls.flags[c] = CF_BREAKER;
    }
    if ((parts & P_RATE_LIMIT) !== 0) {
      const wait = e.rateLimiters.acquire(inst, e.now);
      if (wait < 0) return this.end(c, REJECTED_RATE_LIMIT, true, false);
      if (wait > 0) {
        e.queue.push(e.now + wait, EV_SEND, c, gen, 0);
        return;
      }
    }
    this.guard(c, parts);
  }

  /** EV_SEND: a rate-limiter wait is over. */
  onSend(c: number, gen: number): void {
    if (this.e.calls.gen[c] === gen) this.guard(c, this.parts[this.e.calls.edge[c] as number] as number);
  }

  /** Time-out, then bulkhead, then send. */
  private guard(c: number, parts: number): void {
    const e = this.e;
    const calls = e.calls;
    const edge = calls.edge[c] as number;
    if ((parts & 17 /* P_EXPIRY */) === 0) {
      calls.expiry[c] = Infinity;
      if ((parts & 32 /* P_BULKHEAD */) === 0) return this.send(c, parts);
    } else {
      let timeout = e.topo.timeoutMs[edge] as number;
      if ((parts & P_DEADLINE) !== 0) timeout = Math.min(timeout, this.deadlineOf(c) - e.now);
      // A rate-limiter wait may have eaten the whole propagated deadline.
      if (timeout <= 0) return this.end(c, TIMEOUT, true, false);
      calls.expiry[c] = e.now + timeout;
      if (timeout === (e.topo.timeoutMs[edge] as number)) {
        // The edge's own time-out: constant, so its lane stays in time order.
        if (timeout !== Infinity) e.timeouts.add(edge, e.now + timeout, c, calls.gen[c] as number);
      } else if (timeout !== Infinity) {
        // Shortened by a propagated deadline: not in order with the lane, so straight to the heap.
        e.queue.push(e.now + timeout, EV_ATTEMPT_TIMEOUT, c, calls.gen[c] as number, 0);
      }
    }
    if ((parts & P_BULKHEAD) !== 0) {
      const gen = calls.gen[c] as number;
      const inst = calls.inst[c] as number;
      if (e.bulkheads.tryAcquire(inst)) {
        calls.flags[c] = (calls.flags[c] as number) | CF_BULKHEAD;
      } else {
        if (e.notable.saturated(e.topo.nodeCount + inst, e.now)) {
          e.notable.add(e.now, 'bulkhead_saturated', e.topo.edgeIds[edge] ?? '', `Bulkhead on ${e.topo.instName(inst)} is full: calls ${e.bulkheads.maxWaitMs[edge] ? 'wait' : 'are rejected'}`);
        }
        const wait = e.bulkheads.maxWaitMs[edge] as number;
        if (wait <= 0) return this.end(c, REJECTED_BULKHEAD, true, false);
        calls.flags[c] = (calls.flags[c] as number) | CF_WAITING_BULKHEAD;
        e.bulkheads.wait(inst, c, gen);
        e.queue.push(e.now + wait, EV_BULKHEAD_EXPIRE, c, gen, 0);
        return;
      }
    }
    this.send(c, parts);
  }

  /** EV_BULKHEAD_EXPIRE: no permit came within maxWaitMs. */
  onBulkheadExpire(c: number, gen: number): void {
    const calls = this.e.calls;
    if (calls.gen[c] === gen && ((calls.flags[c] as number) & CF_WAITING_BULKHEAD) !== 0) this.end(c, REJECTED_BULKHEAD, true, false);
  }

  private send(c: number, parts: number): void {
    const e = this.e;
    const calls = e.calls;
    const edge = calls.edge[c] as number;
    calls.flags[c] = ((calls.flags[c] as number) & ~32 /* CF_WAITING_BULKHEAD */) | 4 /* CF_SENT */;
    calls.sentAt[c] = e.now;
    let extra = 0;
    if (e.faults.edgeFaulty[edge] === 1) {
      const faults = e.faults;
      if (faults.partitioned[edge] === 1) {
        // Dropped on the floor: the caller learns at its time-out.
        calls.flags[c] = (calls.flags[c] as number) | CF_PARTITIONED;
        return;
      }
      const rng = faults.edgeRng[edge] as Rng;
      const abort = faults.abortProbability[edge] as number;
      if (abort > 0 && rng.next() < abort) return this.end(c, ERROR, false, false);
      const loss = faults.lossProbability[edge] as number;
      if (loss > 0 && rng.next() < loss) return;
      const delayP = faults.delayProbability[edge] as number;
      if (delayP > 0 && rng.next() < delayP) extra = faults.delayMs[edge] as number;
    }
    let replica = -1;
    if ((parts & 64 /* P_BALANCER */) !== 0) {
      const balancer = e.topo.from[edge] as number;
      replica = e.balancers.pick(balancer);
      e.balancers.attemptStarted(balancer, replica);
      calls.flags[c] = (calls.flags[c] as number) | CF_LB_COUNTED;
    }
    calls.replica[c] = replica;
    const latency = (e.topo.latency[edge] as Sampler).next() + extra;
    // packEdgeReplica, written out.
    e.queue.push(e.now + latency, 1 /* EV_CALL_ARRIVE */, c, calls.gen[c] as number, edge | ((replica + 1) << 13 /* EDGE_BITS */));
  }

  /** A permit passed to call c by the bulkhead. */
  granted(c: number): void {
    const calls = this.e.calls;
    calls.flags[c] = ((calls.flags[c] as number) & ~CF_WAITING_BULKHEAD) | CF_BULKHEAD;
    this.send(c, this.parts[calls.edge[c] as number] as number);
  }

  /** EV_ATTEMPT_TIMEOUT. */
  onTimeout(c: number, gen: number): void {
    const calls = this.e.calls;
    if (calls.gen[c] !== gen) return;
    this.end(c, ((calls.flags[c] as number) & CF_PARTITIONED) !== 0 ? PARTITIONED : TIMEOUT, false, false);
  }

  /** The callee answered the current attempt. */
  onReply(c: number, cause: number, degraded: boolean): void {
    this.end(c, cause, false, degraded);
  }

  /** EV_RETRY: the backoff is over. */
  onRetry(c: number, gen: number): void {
    const calls = this.e.calls;
    if (calls.gen[c] === gen) this.startAttempt(c, calls.edge[c] as number, calls.inst[c] as number);
  }

  /** The current attempt ended; `local` when this caller's own policy refused it. */
  private end(c: number, cause: number, local: boolean, degraded: boolean): void {
    const e = this.e;
    const calls = e.calls;
    const gen = ((calls.gen[c] as number) + 1) | 0;
    calls.gen[c] = gen;
    const flags = calls.flags[c] as number;
    calls.flags[c] = 0;
    const edge = calls.edge[c] as number;
    const inst = calls.inst[c] as number;
    if ((flags & 2 /* CF_BULKHEAD */) !== 0) {
      const next = e.bulkheads.release(inst);
      if (next >= 0) this.granted(next);
    }
    if ((flags & 1 /* CF_BREAKER */) !== 0) e.breakers.record(inst, cause !== OK, e.now - (calls.startedAt[c] as number));
    if (((this.parts[edge] as number) & 2 /* P_THROTTLE */) !== 0 && !local && (cause === OK || cause === ERROR || cause === DEPENDENCY_FAILED)) {
      e.throttles.accepted(inst);
    }
    if ((flags & 16 /* CF_LB_COUNTED */) !== 0) e.balancers.attemptEnded(e.topo.from[edge] as number, calls.replica[c] as number, cause);
    e.metrics.attemptOutcome(edge, cause, (flags & 4 /* CF_SENT */) !== 0 ? e.now - (calls.sentAt[c] as number) : -1);
    if (cause === -1 /* OK */) {
      this.everSucceeded[edge] = 1;
      return this.finish(c, -1 /* OK */, degraded);
    }
    const delay = e.retries.plan(c, cause, local);
    if (delay >= 0) {
      e.queue.push(e.now + delay, EV_RETRY, c, gen, 0);
      return;
    }
    const fallback = this.fallback[edge];
    if (fallback === FALLBACK_STATIC || (fallback === FALLBACK_CACHED && this.everSucceeded[edge] === 1)) {
      return this.finish(c, OK, true);
    }
    this.finish(c, cause, false);
  }

  private finish(c: number, cause: number, degraded: boolean): void {
    const e = this.e;
    const j = e.calls.job[c] as number;
    const edge = e.calls.edge[c] as number;
    const born = e.calls.born[c] as number;
    e.calls.release(c);
    if (j >= 0) e.plans.onCallDone(j, edge, cause, degraded);
    else e.clients.onRootCallDone(-1 - j, edge, born, cause, degraded);
  }
}
