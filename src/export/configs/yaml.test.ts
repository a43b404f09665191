import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { duration, note, renderYaml, ylist, ymap, yamlString } from './yaml';

const roundTrip = (value: string) => parse(renderYaml([{ body: ymap([['k', value]]) }])) as { k: unknown };

const TRICKY = [
  'true', 'False', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'null', 'Null', '~', '', ' ', ' lead', 'trail ',
  '1', '-1', '0x1f', '0o17', '012', '1e3', '.5', '1_000', '12:30', '2024-01-01', '.inf', '-.Inf', '.NaN',
  'a: b', 'a #b', '# x', '- x', '? x', '@type', '*ref', '&anchor', '!tag', '%YAML', '`x', "'x'", '"x"',
  '{a: 1}', '[a]', ',', '|', '>', 'line\nbreak', 'cr\rlf', 'tab\there', '\u2028ls', '\u0085nel', 'back\\slash',
  'emoji \u{1F600}', '\u0000nul', '\u007fdel', '\ufeffbom', '---', '...',
];

describe('the YAML emitter', () => {
  it('reads back every tricky string exactly, as a string', () => {
    for (const s of TRICKY) expect(roundTrip(s).k, JSON.stringify(s)).toBe(s);
  });

  it('reads back any string as the same string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        expect(roundTrip(s).k).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes keys that YAML would misread and reads them back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRICKY.filter((s) => !s.includes('\u0000'))), fc.integer(), (key, n) => {
        const doc = parse(renderYaml([{ body: ymap([[key, n]]) }])) as Record<string, unknown>;
        expect(Object.keys(doc)).toEqual([key]);
        expect(doc[key]).toBe(n);
      }),
    );
  });

  it('keeps plain durations and identifiers unquoted so files stay readable', () => {
    expect(yamlString('500ms')).toBe('500ms');
    expect(yamlString('order-service-to-payment-service')).toBe('order-service-to-payment-service');
    expect(yamlString('type.googleapis.com/envoy.extensions.filters.http.router.v3.Router')).toBe('type.googleapis.com/envoy.extensions.filters.http.router.v3.Router');
    expect(yamlString('no')).toBe('"no"');
  });

  it('keeps a comment with line breaks a comment, so it cannot add keys', () => {
    const text = renderYaml([{ header: 'title\nkey: injected\r\nother: 1', body: ymap([note('x\ny: 2'), ['a', 1]]) }]);
    expect(parse(text)).toEqual({ a: 1 });
  });

  it('nests maps and lists of maps and writes empty ones inline', () => {
    const body = ymap([
      ['list', ylist([ymap([note('first item'), ['name', 'a'], ['inner', ylist([1, 'two', null, true])]]), ymap([]), ylist([])])],
      ['empty', ymap([note('nothing but a note')])],
      ['map', ymap([['deep', ymap([['deeper', ymap([['value', 1.5]])]])]])],
      ['skipped', undefined],
      false,
    ]);
    const text = renderYaml([{ body }]);
    expect(parse(text)).toEqual({
      list: [{ name: 'a', inner: [1, 'two', null, true] }, {}, []],
      empty: {},
      map: { deep: { deeper: { value: 1.5 } } },
    });
    expect(text).toContain('# nothing but a note');
  });

  it('separates several documents with ---', () => {
    const text = renderYaml([{ body: ymap([['a', 1]]) }, { header: 'second', body: ymap([['b', 2]]) }]);
    const docs = parseAllDocuments(text);
    expect(docs.map((d) => d.errors)).toEqual([[], []]);
    expect(docs.map((d) => d.toJS())).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('formats durations the way Spring, Envoy and Istio read them', () => {
    expect(duration(500)).toBe('500ms');
    expect(duration(10_000)).toBe('10s');
    expect(duration(1500)).toBe('1500ms');
    expect(duration(0)).toBe('0ms');
    expect(duration(0.5)).toBe('500us');
    expect(duration(50, true)).toBe('0.05s');
    expect(duration(1500, true)).toBe('1.5s');
  });
});
