import type { ScenarioEdge } from './scenario';

/**
 * The policies on an edge as short badges, the way the canvas and the exported pictures show
 * them: T 500ms, R x3, CB, BH 25, RL, AT, FB, then the share of calls and the calls per request.
 * Short, so that a badge fits the gap between two nodes.
 */
export function policyBadges(edge: ScenarioEdge): string[] {
  const p = edge.policy;
  const out: string[] = [];
  if (p.timeoutMs !== null) out.push(`T ${p.timeoutMs >= 1000 ? `${p.timeoutMs / 1000}s` : `${p.timeoutMs}ms`}`);
  if (p.retry && p.retry.maxAttempts > 1) out.push(`R x${p.retry.maxAttempts}`);
  if (p.circuitBreaker) out.push('CB');
  if (p.bulkhead) out.push(`BH ${p.bulkhead.maxConcurrentCalls}`);
  if (p.rateLimiter) out.push('RL');
  if (p.adaptiveThrottling) out.push('AT');
  if (p.fallback !== 'none') out.push('FB');
  if (edge.callPercent < 100) out.push(`${edge.callPercent}%`);
  if (edge.count > 1) out.push(`x${edge.count}`);
  return out;
}
