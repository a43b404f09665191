import { firstFaultMs, healthTimeline, isUnhealthy, type Health } from './health';
import type { Sample } from './results';
import type { Scenario } from './scenario';

/** One step of a cascade: the fault's target first, then each node as it turned unhealthy. */
export interface CascadeStep {
  readonly id: string;
  readonly kind: 'node' | 'edge';
  /** 1-based, in order. */
  readonly order: number;
  /** When it began: the fault's start for the first cause, the first unhealthy interval otherwise. */
  readonly atMs: number;
  /** The worst health it reached from then on (the first cause: its worst too, or ok). */
  readonly worst: Health;
  /** Its first unhealthy interval from the fault on; null if it never was (a first cause may not be). */
  readonly unhealthyAtMs: number | null;
  readonly cause: boolean;
}

export interface Cascade {
  readonly steps: readonly CascadeStep[];
  /** Nodes already unhealthy in most intervals before the fault: not victims of it. */
  readonly already: readonly string[];
}

const RANK: Record<Health, number> = { idle: 0, ok: 1, slow: 2, saturated: 3, degraded: 4, failing: 5 };

/** The worse of two healths. */
export function worseHealth(a: Health, b: Health): Health {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * The cascade of a run: the first fault's target (the first cause), then the nodes that turned
 * unhealthy from the fault onwards, in the order they did (ties in scenario order). Clients are
 * left out; nodes unhealthy before the fault are listed apart.
 */
export function cascadePath(scenario: Pick<Scenario, 'nodes' | 'edges' | 'faults'>, samples: readonly Sample[]): Cascade {
  if (samples.length === 0) return { steps: [], already: [] };
  const startMs = firstFaultMs(scenario.faults);
  const first = startMs === null ? undefined : [...scenario.faults].sort((a, b) => a.startS - b.startS)[0];
  const from = startMs ?? 0;
  const timeline = healthTimeline(samples, startMs);
  const onsets: { id: string; atMs: number; worst: Health; index: number }[] = [];
  const already: string[] = [];
  let causeWorst: Health = 'ok';
  let causeAt: number | null = null;
  scenario.nodes.forEach((node, index) => {
    if (node.kind === 'client') return;
    const health = timeline.get(node.id) ?? [];
    let before = 0;
    let unhealthyBefore = 0;
    let at: number | null = null;
    let worst: Health = 'ok';
    samples.forEach((s, i) => {
      const h = health[i] ?? 'idle';
      if (s.startMs < from) {
        before++;
        if (isUnhealthy(h)) unhealthyBefore++;
        return;
      }
      if (isUnhealthy(h) && at === null) at = s.startMs;
      worst = worseHealth(worst, h);
    });
    if (first && node.id === first.target) {
      causeWorst = worst;
      causeAt = at;
      return;
    }
    if (before > 0 && unhealthyBefore * 2 > before) {
      already.push(node.id);
      return;
    }
    if (at !== null) onsets.push({ id: node.id, atMs: at, worst, index });
  });
  onsets.sort((a, b) => a.atMs - b.atMs || a.index - b.index);
  const steps: CascadeStep[] = [];
  if (first) {
    const kind = scenario.edges.some((e) => e.id === first.target) ? 'edge' : 'node';
    steps.push({ id: first.target, kind, order: 1, atMs: from, worst: causeWorst, unhealthyAtMs: causeAt, cause: true });
  }
  for (const o of onsets) steps.push({ id: o.id, kind: 'node', order: steps.length + 1, atMs: o.atMs, worst: o.worst, unhealthyAtMs: o.atMs, cause: false });
  return { steps, already };
}
