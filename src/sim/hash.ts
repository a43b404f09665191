import type { RunResult } from './types';

/** JSON with object keys sorted, so equal results give equal text whatever the insertion order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // -0 and 0 print alike; non-finite numbers become null, as in JSON.stringify.
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** FNV-1a (32 bits) of a string's UTF-16 code units, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h >>> 0;
}

/** A stable 64-bit hash (hex) of a result, for determinism checks. */
export function hashResult(result: RunResult): string {
  const text = canonicalJson(result);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return hex(fnv1a(text, 2166136261)) + hex(fnv1a(text, 0x811c9dc5 ^ 0x5bd1e995));
}
