import type { Scenario, ScenarioEdge, ScenarioNode } from '../model';
import { allIds, uniqueId } from './edits';

/** What copy takes: the selected nodes and the edges between them. */
export interface Snippet {
  readonly nodes: readonly ScenarioNode[];
  readonly edges: readonly ScenarioEdge[];
}

export function copySelection(scenario: Scenario, nodeIds: ReadonlySet<string>): Snippet | null {
  const nodes = scenario.nodes.filter((n) => nodeIds.has(n.id));
  if (nodes.length === 0) return null;
  const edges = scenario.edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to));
  return { nodes, edges };
}

export const PASTE_OFFSET = 40;

/**
 * Adds a copy of the snippet with fresh ids, shifted by `offset` so it does not hide the
 * original. Saga steps and groups that do not survive the copy are dropped.
 */
export function pasteSnippet(
  scenario: Scenario,
  snippet: Snippet,
  offset: number = PASTE_OFFSET,
): { scenario: Scenario; nodeIds: string[]; edgeIds: string[] } {
  const taken = allIds(scenario);
  const rename = new Map<string, string>();
  const claim = (old: string) => {
    const base = old.replace(/-\d+$/, '');
    const id = uniqueId(base, taken);
    taken.add(id);
    rename.set(old, id);
    return id;
  };
  const groups = new Set(scenario.groups.map((g) => g.id));
  const nodes = snippet.nodes.map((n): ScenarioNode => {
    const copy: ScenarioNode = {
      ...n,
      id: claim(n.id),
      position: { x: (n.position?.x ?? 0) + offset, y: (n.position?.y ?? 0) + offset },
    };
    if (copy.group !== undefined && !groups.has(copy.group)) delete copy.group;
    return copy;
  });
  const edges = snippet.edges.map((e) => ({ ...e, id: claim(e.id), from: rename.get(e.from) ?? e.from, to: rename.get(e.to) ?? e.to }));
  const fixed = nodes.map((n) => {
    if (n.kind !== 'service' || !n.saga) return n;
    const steps = n.saga.steps
      .filter((s) => rename.has(s.action))
      .map((s) => ({ action: rename.get(s.action) ?? s.action, compensation: s.compensation ? (rename.get(s.compensation) ?? null) : null }));
    return { ...n, saga: { ...n.saga, steps } };
  });
  return {
    scenario: { ...scenario, nodes: [...scenario.nodes, ...fixed], edges: [...scenario.edges, ...edges] },
    nodeIds: fixed.map((n) => n.id),
    edgeIds: edges.map((e) => e.id),
  };
}
