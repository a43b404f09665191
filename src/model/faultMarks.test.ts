import { describe, expect, it } from 'vitest';
import { faultSchema, type Fault } from './scenario';
import { faultActive, faultMarkText, faultMarks } from './faultMarks';

const fault = (input: Record<string, unknown>): Fault => faultSchema.parse({ id: 'f', target: 'db', startS: 10, durationS: 5, ...input });

describe('fault marks', () => {
  it('name each kind of fault and its size', () => {
    expect(faultMarkText(fault({ kind: 'latency', factor: 50 }))).toBe('latency x50');
    expect(faultMarkText(fault({ kind: 'latency', factor: 1, addMs: 200 }))).toBe('latency +200 ms');
    expect(faultMarkText(fault({ kind: 'crash' }))).toBe('crash');
    expect(faultMarkText(fault({ kind: 'crash', replica: 1 }))).toBe('crash (replica 1)');
    expect(faultMarkText(fault({ kind: 'partition' }))).toBe('partition');
    expect(faultMarkText(fault({ kind: 'error', percent: 30 }))).toBe('error 30%');
    expect(faultMarkText(fault({ kind: 'capacityLoss', percent: 50 }))).toBe('capacity -50%');
    expect(faultMarkText(fault({ kind: 'packetLoss', percent: 10 }))).toBe('packet loss 10%');
    expect(faultMarkText(fault({ kind: 'trafficSpike', factor: 3 }))).toBe('traffic x3');
    expect(faultMarkText(fault({ kind: 'delay', delayMs: 500, percent: 50 }))).toBe('delay 500 ms on 50%');
    expect(faultMarkText(fault({ kind: 'abort', percent: 100 }))).toBe('abort 100%');
    expect(faultMarkText(fault({ kind: 'hang' }))).toBe('hang');
    expect(faultMarkText(fault({ kind: 'cacheFlush' }))).toBe('cache flush');
  });

  it('last from the fault start to its end, on the intervals they overlap', () => {
    const f = fault({ kind: 'crash' });
    expect(faultActive(f, 9000, 10_000)).toBe(false);
    expect(faultActive(f, 10_000, 11_000)).toBe(true);
    expect(faultActive(f, 14_000, 15_000)).toBe(true);
    expect(faultActive(f, 15_000, 16_000)).toBe(false);
    // A fault starting mid-interval marks that interval.
    expect(faultActive(fault({ kind: 'crash', startS: 10.5 }), 10_000, 11_000)).toBe(true);
    // An instant fault marks the interval it happens in.
    expect(faultActive(fault({ kind: 'cacheFlush', durationS: 0 }), 10_000, 11_000)).toBe(true);
    expect(faultActive(fault({ kind: 'cacheFlush', durationS: 0 }), 11_000, 12_000)).toBe(false);
  });

  it('group the acting faults by target, in start order', () => {
    const faults = [
      fault({ id: 'b', kind: 'error', percent: 30, startS: 12 }),
      fault({ id: 'a', kind: 'latency', factor: 10, startS: 10 }),
      fault({ id: 'c', kind: 'partition', target: 'api-db', startS: 30 }),
    ];
    const marks = faultMarks(faults, 12_000, 13_000);
    expect(marks.get('db')?.map((m) => m.text)).toEqual(['latency x10', 'error 30%']);
    expect(marks.has('api-db')).toBe(false);
    expect(faultMarks(faults, 30_000, 31_000).get('api-db')?.[0]).toMatchObject({ faultId: 'c', kind: 'partition', startMs: 30_000, endMs: 35_000 });
  });
});
