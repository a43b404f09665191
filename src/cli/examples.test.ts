import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKOUT_SCENARIO, FAULT_KINDS, NODE_KINDS, builtInScenario, restoreText } from '../model';

const dir = new URL('../../examples/', import.meta.url);
const read = (name: string) => restoreText(readFileSync(new URL(name, dir), 'utf8'));

describe('example scenario files', () => {
  it('every file in examples/ restores without errors', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const result = read(file);
      expect(result.ok ? [] : result.errors, file).toEqual([]);
    }
  });

  it('checkout.json is the scenario the app opens on first start', () => {
    const result = read('checkout.json');
    expect(result.ok && result.scenario).toEqual(builtInScenario(CHECKOUT_SCENARIO));
  });

  it('every-kind.json has every node kind, every policy part and every fault kind', () => {
    const result = read('every-kind.json');
    if (!result.ok) throw new Error('invalid');
    const s = result.scenario;
    expect(new Set(s.nodes.map((n) => n.kind))).toEqual(new Set(NODE_KINDS));
    expect(new Set(s.faults.map((f) => f.kind))).toEqual(new Set(FAULT_KINDS));
    const policies = s.edges.map((e) => e.policy);
    expect(policies.some((p) => p.retry?.budget)).toBe(true);
    for (const jitter of ['full', 'equal', 'decorrelated']) expect(policies.some((p) => p.retry?.jitter === jitter)).toBe(true);
    for (const part of ['circuitBreaker', 'bulkhead', 'rateLimiter', 'adaptiveThrottling'] as const) expect(policies.some((p) => p[part] !== null)).toBe(true);
    expect(policies.some((p) => p.deadlinePropagation)).toBe(true);
    expect(new Set(policies.map((p) => p.fallback))).toEqual(new Set(['none', 'static', 'cached']));
    expect(s.nodes.some((n) => n.kind === 'service' && n.saga)).toBe(true);
    expect(s.nodes.some((n) => n.kind === 'client' && n.workload.model === 'closed')).toBe(true);
  });
});
