import type { Engine } from './engine';

/**
 * Resilience4j's AtomicRateLimiter, one per edge and caller replica: time is cut into cycles of
 * periodMs (from t = 0), each granting limitForPeriod permits. A call takes a permit now, or
 * reserves one in a later cycle when that is at most maxWaitMs away (it then waits, and the
 * reservation is kept even if the call is abandoned meanwhile), or is rejected.
 */
export class RateLimiters {
  declare readonly enabled: Uint8Array;
  private declare readonly limit: Float64Array;
  private declare readonly periodMs: Float64Array;
  private declare readonly maxWaitMs: Float64Array;
  private declare readonly cycle: Float64Array;
  private declare readonly permits: Float64Array;

  constructor(e: Engine) {
    const topo = e.topo;
    const n = topo.instTotal;
    const config = Array.from({ length: n }, (_, i) => topo.policy[topo.instEdge[i] as number]?.rateLimiter ?? null);
    this.enabled = Uint8Array.from(topo.policy, (p) => (p.rateLimiter ? 1 : 0));
    this.limit = Float64Array.from(config, (c) => c?.limitForPeriod ?? 0);
    this.periodMs = Float64Array.from(config, (c) => c?.periodMs ?? 1);
    this.maxWaitMs = Float64Array.from(config, (c) => c?.maxWaitMs ?? 0);
    this.cycle = new Float64Array(n);
    this.permits = Float64Array.from(config, (c) => c?.limitForPeriod ?? 0);
  }

  /** The wait (ms) before the call may proceed: 0 now, > 0 later, -1 rejected. */
  acquire(inst: number, now: number): number {
    const period = this.periodMs[inst] as number;
    const limit = this.limit[inst] as number;
    const cycle = Math.floor(now / period);
    let permits = this.permits[inst] as number;
    const last = this.cycle[inst] as number;
    if (cycle > last) {
      permits = Math.min(permits + (cycle - last) * limit, limit);
      this.cycle[inst] = cycle;
    }
    if (permits >= 1) {
      this.permits[inst] = permits - 1;
      return 0;
    }
    // Permits may be reserved into the future (negative): count the full cycles still owed.
    const cyclesAhead = Math.floor(-permits / limit);
    const wait = (cycle + 1) * period - now + cyclesAhead * period;
    if (wait > (this.maxWaitMs[inst] as number)) {
      this.permits[inst] = permits;
      return -1;
    }
    this.permits[inst] = permits - 1;
    return wait;
  }
}

/**
 * A gateway's own rate limit: a token bucket of `burst` tokens refilled at ratePerSec, shared by
 * all the gateway's replicas (as a central limiter such as Envoy's global rate limit would be).
 */
export class GatewayLimiters {
  private declare readonly ratePerMs: Float64Array;
  private declare readonly burst: Float64Array;
  private declare readonly tokens: Float64Array;
  private declare readonly last: Float64Array;
  declare readonly enabled: Uint8Array;

  constructor(e: Engine) {
    const nodes = e.topo.nodes;
    const limit = nodes.map((x) => (x.kind === 'gateway' ? x.rateLimit : null));
    this.enabled = Uint8Array.from(limit, (l) => (l ? 1 : 0));
    this.ratePerMs = Float64Array.from(limit, (l) => (l ? l.ratePerSec / 1000 : 0));
    this.burst = Float64Array.from(limit, (l) => l?.burst ?? 0);
    this.tokens = Float64Array.from(limit, (l) => l?.burst ?? 0);
    this.last = new Float64Array(nodes.length);
  }

  allow(node: number, now: number): boolean {
    const tokens = Math.min(
      this.burst[node] as number,
      (this.tokens[node] as number) + (now - (this.last[node] as number)) * (this.ratePerMs[node] as number),
    );
    this.last[node] = now;
    if (tokens >= 1) {
      this.tokens[node] = tokens - 1;
      return true;
    }
    this.tokens[node] = tokens;
    return false;
  }
}
