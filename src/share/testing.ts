import fc from 'fast-check';
import {
  FAULT_KINDS,
  KIND_INFO,
  NODE_KINDS,
  connectionProblem,
  createNode,
  edgeSchema,
  faultSchema,
  naturalEdgeKind,
  nodeSchema,
  restore,
  type Distribution,
  type NodeKind,
  type Scenario,
  type ScenarioInput,
} from '../model';

/** Test support for the share codec: a realistic scenario and arbitrary valid ones. */

export function scenarioOf(input: unknown): Scenario {
  const result = restore(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.scenario;
}

type Spec = readonly [kind: NodeKind, label: string, col: number, row: number, group: string | null, extra?: Record<string, unknown>];

/**
 * A 30-node marketplace as a user would draw it in the editor: editor ids (`service-3`), renamed
 * labels, snapped positions, bounded contexts, and policies tuned on about half the edges.
 */
export function marketplace30(): Scenario {
  const specs: Spec[] = [
    ['client', 'Web shoppers', 0, 1, null, { workload: { ratePerSec: 300 } }],
    ['client', 'Mobile app', 0, 3, null, { workload: { model: 'closed', users: 400 } }],
    ['gateway', 'Edge gateway', 1, 2, null, { rateLimit: { ratePerSec: 2000 }, workers: 256 }],
    ['loadBalancer', 'Catalog LB', 2, 0, 'catalog', { strategy: 'least-outstanding' }],
    ['loadBalancer', 'Checkout LB', 2, 4, 'orders', { healthCheck: {} }],
    ['service', 'Catalog', 3, 0, 'catalog', { replicas: 4, serviceTime: { dist: 'lognormal', medianMs: 6, p99Ms: 45 } }],
    ['service', 'Search', 3, 1, 'catalog', { replicas: 3, workers: 32 }],
    ['service', 'Recommendations', 3, 2, 'catalog', { errorPercent: 1 }],
    ['service', 'Cart', 3, 3, 'orders', {}],
    ['service', 'Checkout', 3, 4, 'orders', { replicas: 3, workers: 24, callMode: 'parallel' }],
    ['service', 'Orders', 4, 4, 'orders', { serviceTime: { dist: 'lognormal', medianMs: 8, p99Ms: 40 } }],
    ['service', 'Payments', 4, 5, 'payments', { replicas: 2, workers: 32 }],
    ['service', 'Inventory', 4, 3, 'orders', { serviceTime: { dist: 'exponential', meanMs: 6 } }],
    ['service', 'Shipping', 5, 6, null, {}],
    ['service', 'Notifications', 6, 6, null, { workers: 8 }],
    ['database', 'Catalog DB', 4, 0, 'catalog', { replicas: 2 }],
    ['database', 'Search index', 4, 1, 'catalog', { readLatency: { dist: 'lognormal', medianMs: 5, p99Ms: 30 } }],
    ['database', 'Cart DB', 4, 2, 'orders', {}],
    ['database', 'Orders DB', 5, 4, 'orders', { workers: 40 }],
    ['database', 'Payments DB', 5, 5, 'payments', { workers: 8 }],
    ['database', 'Inventory DB', 5, 3, 'orders', {}],
    ['database', 'Shipping DB', 6, 7, null, {}],
    ['cache', 'Catalog cache', 3, -1, 'catalog', { hitPercent: 95 }],
    ['cache', 'Session cache', 2, 3, null, {}],
    ['cache', 'Price cache', 5, 0, 'catalog', { keyspace: { keys: 50_000 } }],
    ['queue', 'Order events', 5, 6, null, { maxDeliveries: 3 }],
    ['queue', 'Mail queue', 7, 6, null, {}],
    ['topic', 'Stock changes', 6, 3, null, {}],
    ['external', 'Card network', 5, 7, 'payments', { errorPercent: 1 }],
    ['external', 'Carrier API', 6, 8, null, {}],
  ];
  const counts = new Map<NodeKind, number>();
  const idOf: string[] = [];
  const nodes = specs.map(([kind, label, col, row, group, extra]) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    const id = `${{ loadBalancer: 'lb', database: 'db' }[kind as string] ?? kind}-${n}`;
    idOf.push(id);
    return { id, kind, label, position: { x: col * 240, y: row * 130 }, ...(group ? { group } : {}), ...extra };
  });
  const at = (i: number) => idOf[i] ?? '';
  const t = (timeoutMs: number, more: Record<string, unknown> = {}) => ({ policy: { timeoutMs, ...more } });
  const retry = { retry: { maxAttempts: 2, backoff: 'exponential', baseMs: 50, maxMs: 1000, jitter: 'full' } };
  const breaker = { circuitBreaker: { minimumNumberOfCalls: 20, waitDurationInOpenStateMs: 10_000 } };
  const links: [number, number, Record<string, unknown>?][] = [
    [0, 2, t(5000)], [1, 2, t(5000)], [2, 3, t(2000)], [2, 4, t(3000)], [2, 23, t(100)], [3, 5, t(1000)],
    [2, 6, t(800, retry)], [2, 7, t(500, { fallback: 'static' })], [2, 8, t(1000)], [4, 9],
    [5, 15, t(300)], [5, 22, t(50)], [22, 15], [6, 16, t(400, retry)], [7, 5, t(300, breaker)], [8, 17, t(200)],
    [9, 10, t(1500, breaker)], [9, 11, t(2000, { ...breaker, bulkhead: { maxConcurrentCalls: 50 } })], [9, 12, t(500, retry)],
    [10, 18, t(500)], [10, 25, { kind: 'async', ...t(200) }], [11, 19, t(1000)], [11, 28, t(2000, retry)],
    [12, 20, t(300)], [12, 27, { kind: 'async' }], [24, 20], [25, 13, { kind: 'async' }], [13, 21, t(500)], [13, 29, t(3000, retry)],
    [13, 26, { kind: 'async' }], [26, 14, { kind: 'async' }], [7, 24, t(100)],
  ];
  const edges = links.map(([from, to, extra]) => ({ id: `${at(from)}-${at(to)}-1`, from: at(from), to: at(to), ...extra }));
  const input = {
    title: 'Marketplace at peak',
    metadata: { description: 'Thirty nodes, drawn in the editor: a flash sale hits the catalog while payments slow down.', tags: ['marketplace'] },
    settings: { durationS: 30, seed: 2024 },
    groups: [
      { id: 'catalog', label: 'Catalog' },
      { id: 'orders', label: 'Orders' },
      { id: 'payments', label: 'Payments' },
    ],
    nodes,
    edges,
    faults: [
      { id: `latency-${at(19)}-1`, kind: 'latency', target: at(19), startS: 10, durationS: 10, factor: 8 },
      { id: `trafficSpike-${at(0)}-1`, kind: 'trafficSpike', target: at(0), startS: 5, durationS: 5 },
      { id: 'carrier-outage', kind: 'crash', target: at(29), startS: 15, durationS: 5 },
    ],
  } satisfies ScenarioInput;
  return scenarioOf(input);
}

