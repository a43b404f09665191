import { describe, expect, it } from 'vitest';
import type { StateInterval } from './segments';
import { describeSegments, mergeStateSegments, timeInState } from './segments';

describe('mergeStateSegments', () => {
  it('joins consecutive samples in the same state', () => {
    const intervals: StateInterval[] = [
      { startS: 0, endS: 0.1, state: 'closed' },
      { startS: 0.1, endS: 0.2, state: 'closed' },
      { startS: 0.2, endS: 0.30000000000000004, state: 'open' },
      { startS: 0.3, endS: 0.4, state: 'open' },
      { startS: 0.4, endS: 0.5, state: 'half_open' },
      { startS: 0.5, endS: 0.6, state: 'closed' },
    ];
    expect(mergeStateSegments(intervals)).toEqual([
      { startS: 0, endS: 0.2, state: 'closed' },
      { startS: 0.2, endS: 0.4, state: 'open' },
      { startS: 0.4, endS: 0.5, state: 'half_open' },
      { startS: 0.5, endS: 0.6, state: 'closed' },
    ]);
  });

  it('ends a segment at a missing state or a hole in time', () => {
    const intervals: StateInterval[] = [
      { startS: 0, endS: 1, state: 'closed' },
      { startS: 1, endS: 2, state: null },
      { startS: 2, endS: 3, state: 'closed' },
      { startS: 4, endS: 5, state: 'closed' },
    ];
    expect(mergeStateSegments(intervals)).toEqual([
      { startS: 0, endS: 1, state: 'closed' },
      { startS: 2, endS: 3, state: 'closed' },
      { startS: 4, endS: 5, state: 'closed' },
    ]);
  });
});

describe('describeSegments', () => {
  it('lists a few segments and the last state', () => {
    const segments = mergeStateSegments([
      { startS: 0, endS: 10, state: 'closed' },
      { startS: 10, endS: 15, state: 'open' },
    ]);
    expect(describeSegments('Breaker', segments)).toBe('Breaker: closed 0 s to 10 s, open 10 s to 15 s. Last state: open.');
    expect(describeSegments('Breaker', [])).toBe('Breaker: no data yet.');
  });

  it('summarises many segments as time in each state', () => {
    const segments = Array.from({ length: 10 }, (_, i) => ({
      startS: i,
      endS: i + 1,
      state: i % 2 === 0 ? ('closed' as const) : ('open' as const),
    }));
    expect(timeInState(segments)).toEqual({ closed: 5, open: 5, half_open: 0 });
    expect(describeSegments('Breaker', segments)).toBe(
      'Breaker: 10 segments, opened 5 times; closed 5 s, open 5 s, half-open 0 s. Last state: open.',
    );
  });
});
