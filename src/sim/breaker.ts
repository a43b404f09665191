import type { CircuitBreaker } from '../model';
import { EV_BREAKER_HALF_OPEN } from './codes';
import type { Engine } from './engine';
import { seconds } from './notable';
import type { BreakerState } from './types';

export const CLOSED = 0;
export const OPEN = 1;
export const HALF_OPEN = 2;
const STATE_NAMES: readonly BreakerState[] = ['closed', 'open', 'half_open'];

/**
 * Circuit breakers with Resilience4j's semantics, one per edge and caller replica. CLOSED records
 * every attempt's outcome in a COUNT window (the last N calls) or a TIME window (N one-second
 * buckets); once the window holds at least minimumNumberOfCalls (for COUNT: at most the window
 * size), it opens when the failure rate >= failureRateThreshold or the slow-call rate >=
 * slowCallRateThreshold. OPEN rejects every call for waitDurationInOpenStateMs, then turns
 * HALF_OPEN by itself (automaticTransitionFromOpenToHalfOpenEnabled); HALF_OPEN lets
 * permittedNumberOfCallsInHalfOpenState calls through and, once they all finished, opens again
 * or closes by the same thresholds. Every failure counts, including rejections by the rate
 * limiter and bulkhead inside it (Resilience4j's default recordExceptions).
 */
export class Breakers {
  declare readonly enabled: Uint8Array;
  declare readonly state: Int32Array;
  declare readonly openings: Float64Array;
  private declare readonly config: (CircuitBreaker | null)[];
  private declare readonly timeWindow: Uint8Array;
  private declare readonly size: Int32Array;
  private declare readonly minimumCalls: Int32Array;
  private declare readonly base: Int32Array;
  private declare readonly slotCalls: Float64Array;
  private declare readonly slotFailures: Float64Array;
  private declare readonly slotSlow: Float64Array;
  /** COUNT: next slot; TIME: the second of the newest bucket. */
  private declare readonly head: Float64Array;
  private declare readonly calls: Float64Array;
  private declare readonly failures: Float64Array;
  private declare readonly slow: Float64Array;
  private declare readonly halfOpenPermits: Int32Array;
  private declare readonly halfOpenCalls: Int32Array;
  private declare readonly halfOpenFailures: Int32Array;
  private declare readonly halfOpenSlow: Int32Array;
  private declare readonly gen: Int32Array;

  private declare readonly e: Engine;

  constructor(e: Engine) {
    this.e = e;
    const topo = e.topo;
    const n = topo.instTotal;
    this.config = Array.from({ length: n }, (_, i) => topo.policy[topo.instEdge[i] as number]?.circuitBreaker ?? null);
    this.enabled = Uint8Array.from(topo.policy, (p) => (p.circuitBreaker ? 1 : 0));
    this.state = new Int32Array(n);
    this.openings = new Float64Array(topo.edgeCount);
    this.timeWindow = Uint8Array.from(this.config, (c) => (c?.windowType === 'TIME' ? 1 : 0));
    this.size = Int32Array.from(this.config, (c) => c?.windowSize ?? 0);
    this.minimumCalls = Int32Array.from(this.config, (c) =>
      c ? (c.windowType === 'COUNT' ? Math.min(c.minimumNumberOfCalls, c.windowSize) : c.minimumNumberOfCalls) : 0,
    );
    this.base = new Int32Array(n);
    let slots = 0;
    for (let i = 0; i < n; i++) {
      this.base[i] = slots;
      slots += this.size[i] as number;
    }
    this.slotCalls = new Float64Array(slots);
    this.slotFailures = new Float64Array(slots);
    this.slotSlow = new Float64Array(slots);
    this.head = new Float64Array(n);
    this.calls = new Float64Array(n);
    this.failures = new Float64Array(n);
    this.slow = new Float64Array(n);
    this.halfOpenPermits = new Int32Array(n);
    this.halfOpenCalls = new Int32Array(n);
    this.halfOpenFailures = new Int32Array(n);
    this.halfOpenSlow = new Int32Array(n);
    this.gen = new Int32Array(n);
  }

