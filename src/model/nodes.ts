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

/** A kind's numeric parameters by their path in the node (`queue.capacity`), each with its default. */
export type FieldTable = Readonly<Record<string, NumberField>>;

const WORKER_FIELDS = {
  replicas: N.replicas,
  workers: N.workers,
  'queue.capacity': N.queueCapacity,
  /** Off (null) until switched on; switching on stores this default. */
  'queue.maxWaitMs': N.maxQueueWaitMs,
  errorPercent: N.errorPercent,
  'loadLatency.kneeUtilisationPercent': N.kneeUtilisationPercent,
  'loadLatency.maxSlowdownFactor': N.maxSlowdownFactor,
} as const satisfies FieldTable;

/**
 * Every numeric parameter of each node kind, with the default that kind really has. The schemas
 * below take their defaults from here, and so does the inspector's "Default N", so the two cannot
 * disagree (a gateway has 64 workers, not the service's 16).
 */
export const NODE_KIND_FIELDS = {
  client: { 'workload.ratePerSec': N.ratePerSec, 'workload.users': N.users },
  gateway: {
    ...WORKER_FIELDS,
    workers: { ...N.workers, default: 64 },
    'rateLimit.ratePerSec': N.rateLimitPerSec,
    'rateLimit.burst': N.burst,
  },
  loadBalancer: {
    'outlierEjection.consecutive5xx': N.consecutive5xx,
    'outlierEjection.baseEjectionTimeMs': N.baseEjectionTimeMs,
    'outlierEjection.maxEjectionPercent': N.maxEjectionPercent,
    'healthCheck.intervalMs': N.intervalMs,
    'healthCheck.timeoutMs': N.healthTimeoutMs,
    'healthCheck.unhealthyThreshold': N.unhealthyThreshold,
    'healthCheck.healthyThreshold': N.healthyThreshold,
  },
  service: WORKER_FIELDS,
  database: {
    ...WORKER_FIELDS,
    workers: { ...N.workers, label: 'Connection pool per replica', default: 20 },
    writePercent: N.writePercent,
  },
  cache: { hitPercent: N.hitPercent, 'keyspace.keys': N.keys, 'keyspace.ttlS': N.ttlS, 'keyspace.capacity': N.capacityKeys },
  queue: { capacity: N.brokerCapacity, visibilityTimeoutMs: N.visibilityTimeoutMs, maxDeliveries: N.maxDeliveries },
  topic: { capacity: { ...N.brokerCapacity, label: 'Capacity per subscriber' } },
  external: {
    errorPercent: { ...N.errorPercent, default: 0.5 },
    /** Off (null) until switched on; switching on stores this default. */
    concurrencyLimit: N.concurrencyLimit,
  },
} as const satisfies Record<NodeKind, FieldTable>;

const K = NODE_KIND_FIELDS;

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
    capacity: numberWithDefault(WORKER_FIELDS['queue.capacity']),
    maxWaitMs: numberOf(WORKER_FIELDS['queue.maxWaitMs']).nullable().default(null),
  })
  .prefault({});

export const loadLatencySchema = z.strictObject({
  kneeUtilisationPercent: numberWithDefault(WORKER_FIELDS['loadLatency.kneeUtilisationPercent']),
  maxSlowdownFactor: numberWithDefault(WORKER_FIELDS['loadLatency.maxSlowdownFactor']),
});

export const sagaSchema = z.strictObject({
  coordination: z.enum(['orchestration', 'choreography'], { error: 'expected "orchestration" or "choreography"' }),
  steps: z
    .array(z.strictObject({ action: idSchema, compensation: idSchema.nullable().default(null) }))
    .max(50, { error: 'expected at most 50 steps' }),
});

