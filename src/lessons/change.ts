import { issueToString, pathProblem, restore, setScenarioPath, splitPath, type Scenario } from '../model';
import type { JsonObject, LessonChange, LessonCollection, LessonEdit } from './types';

type Raw = Record<string, unknown>;
type EditResult = { readonly ok: true; readonly value: Raw } | { readonly ok: false; readonly problem: string };

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How an edit reads in a message: `edges.a-b.policy.retry = {...}`, `add nodes db`, `remove edges a-b`. */
export function describeEdit(edit: LessonEdit): string {
  if ('set' in edit) return `${edit.set} = ${JSON.stringify(edit.value)}`;
  if ('add' in edit) return `add ${edit.add} ${String(edit.item.id)}`;
  return `remove ${edit.remove} ${edit.id}`;
}

function listOf(raw: Raw, collection: LessonCollection): unknown[] {
  const list = raw[collection];
  return Array.isArray(list) ? list : [];
}

function addItem(raw: Raw, collection: LessonCollection, item: JsonObject): EditResult {
  if (typeof item.id !== 'string') return { ok: false, problem: 'the new item has no id' };
  const list = listOf(raw, collection);
  if (list.some((x) => isObject(x) && x.id === item.id)) return { ok: false, problem: `${collection} already has "${item.id}"` };
  return { ok: true, value: { ...raw, [collection]: [...list, structuredClone(item)] } };
}

function removeItem(raw: Raw, collection: LessonCollection, id: string): EditResult {
  const list = listOf(raw, collection);
  const kept = list.filter((x) => !(isObject(x) && x.id === id));
  if (kept.length === list.length) return { ok: false, problem: `no item "${id}" in ${collection}` };
  return { ok: true, value: { ...raw, [collection]: kept } };
}

function setField(raw: Raw, path: string, value: unknown): EditResult {
  const segments = splitPath(path);
  const problem = pathProblem(segments);
  if (problem) return { ok: false, problem };
  const changed = setScenarioPath(raw, segments, structuredClone(value));
  return typeof changed === 'string' ? { ok: false, problem: changed } : { ok: true, value: changed };
}

/**
 * Applies edits to a raw scenario object (a scenario or a hand-written file's `scenario`, with
 * or without defaults) without validating it: the input is not modified, the parts not on an
 * edited path are shared.
 */
export function applyEdits(raw: Raw, edits: readonly LessonEdit[]): EditResult {
  let current = raw;
  for (const edit of edits) {
    const step = 'set' in edit ? setField(current, edit.set, edit.value) : 'add' in edit ? addItem(current, edit.add, edit.item) : removeItem(current, edit.remove, edit.id);
    if (!step.ok) return { ok: false, problem: `${describeEdit(edit)}: ${step.problem}` };
    current = step.value;
  }
  return { ok: true, value: current };
}

/** The nodes and edges a change sets or adds (to select them after applying it). */
export function touchedItems(change: LessonChange): { nodes: string[]; edges: string[] } {
  const out = { nodes: new Set<string>(), edges: new Set<string>() };
  for (const edit of change.edits) {
    let collection: string | undefined;
    let id: unknown;
    if ('set' in edit) [collection, id] = splitPath(edit.set);
    else if ('add' in edit) [collection, id] = [edit.add, edit.item.id];
    if ((collection === 'nodes' || collection === 'edges') && typeof id === 'string') out[collection].add(id);
  }
  return { nodes: [...out.nodes], edges: [...out.edges] };
}

export type ChangeResult = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The scenario with a lesson step's change applied: a new scenario that passed model restore
 * (so `{}` becomes a policy with its defaults), or the problems and nothing changed.
 */
export function applyLessonChange(scenario: Scenario, change: LessonChange): ChangeResult {
  const edited = applyEdits(scenario as unknown as Raw, change.edits);
  if (!edited.ok) return { ok: false, problems: [edited.problem] };
  const restored = restore(edited.value);
  if (!restored.ok) return { ok: false, problems: restored.errors.map(issueToString) };
  return { ok: true, scenario: restored.scenario };
}
