import type { ElkNode } from 'elkjs/lib/elk-api';
import type { Position, Scenario } from '../model';
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';

/**
 * Layered left-to-right layout (elkjs), with each bounded context kept together as a compound
 * node. elkjs is loaded on first use so the app starts without it.
 */
export async function autoLayout(scenario: Scenario): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const groups = new Map<string, ElkNode>();
  for (const g of scenario.groups) {
    groups.set(g.id, {
      id: `group:${g.id}`,
      layoutOptions: { 'elk.padding': '[top=46,left=28,bottom=28,right=28]' },
      children: [],
    });
  }
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
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
  const positions = new Map<string, Position>();
  const visit = (node: ElkNode, dx: number, dy: number) => {
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      if (child.id.startsWith('group:')) visit(child, x, y);
      else positions.set(child.id, { x: Math.round(x), y: Math.round(y) });
    }
  };
  visit(result, 0, 0);
  return positions;
}
