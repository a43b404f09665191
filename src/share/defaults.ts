import { isJsonObject, jsonEqual, type Json, type JsonObject } from './json';

/**
 * "Store only what differs from the defaults", for any JSON, against a template of defaults
 * (the share link builds its templates from the model's schemas, see templates.ts).
 *
 * The lean form keeps the shape of the value, with three rules so that filling is exact:
 * - a key whose value equals its default is left out (filling puts the default back);
 * - an object whose keys include all of its default's keys is diffed key by key;
 * - any other object or array standing where the default is an object is written whole, wrapped
 *   in a one-element array `[value]`, so filling knows to take it as it is instead of merging.
 */

/**
 * A default that is `absent` (usually null: "switched off") until the user sets it, and then an
 * object with defaults of its own (a retry policy, a rate limit). Only that object's changes
 * are stored, and a switched-on part left at its defaults is stored as `{}`.
 */
export class WhenSet {
  constructor(
    readonly absent: Json,
    readonly shape: TemplateObject,
  ) {}
}

export type Template = Json | WhenSet | TemplateObject;
export interface TemplateObject {
  readonly [key: string]: Template;
}

const own = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

function isTemplateObject(template: Template | undefined): template is TemplateObject {
  return !(template instanceof WhenSet) && isJsonObject(template);
}

function field(template: TemplateObject, key: string): Template | undefined {
  // Own keys only: a lean "constructor" must not find Object.prototype.constructor.
  return own(template, key) ? template[key] : undefined;
}

/** The plain defaults a template stands for (parts that are off are at their `absent` value). */
export function materialize(template: Template): Json {
  if (template instanceof WhenSet) return template.absent;
  if (isTemplateObject(template)) return Object.fromEntries(Object.entries(template).map(([k, t]) => [k, materialize(t)]));
  return template;
}

/** What `value` changes of `template`; undefined when nothing does. */
export function diffAgainstDefaults(value: Json, template: Template | undefined): Json | undefined {
  if (template === undefined) return value;
  if (template instanceof WhenSet) {
    if (jsonEqual(value, template.absent)) return undefined;
    if (isJsonObject(value)) return diffAgainstDefaults(value, template.shape) ?? {};
    return Array.isArray(value) ? [value] : value;
  }
  if (!isTemplateObject(template)) return jsonEqual(value, template) ? undefined : value;
  if (isJsonObject(value) && Object.keys(template).every((k) => own(value, k))) {
    const entries: [string, Json][] = [];
    for (const [key, item] of Object.entries(value)) {
      const changed = diffAgainstDefaults(item, field(template, key));
      if (changed !== undefined) entries.push([key, changed]);
    }
    return entries.length === 0 ? undefined : (Object.fromEntries(entries) as JsonObject);
  }
  return isJsonObject(value) || Array.isArray(value) ? [value] : value;
}

/**
 * Puts the defaults back into a lean value. The lean value is untrusted: whatever does not fit
 * the template is passed on unchanged for model/restore to judge. Recursion follows the template,
 * so its depth is bounded by the template's, whatever the input.
 */
export function fillDefaults(lean: unknown, template: Template | undefined): unknown {
  if (template === undefined) return lean;
  if (lean === undefined) return materialize(template);
  if (template instanceof WhenSet) return isJsonObject(lean) || Array.isArray(lean) ? fillDefaults(lean, template.shape) : lean;
  if (!isTemplateObject(template)) return lean;
  if (Array.isArray(lean)) return lean.length === 1 ? (lean[0] as unknown) : lean;
  if (!isJsonObject(lean)) return lean;
  const entries: [string, unknown][] = [];
  for (const [key, t] of Object.entries(template)) if (!own(lean, key)) entries.push([key, materialize(t)]);
  for (const [key, item] of Object.entries(lean)) entries.push([key, fillDefaults(item, field(template, key))]);
  // fromEntries defines own properties, so a "__proto__" key cannot reach the prototype.
  return Object.fromEntries(entries);
}
