import type { z } from 'zod';
import { formatPath, type PathPart } from '../../model';

export type Path = readonly (string | number)[];

export function getAt(value: unknown, path: Path): unknown {
  let cur: unknown = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A copy of `value` with `path` set (copies only the objects along the path). */
export function setAt<T>(value: T, path: Path, next: unknown): T {
  if (path.length === 0) return next as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container = (value ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  const child = setAt(container[head], rest, next);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[head as number] = child;
    return copy as T;
  }
  if (next === undefined && rest.length === 0) {
    const { [head]: _removed, ...others } = container;
    return others as T;
  }
  return { ...container, [head]: child } as T;
}

export type CheckResult<T> = { ok: true; value: T } | { ok: false; message: string };

function startsWith(path: readonly PathPart[], prefix: readonly PathPart[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/**
 * Sets `path` in `item` and validates the whole item with `schema`, so cross-field rules
 * (min <= max, a lognormal that exists) are checked before anything reaches the store.
 */
export function checkAt<S extends z.ZodType>(schema: S, item: unknown, path: Path, next: unknown): CheckResult<z.output<S>> {
  const candidate = setAt(item, path, next);
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues;
  const mine = issues.find((i) => startsWith(i.path, path)) ?? issues.find((i) => startsWith(path, i.path)) ?? issues[0];
  if (!mine) return { ok: false, message: 'invalid value' };
  const rel = mine.path.slice(path.length);
  return { ok: false, message: rel.length > 0 && !startsWith(mine.path, path) ? mine.message : rel.length > 0 ? `${formatPath(rel)}: ${mine.message}` : mine.message };
}
