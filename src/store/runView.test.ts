import { describe, expect, it } from 'vitest';
import { FAILURE_CAUSES, type CauseCounts, type NodeSample, type Sample } from '../model';
import { liveEdge, liveNode, nodeHealth, runCascade, sampleAt } from './runView';

const causes = (partial: Partial<CauseCounts> = {}): CauseCounts =>
  Object.fromEntries(FAILURE_CAUSES.map((c) => [c, partial[c] ?? 0])) as CauseCounts;
const latency = { count: 0, meanMs: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, maxMs: 0 };
const node = (over: Partial<NodeSample> = {}): NodeSample => ({
  arrivals: 100,
  completions: 100,
  successes: 100,
  failures: causes(),
  degraded: 0,
  inFlight: 2,
  queueDepth: 0,
  utilisation: 0.4,
  latency,
  oldestMessageAgeMs: 0,
  deadLettered: 0,
  ...over,
});
const sample = (startMs: number, nodes: Record<string, NodeSample> = {}, edges: Sample['edges'] = {}): Sample => ({
  startMs,
  endMs: startMs + 1000,
  system: { offeredPerSec: 0, goodputPerSec: 0, successRatio: 1, latency },
  nodes,
  edges,
});

describe('run view selectors', () => {
  it('finds the sample covering a moment, the last one when following live, none before the first', () => {
    const samples = [sample(0), sample(1000), sample(2000)];
    expect(sampleAt(samples, 1500)?.startMs).toBe(1000);
    expect(sampleAt(samples, 2000)?.startMs).toBe(2000);
    expect(sampleAt(samples, 99_999)?.startMs).toBe(2000);
    expect(sampleAt(samples, null)?.startMs).toBe(2000);
    expect(sampleAt(samples, -1)).toBeNull();
    expect(sampleAt([], 10)).toBeNull();
  });

  it('calls a node failing when half of what it finished failed, degraded on a few failures, saturated when its workers are all but full', () => {
    expect(nodeHealth(undefined)).toBe('idle');
    expect(nodeHealth(node())).toBe('ok');
    expect(nodeHealth(node({ successes: 40, failures: causes({ timeout: 60 }) }))).toBe('failing');
    expect(nodeHealth(node({ successes: 95, failures: causes({ error: 5 }) }))).toBe('degraded');
    expect(nodeHealth(node({ utilisation: 0.95 }))).toBe('saturated');
    expect(nodeHealth(node({ successes: 0, completions: 0, utilisation: 1, inFlight: 20 }))).toBe('failing');
    expect(nodeHealth(node({ arrivals: 0, completions: 0, successes: 0, inFlight: 0 }))).toBe('idle');
  });

  it('reports edge traffic, failure and retry shares, and weight against the busiest edge', () => {
    const edge = (attempts: number, retries: number, timeouts: number) => ({
      attempts,
      retries,
      successes: attempts - timeouts,
      failures: causes({ timeout: timeouts }),
      breakerState: 'closed' as const,
      bulkheadInUse: 3,
      latency,
    });
    const s = { runSamples: [sample(0, { a: node() }, { e1: edge(200, 50, 20), e2: edge(400, 0, 0) })], scrubMs: null };
    expect(liveEdge(s, 'e1')).toEqual({ attemptsPerSec: 200, failureShare: 0.1, retryShare: 0.25, breaker: 'closed', bulkheadInUse: 3, weight: 0.5 });
    expect(liveNode(s, 'a')).toEqual({ health: 'ok', utilisationPct: 40, queueDepth: 0, inFlight: 2, p99Ms: 0 });
    expect(liveNode({ runSamples: [], scrubMs: null }, 'a')).toBeNull();
  });
});

describe('runCascade as a selector', () => {
  it('gives the same value for the same state with no run (a fresh object each time re-rendered forever)', () => {
    const state = { runSamples: [], runScenario: null };
    expect(runCascade(state)).toBe(runCascade(state));
  });
});