  /** Whether an attempt may pass (taking a half-open permit if so). */
  tryAcquire(inst: number): boolean {
    const s = this.state[inst];
    if (s === CLOSED) return true;
    if (s === OPEN) return false;
    if ((this.halfOpenPermits[inst] as number) <= 0) return false;
    this.halfOpenPermits[inst] = (this.halfOpenPermits[inst] as number) - 1;
    return true;
  }

  record(inst: number, failed: boolean, durationMs: number): void {
    const c = this.config[inst];
    if (!c) return;
    const slow = durationMs > c.slowCallDurationThresholdMs;
    const s = this.state[inst];
    if (s === CLOSED) {
      if (this.timeWindow[inst] === 1) this.recordTime(inst, failed, slow);
      else this.recordCount(inst, failed, slow);
      const calls = this.calls[inst] as number;
      if (calls >= (this.minimumCalls[inst] as number) && this.exceeded(c, calls, this.failures[inst] as number, this.slow[inst] as number)) {
        this.open(inst, `failure rate ${pct(this.failures[inst] as number, calls)}, slow ${pct(this.slow[inst] as number, calls)} over ${calls} calls`);
      }
    } else if (s === HALF_OPEN) {
      const calls = (this.halfOpenCalls[inst] as number) + 1;
      this.halfOpenCalls[inst] = calls;
      if (failed) this.halfOpenFailures[inst] = (this.halfOpenFailures[inst] as number) + 1;
      if (slow) this.halfOpenSlow[inst] = (this.halfOpenSlow[inst] as number) + 1;
      if (calls >= c.permittedNumberOfCallsInHalfOpenState) {
        const f = this.halfOpenFailures[inst] as number;
        const sl = this.halfOpenSlow[inst] as number;
        if (this.exceeded(c, calls, f, sl)) this.open(inst, `${f} of ${calls} trial calls failed, ${sl} slow`);
        else this.close(inst);
      }
    }
  }

  private exceeded(c: CircuitBreaker, calls: number, failures: number, slow: number): boolean {
    return (failures * 100) / calls >= c.failureRateThreshold || (slow * 100) / calls >= c.slowCallRateThreshold;
  }

  private recordCount(inst: number, failed: boolean, slow: boolean): void {
    const i = (this.base[inst] as number) + (this.head[inst] as number);
    if ((this.slotCalls[i] as number) > 0) {
      this.calls[inst] = (this.calls[inst] as number) - 1;
      this.failures[inst] = (this.failures[inst] as number) - (this.slotFailures[i] as number);
      this.slow[inst] = (this.slow[inst] as number) - (this.slotSlow[i] as number);
    }
    this.slotCalls[i] = 1;
    this.slotFailures[i] = failed ? 1 : 0;
    this.slotSlow[i] = slow ? 1 : 0;
    this.calls[inst] = (this.calls[inst] as number) + 1;
    if (failed) this.failures[inst] = (this.failures[inst] as number) + 1;
    if (slow) this.slow[inst] = (this.slow[inst] as number) + 1;
    this.head[inst] = ((this.head[inst] as number) + 1) % (this.size[inst] as number);
  }

