import { z } from 'zod';
import { distributionSchema } from './distribution';
import { LIMITS, idSchema, labelSchema, numberOf, numberWithDefault, textSchema, type NumberField } from './fields';
import { nodeSchema } from './nodes';
import { policySchema } from './policy';

export const EDGE_FIELDS = {
  callPercent: {
    label: 'Call probability',
    unit: '%',
    min: 0,
    max: 100,
    default: 100,
    help: 'Share of requests that make this call.',
  },
  count: { label: 'Calls per request', min: 1, max: 100, integer: true, default: 1 },
} as const satisfies Record<string, NumberField>;

export const EDGE_KINDS = ['sync', 'async'] as const;
export type EdgeKind = (typeof EDGE_KINDS)[number];

export const edgeSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  kind: z.enum(EDGE_KINDS, { error: 'expected "sync" or "async"' }).default('sync'),
  label: labelSchema.optional(),
  /** Network latency of each attempt. */
  latency: distributionSchema.default({ dist: 'constant', valueMs: 1 }),
  callPercent: numberWithDefault(EDGE_FIELDS.callPercent),
  count: numberWithDefault(EDGE_FIELDS.count),
  /** In an aggregating gateway: a failure here degrades the answer instead of failing it. */
  optional: z.boolean().default(false),
  policy: policySchema,
});
export type ScenarioEdge = z.infer<typeof edgeSchema>;

export const FAULT_FIELDS = {
  startS: { label: 'Start', unit: 's', min: 0, max: 86_400, default: 10 },
  durationS: { label: 'Duration', unit: 's', min: 0, max: 86_400, default: 10 },
  addMs: { label: 'Added latency', unit: 'ms', min: 0, max: LIMITS.maxMs, default: 0 },
  factor: { label: 'Latency factor', unit: 'x', min: 1, max: 1000, default: 1 },
  percent: { label: 'Share', unit: '%', min: 0, max: 100, default: 50 },
  trafficFactor: { label: 'Traffic factor', unit: 'x', min: 0, max: 1000, default: 3 },
  delayMs: { label: 'Delay', unit: 'ms', min: 0, max: LIMITS.maxMs, default: 500 },
  replica: { label: 'Replica', min: 0, max: 999, integer: true, default: 0 },
} as const satisfies Record<string, NumberField>;

const FF = FAULT_FIELDS;
const FAULT_TIMING = { startS: FF.startS, durationS: FF.durationS, replica: FF.replica } as const;

/**
 * Every numeric parameter of each fault kind, by its key in the fault, with the default that kind
 * really has. The schema below takes its defaults from here, and so does the inspector's
 * "Default N" (a latency fault's factor is 2, a packet loss is 10%). `replica` is absent (all
 * replicas) until set; setting it starts at its default.
 */
export const FAULT_KIND_FIELDS = {
  crash: FAULT_TIMING,
  hang: FAULT_TIMING,
  latency: { ...FAULT_TIMING, addMs: FF.addMs, factor: { ...FF.factor, default: 2 } },
  error: { ...FAULT_TIMING, percent: { ...FF.percent, label: 'Error rate' } },
  capacityLoss: { ...FAULT_TIMING, percent: { ...FF.percent, label: 'Capacity lost' } },
  partition: FAULT_TIMING,
  packetLoss: { ...FAULT_TIMING, percent: { ...FF.percent, label: 'Packets lost', default: 10 } },
  cacheFlush: FAULT_TIMING,
  trafficSpike: { ...FAULT_TIMING, factor: FF.trafficFactor },
  delay: { ...FAULT_TIMING, delayMs: FF.delayMs, percent: { ...FF.percent, label: 'Requests delayed', default: 100 } },
  abort: { ...FAULT_TIMING, percent: { ...FF.percent, label: 'Requests aborted', default: 100 } },
} as const satisfies Record<string, Readonly<Record<string, NumberField>>>;
const FK = FAULT_KIND_FIELDS;
const faultBase = {
  id: idSchema,
  target: idSchema,
  /** Only one replica of the target (0-based); omitted: all replicas. */
  replica: numberOf(FAULT_TIMING.replica).optional(),
  startS: numberWithDefault(FAULT_TIMING.startS),
  durationS: numberWithDefault(FAULT_TIMING.durationS),
  label: labelSchema.optional(),
};