const worker = {
  replicas: numberWithDefault(WORKER_FIELDS.replicas),
  workers: numberWithDefault(WORKER_FIELDS.workers),
  queue: serviceQueueSchema,
  errorPercent: numberWithDefault(WORKER_FIELDS.errorPercent),
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
    ratePerSec: numberWithDefault(K.client['workload.ratePerSec']),
    /** Open loop: phases run one after the other from t = 0; then the rate returns to ratePerSec. */
    phases: z.array(phaseSchema).max(LIMITS.maxPhases, { error: `expected at most ${LIMITS.maxPhases} phases` }).default([]),
    users: numberWithDefault(K.client['workload.users']),
    thinkTime: dist({ dist: 'exponential', meanMs: 1000 }),
  })
  .prefault({});
export type Workload = z.infer<typeof workloadSchema>;

export const clientSchema = z.strictObject({ ...base, kind: z.literal('client'), workload: workloadSchema });

export const gatewaySchema = z.strictObject({
  ...base,
  kind: z.literal('gateway'),
  ...worker,
  workers: numberWithDefault(K.gateway.workers),
  serviceTime: dist({ dist: 'constant', valueMs: 2 }),
  rateLimit: z
    .strictObject({ ratePerSec: numberWithDefault(K.gateway['rateLimit.ratePerSec']), burst: numberWithDefault(K.gateway['rateLimit.burst']) })
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
      consecutive5xx: numberWithDefault(K.loadBalancer['outlierEjection.consecutive5xx']),
      baseEjectionTimeMs: numberWithDefault(K.loadBalancer['outlierEjection.baseEjectionTimeMs']),
      maxEjectionPercent: numberWithDefault(K.loadBalancer['outlierEjection.maxEjectionPercent']),
    })
    .nullable()
    .default(null),
  healthCheck: z
    .strictObject({
      intervalMs: numberWithDefault(K.loadBalancer['healthCheck.intervalMs']),
      timeoutMs: numberWithDefault(K.loadBalancer['healthCheck.timeoutMs']),
      unhealthyThreshold: numberWithDefault(K.loadBalancer['healthCheck.unhealthyThreshold']),
      healthyThreshold: numberWithDefault(K.loadBalancer['healthCheck.healthyThreshold']),
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
  workers: numberWithDefault(K.database.workers),
  queue: serviceQueueSchema,
  readLatency: dist({ dist: 'lognormal', medianMs: 3, p99Ms: 20 }),
  writeLatency: dist({ dist: 'lognormal', medianMs: 8, p99Ms: 50 }),
  writePercent: numberWithDefault(K.database.writePercent),
});

export const cacheSchema = z.strictObject({
  ...base,
  kind: z.literal('cache'),
  hitPercent: numberWithDefault(K.cache.hitPercent),
  hitLatency: dist({ dist: 'constant', valueMs: 1 }),
  /** When set, hits come from an LRU keyspace with TTL instead of a fixed ratio (for stampedes). */
  keyspace: z
    .strictObject({
      keys: numberWithDefault(K.cache['keyspace.keys']),
      ttlS: numberWithDefault(K.cache['keyspace.ttlS']),
      capacity: numberWithDefault(K.cache['keyspace.capacity']),
    })
    .nullable()
    .default(null),
});

export const queueSchema = z.strictObject({
  ...base,
  kind: z.literal('queue'),
  capacity: numberWithDefault(K.queue.capacity),
  visibilityTimeoutMs: numberWithDefault(K.queue.visibilityTimeoutMs),
  maxDeliveries: numberWithDefault(K.queue.maxDeliveries),
  publishLatency: dist({ dist: 'constant', valueMs: 2 }),
});

export const topicSchema = z.strictObject({
  ...base,
  kind: z.literal('topic'),
  capacity: numberWithDefault(K.topic.capacity),
  publishLatency: dist({ dist: 'constant', valueMs: 2 }),
});

export const externalSchema = z.strictObject({
  ...base,
  kind: z.literal('external'),
  latency: dist({ dist: 'lognormal', medianMs: 80, p99Ms: 400 }),
  errorPercent: numberWithDefault(K.external.errorPercent),
  concurrencyLimit: numberOf(K.external.concurrencyLimit).nullable().default(null),
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