type Doc = Record<string, unknown>;
type Mutation = readonly [pick: number, factor: number];

const DISTRIBUTIONS: readonly Distribution[] = [
  { dist: 'constant', valueMs: 3 },
  { dist: 'uniform', minMs: 1, maxMs: 9 },
  { dist: 'exponential', meanMs: 12 },
  { dist: 'lognormal', medianMs: 4, p99Ms: 70 },
  { dist: 'lognormal', meanMs: 4, p99Ms: 30 },
  { dist: 'pareto', scaleMs: 2, alpha: 1.2, capMs: 500 },
  { dist: 'empirical', points: [{ p: 0, ms: 1 }, { p: 50, ms: 5 }, { p: 100, ms: 80 }] },
];

/** Paths of the number leaves of a parsed item (where a mutation may land). */
function numberPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof value === 'number') out.push(path);
  else if (Array.isArray(value)) value.forEach((v: unknown, i) => numberPaths(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numberPaths(v, [...path, k], out);
  return out;
}

function setAt(doc: Doc, path: readonly (string | number)[], value: unknown): Doc {
  const copy = structuredClone(doc);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) at[last] = value;
  return copy;
}

/**
 * Mutates a parsed item the way a user edits one in the inspector: switches on optional parts,
 * swaps a distribution, scales numbers; each step is kept only if the schema still accepts it.
 */
function mutate(doc: Doc, parse: (d: Doc) => Doc | null, toggles: readonly boolean[], swap: number | null, mutations: readonly Mutation[]): Doc {
  let current = doc;
  const tryDoc = (next: Doc) => {
    current = parse(next) ?? current;
  };
  const nullKeys = (d: Doc): string[] => Object.entries(d).flatMap(([k, v]) => (v === null ? [k] : v && typeof v === 'object' && !Array.isArray(v) ? nullKeys(v as Doc).map((sub) => `${k}.${sub}`) : []));
  nullKeys(current).forEach((key, i) => {
    if (toggles[i % Math.max(1, toggles.length)]) tryDoc(setAt(current, key.split('.'), {}));
  });
  const distKey = Object.keys(current).find((k) => (current[k] as { dist?: unknown } | null)?.dist !== undefined);
  if (swap !== null && distKey) tryDoc({ ...current, [distKey]: DISTRIBUTIONS[swap % DISTRIBUTIONS.length] });
  for (const [pick, factor] of mutations) {
    const paths = numberPaths(current);
    const path = paths[pick % Math.max(1, paths.length)];
    if (!path) continue;
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], current) as number;
    tryDoc(setAt(current, path, factor < 0 ? -factor : Math.round(value * factor * 100) / 100 + 0));
  }
  return current;
}

