import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../model';
import { simulate } from './simulation';
import { scenarioOf } from './testing';

function saga(coordination: 'orchestration' | 'choreography', shipErrors: number, refundErrors: number) {
  const input: ScenarioInput = {
    settings: { durationS: 30, seed: 2 },
    nodes: [
      { id: 'client', kind: 'client', workload: { ratePerSec: 0, phases: [{ kind: 'constant', durationS: 10, ratePerSec: 20 }] } },
      {
        id: 'orders',
        kind: 'service',
        workers: 100,
        saga: {
          coordination,
          steps: [
            { action: 'orders-pay', compensation: 'orders-refund' },
            { action: 'orders-ship', compensation: null },
          ],
        },
      },
      { id: 'pay', kind: 'service' },
      { id: 'refund', kind: 'service', errorPercent: refundErrors },
      { id: 'ship', kind: 'service', errorPercent: shipErrors },
      { id: 'audit', kind: 'service' },
    ],
    edges: [
      { id: 'client-orders', from: 'client', to: 'orders', policy: { timeoutMs: 10_000 } },
      { id: 'orders-pay', from: 'orders', to: 'pay' },
      { id: 'orders-refund', from: 'orders', to: 'refund' },
      { id: 'orders-ship', from: 'orders', to: 'ship' },
      { id: 'orders-audit', from: 'orders', to: 'audit' },
    ],
  };
  return simulate(scenarioOf(input)).totals;
}

describe('sagas', () => {
  it('runs the steps in order and, after them, the rest of the plan; compensations only on failure', () => {
    const totals = saga('orchestration', 0, 0);
    const requests = totals.system.clientRequests;
    expect(totals.nodes['pay']!.arrivals).toBe(requests);
    expect(totals.nodes['ship']!.arrivals).toBe(requests);
    expect(totals.nodes['audit']!.arrivals).toBe(requests);
    expect(totals.nodes['refund']!.arrivals).toBe(0);
    expect(totals.system.successRatio).toBe(1);
  });

  it('orchestrated: a failing step runs the compensations of the done steps in reverse and fails the request', () => {
    const totals = saga('orchestration', 100, 0);
    const requests = totals.system.clientRequests;
    expect(totals.nodes['refund']!.arrivals).toBe(requests);
    expect(totals.nodes['audit']!.arrivals).toBe(0);
    expect(totals.system.failures.dependency_failed).toBe(requests);
    expect(totals.system.inconsistentSagas).toBe(0);
  });

  it('counts a saga whose compensation fails as inconsistent', () => {
    const totals = saga('orchestration', 100, 100);
    expect(totals.system.inconsistentSagas).toBe(totals.system.clientRequests);
  });

  it('choreographed: the request is answered at once; the saga and its compensation run on their own', () => {
    const totals = saga('choreography', 100, 100);
    const requests = totals.system.clientRequests;
    expect(totals.system.successRatio).toBe(1);
    expect(totals.nodes['audit']!.arrivals).toBe(requests);
    expect(totals.nodes['refund']!.arrivals).toBe(requests);
    expect(totals.system.inconsistentSagas).toBe(requests);
    // The answer does not wait for the saga's calls.
    expect(totals.nodes['orders']!.latency.p99Ms).toBeLessThan(totals.edges['orders-pay']!.latency.p50Ms + totals.edges['orders-audit']!.latency.p99Ms + 150);
  });
});
