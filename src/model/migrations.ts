import { isPlainObject } from './untrusted';

type Json = Record<string, unknown>;

/**
 * A numbered step from `version - 1` to `version`. Migrations take untrusted (but already
 * inspected) data, so they must not assume any shape; the schema checks the result.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (scenario: Json) => Json;
}

const POLICY_KEYS = [
  'timeoutMs',
  'deadlinePropagation',
  'retry',
  'circuitBreaker',
  'bulkhead',
  'rateLimiter',
  'adaptiveThrottling',
  'fallback',
] as const;

function mapArray(value: unknown, fn: (item: Json) => Json): unknown {
  return Array.isArray(value) ? value.map((item: unknown) => (isPlainObject(item) ? fn(item) : item)) : value;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 1 (the first published draft) kept the caller's policy flat on the edge and the
    // call probability as a fraction.
    version: 2,
    name: 'edge-policy-object',
    up: (scenario) => ({
      ...scenario,
      edges: mapArray(scenario.edges, (edge) => {
        const next: Json = {};
        const policy: Json = isPlainObject(edge.policy) ? { ...edge.policy } : {};
        let movedPolicy = isPlainObject(edge.policy);
        for (const [key, value] of Object.entries(edge)) {
          if ((POLICY_KEYS as readonly string[]).includes(key)) {
            policy[key] = value;
            movedPolicy = true;
          } else if (key === 'probability' && typeof value === 'number') {
            // 12 significant digits drop float noise: 0.07 * 100 is 7.000000000000001.
            next.callPercent = Number((value * 100).toPrecision(12));
          } else if (key !== 'policy') {
            next[key] = value;
          }
        }
        if (movedPolicy) next.policy = policy;
        return next;
      }),
    }),
  },
];

export const FIRST_VERSION = 1;
export const CURRENT_VERSION = FIRST_VERSION + MIGRATIONS.length;

/** Runs every migration after `fromVersion`, in order. */
export function migrate(scenario: Json, fromVersion: number): Json {
  let doc = scenario;
  for (const migration of MIGRATIONS) {
    if (migration.version > fromVersion) doc = migration.up(doc);
  }
  return doc;
}
