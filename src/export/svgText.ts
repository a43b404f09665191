import type { ScenarioEdge } from '../model';

/**
 * Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF): one of them in
 * a label would make the whole picture unreadable, so they are dropped rather than escaped.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe as SVG/XML content or a double- or single-quoted attribute value. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Cuts to at most `max` characters (code points, never half a surrogate pair), ending in "…". */
export function truncate(text: string, max: number): string {
  const points = Array.from(text.replace(/\s+/g, ' '));
  return points.length <= max ? points.join('') : `${points.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** How many characters of a font size fit a width (an estimate: no font metrics in a worker or Node). */
export function chars(widthPx: number, fontPx: number): number {
  return Math.max(4, Math.floor(widthPx / (fontPx * 0.56)));
}

/**
 * The policies on an edge as the canvas shows them (editor/EdgeView.tsx policyBadges, which
 * export/ may not import): T 500ms, R x3, CB, BH 25, RL, AT, FB. Short, so a badge fits the gap
 * between two nodes.
 */
export function edgeBadges(edge: ScenarioEdge): string[] {
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
