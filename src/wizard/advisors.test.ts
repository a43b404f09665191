import { describe, expect, it } from 'vitest';
import type { Answers } from './answers';
import { adviseDesign, firstExtraction } from './advisors';
import { LEGACY, PLATFORM, SCALE_UP } from './sampleAnswers';

const titles = (items: readonly { title: string }[]) => items.map((i) => i.title);

describe('the design advisors', () => {
  it('give every kind of interaction its pattern from the communication table', () => {
    const answers: Answers = {
      ...PLATFORM,
      capabilities: [
        { name: 'Orders', role: 'request' },
        { name: 'Shipping', role: 'background' },
        { name: 'Email', role: 'notification' },
        { name: 'Tracking', role: 'realtime' },
        { name: 'Reporting', role: 'replication' },
        { name: 'Clicks', role: 'throughput' },
      ],
    };
    const patterns = adviseDesign(answers, 'microservices').communication.map((c) => [c.capability, c.pattern]);
    expect(patterns).toEqual([
      ['Orders', 'Synchronous REST'],
      ['Shipping', 'Queue'],
      ['Email', 'Publish/subscribe topic'],
      ['Tracking', 'WebSocket or server-sent events'],
      ['Reporting', 'Event sourcing feeding a read model'],
      ['Clicks', 'Messaging with a broker in front'],
    ]);
    expect(adviseDesign({ ...answers, latency: 'critical' }, 'microservices').communication[0]?.pattern).toBe('Synchronous gRPC');
  });

  it('keeps calls between modules in process for a modular monolith', () => {
    const orders = adviseDesign(SCALE_UP, 'modular-monolith').communication[0];
    expect(orders?.pattern).toBe('A call to the module\u2019s public interface, in process');
    expect(orders?.why).toContain('As a service: synchronous rest');
  });

  it('decomposes a large clear domain by subdomain and a smaller one by business capability', () => {
    expect(adviseDesign(PLATFORM, 'microservices').decomposition.strategy).toBe('subdomain');
    expect(adviseDesign({ ...PLATFORM, teams: 2, capabilities: PLATFORM.capabilities.slice(0, 3) }, 'microservices').decomposition.strategy).toBe('business-capability');
    expect(adviseDesign(SCALE_UP, 'modular-monolith').decomposition.title).toBe('By business capability (a module per capability)');
  });

  it('plans a strangler fig around the context with the clearest boundary first', () => {
    const advice = adviseDesign(LEGACY, 'strangler-fig').decomposition;
    expect(advice.strategy).toBe('strangler-fig');
    expect(advice.units[0]).toBe('Notifications');
    expect(advice.steps).toHaveLength(5);
    expect(advice.steps[0]).toBe('Pick one bounded context: Notifications.');
    expect(firstExtraction({ ...LEGACY, capabilities: [{ name: 'Orders', role: 'request' }, { name: 'Payments', role: 'request' }] }).capability.name).toBe('Payments');
  });

  it('gives each service its database, a saga where a transaction spans services, and CQRS where others copy data', () => {
    const data = titles(adviseDesign({ ...PLATFORM, consistency: 'some' }, 'microservices').data);
    expect(data).toEqual([
      'Database per service',
      'Saga across Orders, Payments, Inventory (orchestration)',
      'CQRS for Reporting',
      'Event sourcing for the data others copy',
    ]);
  });

  it('tells a migration that a transaction stays local until its capabilities leave the monolith', () => {
    const saga = adviseDesign(LEGACY, 'strangler-fig').data.find((d) => d.title.startsWith('Saga'));
    expect(saga?.text).toContain('stays a local one');
  });

  it('chooses choreography for a short workflow and local transactions inside a monolith', () => {
    const two: Answers = { ...SCALE_UP, capabilities: SCALE_UP.capabilities.slice(0, 2) };
    expect(titles(adviseDesign(two, 'microservices').data)).toContain('Saga across Orders, Payments (choreography)');
    expect(titles(adviseDesign(two, 'modular-monolith').data)).toEqual(['One database, a schema per module', 'Local transactions']);
  });

  it('always advises timeouts, breakers, retries at one layer, bulkheads and health checks', () => {
    expect(titles(adviseDesign(PLATFORM, 'microservices').resilience)).toEqual([
      'Timeouts on every remote call',
      'Circuit breakers on synchronous calls',
      'Retry at one layer only',
      'Bulkheads per dependency',
      'Health checks',
    ]);
  });
});
