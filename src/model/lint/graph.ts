import type { ScenarioNode } from '../nodes';
import type { Scenario, ScenarioEdge } from '../scenario';

/** An edge with the positions of its ends in `LintGraph.nodes`. */
export interface Link {
  readonly edge: ScenarioEdge;
  readonly from: number;
  readonly to: number;
}

/**
 * The scenario as an indexed graph, built once per lint run. Nodes keep scenario order (the first
 * node wins when ids repeat); edges whose ends do not exist are left out, so the rules work on
 * half-edited documents too.
 */
export interface LintGraph {
  readonly nodes: readonly ScenarioNode[];
  readonly links: readonly Link[];
  /** Every edge, of either kind, by node position. */
  readonly incoming: readonly (readonly Link[])[];
  readonly outgoing: readonly (readonly Link[])[];
  readonly syncIn: readonly (readonly Link[])[];
  readonly syncOut: readonly (readonly Link[])[];
  /** Strongly connected components of the sync edges, in reverse topological order. */
  readonly components: readonly (readonly number[])[];
  readonly componentOf: readonly number[];
  /** Sync edges between different components: a DAG, whatever cycles the scenario has. */
  readonly dagIn: readonly (readonly Link[])[];
  readonly dagOut: readonly (readonly Link[])[];
  /** Node positions in a topological order of the DAG (callers before callees). */
  readonly topo: readonly number[];
}

/** `list[i]`, for positions the algorithm guarantees to exist. */
export function nth<T>(list: readonly T[], i: number): T {
  const value = list[i];
  if (value === undefined) throw new RangeError(`lint: no element at ${i}`);
  return value;
}

const buckets = (n: number): Link[][] => Array.from({ length: n }, () => []);

export function buildGraph(scenario: Scenario): LintGraph {
  const nodes: ScenarioNode[] = [];
  const position = new Map<string, number>();
  for (const node of scenario.nodes) {
    if (position.has(node.id)) continue;
    position.set(node.id, nodes.length);
    nodes.push(node);
  }
  const n = nodes.length;
  const links: Link[] = [];
  const incoming = buckets(n);
  const outgoing = buckets(n);
  const syncIn = buckets(n);
  const syncOut = buckets(n);
  for (const edge of scenario.edges) {
    const from = position.get(edge.from);
    const to = position.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const link: Link = { edge, from, to };
    links.push(link);
    nth(outgoing, from).push(link);
    nth(incoming, to).push(link);
    if (edge.kind === 'sync') {
      nth(syncOut, from).push(link);
      nth(syncIn, to).push(link);
    }
  }

  const components = stronglyConnected(n, syncOut);
  const componentOf = new Array<number>(n).fill(0);
  components.forEach((members, c) => members.forEach((v) => (componentOf[v] = c)));
  const dagIn = buckets(n);
  const dagOut = buckets(n);
  for (const link of links) {
    if (link.edge.kind !== 'sync' || componentOf[link.from] === componentOf[link.to]) continue;
    nth(dagOut, link.from).push(link);
    nth(dagIn, link.to).push(link);
  }
  // Tarjan emits a component only after every component it reaches: reversed, callers come first.
  const topo = [...components].reverse().flat();
  return { nodes, links, incoming, outgoing, syncIn, syncOut, components, componentOf, dagIn, dagOut, topo };
}

/** Tarjan's algorithm without recursion, so a long chain cannot overflow the stack. */
function stronglyConnected(n: number, out: readonly (readonly Link[])[]): number[][] {
  const order = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  const visit = (v: number) => {
    order[v] = counter;
    low[v] = counter;
    counter += 1;
    stack.push(v);
    onStack[v] = true;
  };
  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    visit(root);
    const frames: { v: number; next: number }[] = [{ v: root, next: 0 }];
    while (frames.length > 0) {
      const frame = nth(frames, frames.length - 1);
      const v = frame.v;
      const links = nth(out, v);
      if (frame.next < links.length) {
        const w = nth(links, frame.next).to;
        frame.next += 1;
        if (order[w] === -1) {
          visit(w);
          frames.push({ v: w, next: 0 });
        } else if (onStack[w]) {
          low[v] = Math.min(nth(low, v), nth(order, w));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low[parent.v] = Math.min(nth(low, parent.v), nth(low, v));
      if (low[v] !== order[v]) continue;
      const members: number[] = [];
      let w: number | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack[w] = false;
        members.push(w);
      } while (w !== v);
      components.push(members.sort((a, b) => a - b));
    }
  }
  return components;
}

/** The node positions along a path of links (the start, then each link's target). */
export function pathNodes(links: readonly Link[]): number[] {
  const first = links[0];
  return first ? [first.from, ...links.map((l) => l.to)] : [];
}
