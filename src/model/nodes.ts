import { z } from 'zod';
import { distributionSchema, type Distribution } from './distribution';
import { LIMITS, field, idSchema, labelSchema, numberOf, numberWithDefault, textSchema, type NumberField } from './fields';

const { percent, count, rate } = field;
const ms = (label: string, dflt: number, min = 0): NumberField => field.ms(label, dflt, { min });

/** Every node parameter, described once (bounds, unit, default). */
export const NODE_FIELDS = {
  replicas: count('Replicas', 1, 1, 1000),
  workers: count('Workers per replica', 16, 1, 100_000, 'Concurrent requests a replica serves; held while it waits on downstream calls.'),
  queueCapacity: count('Queue capacity', 100, 0, 10_000_000, 'Requests waiting for a worker; beyond it they are rejected.'),
  maxQueueWaitMs: ms('Max queue wait', 1000),
  errorPercent: percent('Error rate', 0, 'Share of requests that fail on their own.'),
  kneeUtilisationPercent: percent('Knee', 80, 'Utilisation past which service time grows.'),
  maxSlowdownFactor: { label: 'Slowdown at 100%', unit: 'x', min: 1, max: 1000, default: 3 } satisfies NumberField,
  ratePerSec: rate('Rate', 100),
  users: count('Users', 50, 1, 1_000_000),
  rateLimitPerSec: rate('Rate limit', 1000),
  burst: count('Burst', 100, 1, 10_000_000),
  consecutive5xx: count('Consecutive failures to eject', 5, 1, 1000),
  baseEjectionTimeMs: ms('Base ejection time', 30_000),
  maxEjectionPercent: percent('Max ejected', 10),
  intervalMs: ms('Interval', 5000, 1),
  healthTimeoutMs: ms('Health check timeout', 1000, 1),
  unhealthyThreshold: count('Unhealthy threshold', 3, 1, 100),
  healthyThreshold: count('Healthy threshold', 2, 1, 100),
  writePercent: percent('Writes', 20, 'Share of queries that are writes.'),
  hitPercent: percent('Hit ratio', 90),
  keys: count('Keyspace', 10_000, 1, 100_000_000),
  ttlS: { label: 'TTL', unit: 's', min: 0.001, max: 86_400, default: 60 } satisfies NumberField,
  capacityKeys: count('Capacity', 5000, 1, 100_000_000),
  brokerCapacity: count('Capacity', 10_000, 1, 100_000_000),
  visibilityTimeoutMs: ms('Visibility timeout', 30_000, 1),
  maxDeliveries: count('Max deliveries', 5, 1, 1000, 'After this many deliveries a message goes to the dead-letter queue.'),
  concurrencyLimit: count('Concurrency limit', 1000, 1, 1_000_000),
} as const;

const N = NODE_FIELDS;

