import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES, type CauseCounts, type NodeSample, type Sample } from './results';
import { HEALTH_RULES, baselineP99, firstFaultMs, healthTimeline, isUnhealthy, nodeHealth } from './health';

const causes = (partial: Partial<CauseCounts> = {}): CauseCounts => Object.fromEntries(FAILURE_CAUSES.map((c) => [c, partial[c] ?? 0])) as CauseCounts;
const latency = (p99Ms: number, count = 100) => ({ count, meanMs: p99Ms / 3, p50Ms: p99Ms / 4, p95Ms: p99Ms / 2, p99Ms, maxMs: p99Ms * 1.2 });
const node = (over: Partial<NodeSample> = {}): NodeSample => ({
  arrivals: 100,
  completions: 100,
  successes: 100,
  failures: causes(),
  degraded: 0,
  inFlight: 2,
  queueDepth: 0,
  utilisation: 0.4,
  latency: latency(20),
  oldestMessageAgeMs: 0,
  deadLettered: 0,
  ...over,
});
const sample = (startMs: number, nodes: Record<string, NodeSample>): Sample => ({
  startMs,
  endMs: startMs + 1000,
  system: { offeredPerSec: 100, goodputPerSec: 100, successRatio: 1, latency: latency(20) },
  nodes,
  edges: {},
});
const base = { baselineP99Ms: 20, previousQueueDepth: 0 };

describe('node health', () => {
  it('is idle when nothing reached the node, healthy under its usual load', () => {
    expect(nodeHealth(undefined)).toBe('idle');
    expect(nodeHealth(node({ arrivals: 0, completions: 0, successes: 0, inFlight: 0 }))).toBe('idle');
    expect(nodeHealth(node(), base)).toBe('ok');
  });

  it('is failing when half of what it finished failed, or it finishes nothing with every worker busy', () => {
    expect(nodeHealth(node({ successes: 50, failures: causes({ timeout: 50 }) }), base)).toBe('failing');
    expect(nodeHealth(node({ successes: 0, completions: 0, utilisation: 1, inFlight: 20 }), base)).toBe('failing');
  });

  it('is degraded on 2% failures or any degraded answer, even while also saturated and slow', () => {
    expect(nodeHealth(node({ successes: 98, failures: causes({ error: 2 }), utilisation: 1, latency: latency(500) }), base)).toBe('degraded');
    expect(nodeHealth(node({ successes: 99, failures: causes({ error: 1 }) }), base)).toBe('ok');
    expect(nodeHealth(node({ degraded: 3 }), base)).toBe('degraded');
  });

  it('is saturated at 90% busy workers or a queue that grew by 10 in the interval', () => {
    expect(nodeHealth(node({ utilisation: 0.9 }), base)).toBe('saturated');
    expect(nodeHealth(node({ utilisation: 0.89 }), base)).toBe('ok');
    expect(nodeHealth(node({ queueDepth: 30 }), { baselineP99Ms: 20, previousQueueDepth: 20 })).toBe('saturated');
    // A long but steady (or shrinking) queue is not growing; the first interval has nothing to compare with.
    expect(nodeHealth(node({ queueDepth: 30 }), { baselineP99Ms: 20, previousQueueDepth: 25 })).toBe('ok');
    expect(nodeHealth(node({ queueDepth: 30 }), { baselineP99Ms: 20, previousQueueDepth: null })).toBe('ok');
  });

  it('is slow when p99 passes 3x its own baseline and by at least 10 ms, with no errors and spare workers', () => {
    expect(nodeHealth(node({ latency: latency(61) }), base)).toBe('slow');
    expect(nodeHealth(node({ latency: latency(60) }), base)).toBe('ok');
    // 3x a tiny baseline is not slow unless it is also 10 ms more.
    expect(nodeHealth(node({ latency: latency(9) }), { baselineP99Ms: 2, previousQueueDepth: 0 })).toBe('ok');
    expect(nodeHealth(node({ latency: latency(13) }), { baselineP99Ms: 2, previousQueueDepth: 0 })).toBe('slow');
    // Without a baseline (the fault began at once) nothing is called slow.
    expect(nodeHealth(node({ latency: latency(500) }), { baselineP99Ms: null, previousQueueDepth: 0 })).toBe('ok');
  });

  it('counts everything but healthy and idle as unhealthy, and documents every colour', () => {
    expect(['failing', 'degraded', 'saturated', 'slow'].every((h) => isUnhealthy(h as never))).toBe(true);
    expect(isUnhealthy('ok') || isUnhealthy('idle')).toBe(false);
    expect(HEALTH_RULES.map((r) => r.health)).toEqual(['failing', 'degraded', 'saturated', 'slow', 'ok']);
  });
});

describe('baselines and the health timeline', () => {
  it('takes the median p99 of the intervals that end by the first fault', () => {
    const samples = [10, 30, 20, 900].map((p99, i) => sample(i * 1000, { db: node({ latency: latency(p99) }) }));
    expect(firstFaultMs([{ startS: 5 }, { startS: 3 }])).toBe(3000);
    expect(firstFaultMs([])).toBeNull();
    expect(baselineP99(samples, 3000).get('db')).toBe(20);
    expect(baselineP99(samples, 0).has('db')).toBe(false);
    expect(baselineP99(samples, null).get('db')).toBe(25);
  });

  it('calls a database slowed by a fault slow, not healthy, and healthy again after it', () => {
    const p99s = [20, 22, 18, 200, 210, 21];
    const samples = p99s.map((p99, i) => sample(i * 1000, { db: node({ latency: latency(p99) }) }));
    expect(healthTimeline(samples, 3000).get('db')).toEqual(['ok', 'ok', 'ok', 'slow', 'slow', 'ok']);
  });

  it('sees a queue grow from one interval to the next', () => {
    const depths = [0, 0, 15, 40, 40, 5];
    const samples = depths.map((queueDepth, i) => sample(i * 1000, { q: node({ queueDepth }) }));
    expect(healthTimeline(samples, null).get('q')).toEqual(['ok', 'ok', 'saturated', 'saturated', 'ok', 'ok']);
  });
});