  private recordTime(inst: number, failed: boolean, slow: boolean): void {
    const size = this.size[inst] as number;
    const base = this.base[inst] as number;
    const second = Math.floor(this.e.now / 1000);
    let newest = this.head[inst] as number;
    if (second > newest) {
      // Evict the buckets the window slid past (at most the whole window).
      const steps = Math.min(size, second - newest);
      for (let k = 1; k <= steps; k++) {
        const i = base + ((newest + k) % size);
        this.calls[inst] = (this.calls[inst] as number) - (this.slotCalls[i] as number);
        this.failures[inst] = (this.failures[inst] as number) - (this.slotFailures[i] as number);
        this.slow[inst] = (this.slow[inst] as number) - (this.slotSlow[i] as number);
        this.slotCalls[i] = 0;
        this.slotFailures[i] = 0;
        this.slotSlow[i] = 0;
      }
      newest = second;
      this.head[inst] = second;
    }
    const i = base + (newest % size);
    this.slotCalls[i] = (this.slotCalls[i] as number) + 1;
    this.calls[inst] = (this.calls[inst] as number) + 1;
    if (failed) {
      this.slotFailures[i] = (this.slotFailures[i] as number) + 1;
      this.failures[inst] = (this.failures[inst] as number) + 1;
    }
    if (slow) {
      this.slotSlow[i] = (this.slotSlow[i] as number) + 1;
      this.slow[inst] = (this.slow[inst] as number) + 1;
    }
  }

  private resetWindow(inst: number): void {
    const base = this.base[inst] as number;
    const size = this.size[inst] as number;
    this.slotCalls.fill(0, base, base + size);
    this.slotFailures.fill(0, base, base + size);
    this.slotSlow.fill(0, base, base + size);
    this.head[inst] = this.timeWindow[inst] === 1 ? Math.floor(this.e.now / 1000) : 0;
    this.calls[inst] = 0;
    this.failures[inst] = 0;
    this.slow[inst] = 0;
  }

  private open(inst: number, why: string): void {
    const c = this.config[inst];
    if (!c) return;
    const e = this.e;
    this.state[inst] = OPEN;
    const edge = e.topo.instEdge[inst] as number;
    this.openings[edge] = (this.openings[edge] as number) + 1;
    this.gen[inst] = ((this.gen[inst] as number) + 1) | 0;
    e.queue.push(e.now + c.waitDurationInOpenStateMs, EV_BREAKER_HALF_OPEN, inst, this.gen[inst] as number, 0);
    e.notable.add(e.now, 'breaker_open', e.topo.edgeIds[edge] ?? '', `Breaker on ${e.topo.instName(inst)} opens (${why}) for ${seconds(c.waitDurationInOpenStateMs)}`);
  }

  onHalfOpen(inst: number, gen: number): void {
    const c = this.config[inst];
    if (!c || this.gen[inst] !== gen || this.state[inst] !== OPEN) return;
    const e = this.e;
    this.state[inst] = HALF_OPEN;
    this.halfOpenPermits[inst] = c.permittedNumberOfCallsInHalfOpenState;
    this.halfOpenCalls[inst] = 0;
    this.halfOpenFailures[inst] = 0;
    this.halfOpenSlow[inst] = 0;
    const edge = e.topo.instEdge[inst] as number;
    e.notable.add(e.now, 'breaker_half_open', e.topo.edgeIds[edge] ?? '', `Breaker on ${e.topo.instName(inst)} half-opens: ${c.permittedNumberOfCallsInHalfOpenState} trial calls`);
  }

  private close(inst: number): void {
    const e = this.e;
    this.state[inst] = CLOSED;
    this.resetWindow(inst);
    const edge = e.topo.instEdge[inst] as number;
    e.notable.add(e.now, 'breaker_closed', e.topo.edgeIds[edge] ?? '', `Breaker on ${e.topo.instName(inst)} closes`);
  }

  /** The edge's breaker state for a sample: the worst over its caller replicas, or null. */
  edgeState(edge: number): BreakerState | null {
    if (this.enabled[edge] === 0) return null;
    const topo = this.e.topo;
    const base = topo.instBase[edge] as number;
    const count = topo.replicas[topo.from[edge] as number] as number;
    let worst = CLOSED;
    for (let r = 0; r < count; r++) {
      const s = this.state[base + r] as number;
      if (s === OPEN) worst = OPEN;
      else if (s === HALF_OPEN && worst === CLOSED) worst = HALF_OPEN;
    }
    return STATE_NAMES[worst] ?? 'closed';
  }
}

function pct(part: number, whole: number): string {
  return `${Math.round((part * 100) / whole)}%`;
}
