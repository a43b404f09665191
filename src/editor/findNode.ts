import { KIND_INFO, displayName, type NodeKind, type ScenarioNode } from '../model';

/** How a name matched a query, best first. */
export type MatchKind = 'prefix' | 'word' | 'substring' | 'initials';
const RANK: Record<MatchKind, number> = { prefix: 0, word: 1, substring: 2, initials: 3 };

export interface NodeMatch {
  readonly id: string;
  readonly name: string;
  readonly kind: NodeKind;
  readonly kindLabel: string;
  readonly match: MatchKind | null;
  /** Character ranges [start, end) of the name that matched, for highlighting. */
  readonly ranges: readonly (readonly [number, number])[];
}

/** Lower case without accents, one character for one character (so ranges map back to the name). */
function fold(text: string): string {
  return Array.from(text, (ch) => {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    return base.length === 1 ? base.toLowerCase() : ch.toLowerCase();
  }).join('');
}

/** Where each word of a name starts: after a space or - _ . : /, and at a camelCase hump. */
function wordStarts(name: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] ?? '';
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    const prev = i > 0 ? (name[i - 1] ?? '') : '';
    const afterSeparator = i === 0 || !/[\p{L}\p{N}]/u.test(prev);
    const hump = /\p{Ll}/u.test(prev) && /\p{Lu}/u.test(ch);
    const digitAfterLetter = /\p{L}/u.test(prev) && /\p{N}/u.test(ch);
    if (afterSeparator || hump || digitAfterLetter) starts.push(i);
  }
  return starts;
}

/** How `name` matches `query` (both as typed), or null. */
export function matchName(name: string, query: string): { match: MatchKind; ranges: [number, number][] } | null {
  const q = fold(query.trim());
  if (q === '') return null;
  // Folding keeps one character per character only for text without astral symbols; fall back to plain lower case.
  const folded = fold(name);
  const n = folded.length === name.length ? folded : name.toLowerCase();
  if (n.startsWith(q)) return { match: 'prefix', ranges: [[0, q.length]] };
  const starts = wordStarts(name);
  const word = starts.find((s) => n.startsWith(q, s));
  if (word !== undefined) return { match: 'word', ranges: [[word, word + q.length]] };
  const at = n.indexOf(q);
  if (at >= 0) return { match: 'substring', ranges: [[at, at + q.length]] };
  // Initials: each typed letter is the first letter of a later word ("ps" finds "Checkout payment service").
  const letters = q.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2) return null;
  const ranges: [number, number][] = [];
  let next = 0;
  for (const start of starts) {
    if (next < letters.length && n[start] === letters[next]) {
      ranges.push([start, start + 1]);
      next++;
    }
  }
  return next === letters.length ? { match: 'initials', ranges } : null;
}

type Findable = Pick<ScenarioNode, 'id' | 'label' | 'kind'>;

/**
 * The nodes whose name (or id) matches a query, best first: names that start with it, then a word
 * that starts with it, then containing it, then by initials; ties by shorter name, then A-Z.
 * An empty query lists every node A-Z.
 */
export function findNodes(nodes: readonly Findable[], query: string, limit = 100): NodeMatch[] {
  const out: (NodeMatch & { order: number })[] = [];
  nodes.forEach((node, order) => {
    const name = displayName(node);
    const base = { id: node.id, name, kind: node.kind, kindLabel: KIND_INFO[node.kind].label, order };
    if (query.trim() === '') {
      out.push({ ...base, match: null, ranges: [] });
      return;
    }
    const byName = matchName(name, query);
    const byId = name === node.id ? null : matchName(node.id, query);
    // A match on the id ranks like the same match on the name, but nothing of the name is marked.
    const best = byName && (!byId || RANK[byName.match] <= RANK[byId.match]) ? byName : byId ? { match: byId.match, ranges: [] } : null;
    if (best) out.push({ ...base, match: best.match, ranges: best.ranges });
  });
  out.sort(
    (a, b) =>
      (a.match ? RANK[a.match] : 0) - (b.match ? RANK[b.match] : 0) ||
      (a.match ? a.name.length - b.name.length : 0) ||
      a.name.localeCompare(b.name) ||
      a.order - b.order,
  );
  return out.slice(0, limit).map(({ order: _order, ...m }) => m);
}

/** The zoom a jump to a node ends at: full detail, where a card's label is 14 px x zoom (kept if already closer). */
export const FOCUS_ZOOM = 1.1;
export function focusZoom(current: number, maxZoom: number): number {
  return Math.min(maxZoom, Math.max(current, FOCUS_ZOOM));
}

/** The next highlighted row for an arrow key, wrapping around. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp'): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return (active + 1) % count;
    case 'ArrowUp':
      return active <= 0 ? count - 1 : active - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    case 'PageDown':
      return Math.min(count - 1, Math.max(active, 0) + 8);
    case 'PageUp':
      return Math.max(0, active - 8);
  }
}
