import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_VALUES, sampleInterval } from '../model';
import { Simulation, simulate } from './simulation';
import { scenarioOf } from './testing';

const zero = { dist: 'constant' as const, valueMs: 0 };

describe('budgets', () => {
  it('stops a zero-latency retry storm at the event budget with budget_exceeded, a reason and partial samples', () => {
    const scenario = scenarioOf({
      settings: { durationS: 60, seed: 1, maxEvents: 1_000_000 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 1000 } },
        { id: 'api', kind: 'service', workers: 100_000, errorPercent: 100, serviceTime: zero },
      ],
      edges: [
        {
          id: 'client-api',
          from: 'client',
          to: 'api',
          latency: zero,
          policy: { retry: { maxAttempts: 100, baseMs: 0, maxMs: 0 } },
        },
      ],
    });
    const result = simulate(scenario);
    expect(result.status).toBe('budget_exceeded');
    expect(result.events).toBe(1_000_000);
    expect(result.reason).toMatch(/event budget/);
    expect(result.simulatedMs).toBeGreaterThan(1000);
    expect(result.simulatedMs).toBeLessThan(60_000);
    // Whole seconds so far, plus the partial one at the stop.
    expect(result.samples.length).toBe(Math.floor(result.simulatedMs / 1000) + 1);
    expect(result.samples[0]!.nodes['api']!.arrivals).toBeGreaterThan(50_000);
    expect(result.totals.nodes['api']!.amplification).toBeGreaterThan(99);
    expect(result.notable.at(-1)?.kind).toBe('budget_exceeded');
  });

  it('stops a zero-latency call cycle (a -> b -> a) instead of hanging, with the budget from the options', () => {
    const scenario = scenarioOf({
      settings: { durationS: 10, seed: 1 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 1 } },
        // Enough workers and queue that the cycle never runs out of room: only the budget stops it.
        { id: 'a', kind: 'service', workers: 100_000, serviceTime: zero },
        { id: 'b', kind: 'service', workers: 100_000, serviceTime: zero },
      ],
      edges: [
        { id: 'client-a', from: 'client', to: 'a', latency: zero },
        { id: 'a-b', from: 'a', to: 'b', latency: zero },
        { id: 'b-a', from: 'b', to: 'a', latency: zero },
      ],
    });
    const result = simulate(scenario, { maxEvents: 200_000 });
    expect(result.status).toBe('budget_exceeded');
    expect(result.events).toBe(200_000);
    expect(result.samples.length).toBe(Math.floor(result.simulatedMs / 1000) + 1);
    expect(result.totals.nodes['a']!.arrivals).toBeGreaterThan(50_000);
  });

  it('samples a day at 10 ms more coarsely, so memory stays bounded (8.64 M samples crashed the worker)', () => {
    const scenario = scenarioOf({
      settings: { durationS: 86_400, seed: 1, sampleIntervalS: 0.01 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 0.01 } },
        { id: 'api', kind: 'service' },
      ],
      edges: [{ id: 'client-api', from: 'client', to: 'api' }],
    });
    const result = simulate(scenario);
    expect(result.status).toBe('completed');
    const interval = sampleInterval(scenario).intervalS;
    expect(interval).toBeGreaterThan(0.01);
    expect(result.samples.length).toBeLessThanOrEqual(Math.ceil(86_400 / interval) + 1);
    expect(result.samples.length * 3).toBeLessThanOrEqual(MAX_SAMPLE_VALUES);
    expect((result.samples[1]?.endMs ?? 0) - (result.samples[1]?.startMs ?? 0)).toBe(interval * 1000);
  });

  it('stops at the wall-clock budget, keeping what it has', () => {
    const scenario = scenarioOf({
      settings: { durationS: 1_000_000 / 1000, seed: 1, maxEvents: 2_000_000_000 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 100_000 } },
        { id: 'api', kind: 'service', workers: 100_000 },
      ],
      edges: [{ id: 'client-api', from: 'client', to: 'api' }],
    });
    const started = performance.now();
    const result = simulate(scenario, { maxWallMs: 200 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.status).toBe('budget_exceeded');
    expect(result.reason).toMatch(/wall-clock/);
    expect(result.totals.system.clientRequests).toBeGreaterThan(1000);
  });

  it('cancels promptly between batches and reports the partial result as cancelled', () => {
    const sim = new Simulation(
      scenarioOf({
        settings: { durationS: 600, seed: 1 },
        nodes: [
          { id: 'client', kind: 'client', workload: { ratePerSec: 1000 } },
          { id: 'api', kind: 'service', workers: 100 },
        ],
        edges: [{ id: 'client-api', from: 'client', to: 'api' }],
      }),
    );
    expect(sim.advance(50_000)).toBe(false);
    expect(sim.progress().status).toBe('running');
    sim.cancel();
    expect(sim.advance(50_000)).toBe(true);
    const result = sim.result();
    expect(result.status).toBe('cancelled');
    expect(result.events).toBe(50_000);
    expect(result.samples.length).toBeGreaterThan(0);
    expect(result.totals.system.clientRequests).toBeGreaterThan(0);
  });
});
