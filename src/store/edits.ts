import {
  KIND_INFO,
  createNode,
  connectionProblem,
  edgeSchema,
  faultSchema,
  type EdgeKind,
  type Fault,
  type FaultKind,
  type NodeKind,
  type Position,
  type Scenario,
  type ScenarioEdge,
  type ScenarioNode,
} from '../model';

/**
 * Pure edits of a scenario: each takes a scenario and returns a new one (unchanged parts keep
 * their identity, which the canvas relies on to re-render only what changed).
 */

export function allIds(scenario: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const n of scenario.nodes) ids.add(n.id);
  for (const e of scenario.edges) ids.add(e.id);
  for (const f of scenario.faults) ids.add(f.id);
  for (const g of scenario.groups) ids.add(g.id);
  return ids;
}

/** `prefix-1`, `prefix-2`, ... the first one not taken. */
export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  const clean = prefix.replace(/[^A-Za-z0-9_.:-]/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 56) || 'item';
  for (let i = 1; ; i++) {
    const id = `${clean}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function addNode(scenario: Scenario, kind: NodeKind, position: Position): { scenario: Scenario; id: string } {
  const info = KIND_INFO[kind];
  const id = uniqueId(info.idPrefix, allIds(scenario));
  const count = scenario.nodes.filter((n) => n.kind === kind).length + 1;
  const node = createNode(kind, id, position, `${info.label} ${count}`);
  return { scenario: { ...scenario, nodes: [...scenario.nodes, node] }, id };
}

export function updateNode(scenario: Scenario, id: string, update: (node: ScenarioNode) => ScenarioNode): Scenario {
  return { ...scenario, nodes: scenario.nodes.map((n) => (n.id === id ? update(n) : n)) };
}

export function updateEdge(scenario: Scenario, id: string, update: (edge: ScenarioEdge) => ScenarioEdge): Scenario {
  return { ...scenario, edges: scenario.edges.map((e) => (e.id === id ? update(e) : e)) };
}

export function moveNodes(scenario: Scenario, positions: ReadonlyMap<string, Position>): Scenario {
  if (positions.size === 0) return scenario;
  const nodes = scenario.nodes.map((n) => {
    const p = positions.get(n.id);
    return p && (p.x !== n.position?.x || p.y !== n.position?.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
  });
  // Nothing moved (a click, or a drag back to the start): same scenario, so no undo step.
  return nodes.every((n, i) => n === scenario.nodes[i]) ? scenario : { ...scenario, nodes };
}

export type ConnectResult = { ok: true; scenario: Scenario; id: string } | { ok: false; reason: string };

export function connect(scenario: Scenario, from: string, to: string, kind: EdgeKind): ConnectResult {
  const source = scenario.nodes.find((n) => n.id === from);
  const target = scenario.nodes.find((n) => n.id === to);
  if (!source || !target) return { ok: false, reason: 'Both ends must be nodes of this scenario.' };
  const problem = connectionProblem(source, target, kind, scenario.edges);
  if (problem) return { ok: false, reason: problem };
  const id = uniqueId(`${from}-${to}`, allIds(scenario));
  const edge = edgeSchema.parse({ id, from, to, kind });
  return { ok: true, scenario: { ...scenario, edges: [...scenario.edges, edge] }, id };
}

/** Removes nodes and edges, with every edge, fault and saga step that pointed at them. */
export function removeItems(scenario: Scenario, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): Scenario {
  if (nodeIds.size === 0 && edgeIds.size === 0) return scenario;
  const edges = scenario.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.from) && !nodeIds.has(e.to));
  const keptEdges = new Set(edges.map((e) => e.id));
  const nodes = scenario.nodes
    .filter((n) => !nodeIds.has(n.id))
    .map((n) => {
      if (n.kind !== 'service' || !n.saga) return n;
      const steps = n.saga.steps
        .filter((s) => keptEdges.has(s.action))
        .map((s) => (s.compensation && !keptEdges.has(s.compensation) ? { ...s, compensation: null } : s));
      return steps.length === n.saga.steps.length && steps.every((s, i) => s === n.saga?.steps[i]) ? n : { ...n, saga: { ...n.saga, steps } };
    });
  // Also the edges removed because one of their ends was: a fault on such an edge must go too.
  const removedEdges = new Set(scenario.edges.filter((e) => !keptEdges.has(e.id)).map((e) => e.id));
  const faults = scenario.faults.filter((f) => !nodeIds.has(f.target) && !removedEdges.has(f.target));
  return { ...scenario, nodes, edges, faults };
}

export function addFault(scenario: Scenario, kind: FaultKind, target: string, startS: number, durationS: number): { scenario: Scenario; id: string } {
  const id = uniqueId(`${kind}-${target}`, allIds(scenario));
  const fault = faultSchema.parse({ id, kind, target, startS, durationS });
  return { scenario: { ...scenario, faults: [...scenario.faults, fault] }, id };
}

export function updateFault(scenario: Scenario, id: string, update: (fault: Fault) => Fault): Scenario {
  const faults = scenario.faults.map((f) => (f.id === id ? update(f) : f));
  // An update that returns the fault unchanged (a press on the timeline without a move) changes nothing.
  return faults.every((f, i) => f === scenario.faults[i]) ? scenario : { ...scenario, faults };
}

export function removeFault(scenario: Scenario, id: string): Scenario {
  return { ...scenario, faults: scenario.faults.filter((f) => f.id !== id) };
}

/** Puts nodes in a new named bounded context. */
export function groupNodes(scenario: Scenario, nodeIds: ReadonlySet<string>, label: string): { scenario: Scenario; id: string } {
  const id = uniqueId(label.toLowerCase() || 'context', allIds(scenario));
  return {
    scenario: {
      ...scenario,
      groups: [...scenario.groups, { id, label }],
      nodes: scenario.nodes.map((n) => (nodeIds.has(n.id) ? { ...n, group: id } : n)),
    },
    id,
  };
}

/** Takes nodes out of their context; contexts left empty are removed. */
export function ungroupNodes(scenario: Scenario, nodeIds: ReadonlySet<string>): Scenario {
  const nodes = scenario.nodes.map((n) => {
    if (!nodeIds.has(n.id) || n.group === undefined) return n;
    const { group: _group, ...rest } = n;
    return rest as ScenarioNode;
  });
  const used = new Set(nodes.map((n) => n.group).filter((g): g is string => g !== undefined));
  return { ...scenario, nodes, groups: scenario.groups.filter((g) => used.has(g.id)) };
}

export function renameGroup(scenario: Scenario, id: string, label: string): Scenario {
  return { ...scenario, groups: scenario.groups.map((g) => (g.id === id ? { ...g, label } : g)) };
}
