import { CHECKOUT_SCENARIO, FAILURE_CAUSES, restore, type CauseCounts, type EdgeTotals, type LatencySummary, type NodeTotals, type RunResult, type Sample, type Scenario } from '../model';

/** Labels an attacker would try: markup, event handlers, script URLs, comment ends, controls. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</text><script>alert(1)</script>',
  url: 'javascript:alert(1)',
  comment: '--> <!-- x',
  quotes: `"'><svg onload=alert(1)>`,
  markdown: '[click](javascript:alert(1)) | *bold* `code`',
  control: 'bell\u0007 and \uD800 lone',
} as const;

export function accepted(input: unknown): Scenario {
  const result = restore(input);
  if (!result.ok) throw new Error(`fixture refused: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

/** The checkout example with hostile text in every place a user can type. */
export function hostileScenario(): Scenario {
  const base = checkout();
  const labels = Object.values(HOSTILE);
  return accepted({
    ...base,
    title: `${HOSTILE.img} report`,
    metadata: { ...base.metadata, description: `${HOSTILE.script}\n\n${HOSTILE.url}` },
    nodes: base.nodes.map((n, i) => ({ ...n, label: labels[i % labels.length] })),
    edges: base.edges.map((e, i) => (i === 0 ? { ...e, label: HOSTILE.quotes } : e)),
    groups: base.groups.map((g) => ({ ...g, label: HOSTILE.comment })),
  });
}

/** The default example, restored (CHECKOUT_SCENARIO itself is input: defaults not filled in). */
export const checkout = (): Scenario => accepted(CHECKOUT_SCENARIO);

const noFailures = (): CauseCounts => Object.fromEntries(FAILURE_CAUSES.map((c) => [c, 0])) as CauseCounts;
const latency = (p99Ms: number): LatencySummary => ({ count: 10, meanMs: p99Ms / 3, p50Ms: p99Ms / 4, p95Ms: p99Ms / 2, p99Ms, maxMs: p99Ms * 2 });

/** A small, hand-made run of a scenario: three samples, goodput 90 then 40, p99 rising. */
export function fakeRun(scenario: Scenario): RunResult {
  const samples: Sample[] = [90, 60, 40].map((goodput, i) => ({
    startMs: i * 1000,
    endMs: (i + 1) * 1000,
    system: { offeredPerSec: 100, goodputPerSec: goodput, successRatio: goodput / 100, latency: latency(50 * (i + 1)) },
    nodes: {},
    edges: {},
  }));
  const nodeTotals: NodeTotals = { arrivals: 300, completions: 300, successes: 190, failures: { ...noFailures(), timeout: 110 }, degraded: 0, latency: latency(120), amplification: 1.5, meanInSystem: 2, meanUtilisation: 0.4, deadLettered: 0 };
  const edgeTotals: EdgeTotals = { attempts: 330, retries: 30, successes: 190, failures: { ...noFailures(), timeout: 140 }, latency: latency(110), breakerOpenings: 2 };
  return {
    status: 'completed',
    reason: null,
    seed: scenario.settings.seed,
    simulatedMs: 3000,
    events: 12_345,
    samples,
    totals: {
      system: { clientRequests: 300, successes: 190, failures: { ...noFailures(), timeout: 110 }, successRatio: 190 / 300, goodputPerSec: 63.3, latency: latency(150), inconsistentSagas: 0 },
      nodes: Object.fromEntries(scenario.nodes.map((n) => [n.id, nodeTotals])),
      edges: Object.fromEntries(scenario.edges.map((e) => [e.id, edgeTotals])),
    },
    notable: [],
  };
}
