import { z } from 'zod';
import { edgeSchema, faultSchema, nodeSchema, scenarioSchema, type FaultKind, type NodeKind } from '../model';
import { WhenSet, type Template, type TemplateObject } from './defaults';
import { isJsonObject, type Json } from './json';

/**
 * Templates of defaults for the lean link, read from the model's schemas (never copied): a
 * template is what the schema fills in for a minimal item, with each part that is off by
 * default (`retry: null`) marked with the defaults it gets when switched on.
 */

/** The object schema under defaults, prefaults, nullables and optionals; for a union, the option `value` fits. */
function objectSchema(schema: z.ZodType, value: Json): z.ZodObject | null {
  let current: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    if (current instanceof z.ZodObject) return current;
    if (current instanceof z.ZodUnion) {
      const options = current.options as readonly z.ZodType[];
      const fitting = options.find((option) => option.safeParse(value).success);
      if (!fitting) return null;
      current = fitting;
    } else if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodNullable || current instanceof z.ZodOptional) {
      current = current.unwrap() as z.ZodType;
    } else return null;
  }
  return null;
}

/** For a field that is `null` by default but an object when set: that object's schema. */
function nullableObject(schema: z.ZodType): z.ZodObject | null {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodDefault || current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  if (!(current instanceof z.ZodNullable)) return null;
  const inner = current.unwrap() as z.ZodType;
  return inner instanceof z.ZodObject ? inner : null;
}

/** Marks, at any depth of a parsed default, the null parts that are objects once set. */
export function withOptionalParts(schema: z.ZodType, value: Json): Template {
  const object = isJsonObject(value) ? objectSchema(schema, value) : null;
  if (!object || !isJsonObject(value)) return value;
  const shape = object.shape as Record<string, z.ZodType>;
  const out: Record<string, Template> = {};
  for (const [key, item] of Object.entries(value)) {
    const field = Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    if (!field) out[key] = item;
    else if (item === null) {
      const inner = nullableObject(field);
      // A part with required fields of its own (a saga's steps) has no defaults to diff against.
      const parsed = inner?.safeParse({});
      out[key] = inner && parsed?.success ? new WhenSet(null, withOptionalParts(inner, parsed.data as Json) as TemplateObject) : null;
    } else out[key] = withOptionalParts(field, item);
  }
  return out;
}

function without(template: Template, keys: readonly string[]): TemplateObject {
  if (!isJsonObject(template)) throw new Error('share: a template of an item must be an object');
  return Object.fromEntries(Object.entries(template).filter(([k]) => !keys.includes(k)));
}

/** Keys every lean item carries itself (they pick the template or are never defaulted). */
export const NODE_KEYS = ['id', 'kind'] as const;
export const EDGE_KEYS = ['id', 'from', 'to'] as const;
export const FAULT_KEYS = ['id', 'kind', 'target'] as const;
/** The arrays of a scenario; their items are made lean one by one. */
export const ITEM_ARRAYS = ['nodes', 'edges', 'faults', 'groups'] as const;

function template(schema: z.ZodType, minimal: Record<string, string>, keys: readonly string[]): TemplateObject {
  return without(withOptionalParts(schema, schema.parse(minimal) as Json), keys);
}

const nodeTemplates = new Map<NodeKind, TemplateObject>();
const faultTemplates = new Map<FaultKind, TemplateObject>();
let edgeCache: TemplateObject | null = null;
let scenarioCache: TemplateObject | null = null;

export function nodeTemplate(kind: NodeKind): TemplateObject {
  let t = nodeTemplates.get(kind);
  if (!t) nodeTemplates.set(kind, (t = template(nodeSchema, { id: 'x', kind }, NODE_KEYS)));
  return t;
}

export function faultTemplate(kind: FaultKind): TemplateObject {
  let t = faultTemplates.get(kind);
  if (!t) faultTemplates.set(kind, (t = template(faultSchema, { id: 'x', kind, target: 'x' }, FAULT_KEYS)));
  return t;
}

export function edgeTemplate(): TemplateObject {
  return (edgeCache ??= template(edgeSchema, { id: 'x', from: 'x', to: 'x' }, EDGE_KEYS));
}

/** The scenario's own fields (title, settings, metadata); the item arrays are handled apart. */
export function scenarioTemplate(): TemplateObject {
  return (scenarioCache ??= template(scenarioSchema, {}, ITEM_ARRAYS));
}
