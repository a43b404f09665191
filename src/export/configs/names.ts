import { exportFileName } from '../fileNames';
import { displayName, type Scenario, type ScenarioEdge, type ScenarioNode } from '../../model';

const MAX_LABEL = 63;

/**
 * A DNS-1123 label (and RFC 1035, as Kubernetes Service names need): lower case letters, digits
 * and dashes, starting with a letter, at most 63 characters. `Order service` -> `order-service`.
 */
export function dnsLabel(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) s = 'node';
  if (!/^[a-z]/.test(s)) s = `n-${s}`;
  return s.slice(0, MAX_LABEL).replace(/-+$/, '');
}

/**
 * Hands out DNS names that never collide: the second text that slugifies to a taken name gets
 * `-2`, the third `-3`. Deterministic because callers allocate in document order.
 */
export class NameAllocator {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  name(key: string, text: string): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const base = dnsLabel(text);
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) {
      const suffix = `-${n}`;
      candidate = `${base.slice(0, MAX_LABEL - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    this.taken.add(candidate);
    this.byKey.set(key, candidate);
    return candidate;
  }
}

/** Node id -> DNS name for a whole scenario, allocated in node order so edits elsewhere do not rename. */
export function nodeDnsNames(scenario: Scenario): ReadonlyMap<string, string> {
  const names = new NameAllocator();
  return new Map(scenario.nodes.map((n) => [n.id, names.name(n.id, n.id)]));
}

export interface Call {
  readonly edge: ScenarioEdge;
  readonly from: ScenarioNode;
  readonly to: ScenarioNode;
}

/** Every edge with both its ends (edges whose ends are missing cannot occur after restore). */
export function calls(scenario: Scenario): Call[] {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const out: Call[] = [];
  for (const edge of scenario.edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (from && to) out.push({ edge, from, to });
  }
  return out;
}

/** `"Order service" (order-service)`: how comments name a node. */
export function describeNode(node: ScenarioNode): string {
  const name = displayName(node);
  return name === node.id ? node.id : `${JSON.stringify(name)} (${node.id})`;
}

/** A file name from the scenario title, as every export names its file: `e-commerce-checkout-envoy.yaml`. */
export const fileNameFor = exportFileName;
