import type { Scenario } from './scenario';

export const COLUMN_GAP = 240;
export const ROW_GAP = 130;

/**
 * Gives a position to nodes that have none (hand-written files may omit them): a column per
 * call depth from the clients, so the drawing reads left to right even before auto-layout.
 */
export function placeMissingPositions(scenario: Scenario): Scenario {
  if (scenario.nodes.every((n) => n.position)) return scenario;
  const depth = new Map<string, number>();
  const out = new Map<string, string[]>();
  for (const e of scenario.edges) {
    const list = out.get(e.from) ?? [];
    list.push(e.to);
    out.set(e.from, list);
  }
  const incoming = new Set(scenario.edges.map((e) => e.to));
  const queue = scenario.nodes.filter((n) => !incoming.has(n.id)).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const d = depth.get(id) ?? 0;
    for (const next of out.get(id) ?? []) {
      if (!depth.has(next)) {
        depth.set(next, d + 1);
        queue.push(next);
      }
    }
  }
  const rows = new Map<number, number>();
  const nodes = scenario.nodes.map((node) => {
    if (node.position) return node;
    const column = depth.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    return { ...node, position: { x: column * COLUMN_GAP, y: row * ROW_GAP } };
  });
  return { ...scenario, nodes };
}
