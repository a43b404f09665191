import { issueToString } from './issues';
import { displayName } from './kinds';
import { NODE_FIELDS } from './nodes';
import { POLICY_FIELDS } from './policy';
import { restore } from './restore';
import type { Scenario } from './scenario';
import { isPlainObject } from './untrusted';

/**
 * Setting one parameter of a scenario by a dotted path (`edges.order-payment.policy.timeoutMs`),
 * shared by the CLI's --sweep and the studio's sweep and compare. Items of nodes, edges, faults
 * and groups are addressed by id (or by index); the result must still pass restore.
 */

const COLLECTIONS = ['nodes', 'edges', 'faults', 'groups'];

export function splitPath(path: string): string[] {
  return path.split('.').filter((s) => s.length > 0);
}

/** Why a path cannot name a parameter (null when it can). */
export function pathProblem(segments: readonly string[]): string | null {
  if (segments.length === 0) return 'the path is empty';
  const first = segments[0] ?? '';
  if (COLLECTIONS.includes(first) && segments.length < 3) return `the path must name a field inside one item, like ${first}.<id>.<field>`;
  return null;
}

function setIn(target: unknown, segments: readonly string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  const container: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  container[head] = setIn(container[head], rest, value);
  return container;
}

/** A copy of the raw scenario with the field at `segments` set (parts not on the path are shared). */
export function setScenarioPath(scenario: Record<string, unknown>, segments: readonly string[], value: unknown): Record<string, unknown> | string {
  const [first, id, ...rest] = segments;
  if (first !== undefined && COLLECTIONS.includes(first) && id !== undefined) {
    const list = scenario[first];
    if (!Array.isArray(list)) return `the scenario has no ${first}`;
    const index = list.findIndex((item: unknown, i) => (isPlainObject(item) && item.id === id) || String(i) === id);
    if (index < 0) return `no ${first.slice(0, -1)} with id "${id}"`;
    const copy = [...list];
    copy[index] = setIn(copy[index], rest, value);
    return { ...scenario, [first]: copy };
  }
  return setIn(scenario, segments, value) as Record<string, unknown>;
}

export type VariantResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly message: string };

/**
 * The scenario with `path` set to `value`, validated by restore. A refusal names the value and
 * the path: `-1 for edges.order-payment.policy.timeoutMs: expected a finite number >= 0.001 ...`.
 */
export function scenarioWithValue(scenario: Scenario, path: string, value: unknown): VariantResult {
  const shown = `${JSON.stringify(value)} for ${path}`;
  const segments = splitPath(path);
  const problem = pathProblem(segments);
  if (problem) return { ok: false, message: `${shown}: ${problem}` };
  const changed = setScenarioPath(scenario as unknown as Record<string, unknown>, segments, value);
  if (typeof changed === 'string') return { ok: false, message: `${shown}: ${changed}` };
  const restored = restore(changed);
  if (!restored.ok) {
    // The problem first, then where restore found it (edges[5]...), which may be another field.
    const problems = restored.errors.map((i) => (i.path ? `${i.message} (at ${i.path})` : issueToString(i)));
    return { ok: false, message: `${shown}: ${problems.join('; ')}` };
  }
  return { ok: true, scenario: restored.scenario };
}

/** Reads the value at a path (undefined when there is none), for showing the current value. */
export function valueAtPath(scenario: Scenario, path: string): unknown {
  const segments = splitPath(path);
  const [first, id, ...rest] = segments;
  let at: unknown = scenario;
  let keys: readonly string[] = segments;
  if (first !== undefined && COLLECTIONS.includes(first) && id !== undefined) {
    const list = (scenario as unknown as Record<string, unknown>)[first];
    at = Array.isArray(list) ? list.find((item: unknown) => isPlainObject(item) && item.id === id) : undefined;
    keys = rest;
  }
  for (const key of keys) at = isPlainObject(at) ? at[key] : undefined;
  return at;
}

/** One parameter the studio offers to sweep. */
export interface SweepParameter {
  readonly path: string;
  /** What it is, in words: "Timeout per attempt". */
  readonly label: string;
  /** Where it is: "Order service → Payment service". */
  readonly owner: string;
  readonly unit: string;
  /** The value in the scenario now; null when the part is off (sweeping turns it on with defaults). */
  readonly current: number | null;
}

const EDGE_PARAMETERS = [
  { field: 'timeoutMs', label: POLICY_FIELDS.timeoutMs.label, unit: 'ms' },
  { field: 'retry.maxAttempts', label: `Retry: ${POLICY_FIELDS.retry.maxAttempts.label.toLowerCase()}`, unit: '' },
  { field: 'circuitBreaker.failureRateThreshold', label: `Breaker: ${POLICY_FIELDS.circuitBreaker.failureRateThreshold.label.toLowerCase()}`, unit: '%' },
  { field: 'bulkhead.maxConcurrentCalls', label: `Bulkhead: ${POLICY_FIELDS.bulkhead.maxConcurrentCalls.label.toLowerCase()}`, unit: '' },
] as const;

const WORKER_PARAMETERS = [
  { field: 'workers', label: NODE_FIELDS.workers.label, unit: '' },
  { field: 'replicas', label: NODE_FIELDS.replicas.label, unit: '' },
  { field: 'errorPercent', label: NODE_FIELDS.errorPercent.label, unit: '%' },
] as const;

const numberOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The parameters of this scenario worth sweeping: edge policies, node capacity, client load. */
export function sweepParameters(scenario: Scenario): SweepParameter[] {
  const names = new Map(scenario.nodes.map((n) => [n.id, displayName(n)]));
  const out: SweepParameter[] = [];
  for (const node of scenario.nodes) {
    const owner = displayName(node);
    if (node.kind === 'client') {
      out.push({ path: `nodes.${node.id}.workload.ratePerSec`, label: 'Offered load', owner, unit: 'req/s', current: node.workload.ratePerSec });
    } else if (node.kind === 'service' || node.kind === 'gateway' || node.kind === 'database') {
      for (const p of WORKER_PARAMETERS) out.push({ path: `nodes.${node.id}.${p.field}`, label: p.label, owner, unit: p.unit, current: node[p.field] });
    } else if (node.kind === 'external') {
      out.push({ path: `nodes.${node.id}.errorPercent`, label: NODE_FIELDS.errorPercent.label, owner, unit: '%', current: node.errorPercent });
    }
  }
  for (const edge of scenario.edges) {
    const owner = `${names.get(edge.from) ?? edge.from} → ${names.get(edge.to) ?? edge.to}`;
    for (const p of EDGE_PARAMETERS) {
      const path = `edges.${edge.id}.policy.${p.field}`;
      out.push({ path, label: p.label, owner, unit: p.unit, current: numberOrNull(valueAtPath(scenario, path)) });
    }
  }
  return out;
}

/** Parses "100, 500,1500" into numbers; a refusal names the bad entry. */
export function parseSweepValues(text: string, maxValues = 24): { readonly ok: true; readonly values: number[] } | { readonly ok: false; readonly message: string } {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return { ok: false, message: 'enter at least one value, for example 100, 500, 1500' };
  if (parts.length > maxValues) return { ok: false, message: `at most ${maxValues} values at once (got ${parts.length})` };
  const values: number[] = [];
  for (const part of parts) {
    const n = Number(part);
    if (!Number.isFinite(n)) return { ok: false, message: `"${part}" is not a number` };
    if (values.includes(n)) return { ok: false, message: `${part} appears twice` };
    values.push(n);
  }
  return { ok: true, values };
}
