import type { Scenario } from '../model';
import { Breakers } from './breaker';
import { Brokers } from './broker';
import { Bulkheads } from './bulkhead';
import { Caches } from './cache';
import { CallFlow } from './callFlow';
import { Clients } from './clients';
import { EV_TIMEOUT_LANE } from './codes';
import { Faults } from './faults';
import { EventQueue } from './heap';
import { Lanes } from './lanes';
import { Balancers } from './loadBalancer';
import { Metrics } from './metrics';
import { NodeFlow } from './nodeFlow';
import { Notables } from './notable';
import { Plans } from './plans';
import { GatewayLimiters, RateLimiters } from './rateLimiter';
import { CallTable, JobTable } from './records';
import { Reporter } from './report';
import { Retries } from './retry';
import { Rng } from './rng';
import { Sagas } from './saga';
import { Throttles } from './throttling';
import { Topology } from './topology';
import { Workers } from './workers';

/**
 * The engine's state and its parts, wired together. Every part keeps a reference to the engine
 * and reaches the others through it; `dispatch` is the one switch over event kinds.
 */
export class Engine {
  now = 0;
  declare readonly seed: number;
  readonly queue = new EventQueue(4096);
  readonly jobs = new JobTable();
  readonly calls = new CallTable();
  /** Attempt time-outs of each edge (constant delay: one FIFO lane per edge). */
  declare readonly timeouts: Lanes;
  declare readonly topo: Topology;
  declare readonly metrics: Metrics;
  declare readonly notable: Notables;
  declare readonly faults: Faults;
  declare readonly workers: Workers;
  declare readonly gatewayLimiters: GatewayLimiters;
  declare readonly retries: Retries;
  declare readonly breakers: Breakers;
  declare readonly bulkheads: Bulkheads;
  declare readonly rateLimiters: RateLimiters;
  declare readonly throttles: Throttles;
  declare readonly balancers: Balancers;
  declare readonly caches: Caches;
  declare readonly brokers: Brokers;
  declare readonly sagas: Sagas;
  declare readonly clients: Clients;
  declare readonly nodes: NodeFlow;
  declare readonly plans: Plans;
  declare readonly callFlow: CallFlow;
  declare readonly reporter: Reporter;

  declare readonly scenario: Scenario;

  constructor(
    scenario: Scenario,
    maxNotable: number,
  ) {
    this.scenario = scenario;
    this.seed = scenario.settings.seed;
    this.topo = new Topology(scenario);
    const calls = this.calls;
    this.timeouts = new Lanes(this.queue, EV_TIMEOUT_LANE, this.topo.edgeCount, (id, gen) => calls.gen[id] === gen);
    this.metrics = new Metrics(this.topo.nodeCount, this.topo.edgeCount);
    this.notable = new Notables(maxNotable, this.topo.nodeCount + this.topo.instTotal);
    this.faults = new Faults(this);
    this.workers = new Workers(this);
    this.gatewayLimiters = new GatewayLimiters(this);
    this.retries = new Retries(this);
    this.breakers = new Breakers(this);
    this.bulkheads = new Bulkheads(this);
    this.rateLimiters = new RateLimiters(this);
    this.throttles = new Throttles(this);
    this.balancers = new Balancers(this);
    this.caches = new Caches(this);
    this.brokers = new Brokers(this);
    this.sagas = new Sagas(this);
    this.clients = new Clients(this);
    this.nodes = new NodeFlow(this);
    this.plans = new Plans(this);
    this.callFlow = new CallFlow(this);
    this.reporter = new Reporter(this);
  }

  /** The random stream `name` of this run. */
  rng(name: string): Rng {
    return Rng.stream(this.seed, name);
  }

  /** Schedules the first events: fault timeline, client arrivals, health checks. */
  start(): void {
    this.faults.start();
    this.clients.start();
    this.balancers.start();
  }

  /**
   * The event loop: runs the events due before `stopMs`, at most `budget` of them, and returns
   * how many ran (fewer when the next one is not due before stopMs or none is left).
   */
  run(stopMs: number, budget: number): number {
    const queue = this.queue;
    const metrics = this.metrics;
    let ran = 0;
    while (ran < budget && queue.popBefore(stopMs)) {
      const t = queue.topTime;
      this.now = t;
      metrics.now = t;
      this.dispatch(queue.topKind, queue.topA, queue.topB, queue.topC);
      ran++;
    }
    return ran;
  }

  /** The one switch over event kinds (literal cases tagged with their names: a jump table). */
  dispatch(kind: number, a: number, b: number, c: number): void {
    switch (kind) {
      case 0 /* EV_CLIENT_ARRIVAL */:
        return this.clients.onArrival(a, b);
      case 1 /* EV_CALL_ARRIVE */:
        return this.nodes.onCallArrive(a, b, c);
      case 2 /* EV_SERVICE_DONE */:
        return this.nodes.onServiceDone(a, b);
      case 3 /* EV_ATTEMPT_TIMEOUT */:
        return this.callFlow.onTimeout(a, b);
      case 4 /* EV_RETRY */:
        return this.callFlow.onRetry(a, b);
      case 5 /* EV_SEND */:
        return this.callFlow.onSend(a, b);
      case 6 /* EV_BULKHEAD_EXPIRE */:
        return this.callFlow.onBulkheadExpire(a, b);
      case 7 /* EV_QUEUE_EXPIRE */:
        return this.nodes.onQueueExpire(a, b);
      case 8 /* EV_FAULT_START */:
        return this.faults.onStart(a);
      case 9 /* EV_FAULT_END */:
        return this.faults.onEnd(a);
      case 10 /* EV_BREAKER_HALF_OPEN */:
        return this.breakers.onHalfOpen(a, b);
      case 11 /* EV_VISIBILITY */:
        return this.brokers.onVisibility(a, b);
      case 12 /* EV_MESSAGE_ARRIVE */:
        return this.brokers.onMessageArrive(a, b, c & 8191 /* EDGE_MASK */, (c >>> 13 /* EDGE_BITS */) - 1);
      case 13 /* EV_HEALTH_CHECK */:
        return this.balancers.onHealthCheck(a);
      case 14 /* EV_EJECTION_END */:
        return this.balancers.onEjectionEnd(a, b, c);
      case 15 /* EV_TIMEOUT_LANE */:
        this.timeouts.take(a);
        return this.callFlow.onTimeout(this.timeouts.id, this.timeouts.gen);
    }
  }
}
