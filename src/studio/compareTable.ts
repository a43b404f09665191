import type { LatencySummary, NodeTotals, RunResult } from '../model';

/** Which side a difference favours; null for numbers that are neither good nor bad (offered load). */
export type Better = 'A' | 'B' | 'same' | null;

export interface DiffRow {
  readonly key: string;
  /** "Success ratio", or "Payment DB: p99". */
  readonly label: string;
  readonly unit: string;
  readonly digits: number;
  readonly a: number;
  readonly b: number;
  /** b - a (NaN when either is missing). */
  readonly delta: number;
  readonly better: Better;
}

type Direction = 'higher' | 'lower' | 'neutral';

/** Which is better; values equal at the precision shown (`digits`) are the same. */
export function betterOf(a: number, b: number, direction: Direction, digits = 6): Better {
  if (direction === 'neutral' || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  if (a.toFixed(digits) === b.toFixed(digits)) return 'same';
  return (b > a) === (direction === 'higher') ? 'B' : 'A';
}

function row(key: string, label: string, unit: string, digits: number, a: number, b: number, direction: Direction): DiffRow {
  return { key, label, unit, digits, a, b, delta: Number.isFinite(a) && Number.isFinite(b) ? b - a : NaN, better: betterOf(a, b, direction, digits) };
}

const p = (l: LatencySummary, key: 'p50Ms' | 'p99Ms') => (l.count > 0 ? l[key] : NaN);

/** Whole-run system totals of A and B, side by side. */
export function systemDiff(a: RunResult, b: RunResult): DiffRow[] {
  const sa = a.totals.system;
  const sb = b.totals.system;
  return [
    row('clientRequests', 'Client requests', '', 0, sa.clientRequests, sb.clientRequests, 'neutral'),
    row('goodput', 'Goodput', 'req/s', 1, sa.goodputPerSec, sb.goodputPerSec, 'higher'),
    row('successRatio', 'Success ratio', '%', 2, sa.successRatio * 100, sb.successRatio * 100, 'higher'),
    row('p50', 'p50 latency', 'ms', 1, p(sa.latency, 'p50Ms'), p(sb.latency, 'p50Ms'), 'lower'),
    row('p99', 'p99 latency', 'ms', 1, p(sa.latency, 'p99Ms'), p(sb.latency, 'p99Ms'), 'lower'),
  ];
}

const nodeSuccess = (n: NodeTotals) => (n.completions > 0 ? (n.successes / n.completions) * 100 : NaN);

/** How much a node changed, on one scale: percentage points of success, or % change of p99. */
function changeScore(a: NodeTotals, b: NodeTotals): number {
  const success = Math.abs(nodeSuccess(b) - nodeSuccess(a));
  const pa = p(a.latency, 'p99Ms');
  const pb = p(b.latency, 'p99Ms');
  const latency = Math.abs(pb - pa) / Math.max(pa, pb, 1e-9) * 100;
  return Math.max(Number.isFinite(success) ? success : 0, Number.isFinite(latency) ? latency : 0);
}

/**
 * Success ratio and p99 of the nodes that changed most between A and B (nodes in both runs),
 * most changed first; nodes that did not change are left out.
 */
export function nodeDiffs(a: RunResult, b: RunResult, names: ReadonlyMap<string, string>, limit = 5): DiffRow[] {
  const ranked = Object.entries(a.totals.nodes)
    .map(([id, na]) => {
      const nb = b.totals.nodes[id];
      return nb ? { id, na, nb, score: changeScore(na, nb) } : null;
    })
    .filter((x): x is { id: string; na: NodeTotals; nb: NodeTotals; score: number } => x !== null && x.score > 0.01)
    .sort((x, y) => y.score - x.score || x.id.localeCompare(y.id))
    .slice(0, limit);
  return ranked.flatMap(({ id, na, nb }) => {
    const name = names.get(id) ?? id;
    return [
      row(`${id}.success`, `${name}: success ratio`, '%', 2, nodeSuccess(na), nodeSuccess(nb), 'higher'),
      row(`${id}.p99`, `${name}: p99`, 'ms', 1, p(na.latency, 'p99Ms'), p(nb.latency, 'p99Ms'), 'lower'),
    ];
  });
}
