import { setScenarioPath } from '../model';

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

/**
 * A copy of the raw scenario with the swept field set (see model/sweep.ts, shared with the studio).
 * The result still has to pass restore.
 */
export function applySweepValue(scenario: Record<string, unknown>, spec: SweepSpec, value: unknown): Record<string, unknown> | string {
  const changed = setScenarioPath(scenario, spec.segments, value);
  return typeof changed === 'string' ? `--sweep: ${changed}` : changed;
}
