import { describeDistribution, quantileMs, type Distribution } from './distribution';
import type { NodeKind, ScenarioNode } from './nodes';
import { restore } from './restore';
import type { Scenario, ScenarioInput } from './scenario';

export interface KindInfo {
  readonly kind: NodeKind;
  readonly label: string;
  /** One sentence for the palette tooltip. */
  readonly description: string;
  /** Prefix for new ids: `service-3`. */
  readonly idPrefix: string;
}

export const KIND_INFO: Readonly<Record<NodeKind, KindInfo>> = {
  client: { kind: 'client', label: 'Client', idPrefix: 'client', description: 'Sends traffic: a rate of requests per second, or a number of users.' },
  gateway: { kind: 'gateway', label: 'Gateway', idPrefix: 'gateway', description: 'The entry point: rate limiting, routing, optional aggregation.' },
  loadBalancer: { kind: 'loadBalancer', label: 'Load balancer', idPrefix: 'lb', description: 'Spreads calls over the replicas of its target, with health checks and ejection.' },
  service: { kind: 'service', label: 'Service', idPrefix: 'service', description: 'Replicas of workers with a queue; calls its dependencies while holding a worker.' },
  database: { kind: 'database', label: 'Database', idPrefix: 'db', description: 'A connection pool with read and write latency.' },
  cache: { kind: 'cache', label: 'Cache', idPrefix: 'cache', description: 'Answers hits quickly; a miss calls what is behind it.' },
  queue: { kind: 'queue', label: 'Queue', idPrefix: 'queue', description: 'Point-to-point broker: each message goes to one consumer, with retries and a dead-letter queue.' },
  topic: { kind: 'topic', label: 'Topic', idPrefix: 'topic', description: 'Publish/subscribe: each message is copied to every subscriber.' },
  external: { kind: 'external', label: 'External', idPrefix: 'external', description: 'A third-party dependency: latency and errors you do not control.' },
};

function p99(d: Distribution): string {
  const v = quantileMs(d, 0.99);
  return `p99 ${v >= 100 ? Math.round(v) : Number(v.toPrecision(2))} ms`;
}

/** The two or three numbers a node shows on the canvas. */
export function keyNumbers(node: ScenarioNode): string[] {
  switch (node.kind) {
    case 'client':
      return node.workload.model === 'open'
        ? [`${node.workload.ratePerSec} req/s`, node.workload.phases.length ? `${node.workload.phases.length} phases` : 'constant']
        : [`${node.workload.users} users`, `think ${describeDistribution(node.workload.thinkTime)}`];
    case 'gateway':
    case 'service':
      return [
        `${node.replicas} x ${node.workers} workers`,
        p99(node.serviceTime),
        ...(node.errorPercent > 0 ? [`err ${node.errorPercent}%`] : []),
        ...(node.kind === 'gateway' && node.rateLimit ? [`limit ${node.rateLimit.ratePerSec}/s`] : []),
      ];
    case 'database':
      return [`${node.replicas} x pool ${node.workers}`, `read ${p99(node.readLatency)}`, ...(node.errorPercent > 0 ? [`err ${node.errorPercent}%`] : [])];
    case 'loadBalancer':
      return [node.strategy, ...(node.healthCheck ? ['health checks'] : []), ...(node.outlierEjection ? ['ejection'] : [])];
    case 'cache':
      return node.keyspace ? [`LRU ${node.keyspace.capacity} keys`, `TTL ${node.keyspace.ttlS} s`] : [`hit ${node.hitPercent}%`, p99(node.hitLatency)];
    case 'queue':
      return [`cap ${node.capacity}`, `max ${node.maxDeliveries} deliveries`];
    case 'topic':
      return [`cap ${node.capacity}/sub`];
    case 'external':
      return [p99(node.latency), `err ${node.errorPercent}%`];
  }
}

export function displayName(node: Pick<ScenarioNode, 'id' | 'label'>): string {
  return node.label?.trim() ? node.label : node.id;
}

/** Parses a built-in scenario; a failure is a bug of ours, so it throws with the problems. */
export function builtInScenario(input: ScenarioInput): Scenario {
  const result = restore(input);
  if (!result.ok) throw new Error(`built-in scenario is invalid: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}
