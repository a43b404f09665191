import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WhenSet, diffAgainstDefaults, fillDefaults, materialize, type Template, type TemplateObject } from './defaults';
import { jsonEqual, type Json } from './json';

const template: TemplateObject = {
  timeoutMs: null,
  fallback: 'none',
  latency: { dist: 'constant', valueMs: 1 },
  retry: new WhenSet(null, { maxAttempts: 3, backoff: 'fixed', retryOn: { error: true, timeout: true } }),
};

describe('diff against defaults', () => {
  it('leaves out every field that equals its default', () => {
    const value = { timeoutMs: 500, fallback: 'none', latency: { dist: 'constant', valueMs: 1 }, retry: null };
    expect(diffAgainstDefaults(value, template)).toEqual({ timeoutMs: 500 });
  });

  it('returns nothing at all for a value made only of defaults', () => {
    expect(diffAgainstDefaults(materialize(template), template)).toBeUndefined();
  });

  it('diffs a nested object of the same shape key by key', () => {
    const value = { ...(materialize(template) as Record<string, Json>), latency: { dist: 'constant', valueMs: 7 } };
    expect(diffAgainstDefaults(value, template)).toEqual({ latency: { valueMs: 7 } });
  });

  it('writes an object of another shape whole, wrapped so that filling does not merge defaults into it', () => {
    const latency = { dist: 'exponential', meanMs: 20 };
    const value = { ...(materialize(template) as Record<string, Json>), latency };
    const lean = diffAgainstDefaults(value, template);
    expect(lean).toEqual({ latency: [latency] });
    expect(fillDefaults(lean, template)).toEqual(value);
  });

  it('stores a switched-on part by its own changes, and one left at its defaults as {}', () => {
    const base = materialize(template) as Record<string, Json>;
    const tuned = { ...base, retry: { maxAttempts: 5, backoff: 'fixed', retryOn: { error: true, timeout: false } } };
    expect(diffAgainstDefaults(tuned, template)).toEqual({ retry: { maxAttempts: 5, retryOn: { timeout: false } } });
    const plain = { ...base, retry: { maxAttempts: 3, backoff: 'fixed', retryOn: { error: true, timeout: true } } };
    expect(diffAgainstDefaults(plain, template)).toEqual({ retry: {} });
    expect(fillDefaults({ retry: {} }, template)).toEqual(plain);
  });
});

describe('fill defaults', () => {
  it('gives the defaults for a missing value, with parts that are off at their absent value', () => {
    expect(fillDefaults(undefined, template)).toEqual({ timeoutMs: null, fallback: 'none', latency: { dist: 'constant', valueMs: 1 }, retry: null });
  });

  it('never lets a "__proto__" or "constructor" key reach a prototype', () => {
    const lean = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}') as unknown;
    const filled = fillDefaults(lean, template) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(filled)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(filled, '__proto__')).toBe(true);
  });

  it('passes what does not fit the template on unchanged, for restore to judge', () => {
    expect(fillDefaults('nonsense', template)).toBe('nonsense');
    expect(fillDefaults({ latency: [1, 2] }, template)).toMatchObject({ latency: [1, 2] });
  });
});

const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<Json>(null, true, false, 0, 1, 'a', ''),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 4 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', '__proto__', 'constructor'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Templates: JSON with some parts that are off until set (WhenSet with an object shape). */
const templateArb: fc.Arbitrary<Template> = fc.letrec<{ t: Template }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small' },
    json,
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('t'), { maxKeys: 4 }),
    fc.tuple(json, fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('t'), { maxKeys: 3 })).map(([absent, shape]) => new WhenSet(absent, shape)),
  ),
})).t;

describe('diff and fill together', () => {
  it('restores any JSON value exactly from its diff against any template', () => {
    fc.assert(
      fc.property(json, templateArb, (value, t) => {
        const lean = diffAgainstDefaults(value, t);
        expect(jsonEqual(fillDefaults(lean, t), value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('restores values made from the template itself with a few fields changed', () => {
    fc.assert(
      fc.property(templateArb, json, fc.constantFrom('a', 'b', 'c'), (t, replacement, key) => {
        const base = materialize(t);
        const value = base !== null && typeof base === 'object' && !Array.isArray(base) ? { ...base, [key]: replacement } : base;
        expect(jsonEqual(fillDefaults(diffAgainstDefaults(value, t), t), value)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
