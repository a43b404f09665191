import { LIMITS } from './fields';
import { formatPath, type Issue, type PathPart } from './issues';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_VALUES = 2_000_000;
const MAX_STRING = 100_000;

/**
 * Walks untrusted data without recursion and refuses what must never reach the schema: nesting
 * deeper than LIMITS.maxDepth, prototype-polluting keys, non-JSON values and absurd sizes.
 * Returns the first problems found (the walk stops early on size problems).
 */
export function inspectUntrusted(value: unknown, maxDepth: number = LIMITS.maxDepth): Issue[] {
  const issues: Issue[] = [];
  const stack: { value: unknown; depth: number; path: PathPart[] }[] = [{ value, depth: 0, path: [] }];
  let seen = 0;
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item) break;
    if (++seen > MAX_VALUES) {
      issues.push({ path: '', message: `the document is too large (more than ${MAX_VALUES} values)` });
      return issues;
    }
    const v = item.value;
    const at = formatPath(item.path);
    if (v === null || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) issues.push({ path: at, message: 'expected a finite number' });
      continue;
    }
    if (typeof v === 'string') {
      if (v.length > MAX_STRING) issues.push({ path: at, message: `text too long (${v.length} characters)` });
      continue;
    }
    if (typeof v !== 'object') {
      issues.push({ path: at, message: `expected JSON data, found a ${typeof v}` });
      continue;
    }
    if (item.depth >= maxDepth) {
      issues.push({ path: at, message: `nested too deeply (more than ${maxDepth} levels)` });
      continue;
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], depth: item.depth + 1, path: [...item.path, i] });
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      issues.push({ path: at, message: 'expected a plain JSON object' });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push({ path: formatPath([...item.path, key]), message: `the key "${key}" is not allowed` });
        continue;
      }
      stack.push({ value: (v as Record<string, unknown>)[key], depth: item.depth + 1, path: [...item.path, key] });
    }
    if (issues.length > 100) return issues;
  }
  return issues;
}

/** Parses JSON text with a size cap; never throws. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; issue: Issue } {
  if (text.length > LIMITS.maxJsonChars) {
    return {
      ok: false,
      issue: { path: '', message: `the file is too large (${text.length} characters; at most ${LIMITS.maxJsonChars})` },
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issue: { path: '', message: `not valid JSON: ${reason}` } };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
