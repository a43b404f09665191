import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReference, scenarioJsonSchema } from '../model/docs';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('generated scenario docs', () => {
  it('docs/scenario.schema.json matches the schema in src/model (run npm run docs)', () => {
    expect(JSON.parse(read('docs/scenario.schema.json'))).toEqual(scenarioJsonSchema());
  });

  it('the reference tables of docs/scenario-format.md match the schema (run npm run docs)', () => {
    const doc = read('docs/scenario-format.md');
    const start = '<!-- reference:start -->\n';
    const section = doc.slice(doc.indexOf(start) + start.length, doc.indexOf('\n<!-- reference:end -->'));
    expect(section).toBe(renderReference());
  });

  it('documents every node kind, fault kind and distribution', () => {
    const reference = renderReference();
    for (const kind of ['client', 'gateway', 'loadBalancer', 'service', 'database', 'cache', 'queue', 'topic', 'external']) expect(reference).toContain(`#### kind \`${kind}\``);
    for (const kind of ['crash', 'hang', 'latency', 'error', 'capacityLoss', 'partition', 'packetLoss', 'cacheFlush', 'trafficSpike', 'delay', 'abort']) expect(reference).toContain(`#### kind \`${kind}\``);
    for (const dist of ['constant', 'uniform', 'exponential', 'lognormal', 'pareto', 'empirical']) expect(reference).toContain(`#### dist \`${dist}\``);
    expect(reference).toContain('| `policy.circuitBreaker.failureRateThreshold` | number | 1 .. 100 | `50` |');
  });
});
