import {
  CURRENT_VERSION,
  FORMAT,
  LIMITS,
  capIssues,
  connectionProblem,
  naturalEdgeKind,
  restore,
  type Issue,
  type NodeKind,
  type RestoreResult,
} from '../../model';
import { parseMermaid, type ParsedChart } from './mermaidParse';
import type { ShapeName } from './mermaidSyntax';

/** How each Mermaid shape is read; the inverse of MERMAID_SHAPES in mermaid.ts. Documented in docs/exports.md. */
export const SHAPE_KINDS: Readonly<Record<ShapeName, NodeKind>> = {
  rect: 'service',
  round: 'service',
  rhombus: 'service',
  stadium: 'client',
  hexagon: 'gateway',
  trapezoid: 'loadBalancer',
  cylinder: 'database',
  circle: 'cache',
  doubleCircle: 'cache',
  asymmetric: 'queue',
  parallelogram: 'topic',
  subroutine: 'external',
};

/** Makes a Mermaid id one of ours (letters, digits, - _ . :, at most 64 characters), unique. */
function idMaker() {
  const taken = new Set<string>();
  return (raw: string): string => {
    let base = raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9_.:-]+/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, LIMITS.maxIdLength);
    if (!base) base = 'node';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base.slice(0, LIMITS.maxIdLength - String(n).length - 1)}-${n}`;
    taken.add(id);
    return id;
  };
}

const clip = (text: string, max: number = LIMITS.maxLabelLength) => (text.length > max ? `${text.slice(0, max - 3)}...` : text);

interface DraftNode {
  id: string;
  kind: NodeKind;
  label?: string;
  group?: string;
}

/**
 * Reads a Mermaid flowchart (`flowchart`/`graph`, any direction) as a scenario: shapes pick the
 * node kind, links become calls, subgraphs become groups. Links that our connection rules refuse
 * are repaired (a called "client" becomes a service) or dropped, each with a warning that names
 * its line. Never throws; everything goes through `restore`, like any other untrusted input.
 */
export function importMermaid(text: string): RestoreResult {
  try {
    return importUnsafe(text);
  } catch (error) {
    // A bug of ours must not crash the import dialog: report it as an error instead.
    return { ok: false, errors: [{ path: '', message: `could not read the Mermaid text (${error instanceof Error ? error.message : 'unknown error'})` }] };
  }
}

function importUnsafe(text: string): RestoreResult {
  const parsed = parseMermaid(typeof text === 'string' ? text : '');
  if (!parsed.ok) return { ok: false, errors: [{ path: `line ${parsed.line}`, message: parsed.message }] };
  const chart = parsed.chart;
  if (chart.nodes.size === 0) return { ok: false, errors: [{ path: '', message: 'the flowchart has no nodes' }] };
  const warnings: Issue[] = [];

  const groupId = idMaker();
  const groupIds = new Map<string, string>();
  const groups = chart.groups
    .filter((g) => !groupIds.has(g.id))
    .map((g) => {
      const id = groupId(g.id);
      groupIds.set(g.id, id);
      return { id, label: clip(g.label || g.id) };
    });

  const nodeId = idMaker();
  const nodes = new Map<string, DraftNode>();
  for (const n of chart.nodes.values()) {
    const id = nodeId(n.id);
    if (id !== n.id) warnings.push({ path: `line ${n.line}`, message: `node "${clip(n.id, 40)}" renamed to "${id}" (ids may use letters, digits, - _ . :)` });
    const group = n.group === undefined ? undefined : groupIds.get(n.group);
    const label = n.label === undefined || n.label === n.id ? undefined : clip(n.label);
    nodes.set(n.id, { id, kind: SHAPE_KINDS[n.shape ?? 'rect'], ...(label ? { label } : {}), ...(group ? { group } : {}) });
  }

  const edges = connect(chart, nodes, warnings);
  const input = {
    format: FORMAT,
    version: CURRENT_VERSION,
    scenario: {
      title: clip(chart.title?.trim() || 'Imported from Mermaid'),
      groups,
      nodes: [...nodes.values()],
      edges,
    },
  };
  const result = restore(input);
  return result.ok ? { ...result, warnings: capIssues([...warnings, ...result.warnings]) } : result;
}

interface DraftEdge {
  id: string;
  from: string;
  to: string;
  kind: 'sync' | 'async';
  label?: string;
}

/** Turns links into edges our connection rules accept, repairing node kinds where that is clearly meant. */
function connect(chart: ParsedChart, nodes: Map<string, DraftNode>, warnings: Issue[]): DraftEdge[] {
  const edges: DraftEdge[] = [];
  const edgeId = idMaker();
  for (const n of nodes.values()) edgeId(n.id); // edge ids share the namespace of node ids
  for (const link of chart.edges) {
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    if (!from || !to) continue;
    const at = `line ${link.line}`;
    const name = `${from.id} -> ${to.id}`;
    if (from === to) {
      warnings.push({ path: at, message: `link ${name} dropped: a node cannot call itself` });
      continue;
    }
    if (edges.some((e) => e.from === from.id && e.to === to.id)) {
      warnings.push({ path: at, message: `link ${name} dropped: the two nodes are already connected in this direction` });
      continue;
    }
    let problem = connectionProblem(from, to, naturalEdgeKind(from.kind, to.kind), edges);
    if (problem) {
      const repaired = repair(from, to, edges);
      if (repaired) {
        warnings.push({ path: at, message: repaired });
        problem = connectionProblem(from, to, naturalEdgeKind(from.kind, to.kind), edges);
      }
    }
    if (problem) {
      warnings.push({ path: at, message: `link ${name} dropped: ${problem}` });
      continue;
    }
    const kind = naturalEdgeKind(from.kind, to.kind);
    if (link.dotted && kind === 'sync') {
      warnings.push({ path: at, message: `dotted link ${name} read as a sync call (async edges go to a queue or topic)` });
    }
    edges.push({ id: edgeId(`${from.id}-${to.id}`), from: from.id, to: to.id, kind, ...(link.text ? { label: clip(link.text) } : {}) });
  }
  return edges;
}

/** Changes a node's kind when the drawing clearly means a service; returns the warning, or null. */
function repair(from: DraftNode, to: DraftNode, edges: readonly DraftEdge[]): string | null {
  const becomeService = (node: DraftNode, why: string) => {
    const was = node.kind;
    node.kind = 'service';
    return `"${node.id}" is drawn as a ${was} but ${why}: read as a service`;
  };
  if (to.kind === 'client') return becomeService(to, 'something calls it');
  if (from.kind === 'database' || from.kind === 'external') return becomeService(from, 'it calls other nodes');
  if (from.kind === 'loadBalancer' && edges.some((e) => e.from === from.id)) return becomeService(from, 'it has more than one target');
  return null;
}
