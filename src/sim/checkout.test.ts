import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, builtInScenario } from '../model';
import { simulate } from './simulation';
import type { Sample } from './types';

/** Mean over the samples in [fromS, toS) of a per-sample figure. */
function meanOver(samples: readonly Sample[], fromS: number, toS: number, f: (s: Sample) => number): number {
  const picked = samples.filter((s) => s.startMs >= fromS * 1000 && s.endMs <= toS * 1000);
  return picked.reduce((sum, s) => sum + f(s), 0) / picked.length;
}

describe('the built-in checkout scenario', () => {
  const result = simulate(builtInScenario(CHECKOUT_SCENARIO));
  const fault = builtInScenario(CHECKOUT_SCENARIO).faults.find((f) => f.id === 'slow-payment-db');

  it('runs its 60 s to completion with one sample per second, the fault on the timeline', () => {
    expect(result.status).toBe('completed');
    expect(result.samples).toHaveLength(60);
    expect(result.totals.system.clientRequests).toBeGreaterThan(11_000);
    expect(fault?.kind).toBe('latency');
    const events = result.notable.filter((n) => n.target === 'slow-payment-db').map((n) => [n.kind, n.timeMs]);
    expect(events).toEqual([
      ['fault_start', 20_000],
      ['fault_end', 35_000],
    ]);
  });

  it('shows the payment-db latency fault (20-35 s) slowing the payment edges many times over, then recovering', () => {
    const dbEdge = (s: Sample) => s.edges['payment-db-edge']!.latency.meanMs;
    const before = meanOver(result.samples, 5, 20, dbEdge);
    const during = meanOver(result.samples, 21, 35, dbEdge);
    const after = meanOver(result.samples, 40, 60, dbEdge);
    expect(before).toBeLessThan(20);
    expect(during / before).toBeGreaterThan(5);
    expect(after / before).toBeLessThan(1.5);
    // Upstream, the payment call holds order-service workers longer.
    const payment = (s: Sample) => s.edges['order-payment']!.latency.meanMs;
    expect(meanOver(result.samples, 21, 35, payment)).toBeGreaterThan(1.5 * meanOver(result.samples, 5, 20, payment));
    const db = (s: Sample) => s.nodes['payment-db']!.utilisation;
    expect(meanOver(result.samples, 21, 35, db)).toBeGreaterThan(2 * meanOver(result.samples, 5, 20, db));
  });

  it('fails checkouts while the payment path is slow and recovers after the fault', () => {
    const success = (s: Sample) => s.system.successRatio;
    const before = meanOver(result.samples, 5, 20, success);
    const during = meanOver(result.samples, 21, 35, success);
    expect(before).toBeGreaterThan(0.95);
    expect(during).toBeLessThan(before - 0.05);
    expect(meanOver(result.samples, 40, 60, success)).toBeGreaterThan(during + 0.05);
  });

  it('publishes order events that the notification service consumes', () => {
    const notifications = result.totals.nodes['notification-service']!;
    expect(notifications.arrivals).toBeGreaterThan(0.95 * result.totals.nodes['order-events']!.successes);
  });
});
