import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { Group, LintFinding, Scenario, ScenarioEdge, ScenarioNode } from '../model';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 96;
export const GRID = 20;
const CONTEXT_PADDING = 28;
export const CONTEXT_PREFIX = 'context:';
export interface ArchNodeData extends Record<string, unknown> {
  readonly node: ScenarioNode;
  readonly findings: readonly LintFinding[];
}
export interface ContextNodeData extends Record<string, unknown> {
  readonly group: Group;
  readonly memberIds: readonly string[];
}
export interface ArchEdgeData extends Record<string, unknown> {
  readonly edge: ScenarioEdge;
  readonly findings: readonly LintFinding[];
}

export type ArchFlowNode = Node<ArchNodeData, 'arch'>;
export type ContextFlowNode = Node<ContextNodeData, 'context'>;
export type FlowNode = ArchFlowNode | ContextFlowNode;
export type ArchFlowEdge = Edge<ArchEdgeData, 'arch'>;

const EMPTY: readonly LintFinding[] = [];

/**
 * Every node has the same fixed size, so React Flow is told it (`measured`) and where the two
 * handles are (`handles`, matching `.arch-handle`: 10 x 10 px, centred on the left and right
 * borders) instead of measuring the DOM. Without these, each moved node would be re-measured on
 * every frame of a drag, its edges hidden until the measurement came back.
 */
const HANDLE_SIZE = 10;
const MEASURED = { width: NODE_WIDTH, height: NODE_HEIGHT } as const;
const ARCH_HANDLES: NodeHandle[] = [
  { id: null, type: 'target', position: Position.Left, x: -HANDLE_SIZE / 2, y: (NODE_HEIGHT - HANDLE_SIZE) / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
  { id: null, type: 'source', position: Position.Right, x: NODE_WIDTH - HANDLE_SIZE / 2, y: (NODE_HEIGHT - HANDLE_SIZE) / 2, width: HANDLE_SIZE, height: HANDLE_SIZE },
];
const NO_HANDLES: NodeHandle[] = [];

/** The previous array when it holds the same items (React Flow re-checks every item of a new array). */
function sameOrNew<T>(previous: T[] | null, next: T[]): T[] {
  return previous && previous.length === next.length && previous.every((x, i) => x === next[i]) ? previous : next;
}

export function findingsByTarget(findings: readonly LintFinding[]): { nodes: Map<string, LintFinding[]>; edges: Map<string, LintFinding[]> } {
  const nodes = new Map<string, LintFinding[]>();
  const edges = new Map<string, LintFinding[]>();
  for (const f of findings) {
    for (const id of f.nodeIds) nodes.set(id, [...(nodes.get(id) ?? []), f]);
    for (const id of f.edgeIds) edges.set(id, [...(edges.get(id) ?? []), f]);
  }
  return { nodes, edges };
}

/**
 * Turns the scenario into React Flow nodes and edges, reusing the previous object for anything
 * unchanged so that a drag of one node re-renders one node, not three hundred.
 */
export class FlowModelCache {
  private nodeCache = new WeakMap<ScenarioNode, ArchFlowNode>();
  private edgeCache = new WeakMap<ScenarioEdge, ArchFlowEdge>();
  private contextCache = new Map<string, ContextFlowNode>();
  private lastNodes: FlowNode[] | null = null;
  private lastEdges: ArchFlowEdge[] | null = null;

  nodes(scenario: Scenario, selected: ReadonlySet<string>, findings: Map<string, LintFinding[]>): FlowNode[] {
    const arch = scenario.nodes.map((node) => {
      const isSelected = selected.has(node.id);
      const nodeFindings = findings.get(node.id) ?? EMPTY;
      const cached = this.nodeCache.get(node);
      if (cached && cached.selected === isSelected && sameFindings(cached.data.findings, nodeFindings)) return cached;
      const flow: ArchFlowNode = {
        id: node.id,
        type: 'arch',
        position: node.position ?? { x: 0, y: 0 },
        data: { node, findings: nodeFindings },
        selected: isSelected,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        measured: MEASURED,
        handles: ARCH_HANDLES,
        ariaLabel: undefined,
      };
      this.nodeCache.set(node, flow);
      return flow;
    });
    const contexts = contextNodes(scenario).map((box) => {
      const cached = this.contextCache.get(box.id);
      return cached && sameContext(cached, box) ? cached : box;
    });
    this.contextCache = new Map(contexts.map((c) => [c.id, c]));
    this.lastNodes = sameOrNew(this.lastNodes, [...contexts, ...arch]);
    return this.lastNodes;
  }

  edges(scenario: Scenario, selected: ReadonlySet<string>, findings: Map<string, LintFinding[]>): ArchFlowEdge[] {
    const edges = scenario.edges.map((edge) => {
      const isSelected = selected.has(edge.id);
      const edgeFindings = findings.get(edge.id) ?? EMPTY;
      const cached = this.edgeCache.get(edge);
      if (cached && cached.selected === isSelected && sameFindings(cached.data?.findings ?? EMPTY, edgeFindings)) return cached;
      const flow: ArchFlowEdge = {
        id: edge.id,
        type: 'arch',
        source: edge.from,
        target: edge.to,
        data: { edge, findings: edgeFindings },
        selected: isSelected,
        ariaLabel: `${edge.kind} call from ${edge.from} to ${edge.to}`,
      };
      this.edgeCache.set(edge, flow);
      return flow;
    });
    this.lastEdges = sameOrNew(this.lastEdges, edges);
    return this.lastEdges;
  }
}

function sameContext(a: ContextFlowNode, b: ContextFlowNode): boolean {
  return (
    a.data.group === b.data.group &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.data.memberIds.length === b.data.memberIds.length &&
    a.data.memberIds.every((id, i) => id === b.data.memberIds[i])
  );
}

function sameFindings(a: readonly LintFinding[], b: readonly LintFinding[]): boolean {
  return a.length === b.length && a.every((f, i) => f.id === b[i]?.id);
}

/** A bounded context is drawn as a box around its members. */
function contextNodes(scenario: Scenario): ContextFlowNode[] {
  const boxes = new Map<string, { minX: number; minY: number; maxX: number; maxY: number; members: string[] }>();
  for (const node of scenario.nodes) {
    if (node.group === undefined || !node.position) continue;
    const box = boxes.get(node.group) ?? { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity, members: [] };
    box.minX = Math.min(box.minX, node.position.x);
    box.minY = Math.min(box.minY, node.position.y);
    box.maxX = Math.max(box.maxX, node.position.x + NODE_WIDTH);
    box.maxY = Math.max(box.maxY, node.position.y + NODE_HEIGHT);
    box.members.push(node.id);
    boxes.set(node.group, box);
  }
  const out: ContextFlowNode[] = [];
  for (const group of scenario.groups) {
    const box = boxes.get(group.id);
    if (!box) continue;
    const width = box.maxX - box.minX + 2 * CONTEXT_PADDING;
    const height = box.maxY - box.minY + 2 * CONTEXT_PADDING + 18;
    out.push({
      id: `${CONTEXT_PREFIX}${group.id}`,
      type: 'context',
      position: { x: box.minX - CONTEXT_PADDING, y: box.minY - CONTEXT_PADDING - 18 },
      data: { group, memberIds: box.members },
      width,
      height,
      measured: { width, height },
      handles: NO_HANDLES,
      style: { width, height },
      zIndex: -1,
      selectable: false,
      focusable: false,
      connectable: false,
    });
  }
  return out;
}
