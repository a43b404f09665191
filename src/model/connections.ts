import type { EdgeKind, ScenarioEdge } from './scenario';
import { isBroker, type NodeKind } from './nodes';

interface End {
  readonly id: string;
  readonly kind: NodeKind;
}

/** Why a connection is not allowed, in one sentence for the user, or null when it is fine. */
export function connectionProblem(
  from: End,
  to: End,
  kind: EdgeKind,
  existing: readonly Pick<ScenarioEdge, 'from' | 'to' | 'kind'>[],
): string | null {
  if (from.id === to.id) return 'A node cannot call itself.';
  if (to.kind === 'client') return 'A client only sends traffic: nothing can call it.';
  if (from.kind === 'database') return 'A database answers queries; it does not call other nodes.';
  if (from.kind === 'external') return 'An external dependency is a leaf: it does not call into your system.';
  if (isBroker(from.kind)) {
    if (kind !== 'async') return `A ${from.kind} delivers messages to its consumers: use an async edge.`;
    if (to.kind !== 'service') return `A ${from.kind} delivers messages to services: connect it to a service that consumes them.`;
  } else if (kind === 'async' && !isBroker(to.kind)) {
    return 'An async edge must target a queue or topic: the caller only waits for the broker to accept the message.';
  } else if (kind === 'sync' && isBroker(to.kind)) {
    return `A ${to.kind} is reached by publishing to it: use an async edge.`;
  }
  if (from.kind === 'loadBalancer' && existing.some((e) => e.from === from.id && e.to !== to.id)) {
    return 'A load balancer spreads calls over the replicas of one target, and this one already has its target.';
  }
  if (existing.some((e) => e.from === from.id && e.to === to.id)) {
    return 'These two nodes are already connected in this direction.';
  }
  return null;
}

/** The edge kind a new connection gets when the user does not choose: async into or out of a broker. */
export function naturalEdgeKind(fromKind: NodeKind, toKind: NodeKind): EdgeKind {
  return isBroker(fromKind) || isBroker(toKind) ? 'async' : 'sync';
}
