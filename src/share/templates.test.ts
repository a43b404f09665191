import { describe, expect, it } from 'vitest';
import { NODE_FIELDS, NODE_KINDS, POLICY_FIELDS, SETTINGS_FIELDS, createNode, defaultCircuitBreaker, defaultRetry, defaultRetryBudget } from '../model';
import { WhenSet, materialize } from './defaults';
import { edgeTemplate, faultTemplate, nodeTemplate, scenarioTemplate } from './templates';

describe('templates of defaults', () => {
  it('take every node default from the model, so a new node of any kind has nothing to store', () => {
    for (const kind of NODE_KINDS) {
      const { id: _id, kind: _kind, position: _position, ...rest } = createNode(kind, 'x', { x: 0, y: 0 });
      expect(materialize(nodeTemplate(kind)), kind).toEqual(rest);
    }
  });

  it('read the numbers of the field tables, including kind-specific defaults', () => {
    expect(materialize(nodeTemplate('service'))).toMatchObject({ workers: NODE_FIELDS.workers.default, replicas: NODE_FIELDS.replicas.default });
    expect(materialize(nodeTemplate('gateway'))).toMatchObject({ workers: 64 });
    expect(materialize(scenarioTemplate())).toMatchObject({ settings: { seed: SETTINGS_FIELDS.seed.default, durationS: SETTINGS_FIELDS.durationS.default } });
  });

  it('mark the policy parts that are off by default with the defaults they get when switched on', () => {
    const policy = edgeTemplate().policy as Record<string, unknown>;
    expect(policy.timeoutMs).toBeNull();
    const retry = policy.retry as WhenSet;
    expect(retry).toBeInstanceOf(WhenSet);
    expect(materialize(retry.shape)).toEqual({ ...defaultRetry(), budget: null });
    expect((retry.shape.budget as WhenSet).shape).toEqual(defaultRetryBudget());
    expect(materialize((policy.circuitBreaker as WhenSet).shape)).toEqual(defaultCircuitBreaker());
    expect(materialize((policy.circuitBreaker as WhenSet).shape)).toMatchObject({ windowSize: POLICY_FIELDS.circuitBreaker.windowSize.default });
  });

  it('leave a part with required fields of its own (a saga) as a plain null', () => {
    expect(nodeTemplate('service').saga).toBeNull();
    expect(nodeTemplate('gateway').rateLimit).toBeInstanceOf(WhenSet);
  });

  it('keep the fields that identify an item out of its template', () => {
    expect(Object.keys(nodeTemplate('cache'))).not.toContain('kind');
    expect(Object.keys(edgeTemplate())).not.toEqual(expect.arrayContaining(['from']));
    expect(Object.keys(faultTemplate('latency'))).toEqual(expect.arrayContaining(['startS', 'factor']));
    expect(Object.keys(faultTemplate('latency'))).not.toContain('target');
  });
});
