import type { z } from 'zod';
import { LIMITS } from './fields';
import { capIssues, formatPath, type Issue, type PathPart } from './issues';
import { CURRENT_VERSION, FIRST_VERSION, migrate } from './migrations';
import { placeMissingPositions } from './placement';
import { scenarioSchema, type Scenario } from './scenario';
import { inspectUntrusted, isPlainObject, parseJsonText } from './untrusted';
import { faultTimingWarnings, validateReferences } from './validate';
import { sampleIntervalWarning } from './samples';

export const FORMAT = 'faultline';

export interface Envelope {
  readonly format: typeof FORMAT;
  readonly version: number;
  readonly scenario: Scenario;
}

export type RestoreResult =
  | {
      readonly ok: true;
      readonly scenario: Scenario;
      readonly warnings: readonly Issue[];
      readonly fromVersion: number;
      /** Nodes that had no position in the input and were given a provisional one (lay them out). */
      readonly placed?: readonly string[];
    }
  | { readonly ok: false; readonly errors: readonly Issue[] };

const fail = (errors: readonly Issue[]): RestoreResult => ({ ok: false, errors: capIssues(errors) });

function zodIssues(error: z.ZodError, prefix: string): Issue[] {
  const issues: Issue[] = [];
  for (const issue of error.issues) {
    // One formatPath over the whole path, so odd keys ("a b", "") are quoted like everywhere else.
    const at: PathPart[] = prefix ? [prefix, ...issue.path] : [...issue.path];
    const base = formatPath(at);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...at, key]), message: 'unknown field (check its spelling)' });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    issues.push({ path: base, message: missing ? `missing: ${issue.message}` : issue.message });
  }
  return issues;
}

/**
 * Turns anything (parsed JSON, a link payload, a stored value) into a valid scenario, or a list
 * of path-prefixed problems. Accepts an envelope `{format, version, scenario}` or a bare scenario.
 * Never throws, never returns data that bypassed the schema.
 */
export function restore(input: unknown): RestoreResult {
  try {
    return restoreUnsafe(input);
  } catch (error) {
    // A bug of ours must still not crash the caller or let the data through.
    return fail([{ path: '', message: `could not read the scenario (${error instanceof Error ? error.message : 'unknown error'})` }]);
  }
}

function restoreUnsafe(input: unknown): RestoreResult {
  const structural = inspectUntrusted(input);
  if (structural.length > 0) return fail(structural);
  if (!isPlainObject(input)) return fail([{ path: '', message: 'expected a Faultline scenario (a JSON object)' }]);

  const warnings: Issue[] = [];
  let raw: unknown;
  let version: number;
  let prefix: string;
  if ('format' in input) {
    if (input.format !== FORMAT) {
      return fail([{ path: 'format', message: `expected "${FORMAT}", found ${JSON.stringify(input.format)}: not a Faultline file` }]);
    }
    const extra = Object.keys(input).filter((k) => !['format', 'version', 'scenario'].includes(k));
    if (extra.length > 0) return fail(extra.map((k) => ({ path: formatPath([k]), message: 'unknown field (check its spelling)' })));
    const v = input.version;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < FIRST_VERSION) {
      return fail([{ path: 'version', message: `expected a whole number >= ${FIRST_VERSION}` }]);
    }
    if (v > CURRENT_VERSION) {
      return fail([
        {
          path: 'version',
          message: `this file was made by a newer Faultline (format version ${v}); this one reads up to version ${CURRENT_VERSION}. Update the app to open it.`,
        },
      ]);
    }
    version = v;
    raw = input.scenario;
    prefix = 'scenario';
    if (!isPlainObject(raw)) return fail([{ path: 'scenario', message: 'expected an object' }]);
  } else if ('nodes' in input || 'edges' in input || 'title' in input) {
    version = CURRENT_VERSION;
    raw = input;
    prefix = '';
    warnings.push({ path: '', message: `no {format, version} envelope: read as version ${CURRENT_VERSION}` });
  } else {
    return fail([{ path: '', message: 'expected a Faultline scenario: an object with "format": "faultline" or with "nodes"' }]);
  }

  const migrated = migrate(raw as Record<string, unknown>, version);
  const parsed = scenarioSchema.safeParse(migrated, { reportInput: true });
  if (!parsed.success) return fail(zodIssues(parsed.error, prefix));
  const references = validateReferences(parsed.data);
  if (references.length > 0) {
    return fail(references.map((i) => ({ ...i, path: [prefix, i.path].filter(Boolean).join('.') })));
  }
  const size = storedScenario(parsed.data).length;
  if (size > LIMITS.maxScenarioChars) {
    return fail([{ path: prefix, message: tooLargeMessage(size) }]);
  }
  for (const w of scenarioWarnings(parsed.data)) {
    warnings.push({ ...w, path: [prefix, w.path].filter(Boolean).join('.') });
  }
  const placed = parsed.data.nodes.filter((n) => !n.position).map((n) => n.id);
  return { ok: true, scenario: placeMissingPositions(parsed.data), warnings, fromVersion: version, ...(placed.length ? { placed } : {}) };
}

/** What restore warns about in a valid scenario's content (paths from the scenario, without the envelope's prefix). */
export function scenarioWarnings(scenario: Scenario): Issue[] {
  const sampling = sampleIntervalWarning(scenario);
  return [...(sampling ? [sampling] : []), ...faultTimingWarnings(scenario)];
}

/** Reads JSON text (a file, a stored value) through restore. */
export function restoreText(text: string): RestoreResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? restore(parsed.value) : fail([parsed.issue]);
}

export function toEnvelope(scenario: Scenario): Envelope {
  return { format: FORMAT, version: CURRENT_VERSION, scenario };
}

/** The scenario as a file: a pretty-printed envelope. */
export function serializeScenario(scenario: Scenario): string {
  return `${JSON.stringify(toEnvelope(scenario), null, 2)}\n`;
}

/** The compact form browser storage keeps (restore reads it like any file). Its length is what LIMITS.maxScenarioChars caps. */
export function storedScenario(scenario: Scenario): string {
  return JSON.stringify(toEnvelope(scenario));
}

/** Why a scenario is refused for its size, and what to do about it. */
export function tooLargeMessage(chars: number): string {
  return `the scenario is too large: ${chars.toLocaleString('en-US')} characters when saved, at most ${LIMITS.maxScenarioChars.toLocaleString('en-US')}. Shorten descriptions or labels, or split it into several scenarios`;
}
