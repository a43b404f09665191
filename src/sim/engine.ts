import type { Scenario } from '../model';
import { Breakers } from './breaker';
import { Brokers } from './broker';
import { Bulkheads } from './bulkhead';
import { Caches } from './cache';
import { CallFlow } from './callFlow';
import { Clients } from './clients';
import {
  EDGE_BITS,
  EDGE_MASK,
  EV_ATTEMPT_TIMEOUT,
  EV_BREAKER_HALF_OPEN,
  EV_BULKHEAD_EXPIRE,
  EV_CALL_ARRIVE,
  EV_CLIENT_ARRIVAL,
  EV_EJECTION_END,
  EV_FAULT_END,
  EV_FAULT_START,
  EV_HEALTH_CHECK,
  EV_MESSAGE_ARRIVE,
  EV_QUEUE_EXPIRE,
  EV_RETRY,
  EV_SEND,
  EV_SERVICE_DONE,
  EV_TIMEOUT_LANE,
  EV_VISIBILITY,
} from './codes';
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
  readonly seed: number;
  readonly queue = new EventQueue(4096);
  readonly jobs = new JobTable();
  readonly calls = new CallTable();
  /** Attempt time-outs of each edge (constant delay: one FIFO lane per edge). */
  readonly timeouts: Lanes;
  readonly topo: Topology;
  readonly metrics: Metrics;
  readonly notable: Notables;
  readonly faults: Faults;
  readonly workers: Workers;
  readonly gatewayLimiters: GatewayLimiters;
  readonly retries: Retries;
  readonly breakers: Breakers;
  readonly bulkheads: Bulkheads;
  readonly rateLimiters: RateLimiters;
  readonly throttles: Throttles;
  readonly balancers: Balancers;
  readonly caches: Caches;
  readonly brokers: Brokers;
  readonly sagas: Sagas;
  readonly clients: Clients;
  readonly nodes: NodeFlow;
  readonly plans: Plans;
  readonly callFlow: CallFlow;
  readonly reporter: Reporter;

  constructor(
    readonly scenario: Scenario,
    maxNotable: number,
  ) {
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

  dispatch(kind: number, a: number, b: number, c: number): void {
    switch (kind) {
      case EV_CALL_ARRIVE:
        return this.nodes.onCallArrive(a, b, c);
      case EV_SERVICE_DONE:
        return this.nodes.onServiceDone(a, b);
      case EV_CLIENT_ARRIVAL:
        return this.clients.onArrival(a, b);
      case EV_TIMEOUT_LANE:
        this.timeouts.take(a);
        return this.callFlow.onTimeout(this.timeouts.id, this.timeouts.gen);
      case EV_ATTEMPT_TIMEOUT:
        return this.callFlow.onTimeout(a, b);
      case EV_RETRY:
        return this.callFlow.onRetry(a, b);
      case EV_SEND:
        return this.callFlow.onSend(a, b);
      case EV_BULKHEAD_EXPIRE:
        return this.callFlow.onBulkheadExpire(a, b);
      case EV_QUEUE_EXPIRE:
        return this.nodes.onQueueExpire(a, b);
      case EV_FAULT_START:
        return this.faults.onStart(a);
      case EV_FAULT_END:
        return this.faults.onEnd(a);
      case EV_BREAKER_HALF_OPEN:
        return this.breakers.onHalfOpen(a, b);
      case EV_VISIBILITY:
        return this.brokers.onVisibility(a, b);
      case EV_MESSAGE_ARRIVE:
        return this.brokers.onMessageArrive(a, b, c & EDGE_MASK, (c >>> EDGE_BITS) - 1);
      case EV_HEALTH_CHECK:
        return this.balancers.onHealthCheck(a);
      case EV_EJECTION_END:
        return this.balancers.onEjectionEnd(a, b, c);
    }
  }
}
