import { FAULT_KINDS, KIND_INFO, NODE_KINDS, type FaultKind, type NodeKind, type Scenario } from '../model';
import { diffAgainstDefaults, fillDefaults, type TemplateObject } from './defaults';
import { isJsonObject, type Json, type JsonObject } from './json';
import { EDGE_KEYS, FAULT_KEYS, ITEM_ARRAYS, NODE_KEYS, edgeTemplate, faultTemplate, nodeTemplate, scenarioTemplate } from './templates';

/**
 * The scenario as the link stores it: each item keeps the keys that identify it and only the
 * fields that differ from its kind's defaults (templates.ts). Three more savings, all exact:
 * - ids the editor would have given are left out: `service-3` for the third service, `api-db-1`
 *   for the first edge between two nodes, `crash-api-1` for the first crash of a target;
 * - an edge names its ends by node index (`"from": 3`) instead of repeating the id;
 * - a position is `[x, y]`.
 */

type Item = Readonly<Record<string, unknown>>;

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

/** `${a}-${b}-1`: the id the editor gives the first edge between two nodes or the first fault of a kind on a target. */
export const derivedId = (first: unknown, second: unknown): string | null =>
  typeof first === 'string' && typeof second === 'string' ? `${first}-${second}-1` : null;

/** The id the editor gives the n-th node (1-based) of a kind. */
export const derivedNodeId = (kind: NodeKind, ordinal: number): string => `${KIND_INFO[kind].idPrefix}-${ordinal}`;

function split(item: Item, keys: readonly string[]): { head: Record<string, Json>; rest: Record<string, Json> } {
  const head: Record<string, Json> = {};
  const rest: Record<string, Json> = {};
  for (const [k, v] of Object.entries(item)) {
    if (v === undefined) continue;
    if (keys.includes(k)) head[k] = v as Json;
    else rest[k] = v as Json;
  }
  return { head, rest };
}

function leanItem(item: Item, keys: readonly string[], template: TemplateObject, derived: string | null): Record<string, Json> {
  const { head, rest } = split(item, keys);
  if (derived !== null && head.id === derived) delete head.id;
  const changed = diffAgainstDefaults(rest, template);
  // A valid item has every key of its template, so the diff is an object; if not, keep it whole.
  const lean: Record<string, Json> = { ...head, ...(changed === undefined ? {} : isJsonObject(changed) ? changed : rest) };
  const p = lean.position;
  if (isJsonObject(p) && Object.keys(p).length === 2 && typeof p.x === 'number' && typeof p.y === 'number') lean.position = [p.x, p.y];
  return lean;
}

/** Counts nodes per kind in order, for the ids the editor would have given them. */
function ordinals(): (kind: NodeKind) => number {
  const counts = new Map<NodeKind, number>();
  return (kind) => {
    const n = (counts.get(kind) ?? 0) + 1;
    counts.set(kind, n);
    return n;
  };
}

/** The lean JSON of a valid scenario. */
export function leanScenario(scenario: Scenario): JsonObject {
  const next = ordinals();
  const nodes = scenario.nodes.map((n) => leanItem(n, NODE_KEYS, nodeTemplate(n.kind), derivedNodeId(n.kind, next(n.kind))));
  const index = new Map(scenario.nodes.map((n, i) => [n.id, i]));
  const edges = scenario.edges.map((e) => {
    const lean = leanItem(e, EDGE_KEYS, edgeTemplate(), derivedId(e.from, e.to));
    return { ...lean, from: index.get(e.from) ?? e.from, to: index.get(e.to) ?? e.to };
  });
  const faults = scenario.faults.map((f) => leanItem(f, FAULT_KEYS, faultTemplate(f.kind), derivedId(f.kind, f.target)));
  const changed = diffAgainstDefaults(split(scenario, ITEM_ARRAYS).rest, scenarioTemplate());
  const lists: Record<string, Json> = {};
  if (nodes.length > 0) lists.nodes = nodes;
  if (edges.length > 0) lists.edges = edges;
  if (faults.length > 0) lists.faults = faults;
  if (scenario.groups.length > 0) lists.groups = scenario.groups as unknown as Json;
  return { ...(isJsonObject(changed) ? changed : {}), ...lists };
}