const parsed = (schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }) => (d: Doc) => {
  const r = schema.safeParse(d);
  return r.success ? (r.data as Doc) : null;
};

const mutations = fc.array(fc.tuple(fc.nat(), fc.constantFrom(0, 0.5, 1.5, 2, 3, 10, -1, -7, -250)), { maxLength: 5 });
const itemEdits = fc.record({ toggles: fc.array(fc.boolean(), { maxLength: 6 }), swap: fc.option(fc.nat(), { nil: null }), mutations });
const text = (maxLength: number) => fc.string({ unit: 'grapheme', maxLength });

const nodeArb = fc.record({
  kind: fc.constantFrom(...NODE_KINDS),
  editorId: fc.boolean(),
  label: fc.option(text(24), { nil: undefined }),
  x: fc.integer({ min: -5000, max: 5000 }),
  // `+ 0` turns -0 into 0: JSON (and so every saved scenario) has no -0.
  y: fc.double({ min: -5000, max: 5000, noNaN: true }).map((y) => y + 0),
  edits: itemEdits,
});

/**
 * Arbitrary valid scenarios, made by mutating the model's defaults item by item and then passed
 * through restore (those restore refuses, e.g. a fault on a target of the wrong kind, are dropped).
 */
export const arbitraryScenario: fc.Arbitrary<Scenario> = fc
  .record({
    title: fc.option(text(40), { nil: undefined }),
    description: fc.option(text(80), { nil: undefined }),
    settings: fc.record({ seed: fc.integer({ min: 0, max: 4_294_967_295 }), durationS: fc.constantFrom(60, 5, 12.5) }),
    nodes: fc.array(nodeArb, { maxLength: 10 }),
    edges: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), timeoutMs: fc.option(fc.integer({ min: 1, max: 9000 }), { nil: null }), edits: itemEdits }), { maxLength: 14 }),
    faults: fc.array(fc.record({ kind: fc.constantFrom(...FAULT_KINDS), target: fc.nat(), startS: fc.integer({ min: 0, max: 60 }), edits: itemEdits }), { maxLength: 3 }),
    grouped: fc.boolean(),
  })
  .map((spec) => {
    const count = new Map<NodeKind, number>();
    const nodes = spec.nodes.map((n, i) => {
      const ordinal = (count.get(n.kind) ?? 0) + 1;
      count.set(n.kind, ordinal);
      const id = n.editorId ? `${KIND_INFO[n.kind].idPrefix}-${ordinal}` : `node.${i}`;
      const base = createNode(n.kind, id, { x: n.x, y: n.y }, n.label) as unknown as Doc;
      const node = mutate(base, parsed(nodeSchema), n.edits.toggles, n.edits.swap, n.edits.mutations);
      return spec.grouped && i % 2 === 0 ? { ...node, group: 'context' } : node;
    });
    const edges: Doc[] = [];
    for (const [i, e] of spec.edges.entries()) {
      const from = nodes[e.from % Math.max(1, nodes.length)] as (Doc & { id: string; kind: NodeKind }) | undefined;
      const to = nodes[e.to % Math.max(1, nodes.length)] as (Doc & { id: string; kind: NodeKind }) | undefined;
      if (!from || !to) break;
      const kind = naturalEdgeKind(from.kind, to.kind);
      const existing = edges as unknown as { from: string; to: string; kind: 'sync' | 'async' }[];
      if (connectionProblem(from, to, kind, existing)) continue;
      const id = i % 3 === 0 ? `edge.${i}` : `${from.id}-${to.id}-1`;
      const base = edgeSchema.parse({ id, from: from.id, to: to.id, kind, policy: { timeoutMs: e.timeoutMs } }) as unknown as Doc;
      edges.push(mutate(base, parsed(edgeSchema), e.edits.toggles, e.edits.swap, e.edits.mutations));
    }
    const faults = spec.faults.flatMap((f, i) => {
      const target = nodes[f.target % Math.max(1, nodes.length)]?.id;
      const base = faultSchema.safeParse({ id: i === 0 ? `${f.kind}-${String(target)}-1` : `fault.${i}`, kind: f.kind, target, startS: f.startS });
      return base.success ? [mutate(base.data as unknown as Doc, parsed(faultSchema), [], null, f.edits.mutations)] : [];
    });
    const doc = {
      ...(spec.title === undefined ? {} : { title: spec.title }),
      metadata: spec.description === undefined ? {} : { description: spec.description },
      settings: spec.settings,
      groups: spec.grouped ? [{ id: 'context', label: 'Context' }] : [],
      nodes,
      edges,
    };
    const withFaults = restore({ ...doc, faults });
    if (withFaults.ok) return withFaults.scenario;
    const without = restore(doc);
    return without.ok ? without.scenario : null;
  })
  .filter((s): s is Scenario => s !== null);
