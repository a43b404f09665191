import { describe, expect, it } from 'vitest';
import { builtInScenario, type ScenarioNode } from '../model';
import type { NodeLive } from '../store';
import { cardFigure } from './cardFigure';

const scenario = builtInScenario({
  title: 't',
  nodes: [
    { id: 'c', kind: 'client', workload: { model: 'open', ratePerSec: 50 } },
    { id: 's', kind: 'service', replicas: 2, workers: 8 },
  ],
  edges: [{ id: 'e', from: 'c', to: 's' }],
});
const service = scenario.nodes[1] as ScenarioNode;
const live = (over: Partial<NodeLive>): NodeLive => ({ health: 'ok', utilisationPct: 0, queueDepth: 0, inFlight: 0, p99Ms: 0, ...over });

describe('the figure of a simplified node card', () => {
  it('is the main parameter when there is no run', () => {
    expect(cardFigure(service, null)).toBe('2 x 8 workers');
    expect(cardFigure(scenario.nodes[0] as ScenarioNode, null)).toBe('50 req/s');
  });
  it('is the queue when one is building', () => {
    expect(cardFigure(service, live({ utilisationPct: 100, queueDepth: 42 }))).toBe('queue 42');
  });
  it('is the p99 when the node is slow', () => {
    expect(cardFigure(service, live({ health: 'slow', utilisationPct: 37, p99Ms: 412 }))).toBe('p99 412 ms');
  });
  it('is how busy the node is otherwise', () => {
    expect(cardFigure(service, live({ utilisationPct: 37, inFlight: 3 }))).toBe('37% busy');
  });
  it('says idle when nothing reached the node', () => {
    expect(cardFigure(service, live({ health: 'idle' }))).toBe('idle');
  });
});