export const faultSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...faultBase, kind: z.literal('crash') }),
    z.strictObject({ ...faultBase, kind: z.literal('hang') }),
    z.strictObject({
      ...faultBase,
      kind: z.literal('latency'),
      addMs: numberWithDefault(FK.latency.addMs),
      factor: numberWithDefault(FK.latency.factor),
    }),
    z.strictObject({ ...faultBase, kind: z.literal('error'), percent: numberWithDefault(FK.error.percent) }),
    z.strictObject({ ...faultBase, kind: z.literal('capacityLoss'), percent: numberWithDefault(FK.capacityLoss.percent) }),
    z.strictObject({ ...faultBase, kind: z.literal('partition') }),
    z.strictObject({ ...faultBase, kind: z.literal('packetLoss'), percent: numberWithDefault(FK.packetLoss.percent) }),
    z.strictObject({ ...faultBase, kind: z.literal('cacheFlush') }),
    z.strictObject({ ...faultBase, kind: z.literal('trafficSpike'), factor: numberWithDefault(FK.trafficSpike.factor) }),
    z.strictObject({
      ...faultBase,
      kind: z.literal('delay'),
      delayMs: numberWithDefault(FK.delay.delayMs),
      percent: numberWithDefault(FK.delay.percent),
    }),
    z.strictObject({ ...faultBase, kind: z.literal('abort'), percent: numberWithDefault(FK.abort.percent) }),
  ],
  {
    error:
      'expected a fault kind: crash, hang, latency, error, capacityLoss, partition, packetLoss, cacheFlush, trafficSpike, delay, abort',
  },
);
export type Fault = z.infer<typeof faultSchema>;
export type FaultKind = Fault['kind'];
export const FAULT_KINDS: readonly FaultKind[] = [
  'crash',
  'hang',
  'latency',
  'error',
  'capacityLoss',
  'partition',
  'packetLoss',
  'cacheFlush',
  'trafficSpike',
  'delay',
  'abort',
];
/** Compile-time check: the table has a row for every fault kind of the schema. */
export const FAULT_KIND_FIELD_TABLES: Readonly<Record<FaultKind, Readonly<Record<string, NumberField>>>> = FAULT_KIND_FIELDS;

export const SETTINGS_FIELDS = {
  durationS: { label: 'Duration', unit: 's', min: 1, max: 86_400, default: 60 },
  seed: { label: 'Seed', min: 0, max: 4_294_967_295, integer: true, default: 1 },
  sampleIntervalS: { label: 'Sample interval', unit: 's', min: 0.01, max: 3600, default: 1 },
  warmupS: { label: 'Warm-up', unit: 's', min: 0, max: 86_400, default: 0 },
  maxEvents: { label: 'Event budget', min: 1000, max: 2_000_000_000, integer: true, default: 50_000_000 },
} as const satisfies Record<string, NumberField>;

export const settingsSchema = z
  .strictObject({
    durationS: numberWithDefault(SETTINGS_FIELDS.durationS),
    seed: numberWithDefault(SETTINGS_FIELDS.seed),
    sampleIntervalS: numberWithDefault(SETTINGS_FIELDS.sampleIntervalS),
    warmupS: numberWithDefault(SETTINGS_FIELDS.warmupS),
    maxEvents: numberWithDefault(SETTINGS_FIELDS.maxEvents),
  })
  .prefault({});
export type Settings = z.infer<typeof settingsSchema>;

export const groupSchema = z.strictObject({
  id: idSchema,
  label: labelSchema,
  description: textSchema(LIMITS.maxTextLength).optional(),
});
export type Group = z.infer<typeof groupSchema>;

export const metadataSchema = z
  .strictObject({
    author: labelSchema.optional(),
    description: textSchema(LIMITS.maxTextLength).optional(),
    tags: z.array(textSchema(40)).max(20, { error: 'expected at most 20 tags' }).optional(),
    createdAt: textSchema(40).optional(),
    updatedAt: textSchema(40).optional(),
  })
  .prefault({});

export const scenarioSchema = z.strictObject({
  title: labelSchema.default('Untitled scenario'),
  metadata: metadataSchema,
  settings: settingsSchema,
  nodes: z.array(nodeSchema).max(LIMITS.maxNodes, { error: `expected at most ${LIMITS.maxNodes} nodes` }).default([]),
  edges: z.array(edgeSchema).max(LIMITS.maxEdges, { error: `expected at most ${LIMITS.maxEdges} edges` }).default([]),
  faults: z.array(faultSchema).max(LIMITS.maxFaults, { error: `expected at most ${LIMITS.maxFaults} faults` }).default([]),
  groups: z.array(groupSchema).max(LIMITS.maxGroups, { error: `expected at most ${LIMITS.maxGroups} groups` }).default([]),
});

/** A scenario as the rest of the app sees it: validated, every default filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as a user may write it: anything with a default may be omitted. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
