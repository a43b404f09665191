import { connectionProblem } from './connections';
import type { Issue } from './issues';
import { isWorkerNode, type ScenarioNode } from './nodes';
import type { Fault, Scenario } from './scenario';

const EDGE_FAULTS: ReadonlySet<Fault['kind']> = new Set(['partition', 'packetLoss', 'delay', 'abort']);

/** Checks that need the whole document: unique ids, references, connection rules, fault targets. */
export function validateReferences(scenario: Scenario): Issue[] {
  const issues: Issue[] = [];
  const owners = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = owners.get(id);
    if (first) issues.push({ path: `${path}.id`, message: `duplicate id "${id}" (already used at ${first})` });
    else owners.set(id, path);
  };
  const nodes = new Map<string, ScenarioNode>();
  scenario.nodes.forEach((node, i) => {
    claim(node.id, `nodes[${i}]`);
    // Keep the first owner of a duplicated id, so edges are not judged by the later node.
    if (!nodes.has(node.id)) nodes.set(node.id, node);
  });
  scenario.edges.forEach((edge, i) => claim(edge.id, `edges[${i}]`));
  const groupIds = new Set<string>();
  scenario.groups.forEach((group, i) => {
    if (groupIds.has(group.id)) issues.push({ path: `groups[${i}].id`, message: `duplicate group id "${group.id}"` });
    groupIds.add(group.id);
  });
  scenario.nodes.forEach((node, i) => {
    if (node.group !== undefined && !groupIds.has(node.group)) {
      issues.push({ path: `nodes[${i}].group`, message: `no group with id "${node.group}"` });
    }
  });

  const edgesById = new Map(scenario.edges.map((e) => [e.id, e]));
  scenario.edges.forEach((edge, i) => {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from) issues.push({ path: `edges[${i}].from`, message: `no node with id "${edge.from}"` });
    if (!to) issues.push({ path: `edges[${i}].to`, message: `no node with id "${edge.to}"` });
    if (!from || !to) return;
    const problem = connectionProblem(from, to, edge.kind, scenario.edges.slice(0, i));
    if (problem) issues.push({ path: `edges[${i}]`, message: problem });
  });

  scenario.nodes.forEach((node, i) => {
    if (node.kind !== 'service' || !node.saga) return;
    node.saga.steps.forEach((step, s) => {
      for (const key of ['action', 'compensation'] as const) {
        const edgeId = step[key];
        if (edgeId === null) continue;
        const edge = edgesById.get(edgeId);
        if (!edge || edge.from !== node.id) {
          issues.push({
            path: `nodes[${i}].saga.steps[${s}].${key}`,
            message: `expected the id of an edge leaving "${node.id}", found "${edgeId}"`,
          });
        }
      }
    });
  });

  const faultIds = new Set<string>();
  scenario.faults.forEach((fault, i) => {
    const at = `faults[${i}]`;
    if (faultIds.has(fault.id)) issues.push({ path: `${at}.id`, message: `duplicate fault id "${fault.id}"` });
    faultIds.add(fault.id);
    const problem = faultTargetProblem(fault, nodes, edgesById);
    if (problem) issues.push({ path: `${at}.target`, message: problem });
    else if (fault.replica !== undefined) {
      const node = nodes.get(fault.target);
      const replicas = node && isWorkerNode(node) ? node.replicas : 1;
      if (fault.replica >= replicas) {
        issues.push({ path: `${at}.replica`, message: `"${fault.target}" has ${replicas} replica(s): expected 0 to ${replicas - 1}` });
      }
    }
  });
  return issues;
}

/** Why a fault cannot apply to its target, or null. */
export function faultTargetProblem(
  fault: Pick<Fault, 'kind' | 'target'>,
  nodes: ReadonlyMap<string, Pick<ScenarioNode, 'kind'>>,
  edges: ReadonlyMap<string, unknown>,
): string | null {
  const node = nodes.get(fault.target);
  if (EDGE_FAULTS.has(fault.kind)) {
    return edges.has(fault.target) ? null : `a ${fault.kind} fault targets an edge: no edge with id "${fault.target}"`;
  }
  if (!node) return `no node with id "${fault.target}"`;
  if (fault.kind === 'cacheFlush' && node.kind !== 'cache') return 'a cacheFlush fault targets a cache';
  if (fault.kind === 'trafficSpike' && node.kind !== 'client') return 'a trafficSpike fault targets a client';
  if (fault.kind !== 'cacheFlush' && fault.kind !== 'trafficSpike' && node.kind === 'client') {
    return `a ${fault.kind} fault cannot target a client (use trafficSpike)`;
  }
  if (fault.kind === 'capacityLoss' && !['service', 'gateway', 'database'].includes(node.kind)) {
    return 'a capacityLoss fault targets a node with workers (service, gateway or database)';
  }
  return null;
}

/** Faults that can never happen in the run: they start at or after its end. A warning, not an error (the duration may grow). */
export function faultTimingWarnings(scenario: Scenario): Issue[] {
  const end = scenario.settings.durationS;
  return scenario.faults.flatMap((fault, i) =>
    fault.startS >= end ? [{ path: `faults[${i}].startS`, message: `starts at ${fault.startS} s, after the run ends at ${end} s: it will not happen in this run` }] : [],
  );
}
