import { describe, expect, it } from 'vitest';
import type { ChartPoint, ChartSeries } from './series';
import {
  activeWindows,
  computeYDomain,
  describeChart,
  lastFinitePoint,
  nearestIndex,
  safeXDomain,
  sameSeries,
  unionTimes,
  valueExtent,
  valueNear,
} from './series';

const points = (...pairs: [number, number][]): ChartPoint[] => pairs;

describe('nearestIndex', () => {
  const times = [0, 1, 2, 4, 8];

  it('finds the nearest time on either side', () => {
    expect(nearestIndex(times, 2.9)).toBe(2);
    expect(nearestIndex(times, 3.1)).toBe(3);
    expect(nearestIndex(times, 7)).toBe(4);
  });

  it('breaks a tie towards the earlier time', () => {
    expect(nearestIndex(times, 3)).toBe(2);
  });

  it('clamps to the ends and answers -1 for no data', () => {
    expect(nearestIndex(times, -5)).toBe(0);
    expect(nearestIndex(times, 100)).toBe(4);
    expect(nearestIndex([], 1)).toBe(-1);
    expect(nearestIndex(times, NaN)).toBe(-1);
  });
});

describe('unionTimes', () => {
  it('shares the times of series on the same clock', () => {
    const a = points([1, 5], [2, 6]);
    const b = points([1, 7], [2, 8]);
    expect(unionTimes([{ points: a }, { points: b }])).toEqual([1, 2]);
  });

  it('merges, sorts and de-duplicates times of series on different clocks', () => {
    const a = points([1, 5], [3, 6]);
    const b = points([2, 7], [3, 8], [4, 1]);
    expect(unionTimes([{ points: a }, { points: b }])).toEqual([1, 2, 3, 4]);
    expect(unionTimes([])).toEqual([]);
  });
});

describe('valueNear', () => {
  const series = points([10, 1], [11, 2], [12, NaN], [13, 4]);

  it('reads the nearest point, gaps included', () => {
    expect(valueNear(series, 11.2)).toBe(2);
    expect(valueNear(series, 12)).toBeNaN();
  });

  it('reads nothing outside the series time range', () => {
    expect(valueNear(series, 9)).toBeNaN();
    expect(valueNear(series, 14)).toBeNaN();
    expect(valueNear(series, 13.5, 1)).toBe(4);
  });
});

describe('lastFinitePoint and valueExtent', () => {
  it('skip gaps', () => {
    const series = points([1, 3], [2, -1], [3, NaN]);
    expect(lastFinitePoint(series)).toEqual([2, -1]);
    expect(lastFinitePoint(points([1, NaN]))).toBeNull();
    expect(valueExtent([{ points: series }, { points: points([5, 9]) }])).toEqual([-1, 9]);
    expect(valueExtent([{ points: points([1, NaN]) }])).toBeNull();
  });
});

describe('computeYDomain', () => {
  it('includes zero and rounds the top to a nice number', () => {
    expect(computeYDomain([12, 87])).toEqual([0, 100]);
    expect(computeYDomain([-3, 7])).toEqual([-4, 8]);
  });

  it('keeps fixed ends exactly', () => {
    expect(computeYDomain([12, 87], 0, 90)).toEqual([0, 90]);
    expect(computeYDomain([12, 87], undefined, 100)).toEqual([0, 100]);
  });

  it('gives an empty or flat chart a usable range', () => {
    expect(computeYDomain(null)).toEqual([0, 1]);
    expect(computeYDomain([0, 0])).toEqual([0, 1]);
    expect(computeYDomain([5, 5], 10)).toEqual([10, 20]);
    expect(computeYDomain(null, undefined, 0)).toEqual([-1, 0]);
  });
});

describe('safeXDomain', () => {
  it('repairs empty and broken domains', () => {
    expect(safeXDomain([0, 60])).toEqual([0, 60]);
    expect(safeXDomain([5, 5])).toEqual([5, 6]);
    expect(safeXDomain([NaN, 10])).toEqual([0, 10]);
  });
});

describe('sameSeries', () => {
  const a: ChartSeries = { id: 'a', label: 'A', color: 'red', points: points([1, 1]) };

  it('treats rebuilt wrappers around the same points as the same picture', () => {
    expect(sameSeries([a], [{ ...a }])).toBe(true);
    expect(sameSeries([a], [{ ...a, dashed: false }])).toBe(true);
  });

  it('notices new points, colours and styles', () => {
    expect(sameSeries([a], [{ ...a, points: points([1, 1]) }])).toBe(false);
    expect(sameSeries([a], [{ ...a, color: 'blue' }])).toBe(false);
    expect(sameSeries([a], [{ ...a, dashed: true }])).toBe(false);
    expect(sameSeries([a], [])).toBe(false);
  });
});

describe('activeWindows and describeChart', () => {
  const windows = [
    { startS: 10, endS: 20, label: 'db crash' },
    { startS: 15, endS: 30, label: 'latency', tone: 'warning' as const },
  ];

  it('lists the fault windows covering a time', () => {
    expect(activeWindows(windows, 16).map((w) => w.label)).toEqual(['db crash', 'latency']);
    expect(activeWindows(windows, 25).map((w) => w.label)).toEqual(['latency']);
    expect(activeWindows(windows, 31)).toEqual([]);
  });

  it('summarises title, unit, time range, last values and faults', () => {
    const series: ChartSeries[] = [
      { id: 'g', label: 'Goodput', color: 'blue', points: points([1, 40], [2, 41.25], [3, NaN]) },
      { id: 'o', label: 'Offered', color: 'grey', points: [] },
    ];
    expect(describeChart('Throughput', 'req/s', [0, 60], series, windows)).toBe(
      'Throughput (req/s), 0 s to 60 s. Last values: Goodput 41.3 req/s at 2 s. 2 fault windows: db crash, latency.',
    );
    expect(describeChart('Latency', 'ms', [0, 60], [])).toBe('Latency (ms), 0 s to 60 s. No data yet.');
  });
});
