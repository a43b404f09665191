import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Position, Scenario } from '../model';
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';
import { wrapTallLayers, type LayoutBox } from './layoutWrap';

/** The shape of a fitted canvas on a laptop screen (width / height), when the caller has none. */
export const DEFAULT_ASPECT = 1.6;

/**
 * Layered left-to-right layout (elkjs), with each bounded context kept together as a compound
 * node, then its tall layers wrapped so the drawing has about the canvas's shape (`aspect`, width
 * over height) and fits it at a readable zoom. Contexts never overlap. elkjs is loaded on first
 * use so the app starts without it.
 */
export async function autoLayout(scenario: Scenario, aspect = DEFAULT_ASPECT): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const groups = new Map<string, ElkNode>();
  for (const g of scenario.groups) {
    groups.set(g.id, {
      id: `group:${g.id}`,
      layoutOptions: { 'elk.padding': '[top=46,left=24,bottom=24,right=24]' },
      children: [],
    });
  }
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '30',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: [],
    edges: scenario.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  for (const node of scenario.nodes) {
    const child: ElkNode = { id: node.id, width: NODE_WIDTH, height: NODE_HEIGHT };
    const group = node.group !== undefined ? groups.get(node.group) : undefined;
    (group ? group.children : root.children)?.push(child);
  }
  for (const g of groups.values()) if (g.children?.length) root.children?.push(g);
  const result = await elk.layout(root);
  // Top-level boxes (contexts and nodes outside any), then where wrapping moves each one.
  const boxes: LayoutBox[] = (result.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? NODE_WIDTH, height: c.height ?? NODE_HEIGHT }));
  const wrapped = wrapTallLayers(boxes, aspect);
  const positions = new Map<string, Position>();
  const visit = (node: ElkNode, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      if (child.id.startsWith('group:')) visit(child, x, y);
      else positions.set(child.id, { x: Math.round(x), y: Math.round(y) });
    }
  };
  for (const top of result.children ?? []) {
    const at = wrapped.get(top.id) ?? { x: top.x ?? 0, y: top.y ?? 0 };
    if (top.id.startsWith('group:')) visit(top, at.x, at.y);
    else positions.set(top.id, { x: Math.round(at.x), y: Math.round(at.y) });
  }
  return positions;
}
