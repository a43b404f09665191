import { isPlainObjectValue } from './values';

export interface SweepSpec {
  /** As written by the user, e.g. `edges.api-db.policy.retry.maxAttempts`. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly values: readonly unknown[];
}

const COLLECTIONS = ['nodes', 'edges', 'faults', 'groups'];

/** Parses `path=v1,v2,...`; values are JSON where they parse (numbers, true, null), text otherwise. */
export function parseSweep(text: string): SweepSpec | string {
  const at = text.indexOf('=');
  if (at <= 0) return `--sweep expects path=v1,v2,... (for example edges.api-db.policy.retry.maxAttempts=1,2,3), got "${text}"`;
  const path = text.slice(0, at).trim();
  const segments = path.split('.').filter((s) => s.length > 0);
  if (segments.length === 0) return '--sweep has an empty path';
  if (COLLECTIONS.includes(segments[0] ?? '') && segments.length < 3) {
    return `--sweep path "${path}" must name a field inside one item, like ${segments[0]}.<id>.<field>`;
  }
  const values = text
    .slice(at + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)
    .map((v) => {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        return v;
      }
    });
  if (values.length === 0) return `--sweep "${path}" has no values`;
  return { path, segments, values };
}

function setIn(target: unknown, segments: readonly string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  const container: Record<string, unknown> = isPlainObjectValue(target) ? { ...target } : {};
  container[head] = setIn(container[head], rest, value);
  return container;
}

/**
 * A copy of the raw scenario with the swept field set. Items of nodes/edges/faults/groups are
 * addressed by id (or by index). The result still has to pass restore.
 */
export function applySweepValue(scenario: Record<string, unknown>, spec: SweepSpec, value: unknown): Record<string, unknown> | string {
  const [first, id, ...rest] = spec.segments;
  if (first !== undefined && COLLECTIONS.includes(first) && id !== undefined) {
    const list = scenario[first];
    if (!Array.isArray(list)) return `--sweep: the scenario has no ${first}`;
    const index = list.findIndex((item: unknown, i) => (isPlainObjectValue(item) && item.id === id) || String(i) === id);
    if (index < 0) return `--sweep: no ${first.slice(0, -1)} with id "${id}"`;
    const copy = [...list];
    copy[index] = setIn(copy[index], rest, value);
    return { ...scenario, [first]: copy };
  }
  return setIn(scenario, spec.segments, value) as Record<string, unknown>;
}