export const NODE_KINDS = [
  'client',
  'gateway',
  'loadBalancer',
  'service',
  'database',
  'cache',
  'queue',
  'topic',
  'external',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

const positionSchema = z.strictObject({
  x: numberOf({ label: 'x', min: -LIMITS.maxCoordinate, max: LIMITS.maxCoordinate, default: 0 }),
  y: numberOf({ label: 'y', min: -LIMITS.maxCoordinate, max: LIMITS.maxCoordinate, default: 0 }),
});
export type Position = z.infer<typeof positionSchema>;

const base = {
  id: idSchema,
  label: labelSchema.optional(),
  description: textSchema(LIMITS.maxTextLength).optional(),
  /** Omitted in hand-written files: restore places such nodes. */
  position: positionSchema.optional(),
  group: idSchema.optional(),
};

const dist = (d: Distribution) => distributionSchema.default(d);

export const serviceQueueSchema = z
  .strictObject({
    discipline: z.enum(['fifo', 'lifo'], { error: 'expected "fifo" or "lifo"' }).default('fifo'),
    capacity: numberWithDefault(N.queueCapacity),
    maxWaitMs: numberOf(N.maxQueueWaitMs).nullable().default(null),
  })
  .prefault({});

export const loadLatencySchema = z.strictObject({
  kneeUtilisationPercent: numberWithDefault(N.kneeUtilisationPercent),
  maxSlowdownFactor: numberWithDefault(N.maxSlowdownFactor),
});

export const sagaSchema = z.strictObject({
  coordination: z.enum(['orchestration', 'choreography'], { error: 'expected "orchestration" or "choreography"' }),
  steps: z
    .array(z.strictObject({ action: idSchema, compensation: idSchema.nullable().default(null) }))
    .max(50, { error: 'expected at most 50 steps' }),
});

const worker = {
  replicas: numberWithDefault(N.replicas),
  workers: numberWithDefault(N.workers),
  queue: serviceQueueSchema,
  errorPercent: numberWithDefault(N.errorPercent),
  loadLatency: loadLatencySchema.nullable().default(null),
  cancelOnTimeout: z.boolean().default(false),
};

export const PHASE_KINDS = ['constant', 'ramp', 'spike'] as const;
const durationS = numberOf({ label: 'Duration', unit: 's', min: 0.001, max: 86_400, default: 10 });
export const phaseSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('constant'), durationS, ratePerSec: numberOf(N.ratePerSec) }),
    z.strictObject({
      kind: z.literal('ramp'),
      durationS,
      fromPerSec: numberOf(N.ratePerSec),
      toPerSec: numberOf(N.ratePerSec),
    }),
    z.strictObject({
      kind: z.literal('spike'),
      durationS,
      ratePerSec: numberOf(N.ratePerSec),
      peakPerSec: numberOf(N.ratePerSec),
      peakDurationS: durationS,
    }),
  ],
  { error: 'expected a phase of kind "constant", "ramp" or "spike"' },
);
export type Phase = z.infer<typeof phaseSchema>;

export const workloadSchema = z
  .strictObject({
    model: z.enum(['open', 'closed'], { error: 'expected "open" or "closed"' }).default('open'),
    /** Open loop: the rate before, between and after phases. */
    ratePerSec: numberWithDefault(N.ratePerSec),
    /** Open loop: phases run one after the other from t = 0; then the rate returns to ratePerSec. */
    phases: z.array(phaseSchema).max(LIMITS.maxPhases, { error: `expected at most ${LIMITS.maxPhases} phases` }).default([]),
    users: numberWithDefault(N.users),
    thinkTime: dist({ dist: 'exponential', meanMs: 1000 }),
  })
  .prefault({});
export type Workload = z.infer<typeof workloadSchema>;

export const clientSchema = z.strictObject({ ...base, kind: z.literal('client'), workload: workloadSchema });

export const gatewaySchema = z.strictObject({
  ...base,
  kind: z.literal('gateway'),
  ...worker,
  workers: numberWithDefault({ ...N.workers, default: 64 }),
  serviceTime: dist({ dist: 'constant', valueMs: 2 }),
  rateLimit: z
    .strictObject({ ratePerSec: numberWithDefault(N.rateLimitPerSec), burst: numberWithDefault(N.burst) })
    .nullable()
    .default(null),
  /** Call all downstreams in parallel and merge (edges marked optional may fail: degraded answer). */
  aggregate: z.boolean().default(false),
});

export const LB_STRATEGIES = ['round-robin', 'random', 'least-outstanding', 'power-of-two'] as const;
export const loadBalancerSchema = z.strictObject({
  ...base,
  kind: z.literal('loadBalancer'),
  strategy: z
    .enum(LB_STRATEGIES, { error: 'expected "round-robin", "random", "least-outstanding" or "power-of-two"' })
    .default('round-robin'),
  outlierEjection: z
    .strictObject({
      consecutive5xx: numberWithDefault(N.consecutive5xx),
      baseEjectionTimeMs: numberWithDefault(N.baseEjectionTimeMs),
      maxEjectionPercent: numberWithDefault(N.maxEjectionPercent),
    })
    .nullable()
    .default(null),
  healthCheck: z
    .strictObject({
      intervalMs: numberWithDefault(N.intervalMs),
      timeoutMs: numberWithDefault(N.healthTimeoutMs),
      unhealthyThreshold: numberWithDefault(N.unhealthyThreshold),
      healthyThreshold: numberWithDefault(N.healthyThreshold),
    })
    .nullable()
    .default(null),
});