function expandItem(item: JsonObject, keys: readonly string[], template: TemplateObject | null, derived: string | null): unknown {
  if (template === null) return item;
  const { head, rest } = split(item, keys);
  if (!own(head, 'id') && derived !== null) head.id = derived;
  const p = rest.position;
  if (Array.isArray(p) && p.length === 2) rest.position = { x: p[0] as Json, y: p[1] as Json };
  const filled = fillDefaults(rest, template);
  return isJsonObject(filled) ? { ...head, ...filled } : item;
}

const nodeKind = (kind: unknown): NodeKind | null => ((NODE_KINDS as readonly unknown[]).includes(kind) ? (kind as NodeKind) : null);
const faultKind = (kind: unknown): FaultKind | null => ((FAULT_KINDS as readonly unknown[]).includes(kind) ? (kind as FaultKind) : null);

function mapItems(list: unknown, expand: (item: JsonObject) => unknown): unknown {
  return Array.isArray(list) ? list.map((item: unknown) => (isJsonObject(item) ? expand(item) : item)) : list;
}

/**
 * The full scenario document of a lean one, for model/restore to validate. Untrusted in,
 * unvalidated out: whatever does not fit a template is passed on for restore to report.
 */
export function expandScenario(lean: unknown): unknown {
  if (!isJsonObject(lean)) return lean;
  const { head, rest } = split(lean, ITEM_ARRAYS);
  const filled = fillDefaults(rest, scenarioTemplate());
  if (!isJsonObject(filled)) return lean;
  const next = ordinals();
  const nodes = mapItems(head.nodes ?? [], (n) => {
    const kind = nodeKind(n.kind);
    return kind ? expandItem(n, NODE_KEYS, nodeTemplate(kind), derivedNodeId(kind, next(kind))) : n;
  });
  const ids = Array.isArray(nodes) ? nodes.map((n: unknown) => (isJsonObject(n) ? n.id : undefined)) : [];
  // An index that names no node stays a number, and restore reports it at its path.
  const end = (v: Json | undefined) => (typeof v === 'number' && typeof ids[v] === 'string' ? ids[v] : v);
  const edges = mapItems(head.edges ?? [], (e) => {
    const named = { ...e, ...(own(e, 'from') ? { from: end(e.from) } : {}), ...(own(e, 'to') ? { to: end(e.to) } : {}) } as JsonObject;
    return expandItem(named, EDGE_KEYS, edgeTemplate(), derivedId(named.from, named.to));
  });
  const faults = mapItems(head.faults ?? [], (f) => {
    const kind = faultKind(f.kind);
    return expandItem(f, FAULT_KEYS, kind && faultTemplate(kind), derivedId(f.kind, f.target));
  });
  return { ...filled, nodes, edges, faults, groups: head.groups ?? [] };
}

/**
 * Edge ends that name no node of the link, in the link's own terms: a link names an edge's ends by
 * node position and carries no edge id, so "edge 2 goes to node 8" says what is wrong where
 * restore could only report a missing id.
 */
export function danglingEdgeEnds(lean: unknown): string[] {
  if (!isJsonObject(lean)) return [];
  const nodes = Array.isArray(lean.nodes) ? lean.nodes : [];
  const edges = Array.isArray(lean.edges) ? lean.edges : [];
  const problems: string[] = [];
  edges.forEach((e: unknown, i) => {
    if (!isJsonObject(e)) return;
    for (const end of ['from', 'to'] as const) {
      const v = e[end];
      if (typeof v === 'number' && (!Number.isInteger(v) || v < 0 || v >= nodes.length)) {
        problems.push(`scenario.edges[${i}].${end}: edge ${i + 1} ${end === 'from' ? 'starts at' : 'goes to'} node ${v + 1}, but the link holds ${nodes.length} node${nodes.length === 1 ? '' : 's'}`);
      }
    }
  });
  return problems;
}
