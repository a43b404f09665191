import { parseDecimal, setScenarioPath } from '../model';

export interface SweepSpec {
  /** As written by the user, e.g. `edges.api-db.policy.retry.maxAttempts`. */
  readonly path: string;
  readonly segments: readonly string[];
  readonly values: readonly unknown[];
}

const COLLECTIONS = ['nodes', 'edges', 'faults', 'groups'];
/** Names that reach JavaScript's object machinery, never a scenario's field. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Parses `path=v1,v2,...`; values are JSON where they parse (numbers, true, null), text otherwise. */
export function parseSweep(text: string): SweepSpec | string {
  const at = text.indexOf('=');
  if (at <= 0) return `--sweep expects path=v1,v2,... (for example edges.api-db.policy.retry.maxAttempts=1,2,3), got "${text}"`;
  const path = text.slice(0, at).trim();
  const segments = path.split('.').filter((s) => s.length > 0);
  if (segments.length === 0) return '--sweep has an empty path';
  const forbidden = segments.find((s) => FORBIDDEN.has(s));
  if (forbidden !== undefined) return `--sweep path "${path}" names "${forbidden}", which is not a field of any scenario`;
  if (COLLECTIONS.includes(segments[0] ?? '') && segments.length < 3) {
    return `--sweep path "${path}" must name a field inside one item, like ${segments[0]}.<id>.<field>`;
  }
  const raw = text
    .slice(at + 1)
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  const values: unknown[] = [];
  for (const v of raw) {
    // Numbers are decimal only (0x10 or 1e3 are refused with the reason); true, null and text as written.
    const number = parseDecimal(v);
    if (number.ok) values.push(number.value);
    else if (/^[+-]?[\d.]/.test(v)) return `--sweep "${path}": value ${number.message}`;
    else if (v === 'true' || v === 'false' || v === 'null') values.push(JSON.parse(v) as unknown);
    else values.push(v);
  }
  if (values.length === 0) return `--sweep "${path}" has no values`;
  return { path, segments, values };
}

/**
 * A copy of the raw scenario with the swept field set (see model/sweep.ts, shared with the studio).
 * The result still has to pass restore.
 */
export function applySweepValue(scenario: Record<string, unknown>, spec: SweepSpec, value: unknown): Record<string, unknown> | string {
  const changed = setScenarioPath(scenario, spec.segments, value);
  return typeof changed === 'string' ? `--sweep: ${changed}` : changed;
}
