import { describe, expect, it } from 'vitest';
import { restore, type Scenario } from '../model';
import { simulate } from '../sim';
import { recommend } from '../wizard/recommend';
import { LEGACY, PLATFORM, SCALE_UP, STARTUP } from '../wizard/sampleAnswers';
import { starterDocument } from '../wizard/starter';
import type { Answers } from '../wizard/answers';

/** The wizard's starter for these answers, cut to `durationS` of simulated time. */
function starterFor(answers: Answers, durationS: number): Scenario {
  const restored = restore(starterDocument(answers, recommend(answers).outcome));
  if (!restored.ok) throw new Error(restored.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return { ...restored.scenario, settings: { ...restored.scenario.settings, durationS } };
}

describe("the wizard's starter scenarios in the engine", () => {
  it.each([
    { name: 'monolith', answers: STARTUP },
    { name: 'modular monolith', answers: SCALE_UP },
    { name: 'microservices', answers: PLATFORM },
    { name: 'strangler-fig migration', answers: LEGACY },
  ])('the $name starter runs 20 s at its default load with more than 95 percent of requests succeeding', ({ answers }) => {
    const scenario = starterFor(answers, 20);
    const result = simulate(scenario);
    expect(result.status).toBe('completed');
    expect(result.simulatedMs).toBe(20_000);
    // 100 requests per second for 20 s, give or take the Poisson arrivals.
    expect(result.totals.system.clientRequests).toBeGreaterThan(1800);
    expect(result.totals.system.successRatio).toBeGreaterThan(0.95);
  });

  it('delivers the background work and the events of the microservices starter to their consumers', () => {
    const result = simulate(starterFor(PLATFORM, 20));
    const nodes = result.totals.nodes;
    expect(nodes['shipping-service']?.arrivals).toBeGreaterThan(0);
    expect(nodes['notifications-service']?.arrivals).toBeGreaterThan(0);
    expect(nodes['reporting-read-model-service']?.arrivals).toBeGreaterThan(0);
  });

  it('runs the saga of a microservices starter whose transaction spans capabilities', () => {
    const answers: Answers = { ...PLATFORM, consistency: 'some' };
    const result = simulate(starterFor(answers, 20));
    expect(result.totals.system.successRatio).toBeGreaterThan(0.95);
    expect(result.totals.nodes['payments-service']?.arrivals).toBeGreaterThan(0);
  });
});
