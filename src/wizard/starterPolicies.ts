import type { EdgeInput, NodeInput, StarterGraph } from './starterKit';

/** Timeouts are this many times the expected p99 of everything behind the call. */
export const TIMEOUT_OVER_P99 = 3;

const BREAKER = { minimumNumberOfCalls: 20, windowSize: 50, waitDurationInOpenStateMs: 10_000 };
const RETRY = {
  maxAttempts: 2,
  backoff: 'exponential',
  baseMs: 50,
  maxMs: 1000,
  jitter: 'full',
  budget: { ratioPercent: 20, minPerSec: 5 },
} as const;

/**
 * The expected p99 of a call into `id`: its own p99 plus its synchronous calls, one after
 * another (a pessimistic sum: percentiles do not add, but a timeout should not be too tight).
 */
export function expectedP99Ms(graph: StarterGraph, id: string, seen: ReadonlySet<string> = new Set()): number {
  if (seen.has(id)) return 0;
  const inside = new Set(seen).add(id);
  const own = graph.ownP99Ms.get(id) ?? 0;
  const below = graph.edges
    .filter((e) => e.from === id && (e.kind ?? 'sync') === 'sync')
    .reduce((sum, e) => sum + expectedP99Ms(graph, e.to, inside), 0);
  return own + below;
}

const roundUp = (ms: number, step: number) => Math.max(step, Math.ceil(ms / step) * step);

function kindOf(nodes: readonly NodeInput[], id: string): NodeInput['kind'] | undefined {
  return nodes.find((n) => n.id === id)?.kind;
}

/**
 * Applies the resilience advice to every edge: a timeout from the callee's p99 on each sync
 * call and each publish, a breaker and a bulkhead on calls between deployables, and retries
 * (jittered, with a budget) at one layer only: the gateway's calls, or the client's when
 * there is no gateway.
 */
export function applyPolicies(graph: StarterGraph, ratePerSec: number): void {
  const retryFrom = graph.nodes.some((n) => n.kind === 'gateway') ? 'gateway' : 'client';
  for (let i = 0; i < graph.edges.length; i++) {
    const edge = graph.edges[i] as EdgeInput;
    const from = kindOf(graph.nodes, edge.from);
    const to = kindOf(graph.nodes, edge.to);
    if (from === 'queue' || from === 'topic') continue;
    if (edge.kind === 'async') {
      graph.edges[i] = { ...edge, policy: { timeoutMs: 200 } };
      continue;
    }
    const p99 = expectedP99Ms(graph, edge.to);
    const timeoutMs = roundUp(TIMEOUT_OVER_P99 * p99, p99 > 100 ? 50 : 10);
    const share = (edge.callPercent ?? 100) / 100;
    const concurrency = Math.ceil((ratePerSec * share * p99) / 1000);
    const betweenDeployables = to === 'service' && (from === 'service' || from === 'gateway');
    graph.edges[i] = {
      ...edge,
      policy: {
        timeoutMs,
        ...(betweenDeployables ? { circuitBreaker: BREAKER, bulkhead: { maxConcurrentCalls: Math.max(25, 4 * concurrency), maxWaitMs: 0 } } : {}),
        ...(from === retryFrom ? { retry: RETRY } : {}),
      },
    };
  }
}
