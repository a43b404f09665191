import type { Scenario } from '../model';
import { liveEdge, liveNode, type EdgeLive, type NodeLive } from './runView';
import type { AppState } from './types';

/**
 * Which scenario, and which version of it, a result belongs to. A run, a sweep and a comparison
 * each carry one from the moment they start; a result is shown as current only while the open
 * scenario still has the same identity.
 */
export interface ResultIdentity {
  /** The library id of the scenario it ran on. */
  readonly scenarioId: string;
  /** `scenarioContentHash` of the scenario as it ran. */
  readonly contentHash: string;
}

/** none: no result to show; fresh: it belongs to the open scenario as it is; stale: to an earlier version. */
export type Freshness = 'none' | 'fresh' | 'stale';

/** The words every stale result is marked with (banners, exports, tests look for them). */
export const EARLIER_VERSION = 'from an earlier version of this scenario';

// 53-bit string hash (cyrb53): collisions are vanishingly rare for the few versions compared here.
function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** JSON with object keys sorted, so the same content always gives the same text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`).join(',')}}`;
}

/**
 * What an item may change without changing any number a run gives: where it is drawn, what it
 * is called and which bounded context it is drawn in. Everything else counts (a field added to
 * the model later counts too, which errs on the side of calling a result stale).
 */
const PRESENTATION_KEYS: ReadonlySet<string> = new Set(['position', 'label', 'description', 'group']);

function withoutPresentation(item: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!PRESENTATION_KEYS.has(k)) out[k] = v;
  return out;
}

// Scenarios and their items are immutable and an edit keeps the identity of what it did not
// touch, so hashes are cached by object: a drag re-hashes only the nodes it moved.
const itemHashes = new WeakMap<object, string>();
const scenarioHashes = new WeakMap<Scenario, string>();

function itemHash(item: object): string {
  let hash = itemHashes.get(item);
  if (hash === undefined) {
    hash = hashText(canonical(withoutPresentation(item)));
    itemHashes.set(item, hash);
  }
  return hash;
}

/**
 * A hash of everything in a scenario that the engine reads: settings, nodes, edges and faults,
 * without layout, names, descriptions, the title, metadata or bounded contexts.
 */
export function scenarioContentHash(scenario: Scenario): string {
  let hash = scenarioHashes.get(scenario);
  if (hash === undefined) {
    const parts = [
      hashText(canonical(scenario.settings)),
      scenario.nodes.map(itemHash).join('.'),
      scenario.edges.map(itemHash).join('.'),
      scenario.faults.map(itemHash).join('.'),
    ];
    hash = hashText(parts.join('|'));
    scenarioHashes.set(scenario, hash);
  }
  return hash;
}

export function resultIdentity(scenarioId: string, scenario: Scenario): ResultIdentity {
  return { scenarioId, contentHash: scenarioContentHash(scenario) };
}

export function sameIdentity(a: ResultIdentity, b: ResultIdentity): boolean {
  return a.scenarioId === b.scenarioId && a.contentHash === b.contentHash;
}

type OpenScenario = Pick<AppState, 'currentId' | 'scenario'>;

/** Whether a result with this identity (null: no result) is the open scenario's as it is now. */
export function freshnessOf(identity: ResultIdentity | null, open: OpenScenario): Freshness {
  if (identity === null) return 'none';
  return identity.scenarioId === open.currentId && identity.contentHash === scenarioContentHash(open.scenario) ? 'fresh' : 'stale';
}

/** The run's freshness (its samples, notable events, summary, and the canvas figures). */
export const runFreshness = (s: Pick<AppState, 'runIdentity' | 'runSamples' | 'currentId' | 'scenario'>): Freshness =>
  s.runSamples.length === 0 ? 'none' : freshnessOf(s.runIdentity, s);

export const compareFreshness = (s: Pick<AppState, 'compareIdentity' | 'compareA' | 'currentId' | 'scenario'>): Freshness =>
  s.compareA === null ? 'none' : freshnessOf(s.compareIdentity, s);

export const sweepFreshness = (s: Pick<AppState, 'sweepIdentity' | 'sweepRun' | 'currentId' | 'scenario'>): Freshness =>
  s.sweepRun === null ? 'none' : freshnessOf(s.sweepIdentity, s);

/** True while the run on screen belongs to an earlier version of the open scenario. */
export const isRunStale = (s: Pick<AppState, 'runIdentity' | 'runSamples' | 'currentId' | 'scenario'>): boolean => runFreshness(s) === 'stale';

/** Whether the canvas may show the run's figures as the open scenario's (not an earlier version's). */
export const canvasShowsRun = (s: Pick<AppState, 'runIdentity' | 'runSamples' | 'currentId' | 'scenario'>): boolean => runFreshness(s) === 'fresh';

type CanvasState = Pick<AppState, 'runIdentity' | 'runSamples' | 'scrubMs' | 'currentId' | 'scenario'>;

/** A node's live figures for the canvas, or null when there is no run of this version to show. */
export const currentLiveNode = (s: CanvasState, id: string): NodeLive | null => (canvasShowsRun(s) ? liveNode(s, id) : null);

/** An edge's live figures for the canvas, or null when there is no run of this version to show. */
export const currentLiveEdge = (s: CanvasState, id: string): EdgeLive | null => (canvasShowsRun(s) ? liveEdge(s, id) : null);
