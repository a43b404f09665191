import type { Policy, Scenario, ScenarioNode } from '../model';
import {
  K_CACHE,
  K_CLIENT,
  K_DATABASE,
  K_EXTERNAL,
  K_GATEWAY,
  K_LOAD_BALANCER,
  K_QUEUE,
  K_SERVICE,
  K_TOPIC,
  PLAN_FORWARD,
  PLAN_NONE,
  PLAN_PARALLEL,
  PLAN_PUBLISH,
  PLAN_ROUTE,
  PLAN_SEQUENTIAL,
  REJECTED_QUEUE_FULL,
  REJECTED_RATE_LIMIT,
} from './codes';
import { Sampler } from './distributions';
import { Rng } from './rng';

const KIND_CODES: Record<ScenarioNode['kind'], number> = {
  client: K_CLIENT,
  gateway: K_GATEWAY,
  loadBalancer: K_LOAD_BALANCER,
  service: K_SERVICE,
  database: K_DATABASE,
  cache: K_CACHE,
  queue: K_QUEUE,
  topic: K_TOPIC,
  external: K_EXTERNAL,
};

export const SAGA_NONE = 0;
export const SAGA_ORCHESTRATED = 1;
export const SAGA_CHOREOGRAPHED = 2;

export interface SagaPlan {
  readonly mode: number;
  readonly actions: Int32Array;
  /** Compensation edge per step, -1 when the step has none. */
  readonly compensations: Int32Array;
}

/** The scenario compiled into integer-indexed arrays, built once per run. */
export class Topology {
  declare readonly nodeIds: string[];
  declare readonly edgeIds: string[];
  declare readonly nodes: readonly ScenarioNode[];
  declare readonly nodeCount: number;
  declare readonly edgeCount: number;
  declare readonly kind: Int32Array;
  declare readonly replicas: Int32Array;
  /** First global replica index of each node (replica-level arrays are indexed base + r). */
  declare readonly replicaBase: Int32Array;
  declare readonly replicaTotal: number;
  /** Workers per replica; Infinity for nodes that serve everything at once. */
  declare readonly workers: Float64Array;
  declare readonly queueCapacity: Float64Array;
  declare readonly lifo: Uint8Array;
  /** Infinity: no limit. */
  declare readonly maxQueueWaitMs: Float64Array;
  declare readonly errorPercent: Float64Array;
  declare readonly kneeUtilisation: Float64Array;
  /** 0: no load-dependent latency. */
  declare readonly maxSlowdown: Float64Array;
  declare readonly cancelOnTimeout: Uint8Array;
  declare readonly planMode: Int32Array;
  /** Client and load balancer: a failed call fails the job with the call's own cause. */
  declare readonly passThrough: Uint8Array;
  /** Cause of a refusal for lack of room (queue full; over an external's concurrency limit). */
  declare readonly overflowCause: Int32Array;
  declare readonly plan: Int32Array[];
  declare readonly saga: (SagaPlan | null)[];
  declare readonly service: (Sampler | null)[];
  declare readonly writeService: (Sampler | null)[];
  declare readonly writePercent: Float64Array;
  declare readonly workerTotal: Float64Array;

  declare readonly from: Int32Array;
  declare readonly to: Int32Array;
  declare readonly async: Uint8Array;
  declare readonly latency: Sampler[];
  declare readonly callPercent: Float64Array;
  declare readonly count: Int32Array;
  declare readonly optional: Uint8Array;
  declare readonly policy: Policy[];
  declare readonly timeoutMs: Float64Array;
  declare readonly deadlinePropagation: Uint8Array;
  /** Policy instances: one per edge and caller replica (a breaker lives in each caller process). */
  declare readonly instBase: Int32Array;
  declare readonly instTotal: number;
  declare readonly instEdge: Int32Array;
  declare readonly outgoing: Int32Array[];

  constructor(scenario: Scenario) {
    const seed = scenario.settings.seed;
    const nodes = scenario.nodes;
    const edges = scenario.edges;
    const n = nodes.length;
    const m = edges.length;
    this.nodes = nodes;
    this.nodeCount = n;
    this.edgeCount = m;
    this.nodeIds = nodes.map((x) => x.id);
    this.edgeIds = edges.map((x) => x.id);
    const index = new Map(this.nodeIds.map((id, i) => [id, i]));
    const edgeIndex = new Map(this.edgeIds.map((id, i) => [id, i]));

    this.kind = Int32Array.from(nodes, (x) => KIND_CODES[x.kind]);
    this.replicas = Int32Array.from(nodes, (x) => ('replicas' in x ? x.replicas : 1));
    this.replicaBase = new Int32Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      this.replicaBase[i] = total;
      total += this.replicas[i] as number;
    }
    this.replicaTotal = total;
    this.workers = Float64Array.from(nodes, (x) =>
      x.kind === 'external' ? (x.concurrencyLimit ?? Infinity) : 'workers' in x ? x.workers : Infinity,
    );
    this.workerTotal = Float64Array.from(nodes, (_, i) => (this.workers[i] as number) * (this.replicas[i] as number));
    this.queueCapacity = Float64Array.from(nodes, (x) => ('queue' in x ? x.queue.capacity : 0));
    this.lifo = Uint8Array.from(nodes, (x) => ('queue' in x && x.queue.discipline === 'lifo' ? 1 : 0));
    this.maxQueueWaitMs = Float64Array.from(nodes, (x) => ('queue' in x ? (x.queue.maxWaitMs ?? Infinity) : Infinity));
    this.errorPercent = Float64Array.from(nodes, (x) => ('errorPercent' in x ? x.errorPercent : 0));
    this.kneeUtilisation = Float64Array.from(nodes, (x) =>
      'loadLatency' in x && x.loadLatency ? x.loadLatency.kneeUtilisationPercent / 100 : 1,
    );
    this.maxSlowdown = Float64Array.from(nodes, (x) => ('loadLatency' in x && x.loadLatency ? x.loadLatency.maxSlowdownFactor : 0));
    this.cancelOnTimeout = Uint8Array.from(nodes, (x) => ('cancelOnTimeout' in x && x.cancelOnTimeout ? 1 : 0));
    this.passThrough = Uint8Array.from(nodes, (x) => (x.kind === 'client' || x.kind === 'loadBalancer' ? 1 : 0));
    this.overflowCause = Int32Array.from(nodes, (x) => (x.kind === 'external' ? REJECTED_RATE_LIMIT : REJECTED_QUEUE_FULL));

