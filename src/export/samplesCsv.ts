import { FAILURE_CAUSES, type Sample } from '../model';
import { csvText } from './inert';

const NODE_FIELDS = ['arrivals', 'completions', 'successes', 'degraded', 'inFlight', 'queueDepth', 'utilisation', 'oldestMessageAgeMs', 'deadLettered'] as const;
const EDGE_FIELDS = ['attempts', 'retries', 'successes', 'breakerState', 'bulkheadInUse'] as const;
const LATENCY = ['p50Ms', 'p95Ms', 'p99Ms', 'meanMs'] as const;

const field = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return csvText(String(v));
};

/**
 * Every sample of a run as one long CSV: a row per interval for the system, each node and each
 * edge, with the columns that apply to it (others empty).
 */
export function samplesToCsv(samples: readonly Sample[]): string {
  const header = [
    'startS', 'endS', 'scope', 'id',
    'offeredPerSec', 'goodputPerSec', 'successRatio',
    ...NODE_FIELDS, ...EDGE_FIELDS.filter((f) => f !== 'successes'),
    ...FAILURE_CAUSES.map((c) => `failed_${c}`), ...LATENCY,
  ];
  const lines = [header.join(',')];
  for (const s of samples) {
    const base = { startS: s.startMs / 1000, endS: s.endMs / 1000 };
    const row = (values: Record<string, unknown>) => lines.push(header.map((h) => field(values[h])).join(','));
    row({ ...base, scope: 'system', id: '', offeredPerSec: s.system.offeredPerSec, goodputPerSec: s.system.goodputPerSec, successRatio: s.system.successRatio, ...pick(s.system.latency, LATENCY) });
    for (const [id, n] of Object.entries(s.nodes)) {
      row({ ...base, scope: 'node', id, ...pick(n, NODE_FIELDS), ...causes(n.failures), ...pick(n.latency, LATENCY) });
    }
    for (const [id, e] of Object.entries(s.edges)) {
      row({ ...base, scope: 'edge', id, ...pick(e, EDGE_FIELDS), ...causes(e.failures), ...pick(e.latency, LATENCY) });
    }
  }
  return `${lines.join('\n')}\n`;
}

function pick<T extends object>(source: T, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = (source as Record<string, unknown>)[k];
  return out;
}

function causes(counts: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of FAILURE_CAUSES) out[`failed_${c}`] = counts[c] ?? 0;
  return out;
}
