import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

type Node = NonNullable<ScenarioInput['nodes']>[number];

function pipeline(broker: Node, consumers: Node[], extra: Partial<ScenarioInput> = {}, durationS = 60) {
  return simulate(
    scenarioOf({
      settings: { durationS, seed: 4 },
      nodes: [
        { id: 'client', kind: 'client', workload: { ratePerSec: 0, phases: [{ kind: 'constant', durationS: 20, ratePerSec: 50 }] } },
        { id: 'producer', kind: 'service', workers: 100, serviceTime: { dist: 'constant', valueMs: 2 } },
        broker,
        ...consumers,
      ],
      edges: [
        { id: 'client-producer', from: 'client', to: 'producer' },
        { id: 'publish', from: 'producer', to: broker.id, kind: 'async' },
        ...consumers.map((c) => ({ id: `deliver-${c.id}`, from: broker.id, to: c.id, kind: 'async' as const })),
      ],
      ...extra,
    }),
  );
}

describe('queues and topics', () => {
  it('acknowledges a publish after the edge latency and publishLatency, and delivers every message once', () => {
    const result = pipeline({ id: 'q', kind: 'queue', publishLatency: { dist: 'constant', valueMs: 3 } }, [{ id: 'worker', kind: 'service', workers: 4 }]);
    const totals = result.totals;
    expect(totals.edges['publish']!.latency.meanMs).toBeCloseTo(1 + 3, 6);
    const published = totals.nodes['q']!.successes;
    expect(published).toBe(totals.system.clientRequests);
    expect(totals.nodes['worker']!.arrivals).toBe(published);
    expect(totals.nodes['worker']!.successes).toBe(published);
    expect(result.samples.at(-1)!.nodes['q']!.queueDepth).toBe(0);
  });

  it('redelivers failed messages after the visibility time-out and dead-letters them after maxDeliveries', () => {
    const result = pipeline(
      { id: 'q', kind: 'queue', visibilityTimeoutMs: 1000, maxDeliveries: 3 },
      [{ id: 'worker', kind: 'service', workers: 100, errorPercent: 100 }],
    );
    const totals = result.totals;
    const published = totals.nodes['q']!.successes;
    expect(totals.nodes['worker']!.arrivals).toBe(3 * published);
    expect(totals.nodes['q']!.deadLettered).toBe(published);
    expect(totals.edges['deliver-worker']!.retries).toBe(2 * published);
  });

  it('fills up when consumers are too slow: publishes are refused with rejected_queue_full and messages age', () => {
    const result = pipeline({ id: 'q', kind: 'queue', capacity: 200 }, [
      { id: 'worker', kind: 'service', workers: 1, serviceTime: { dist: 'constant', valueMs: 100 } },
    ]);
    const producer = result.totals.nodes['producer']!;
    expect(producer.failures.dependency_failed).toBeGreaterThan(300);
    expect(result.totals.edges['publish']!.failures.rejected_queue_full).toBe(producer.failures.dependency_failed);
    const full = result.samples[15]!.nodes['q']!;
    expect(full.queueDepth).toBeGreaterThanOrEqual(198);
    expect(full.oldestMessageAgeMs).toBeGreaterThan(10_000);
    expect(result.notable.some((n) => n.kind === 'first_failure' && n.target === 'q')).toBe(true);
  });

  it('shares a queue between competing consumers and copies a topic to every subscriber', () => {
    const queue = pipeline({ id: 'q', kind: 'queue' }, [
      { id: 'w1', kind: 'service', workers: 2 },
      { id: 'w2', kind: 'service', workers: 2 },
    ]).totals;
    expect(queue.nodes['w1']!.arrivals + queue.nodes['w2']!.arrivals).toBe(queue.nodes['q']!.successes);
    expect(queue.nodes['w1']!.arrivals).toBeGreaterThan(0.3 * queue.nodes['q']!.successes);
    const topic = pipeline({ id: 't', kind: 'topic' }, [
      { id: 'w1', kind: 'service', workers: 2 },
      { id: 'w2', kind: 'service', workers: 2 },
    ]).totals;
    expect(topic.nodes['w1']!.arrivals).toBe(topic.nodes['t']!.successes);
    expect(topic.nodes['w2']!.arrivals).toBe(topic.nodes['t']!.successes);
  });

  it('keeps messages while the broker is crashed and delivers them when it is back', () => {
    const result = pipeline({ id: 'q', kind: 'queue' }, [{ id: 'worker', kind: 'service', workers: 4 }], {
      faults: [{ id: 'down', kind: 'crash', target: 'q', startS: 5, durationS: 5 }],
    });
    const during = result.samples.slice(6, 9);
    for (const s of during) expect(s.nodes['worker']!.arrivals).toBe(0);
    expect(result.totals.edges['publish']!.failures.crashed).toBeGreaterThan(150);
    expect(result.totals.nodes['worker']!.arrivals).toBe(result.totals.nodes['q']!.successes);
  });
});
