import type { Distribution, ScenarioInput } from '../model';
import { quantileMs } from '../model';

export type NodeInput = NonNullable<ScenarioInput['nodes']>[number];
export type EdgeInput = NonNullable<ScenarioInput['edges']>[number];
export type GroupInput = NonNullable<ScenarioInput['groups']>[number];

/**
 * Layout of the starter, left to right as calls flow (node boxes are 200 x 96 on the canvas):
 * each database sits right of its service and a little lower, so the call runs forward.
 */
export const X = { client: 0, gateway: 260, routed: 540, middle: 1060, consumers: 1580 } as const;
export const ROW = 250;
export const DB_OFFSET = { x: 230, y: 70 } as const;

/** Default load of the starter, and the expected latency of what a node does itself. */
export const CLIENT_RATE_PER_SEC = 100;
export const SERVICE_TIME: Distribution = { dist: 'lognormal', medianMs: 8, p99Ms: 40 };
export const MONOLITH_TIME: Distribution = { dist: 'lognormal', medianMs: 15, p99Ms: 80 };
export const DATABASE_READ: Distribution = { dist: 'lognormal', medianMs: 3, p99Ms: 20 };
export const DATABASE_WRITE: Distribution = { dist: 'lognormal', medianMs: 8, p99Ms: 50 };
export const GATEWAY_TIME: Distribution = { dist: 'constant', valueMs: 2 };

/** "Order Management" -> "order-management"; unique within `taken`; never empty. */
export function slugId(name: string, taken: Set<string>, fallback: string): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || fallback;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/**
 * Collects nodes, edges and groups while remembering each node's own p99 latency, so the
 * policies can derive timeouts from percentiles instead of round numbers.
 */
export class StarterGraph {
  readonly nodes: NodeInput[] = [];
  readonly edges: EdgeInput[] = [];
  readonly groups: GroupInput[] = [];
  readonly ownP99Ms = new Map<string, number>();
  /** Node, edge and group ids share one namespace here, so no two can clash. */
  private readonly taken = new Set<string>();

  /** A fresh id from a name: "Order events" -> "order-events" (or "order-events-2"). */
  id(name: string): string {
    return slugId(name, this.taken, 'node');
  }

  add(node: NodeInput, ownLatency: Distribution | null): string {
    this.nodes.push(node);
    this.ownP99Ms.set(node.id, ownLatency ? Math.round(quantileMs(ownLatency, 0.99)) : 0);
    return node.id;
  }

  connect(from: string, to: string, extra: Partial<EdgeInput> = {}): string {
    const id = this.id(`${from}-to-${to}`);
    this.edges.push({ id, from, to, ...extra });
    return id;
  }

  group(id: string, label: string, description?: string): string {
    this.groups.push({ id, label, ...(description ? { description } : {}) });
    return id;
  }

  /** A service with its own database, the database drawn below it, both in one bounded context. */
  serviceWithDatabase(name: string, x: number, y: number, options: { description?: string; group?: string } = {}): string {
    const id = this.id(`${name} service`);
    const group = options.group ?? this.group(this.id(name), name);
    const label = `${name} service`;
    this.add(
      {
        id,
        kind: 'service',
        label,
        group,
        position: { x, y },
        replicas: 2,
        workers: 16,
        serviceTime: SERVICE_TIME,
        ...(options.description ? { description: options.description } : {}),
      },
      SERVICE_TIME,
    );
    const db = this.add(
      { id: this.id(`${name} db`), kind: 'database', label: `${name} DB`, group, position: { x: x + DB_OFFSET.x, y: y + DB_OFFSET.y }, readLatency: DATABASE_READ, writeLatency: DATABASE_WRITE },
      DATABASE_WRITE,
    );
    this.connect(id, db);
    return id;
  }
}
