import { restore, type Scenario, type ScenarioInput } from '../model';

/** A scenario from a (partial) input, through restore like every scenario; throws on problems. */
export function scenarioOf(input: ScenarioInput): Scenario {
  const result = restore(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.scenario;
}

/** A client and one queueing station (replicas x workers), no network latency. */
export function queueingScenario(options: {
  ratePerSec: number;
  meanServiceMs: number;
  workers: number;
  durationS: number;
  warmupS: number;
  seed: number;
}): Scenario {
  return scenarioOf({
    settings: { durationS: options.durationS, warmupS: options.warmupS, seed: options.seed, sampleIntervalS: 100, maxEvents: 2_000_000_000 },
    nodes: [
      { id: 'source', kind: 'client', workload: { ratePerSec: options.ratePerSec } },
      {
        id: 'station',
        kind: 'service',
        workers: options.workers,
        queue: { capacity: 10_000_000 },
        serviceTime: { dist: 'exponential', meanMs: options.meanServiceMs },
      },
    ],
    edges: [{ id: 'source-station', from: 'source', to: 'station', latency: { dist: 'constant', valueMs: 0 } }],
  });
}
