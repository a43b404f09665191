import { KIND_INFO, connectionProblem, displayName, naturalEdgeKind, type EdgeKind, type Position, type Scenario, type ScenarioNode } from '../model';
import { edits } from '../store';

type ConnectResult = edits.ConnectResult;
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';
import type { ConnectStart } from './gestures';

/**
 * What a new connection may join, by the model's rules (`connectionProblem`: not repeated here):
 * the targets listed by "Connect to...", the node a connection drag was dropped on, and the edge
 * it makes or the reason it makes none.
 */

export interface ConnectTarget {
  readonly id: string;
  readonly name: string;
  readonly kindLabel: string;
  /** The kind of edge the connection gets (async into or out of a broker). */
  readonly edgeKind: EdgeKind;
  /** Why it cannot be connected, or null when it can. */
  readonly problem: string | null;
}

/** Every other node as a target of `fromId`: the valid ones first, each group in the scenario's order. */
export function connectTargets(scenario: Scenario, fromId: string): ConnectTarget[] {
  const from = scenario.nodes.find((n) => n.id === fromId);
  if (!from) return [];
  const all = scenario.nodes
    .filter((n) => n.id !== fromId)
    .map((to): ConnectTarget => {
      const edgeKind = naturalEdgeKind(from.kind, to.kind);
      return { id: to.id, name: displayName(to), kindLabel: KIND_INFO[to.kind].label, edgeKind, problem: connectionProblem(from, to, edgeKind, scenario.edges) };
    });
  return [...all.filter((t) => t.problem === null), ...all.filter((t) => t.problem !== null)];
}

/** The targets whose name, kind or id contain every word of `query` (any case). */
export function filterTargets(targets: readonly ConnectTarget[], query: string): ConnectTarget[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...targets];
  return targets.filter((t) => {
    const text = `${t.name} ${t.kindLabel} ${t.id}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/**
 * The node drawn at a point of the canvas (flow coordinates), the topmost (last drawn) first; null
 * on the empty pane. Used for a connection dropped on a node's body rather than on its handle.
 */
export function nodeAt(nodes: readonly Pick<ScenarioNode, 'id' | 'position'>[], point: Position): string | null {
  for (let i = nodes.length - 1; i >= 0; i--) {
    const p = nodes[i]?.position;
    if (p && point.x >= p.x && point.x <= p.x + NODE_WIDTH && point.y >= p.y && point.y <= p.y + NODE_HEIGHT) return nodes[i]?.id ?? null;
  }
  return null;
}

/**
 * The connection a drag makes when dropped on `dropOn`: from the node it started at when it
 * started at the out handle, into it when it started at the in handle.
 */
export function connectDrop(scenario: Scenario, from: ConnectStart, dropOn: string): ConnectResult {
  const [source, target] = from.handleType === 'source' ? [from.nodeId, dropOn] : [dropOn, from.nodeId];
  const a = scenario.nodes.find((n) => n.id === source);
  const b = scenario.nodes.find((n) => n.id === target);
  if (!a || !b) return { ok: false, reason: 'Both ends must be nodes of this scenario.' };
  return edits.connect(scenario, source, target, naturalEdgeKind(a.kind, b.kind));
}

/** Connects `fromId` to `toId` as the dialog does (the natural edge kind). */
export function connectTo(scenario: Scenario, fromId: string, toId: string): ConnectResult {
  return connectDrop(scenario, { nodeId: fromId, handleType: 'source' }, toId);
}

/** The corner of a message shown at `point` (canvas pixels): beside the pointer, turned inwards near the right or bottom edge. */
export function messageAnchor(point: Position, canvas: { width: number; height: number }, room = { width: 320, height: 90 }): {
  readonly left: number;
  readonly top: number;
  readonly alignRight: boolean;
  readonly alignBottom: boolean;
} {
  const alignRight = point.x + room.width > canvas.width;
  const alignBottom = point.y + room.height > canvas.height;
  return { left: point.x, top: point.y, alignRight, alignBottom };
}
