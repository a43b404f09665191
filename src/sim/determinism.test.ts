import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario, type Scenario } from '../model';
import { hashResult } from './hash';
import { Simulation, simulate } from './simulation';
import { scenarioOf } from './testing';

function withSeed(scenario: Scenario, seed: number): Scenario {
  return { ...scenario, settings: { ...scenario.settings, seed, durationS: 30 } };
}

describe('determinism', () => {
  const checkout = builtInScenario(CHECKOUT_SCENARIO);

  it('gives the identical result hash for the same scenario and seed', () => {
    const a = simulate(withSeed(checkout, 7));
    const b = simulate(withSeed(checkout, 7));
    expect(hashResult(a)).toBe(hashResult(b));
    expect(a.events).toBe(b.events);
  });

  it('gives a different result for a different seed', () => {
    expect(hashResult(simulate(withSeed(checkout, 7)))).not.toBe(hashResult(simulate(withSeed(checkout, 8))));
  });

  it('gives the same result when advanced in small batches as in one go, and streams every sample and notable event once', () => {
    const scenario = withSeed(checkout, 9);
    const whole = simulate(scenario);
    const sim = new Simulation(scenario);
    const streamed = [];
    const notable = [];
    let batches = 0;
    while (!sim.advance(997)) {
      streamed.push(...sim.takeSamples());
      notable.push(...sim.takeNotable());
      batches++;
    }
    streamed.push(...sim.takeSamples());
    notable.push(...sim.takeNotable());
    expect(batches).toBeGreaterThan(100);
    const result = sim.result();
    expect(hashResult(result)).toBe(hashResult(whole));
    expect(streamed).toEqual(whole.samples);
    expect(notable).toEqual(whole.notable);
    expect(notable.length).toBeGreaterThan(1);
    expect(sim.progress()).toEqual({ status: 'completed', simulatedMs: 30_000, durationMs: 30_000, events: whole.events });
  });

  it("does not shift other nodes' random numbers when an unrelated node is added (common random numbers)", () => {
    const base = {
      settings: { durationS: 20, seed: 3 },
      nodes: [
        { id: 'client', kind: 'client' as const, workload: { ratePerSec: 50 } },
        { id: 'api', kind: 'service' as const, workers: 100 },
      ],
      edges: [{ id: 'client-api', from: 'client', to: 'api' }],
    };
    const a = simulate(scenarioOf(base));
    const b = simulate(scenarioOf({ ...base, nodes: [...base.nodes, { id: 'unrelated', kind: 'service' as const }] }));
    expect(b.totals.nodes['api']).toEqual(a.totals.nodes['api']);
  });

  it('hashes results canonically: key order does not matter, any number does', () => {
    const result = simulate(withSeed(checkout, 1));
    const reordered = JSON.parse(JSON.stringify(result), (_k, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    ) as typeof result;
    expect(hashResult(reordered)).toBe(hashResult(result));
    expect(hashResult({ ...result, events: result.events + 1 })).not.toBe(hashResult(result));
  });
});
