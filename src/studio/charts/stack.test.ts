import { describe, expect, it } from 'vitest';
import type { ChartSeries } from './series';
import { stackSeries } from './stack';

const series = (id: string, points: [number, number][]): ChartSeries => ({ id, label: id, color: 'black', points });

describe('stackSeries', () => {
  it('stacks series in the given order, the first at the bottom', () => {
    const data = stackSeries([series('a', [[1, 2], [2, 3]]), series('b', [[1, 5], [2, 1]])]);
    expect(data.times).toEqual([1, 2]);
    expect(data.layers.map((l) => l.series.id)).toEqual(['a', 'b']);
    expect(data.layers[0]?.lower).toEqual([0, 0]);
    expect(data.layers[0]?.upper).toEqual([2, 3]);
    expect(data.layers[1]?.lower).toEqual([2, 3]);
    expect(data.layers[1]?.upper).toEqual([7, 4]);
    expect(data.totals).toEqual([7, 4]);
    expect(data.extent).toEqual([0, 7]);
  });

  it('counts a missing point as zero on the union of times', () => {
    const data = stackSeries([series('a', [[1, 2]]), series('b', [[1, 1], [2, 4]])]);
    expect(data.times).toEqual([1, 2]);
    expect(data.layers[0]?.values).toEqual([2, 0]);
    expect(data.layers[1]?.upper).toEqual([3, 4]);
  });

  it('keeps a NaN as a gap in its own band without poisoning the bands above', () => {
    const data = stackSeries([series('a', [[1, NaN], [2, 1]]), series('b', [[1, 3], [2, 3]])]);
    expect(data.layers[0]?.values[0]).toBeNaN();
    expect(data.layers[1]?.lower).toEqual([0, 1]);
    expect(data.layers[1]?.upper).toEqual([3, 4]);
    expect(data.totals).toEqual([3, 4]);
  });

  it('has no extent without data', () => {
    expect(stackSeries([]).extent).toBeNull();
    expect(stackSeries([series('a', [])]).extent).toBeNull();
  });
});
