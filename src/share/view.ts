import { isJsonObject, type Json } from './json';

/**
 * What the receiver sees besides the scenario: the lesson and step that were open, and the
 * recipes of the compare variant B. Ids are checked for shape only; the app checks that the
 * lesson and recipes exist.
 */
export interface ShareView {
  readonly lesson?: { readonly id: string; readonly stepIndex: number };
  readonly compareRecipes?: readonly string[];
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_STEP = 999;
const MAX_RECIPES = 20;

/** The view's JSON in the link (short keys: it rides in every link that has one). */
export function viewToJson(view: ShareView): Json | undefined {
  const out: Record<string, Json> = {};
  if (view.lesson) out.l = [view.lesson.id, view.lesson.stepIndex];
  if (view.compareRecipes && view.compareRecipes.length > 0) out.c = [...view.compareRecipes];
  return Object.keys(out).length > 0 ? out : undefined;
}

const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

/** The view in a link, or why it cannot be read. */
export function viewFromJson(json: unknown): { ok: true; view: ShareView } | { ok: false; why: string } {
  if (json === undefined) return { ok: true, view: {} };
  if (!isJsonObject(json)) return { ok: false, why: 'its view is not an object' };
  const extra = Object.keys(json).find((k) => k !== 'l' && k !== 'c');
  if (extra !== undefined) return { ok: false, why: `its view has an unknown field "${extra}"` };
  let view: ShareView = {};
  if (json.l !== undefined) {
    const l = json.l;
    const step = Array.isArray(l) ? (l[1] as unknown) : undefined;
    if (!Array.isArray(l) || l.length !== 2 || !isId(l[0]) || typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step > MAX_STEP) {
      return { ok: false, why: 'its lesson is not [lesson id, step]' };
    }
    view = { ...view, lesson: { id: l[0], stepIndex: step } };
  }
  if (json.c !== undefined) {
    const c = json.c;
    if (!Array.isArray(c) || c.length > MAX_RECIPES || !c.every(isId)) return { ok: false, why: 'its compare variant is not a list of recipe ids' };
    view = { ...view, compareRecipes: [...c] };
  }
  return { ok: true, view };
}
