import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIMITS } from './fields';
import { MAX_REPORTED_ISSUES, capIssues, formatPath, issueToString, type Issue } from './issues';
import { inspectUntrusted, isPlainObject, parseJsonText } from './untrusted';

function nestedObjects(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function nestedArrays(levels: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('inspectUntrusted', () => {
  it('finds nothing wrong in plain JSON data', () => {
    expect(inspectUntrusted({ a: [1, 'two', true, null, { b: -0.5 }], c: {} })).toEqual([]);
    for (const value of [null, 0, '', false, [], {}]) expect(inspectUntrusted(value)).toEqual([]);
  });

  it('finds nothing wrong in any value JSON can hold, within the depth limit, but the forbidden keys', () => {
    // fast-check's jsonValue sometimes produces "__proto__", "constructor" or "prototype" keys on
    // purpose: those, and only those, must be reported.
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        for (const issue of inspectUntrusted(value)) {
          expect(issue.message).toMatch(/^the key "(__proto__|constructor|prototype)" is not allowed$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuses __proto__, constructor and prototype keys with their path', () => {
    const value: unknown = JSON.parse('{"a":[{"__proto__":{"x":1}}],"constructor":{},"b":{"prototype":1}}');
    expect(inspectUntrusted(value)).toEqual(
      expect.arrayContaining([
        { path: 'a[0].__proto__', message: 'the key "__proto__" is not allowed' },
        { path: 'constructor', message: 'the key "constructor" is not allowed' },
        { path: 'b.prototype', message: 'the key "prototype" is not allowed' },
      ]),
    );
    expect(inspectUntrusted(value)).toHaveLength(3);
  });

  it('does not look inside a refused key', () => {
    const value: unknown = JSON.parse('{"__proto__":{"constructor":{"prototype":1}}}');
    expect(inspectUntrusted(value)).toEqual([{ path: '__proto__', message: 'the key "__proto__" is not allowed' }]);
  });

  it('allows keys that only look like prototype keys', () => {
    expect(inspectUntrusted({ proto: 1, Constructor: 2, __proto: 3, prototypes: 4 })).toEqual([]);
  });

  it('refuses non-finite numbers at their path', () => {
    expect(inspectUntrusted({ a: [1, Number.NaN], b: { c: Number.POSITIVE_INFINITY } })).toEqual([
      { path: 'a[1]', message: 'expected a finite number' },
      { path: 'b.c', message: 'expected a finite number' },
    ]);
  });

  it('refuses values JSON cannot hold', () => {
    const cases: [unknown, string][] = [
      [undefined, 'expected JSON data, found a undefined'],
      [() => 1, 'expected JSON data, found a function'],
      [Symbol('s'), 'expected JSON data, found a symbol'],
      [1n, 'expected JSON data, found a bigint'],
    ];
    for (const [value, message] of cases) expect(inspectUntrusted({ v: value })).toEqual([{ path: 'v', message }]);
  });

  it('refuses objects that are not plain', () => {
    class Thing {
      x = 1;
    }
    for (const value of [new Date(0), new Map(), new Set(), new Thing(), /re/, new Number(1), new String('s')]) {
      expect(inspectUntrusted({ v: value })).toEqual([{ path: 'v', message: 'expected a plain JSON object' }]);
    }
  });

  it('accepts objects with a null prototype', () => {
    expect(inspectUntrusted(Object.assign(Object.create(null) as object, { a: 1 }))).toEqual([]);
  });

  it('refuses strings beyond 100,000 characters', () => {
    expect(inspectUntrusted({ s: 'x'.repeat(100_000) })).toEqual([]);
    expect(inspectUntrusted({ s: 'x'.repeat(100_001) })).toEqual([{ path: 's', message: 'text too long (100001 characters)' }]);
  });

  it('allows nesting up to the depth limit and refuses one level more', () => {
    expect(inspectUntrusted(nestedObjects(LIMITS.maxDepth))).toEqual([]);
    const issues = inspectUntrusted(nestedObjects(LIMITS.maxDepth + 1));
    expect(issues).toEqual([{ path: Array(LIMITS.maxDepth).fill('a').join('.'), message: `nested too deeply (more than ${LIMITS.maxDepth} levels)` }]);
  });

  it('takes a smaller depth limit when asked', () => {
    expect(inspectUntrusted({ a: { b: { c: 1 } } }, 2)).toEqual([{ path: 'a.b', message: 'nested too deeply (more than 2 levels)' }]);
  });

  it('walks 10,000 levels of objects or arrays without recursion', () => {
    expect(() => inspectUntrusted(nestedObjects(10_000))).not.toThrow();
    expect(inspectUntrusted(nestedObjects(10_000))).toHaveLength(1);
    const arrays = inspectUntrusted(nestedArrays(10_000));
    expect(arrays).toHaveLength(1);
    expect(arrays[0]?.path).toBe('[0]'.repeat(LIMITS.maxDepth));
  });

  it('refuses sparse array holes as undefined', () => {
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    expect(inspectUntrusted(sparse)).toEqual([{ path: '[1]', message: 'expected JSON data, found a undefined' }]);
  });

  it('quotes keys that are not identifiers in paths', () => {
    expect(inspectUntrusted({ 'a b': { '': Number.NaN } })).toEqual([{ path: '["a b"][""]', message: 'expected a finite number' }]);
  });

  it('stops after about a hundred problems', () => {
    const many = Array.from({ length: 1000 }, () => ({ v: Number.NaN }));
    const issues = inspectUntrusted(many);
    expect(issues.length).toBeGreaterThan(100);
    expect(issues.length).toBeLessThan(1000);
  });

  it('never throws for anything', () => {
    fc.assert(
      fc.property(
        fc.anything({
          key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.string({ maxLength: 4 })),
          withNullPrototype: true,
          withBoxedValues: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withBigInt: true,
          withSparseArray: true,
          withTypedArray: true,
        }),
        (value) => {
          const issues = inspectUntrusted(value);
          for (const issue of issues) {
            expect(typeof issue.path).toBe('string');
            expect(issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a":[1,2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('reports invalid JSON instead of throwing', () => {
    for (const text of ['', '{', '{"a":}', 'NaN', "{'a':1}", '{"a":1,}']) {
      const result = parseJsonText(text);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issue.path).toBe('');
        expect(result.issue.message).toMatch(/^not valid JSON: /);
      }
    }
  });

  it('refuses text beyond the size limit', () => {
    const result = parseJsonText(`"${'x'.repeat(LIMITS.maxJsonChars)}"`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.message).toContain(`at most ${LIMITS.maxJsonChars}`);
  });

  it('keeps __proto__ as an own key so inspection can refuse it', () => {
    const result = parseJsonText('{"__proto__":{"polluted":1}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(inspectUntrusted(result.value)).toHaveLength(1);
  });

  it('never throws for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        expect(() => parseJsonText(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('isPlainObject', () => {
  it('says yes to objects and no to arrays, null and primitives', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    for (const value of [[], null, undefined, 0, 'x', true]) expect(isPlainObject(value)).toBe(false);
  });
});

describe('formatPath', () => {
  it('joins names with dots and indexes with brackets', () => {
    expect(formatPath(['edges', 3, 'policy', 'timeoutMs'])).toBe('edges[3].policy.timeoutMs');
    expect(formatPath([0, 'a', 1, 2])).toBe('[0].a[1][2]');
    expect(formatPath([])).toBe('');
  });

  it('quotes names that are not identifiers', () => {
    expect(formatPath(['nodes', 0, 'my field'])).toBe('nodes[0]["my field"]');
    expect(formatPath(['', 'a.b', '1x'])).toBe('[""]["a.b"]["1x"]');
    expect(formatPath(['a', '"'])).toBe('a["\\""]');
  });

  it('writes symbols readably', () => {
    expect(formatPath(['a', Symbol('s')])).toBe('a["Symbol(s)"]');
  });
});

describe('issues', () => {
  it('puts the path before the message, and only the message when there is no path', () => {
    expect(issueToString({ path: 'edges[0].to', message: 'no node with id "x"' })).toBe('edges[0].to: no node with id "x"');
    expect(issueToString({ path: '', message: 'not valid JSON' })).toBe('not valid JSON');
  });

  it('keeps short lists as they are', () => {
    const issues: Issue[] = [{ path: 'a', message: 'm' }];
    expect(capIssues(issues)).toEqual(issues);
    expect(capIssues(issues)).not.toBe(issues);
  });

  it('keeps the first issues of a long list and counts the rest', () => {
    const issues: Issue[] = Array.from({ length: MAX_REPORTED_ISSUES + 7 }, (_, i) => ({ path: `p${i}`, message: 'm' }));
    const capped = capIssues(issues);
    expect(capped).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(capped[0]).toEqual({ path: 'p0', message: 'm' });
    expect(capped[MAX_REPORTED_ISSUES]).toEqual({ path: '', message: '... and 7 more problems' });
  });
});