    this.from = Int32Array.from(edges, (e) => index.get(e.from) ?? 0);
    this.to = Int32Array.from(edges, (e) => index.get(e.to) ?? 0);
    this.async = Uint8Array.from(edges, (e) => (e.kind === 'async' ? 1 : 0));
    this.latency = edges.map((e) => new Sampler(e.latency, Rng.stream(seed, `latency/${e.id}`)));
    this.callPercent = Float64Array.from(edges, (e) => e.callPercent);
    this.count = Int32Array.from(edges, (e) => e.count);
    this.optional = Uint8Array.from(edges, (e) => (e.optional ? 1 : 0));
    this.policy = edges.map((e) => e.policy);
    this.timeoutMs = Float64Array.from(edges, (e) => e.policy.timeoutMs ?? Infinity);
    this.deadlinePropagation = Uint8Array.from(edges, (e) => (e.policy.deadlinePropagation ? 1 : 0));
    this.instBase = new Int32Array(m);
    let inst = 0;
    for (let e = 0; e < m; e++) {
      this.instBase[e] = inst;
      inst += this.replicas[this.from[e] as number] as number;
    }
    this.instTotal = inst;
    this.instEdge = new Int32Array(inst);
    for (let e = 0; e < m; e++) {
      const base = this.instBase[e] as number;
      const count = this.replicas[this.from[e] as number] as number;
      for (let r = 0; r < count; r++) this.instEdge[base + r] = e;
    }

    const outLists: number[][] = nodes.map(() => []);
    edges.forEach((e, i) => outLists[index.get(e.from) ?? 0]?.push(i));
    this.outgoing = outLists.map((list) => Int32Array.from(list));

    this.saga = nodes.map((x) => {
      if (x.kind !== 'service' || !x.saga) return null;
      return {
        mode: x.saga.coordination === 'orchestration' ? SAGA_ORCHESTRATED : SAGA_CHOREOGRAPHED,
        actions: Int32Array.from(x.saga.steps, (s) => edgeIndex.get(s.action) ?? 0),
        compensations: Int32Array.from(x.saga.steps, (s) => (s.compensation === null ? -1 : (edgeIndex.get(s.compensation) ?? -1))),
      };
    });
    this.plan = nodes.map((x, i) => {
      const out = outLists[i] ?? [];
      if (x.kind === 'queue' || x.kind === 'topic') return new Int32Array(0);
      const saga = this.saga[i];
      if (!saga) return Int32Array.from(out);
      // Edges a saga uses run only through the saga; the others form the usual plan after it.
      const used = new Set<number>([...saga.actions, ...Array.from(saga.compensations).filter((c) => c >= 0)]);
      return Int32Array.from(out.filter((e) => !used.has(e)));
    });
    // Nothing to call and no saga: the plan is just the answer.
    this.planMode = Int32Array.from(nodes, (x, i) => {
      const mode = planModeOf(x);
      const empty = (this.plan[i] as Int32Array).length === 0 && this.saga[i] === null;
      return empty && (mode === PLAN_SEQUENTIAL || mode === PLAN_PARALLEL) ? PLAN_NONE : mode;
    });

    this.service = nodes.map((x) => {
      const rng = Rng.stream(seed, `service/${x.id}`);
      switch (x.kind) {
        case 'service':
        case 'gateway':
          return new Sampler(x.serviceTime, rng);
        case 'database':
          return new Sampler(x.readLatency, rng);
        case 'external':
          return new Sampler(x.latency, rng);
        case 'cache':
          return new Sampler(x.hitLatency, rng);
        case 'queue':
        case 'topic':
          return new Sampler(x.publishLatency, rng);
        default:
          return null;
      }
    });
    this.writeService = nodes.map((x) =>
      x.kind === 'database' ? new Sampler(x.writeLatency, Rng.stream(seed, `write-latency/${x.id}`)) : null,
    );
    this.writePercent = Float64Array.from(nodes, (x) => (x.kind === 'database' ? x.writePercent : 0));
  }

  /** A human name of a policy instance: the edge, and the caller replica when there are several. */
  instName(inst: number): string {
    const e = this.instEdge[inst] as number;
    const r = inst - (this.instBase[e] as number);
    const replicas = this.replicas[this.from[e] as number] as number;
    return replicas > 1 ? `${this.edgeIds[e]} (caller replica ${r})` : (this.edgeIds[e] ?? '');
  }
}

function planModeOf(x: ScenarioNode): number {
  switch (x.kind) {
    case 'client':
    case 'cache':
      return PLAN_SEQUENTIAL;
    case 'service':
      return x.callMode === 'parallel' ? PLAN_PARALLEL : PLAN_SEQUENTIAL;
    case 'gateway':
      return x.aggregate ? PLAN_PARALLEL : PLAN_ROUTE;
    case 'loadBalancer':
      return PLAN_FORWARD;
    case 'queue':
    case 'topic':
      return PLAN_PUBLISH;
    default:
      return PLAN_NONE;
  }
}
