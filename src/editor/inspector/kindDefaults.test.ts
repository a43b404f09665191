import { describe, expect, it } from 'vitest';
import {
  FAULT_KIND_FIELDS,
  FAULT_KINDS,
  NODE_KIND_FIELDS,
  NODE_KINDS,
  faultSchema,
  nodeSchema,
  type FieldTable,
} from '../../model';
import { getAt, setAt, type Path } from './pathEdit';
import { fieldAt } from './target';

/** The item with the parents of every field of the table present but empty (sections switched on). */
function withSectionsOn(base: Record<string, unknown>, table: FieldTable): Record<string, unknown> {
  let item = base;
  for (const key of Object.keys(table)) {
    const parent = key.split('.').slice(0, -1);
    if (parent.length > 0 && getAt(item, parent) === undefined) item = setAt(item, parent, {});
  }
  return item;
}

/** Paths of every number in a parsed item, leaving out positions and latency distributions. */
function numberLeaves(value: unknown, path: Path = []): string[] {
  if (typeof value === 'number') return [path.join('.')];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  if ('dist' in value) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === 'position' ? [] : numberLeaves(v, [...path, k])));
}

/** What the model fills in when the field is absent, or that it stays off (null / absent). */
function checkTable(table: FieldTable, base: Record<string, unknown>, parse: (input: unknown) => unknown) {
  const filled = parse(withSectionsOn(base, table));
  for (const key of Object.keys(table)) {
    const { field, path } = fieldAt(table, key);
    const value = getAt(filled, path);
    if (value === null || value === undefined) {
      // Off until switched on: switching on stores the shown default, which the model accepts.
      expect(() => parse(setAt(withSectionsOn(base, table), path, field.default)), key).not.toThrow();
    } else {
      expect(`${key} = ${String(value)}`).toBe(`${key} = ${field.default}`);
    }
  }
  return filled;
}

describe('the inspector shows the default each kind really has', () => {
  for (const kind of NODE_KINDS) {
    it(`node ${kind}: every shown default is what the model fills in`, () => {
      const table = NODE_KIND_FIELDS[kind];
      const filled = checkTable(table, { id: 'n', kind }, (input) => nodeSchema.parse(input));
      // And the table leaves no number out (a field without a row would show no default).
      expect(numberLeaves(filled).filter((p) => !(p in table))).toEqual([]);
    });
  }

  for (const kind of FAULT_KINDS) {
    it(`fault ${kind}: every shown default is what the model fills in`, () => {
      const table = FAULT_KIND_FIELDS[kind];
      const filled = checkTable(table, { id: 'f', kind, target: 't' }, (input) => faultSchema.parse(input));
      expect(numberLeaves(filled).filter((p) => !(p in table))).toEqual([]);
    });
  }

  it('a gateway shows 64 workers and a latency fault a factor of 2 (the reported bugs)', () => {
    expect(fieldAt(NODE_KIND_FIELDS.gateway, 'workers').field.default).toBe(64);
    expect(fieldAt(FAULT_KIND_FIELDS.latency, 'factor').field.default).toBe(2);
    expect(fieldAt(NODE_KIND_FIELDS.database, 'workers').field.default).toBe(20);
    expect(fieldAt(NODE_KIND_FIELDS.external, 'errorPercent').field.default).toBe(0.5);
    expect(fieldAt(FAULT_KIND_FIELDS.packetLoss, 'percent').field.default).toBe(10);
  });
});
