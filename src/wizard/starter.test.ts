import { describe, expect, it } from 'vitest';
import { lintScenario, restore, type Scenario } from '../model';
import type { Answers } from './answers';
import { recommend } from './recommend';
import type { Outcome } from './rules';
import { LEGACY, PLATFORM, SCALE_UP, STARTUP } from './sampleAnswers';
import { starterDocument } from './starter';

function starter(a: Answers, outcome: Outcome = recommend(a).outcome): Scenario {
  const result = restore(starterDocument(a, outcome));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return result.scenario;
}
const kinds = (s: Scenario) => s.nodes.map((n) => n.kind).sort();
const edge = (s: Scenario, from: string, to: string) => s.edges.find((e) => e.from === from && e.to === to);

describe('the starter scenario', () => {
  it.each([
    ['monolith', STARTUP],
    ['modular-monolith', SCALE_UP],
    ['microservices', PLATFORM],
    ['strangler-fig', LEGACY],
  ] as const)('for %s passes restore without warnings and has no synchronous cycle', (outcome, answers) => {
    expect(recommend(answers).outcome).toBe(outcome);
    const result = restore(starterDocument(answers, outcome));
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    const s = starter(answers, outcome);
    expect(lintScenario(s).filter((f) => f.rule === 'sync-cycle')).toEqual([]);
    expect(lintScenario(s).filter((f) => f.severity === 'error')).toEqual([]);
    expect(s.metadata.tags).toEqual(['wizard', outcome]);
    // Every synchronous call has a timeout (the first resilience advice).
    expect(s.edges.filter((e) => e.kind === 'sync' && e.policy.timeoutMs === null)).toEqual([]);
  });

  it('is one deployable with the capabilities as modules and one database for a monolith', () => {
    const s = starter(STARTUP);
    expect(kinds(s)).toEqual(['client', 'database', 'service']);
    const app = s.nodes.find((n) => n.kind === 'service');
    expect(app?.label).toBe('Monolith');
    expect(app?.description).toContain('Modules: Catalog, Orders, Notifications');
    expect(s.groups).toEqual([expect.objectContaining({ label: 'Monolith: Catalog, Orders, Notifications' })]);
    expect(s.nodes.every((n) => n.kind === 'client' || n.group === s.groups[0]?.id)).toBe(true);
  });

  it('gives a modular monolith a schema per module in its one database', () => {
    const s = starter(SCALE_UP);
    expect(s.nodes.find((n) => n.kind === 'database')?.label).toBe('Database (a schema per module)');
    expect(s.groups[0]?.description).toContain('enforced module boundaries');
  });

  it('has one service per capability with its own database, a gateway, a queue for background work and a topic for events', () => {
    const s = starter(PLATFORM);
    const services = s.nodes.filter((n) => n.kind === 'service').map((n) => n.label);
    expect(services).toEqual(['Orders service', 'Payments service', 'Inventory service', 'Shipping service', 'Notifications service', 'Reporting read model service']);
    for (const service of s.nodes.filter((n) => n.kind === 'service')) {
      const dbs = s.edges.filter((e) => e.from === service.id && s.nodes.find((n) => n.id === e.to)?.kind === 'database');
      expect(dbs, service.id).toHaveLength(1);
    }
    expect(lintScenario(s).filter((f) => f.rule === 'shared-database')).toEqual([]);
    expect(s.nodes.filter((n) => n.kind === 'gateway')).toHaveLength(1);
    expect(s.nodes.filter((n) => n.kind === 'queue').map((n) => n.label)).toEqual(['Shipping jobs']);
    expect(s.nodes.filter((n) => n.kind === 'topic').map((n) => n.label)).toEqual(['Domain events']);
    expect(edge(s, 'domain-events', 'notifications-service')?.kind).toBe('async');
    expect(lintScenario(s).filter((f) => f.rule === 'queue-without-consumer' || f.rule === 'uncalled-node')).toEqual([]);
  });

  it('applies the resilience policies: timeouts from p99, breakers and bulkheads between deployables, retries at the gateway only', () => {
    const s = starter(PLATFORM);
    const toOrders = edge(s, 'api-gateway', 'orders-service');
    expect(toOrders?.policy.circuitBreaker).not.toBeNull();
    expect(toOrders?.policy.bulkhead).not.toBeNull();
    expect(toOrders?.policy.retry).toMatchObject({ maxAttempts: 2, backoff: 'exponential', jitter: 'full', budget: { ratioPercent: 20 } });
    const toDb = edge(s, 'orders-service', 'orders-db');
    expect(toDb?.policy.retry).toBeNull();
    expect(toDb?.policy.circuitBreaker).toBeNull();
    // 3 x the database's write p99 of 50 ms.
    expect(toDb?.policy.timeoutMs).toBe(150);
    // The gateway's timeout covers the service and its database: 3 x (40 + 50) ms.
    expect(toOrders?.policy.timeoutMs).toBe(270);
    const retrying = s.edges.filter((e) => e.policy.retry !== null).map((e) => e.from);
    expect(new Set(retrying)).toEqual(new Set(['api-gateway']));
    expect(lintScenario(s).filter((f) => f.rule === 'retries-at-many-layers')).toEqual([]);
  });

  it('makes the first request capability run a saga over the others when a transaction spans them', () => {
    const answers: Answers = { ...PLATFORM, consistency: 'some' };
    const s = starter(answers, 'microservices');
    const orders = s.nodes.find((n) => n.id === 'orders-service');
    expect(orders?.kind === 'service' && orders.saga).toEqual({
      coordination: 'orchestration',
      steps: [
        { action: edge(s, 'orders-service', 'payments-service')?.id, compensation: null },
        { action: edge(s, 'orders-service', 'inventory-service')?.id, compensation: null },
      ],
    });
    expect(orders?.description).toContain('compensating call');
    // Payments and inventory are reached through the saga, not directly from the gateway.
    expect(edge(s, 'api-gateway', 'payments-service')).toBeUndefined();
  });

  it('uses choreography for a two-step transaction and gRPC when latency is critical', () => {
    const answers: Answers = { ...PLATFORM, consistency: 'some', latency: 'critical', capabilities: PLATFORM.capabilities.filter((c) => c.name !== 'Inventory') };
    const s = starter(answers, 'microservices');
    const orders = s.nodes.find((n) => n.id === 'orders-service');
    expect(orders?.kind === 'service' && orders.saga?.coordination).toBe('choreography');
    expect(edge(s, 'orders-service', 'payments-service')?.label).toBe('gRPC');
  });

  it('puts the first extracted capability behind the strangler facade, next to the monolith that keeps the rest', () => {
    const s = starter(LEGACY);
    expect(s.nodes.find((n) => n.kind === 'gateway')?.label).toBe('Strangler facade (gateway)');
    const legacy = s.nodes.find((n) => n.id === 'monolith');
    expect(legacy?.label).toBe('Monolith');
    expect(s.groups.find((g) => g.id === legacy?.group)?.label).toBe('Monolith: Orders, Payments, Inventory');
    expect(s.nodes.some((n) => n.label === 'Notifications service')).toBe(true);
    expect(edge(s, 'monolith', 'domain-events')?.kind).toBe('async');
    expect(edge(s, 'domain-events', 'notifications-service')).toBeDefined();
  });

  it('routes a share of the traffic to an extracted request capability', () => {
    const answers: Answers = { ...LEGACY, capabilities: [{ name: 'Orders', role: 'request' }, { name: 'Payments', role: 'request' }] };
    const s = starter(answers, 'strangler-fig');
    expect(edge(s, 'api-gateway', 'payments-service')?.callPercent).toBe(50);
    expect(edge(s, 'api-gateway', 'monolith')?.callPercent).toBe(50);
  });

  it('lays the nodes out without overlaps, bounded contexts apart, calls running left to right', () => {
    const wide: Answers = {
      ...PLATFORM,
      consistency: 'some',
      capabilities: [...PLATFORM.capabilities, { name: 'Tracking', role: 'realtime' }, { name: 'Clicks', role: 'throughput' }],
    };
    for (const s of [starter(STARTUP), starter(SCALE_UP), starter(PLATFORM), starter(wide, 'microservices'), starter(LEGACY)]) {
      type Box = { x: number; y: number; w: number; h: number; id: string };
      const boxes: Box[] = s.nodes.map((n) => ({ id: n.id, x: n.position?.x ?? NaN, y: n.position?.y ?? NaN, w: 200, h: 96 }));
      const apart = (a: Box, b: Box, gap: number) => a.x + a.w + gap <= b.x || b.x + b.w + gap <= a.x || a.y + a.h + gap <= b.y || b.y + b.h + gap <= a.y;
      const pairs = (list: Box[]) => list.flatMap((a, i) => list.slice(i + 1).map((b) => [a, b] as const));
      for (const [a, b] of pairs(boxes)) expect(apart(a, b, 20), `${a.id} / ${b.id}`).toBe(true);
      const contexts: Box[] = s.groups.map((g) => {
        const members = boxes.filter((b) => s.nodes.find((n) => n.id === b.id)?.group === g.id);
        const x = Math.min(...members.map((m) => m.x)) - 28;
        const y = Math.min(...members.map((m) => m.y)) - 46;
        return { id: g.id, x, y, w: Math.max(...members.map((m) => m.x + m.w)) + 28 - x, h: Math.max(...members.map((m) => m.y + m.h)) + 28 - y };
      });
      for (const [a, b] of pairs(contexts)) expect(apart(a, b, 0), `${a.id} / ${b.id}`).toBe(true);
      const at = new Map(boxes.map((b) => [b.id, b]));
      for (const e of s.edges) expect((at.get(e.to)?.x ?? 0) > (at.get(e.from)?.x ?? 0), e.id).toBe(true);
    }
  });

  it('turns any capability name into valid, unique ids', () => {
    const answers: Answers = {
      ...PLATFORM,
      capabilities: [
        { name: 'Zahlungsverkehr & Abrechnung', role: 'request' },
        { name: '支付', role: 'request' },
        { name: 'Users', role: 'request' },
        { name: 'API gateway', role: 'background' },
        { name: 'Orders DB', role: 'notification' },
        { name: 'Orders', role: 'throughput' },
      ],
    };
    for (const outcome of ['monolith', 'microservices', 'strangler-fig'] as const) {
      const s = starter({ ...answers, monolith: outcome === 'strangler-fig' ? 'hurting' : 'none' }, outcome);
      const all = [...s.nodes.map((n) => n.id), ...s.edges.map((e) => e.id)];
      expect(new Set(all).size).toBe(all.length);
    }
  });
});