export const serviceSchema = z.strictObject({
  ...base,
  kind: z.literal('service'),
  ...worker,
  serviceTime: dist({ dist: 'exponential', meanMs: 20 }),
  /** Order of downstream calls: one after another, or all at once. */
  callMode: z.enum(['sequential', 'parallel'], { error: 'expected "sequential" or "parallel"' }).default('sequential'),
  saga: sagaSchema.nullable().default(null),
});

export const databaseSchema = z.strictObject({
  ...base,
  kind: z.literal('database'),
  ...worker,
  workers: numberWithDefault({ ...N.workers, label: 'Connection pool', default: 20 }),
  queue: serviceQueueSchema,
  readLatency: dist({ dist: 'lognormal', medianMs: 3, p99Ms: 20 }),
  writeLatency: dist({ dist: 'lognormal', medianMs: 8, p99Ms: 50 }),
  writePercent: numberWithDefault(N.writePercent),
});

export const cacheSchema = z.strictObject({
  ...base,
  kind: z.literal('cache'),
  hitPercent: numberWithDefault(N.hitPercent),
  hitLatency: dist({ dist: 'constant', valueMs: 1 }),
  /** When set, hits come from an LRU keyspace with TTL instead of a fixed ratio (for stampedes). */
  keyspace: z
    .strictObject({
      keys: numberWithDefault(N.keys),
      ttlS: numberWithDefault(N.ttlS),
      capacity: numberWithDefault(N.capacityKeys),
    })
    .nullable()
    .default(null),
});

export const queueSchema = z.strictObject({
  ...base,
  kind: z.literal('queue'),
  capacity: numberWithDefault(N.brokerCapacity),
  visibilityTimeoutMs: numberWithDefault(N.visibilityTimeoutMs),
  maxDeliveries: numberWithDefault(N.maxDeliveries),
  publishLatency: dist({ dist: 'constant', valueMs: 2 }),
});

export const topicSchema = z.strictObject({
  ...base,
  kind: z.literal('topic'),
  capacity: numberWithDefault({ ...N.brokerCapacity, label: 'Capacity per subscriber' }),
  publishLatency: dist({ dist: 'constant', valueMs: 2 }),
});

export const externalSchema = z.strictObject({
  ...base,
  kind: z.literal('external'),
  latency: dist({ dist: 'lognormal', medianMs: 80, p99Ms: 400 }),
  errorPercent: numberWithDefault({ ...N.errorPercent, default: 0.5 }),
  concurrencyLimit: numberOf(N.concurrencyLimit).nullable().default(null),
});

export const nodeSchema = z.discriminatedUnion(
  'kind',
  [
    clientSchema,
    gatewaySchema,
    loadBalancerSchema,
    serviceSchema,
    databaseSchema,
    cacheSchema,
    queueSchema,
    topicSchema,
    externalSchema,
  ],
  { error: `expected a node kind: ${NODE_KINDS.join(', ')}` },
);

export type ScenarioNode = z.infer<typeof nodeSchema>;
export type NodeOf<K extends NodeKind> = Extract<ScenarioNode, { kind: K }>;
export type ClientNode = NodeOf<'client'>;
export type ServiceNode = NodeOf<'service'>;
/** Nodes that serve requests with workers and a queue. */
export type WorkerNode = NodeOf<'service' | 'gateway' | 'database'>;

/** A new node of `kind` with every default filled in. */
export function createNode(kind: NodeKind, id: string, position: Position, label?: string): ScenarioNode {
  return nodeSchema.parse({ id, kind, position, ...(label ? { label } : {}) });
}

export function isWorkerNode(node: ScenarioNode): node is WorkerNode {
  return node.kind === 'service' || node.kind === 'gateway' || node.kind === 'database';
}

export function isBroker(kind: NodeKind): kind is 'queue' | 'topic' {
  return kind === 'queue' || kind === 'topic';
}
