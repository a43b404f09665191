import { displayName, type NodeKind, type Policy, type Scenario, type ScenarioEdge } from '../../model';
import { yamlString } from './yaml';

/** Opening and closing brackets of each kind's Mermaid shape; mermaidImport reads them back. */
export const MERMAID_SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  client: ['([', '])'], // stadium: people and traffic sources
  gateway: ['{{', '}}'], // hexagon
  loadBalancer: ['[/', '\\]'], // trapezoid: many in, spread out
  service: ['[', ']'], // rectangle
  database: ['[(', ')]'], // cylinder
  cache: ['((', '))'], // circle
  queue: ['>', ']'], // asymmetric flag: a message
  topic: ['[/', '/]'], // parallelogram
  external: ['[[', ']]'], // subroutine: a process that is not ours
};

/** Words the Mermaid flowchart grammar reserves: a node with such an id breaks the diagram. */
const RESERVED_IDS = new Set(['end', 'subgraph', 'graph', 'flowchart', 'style', 'classdef', 'class', 'click', 'linkstyle', 'direction', 'default', 'call', 'href']);

/**
 * Label text inside Mermaid `"..."`: quotes, `#`, `&`, `<`, `>` and backticks become Mermaid
 * entity codes, so a label can neither end the string nor inject HTML into the rendered SVG.
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '#quot;';
    else if (ch === '#') out += '#35;';
    else if (ch === '&') out += '#amp;';
    else if (ch === '<') out += '#lt;';
    else if (ch === '>') out += '#gt;';
    else if (ch === '`') out += '#96;';
    else if (ch === '|') out += '#124;';
    else if (/[\r\n\u0085\u2028\u2029\t]/.test(ch)) out += ' ';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
    else out += ch;
  }
  return out;
}

/** A Mermaid node id for each of ours: kept when Mermaid can read it, else made safe and unique. */
function mermaidIds(ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    let safe = /^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*$/.test(id) ? id : id.replace(/[^A-Za-z0-9_]+/g, '_');
    if (RESERVED_IDS.has(safe.toLowerCase())) safe = `${safe}_`;
    let candidate = safe;
    for (let n = 2; taken.has(candidate); n++) candidate = `${safe}_${n}`;
    taken.add(candidate);
    out.set(id, candidate);
  }
  return out;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 100 === 0 ? `${ms / 1000} s` : `${Number(ms.toPrecision(6))} ms`;
}

/** The short policy summary an edge shows: `timeout 500 ms, 2 attempts, breaker`. */
export function policySummary(policy: Policy): string {
  const parts: string[] = [];
  if (policy.timeoutMs !== null) parts.push(`timeout ${formatMs(policy.timeoutMs)}`);
  if (policy.retry && policy.retry.maxAttempts > 1) parts.push(`${policy.retry.maxAttempts} attempts${policy.retry.budget ? ' (budget)' : ''}`);
  if (policy.circuitBreaker) parts.push('breaker');
  if (policy.bulkhead) parts.push(`bulkhead ${policy.bulkhead.maxConcurrentCalls}`);
  if (policy.rateLimiter) parts.push(`limit ${policy.rateLimiter.limitForPeriod}/${formatMs(policy.rateLimiter.periodMs)}`);
  if (policy.adaptiveThrottling) parts.push('throttling');
  if (policy.fallback !== 'none') parts.push(`fallback ${policy.fallback}`);
  return parts.join(', ');
}

function edgeText(edge: ScenarioEdge): string {
  return [edge.label?.trim(), policySummary(edge.policy)].filter(Boolean).join(': ');
}

/** The topology as a Mermaid `flowchart LR`: shapes by kind, bounded contexts as subgraphs. */
export function mermaid(scenario: Scenario): string {
  const ids = mermaidIds(scenario.nodes.map((n) => n.id));
  // Subgraph ids share the node id namespace in Mermaid, so a group named like a node is renamed.
  const taken = new Set(ids.values());
  const groupIds = mermaidIds(scenario.groups.map((g) => g.id));
  for (const [id, safe] of groupIds) {
    let candidate = safe;
    for (let n = 2; taken.has(candidate); n++) candidate = `${safe}_group${n === 2 ? '' : n}`;
    taken.add(candidate);
    groupIds.set(id, candidate);
  }
  const lines: string[] = [];
  // Front matter (YAML) carries the title, so it survives a round trip through mermaidImport.
  lines.push('---', `title: ${yamlString(scenario.title.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '))}`, '---');
  lines.push('flowchart LR');
  const declare = (indent: string, nodeId: string) => {
    const node = scenario.nodes.find((n) => n.id === nodeId);
    if (!node) return;
    const [open, close] = MERMAID_SHAPES[node.kind];
    lines.push(`${indent}${ids.get(node.id)}${open}"${mermaidText(displayName(node))}"${close}`);
  };
  const grouped = new Set(scenario.groups.map((g) => g.id));
  for (const group of scenario.groups) {
    const members = scenario.nodes.filter((n) => n.group === group.id);
    lines.push(`  subgraph ${groupIds.get(group.id)}["${mermaidText(group.label || group.id)}"]`);
    for (const n of members) declare('    ', n.id);
    lines.push('  end');
  }
  for (const n of scenario.nodes) if (!n.group || !grouped.has(n.group)) declare('  ', n.id);
  for (const edge of scenario.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (!from || !to) continue;
    const arrow = edge.kind === 'async' ? '-.->' : '-->';
    const text = edgeText(edge);
    lines.push(`  ${from} ${arrow}${text ? `|"${mermaidText(text)}"|` : ''} ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
