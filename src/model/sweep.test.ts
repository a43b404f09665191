import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO } from './defaultScenario';
import { builtInScenario } from './kinds';
import { parseSweepValues, scenarioWithValue, setScenarioPath, splitPath, sweepParameters, valueAtPath } from './sweep';

const checkout = builtInScenario(CHECKOUT_SCENARIO);

describe('sweep paths', () => {
  it('sets a field of an item addressed by id and leaves the rest shared', () => {
    const changed = setScenarioPath(checkout as unknown as Record<string, unknown>, splitPath('edges.order-payment.policy.timeoutMs'), 100);
    if (typeof changed === 'string') throw new Error(changed);
    const edges = changed.edges as typeof checkout.edges;
    expect(edges.find((e) => e.id === 'order-payment')?.policy.timeoutMs).toBe(100);
    expect(edges[0]).toBe(checkout.edges[0]);
    expect(checkout.edges.find((e) => e.id === 'order-payment')?.policy.timeoutMs).toBe(1500);
  });

  it('validates the variant through restore and names the value and the path when refused', () => {
    const ok = scenarioWithValue(checkout, 'nodes.order-service.workers', 48);
    expect(ok.ok && ok.scenario.nodes.find((n) => n.id === 'order-service')).toMatchObject({ workers: 48 });
    const bad = scenarioWithValue(checkout, 'edges.order-payment.policy.timeoutMs', -1);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toBe(
      '-1 for edges.order-payment.policy.timeoutMs: expected a finite number >= 0.001 and <= 86400000 (at edges[5].policy.timeoutMs)',
    );
    const ghost = scenarioWithValue(checkout, 'edges.ghost.policy.timeoutMs', 1);
    expect(!ghost.ok && ghost.message).toBe('1 for edges.ghost.policy.timeoutMs: no edge with id "ghost"');
    const short = scenarioWithValue(checkout, 'edges.order-payment', 1);
    expect(!short.ok && short.message).toContain('must name a field inside one item');
  });

  it('offers edge policies, node capacity and client load, with their current values', () => {
    const byPath = new Map(sweepParameters(checkout).map((p) => [p.path, p]));
    expect(byPath.get('edges.order-payment.policy.timeoutMs')).toMatchObject({ current: 1500, unit: 'ms', owner: 'Order service → Payment service' });
    expect(byPath.get('edges.order-payment.policy.retry.maxAttempts')?.current).toBeNull();
    expect(byPath.get('edges.order-payment.policy.circuitBreaker.failureRateThreshold')?.current).toBe(50);
    expect(byPath.get('nodes.payment-db.workers')?.current).toBe(8);
    expect(byPath.get('nodes.shoppers.workload.ratePerSec')?.current).toBe(200);
    expect(byPath.get('nodes.card-network.errorPercent')?.current).toBe(0.5);
    expect(valueAtPath(checkout, 'settings.seed')).toBe(42);
  });

  it('parses a comma separated list of numbers and names what is not one', () => {
    expect(parseSweepValues(' 100, 500 ,1500,')).toEqual({ ok: true, values: [100, 500, 1500] });
    expect(parseSweepValues('1, two')).toEqual({ ok: false, message: '"two" is not a number' });
    expect(parseSweepValues('')).toMatchObject({ ok: false });
    expect(parseSweepValues('1, 1')).toEqual({ ok: false, message: '1 appears twice' });
  });
});
