import { stack, stackOffsetDiverging, stackOrderNone } from 'd3-shape';
import type { ChartSeries } from './series';
import { unionTimes } from './series';

/** One series after stacking, aligned on the shared times. */
export interface StackedLayer {
  readonly series: ChartSeries;
  /** The series' own value at each time; NaN where it has a gap, 0 where it has no point. */
  readonly values: readonly number[];
  /** Bottom and top of the band at each time. */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface StackedData {
  readonly times: readonly number[];
  /** In the caller's order: the first series sits at the bottom. */
  readonly layers: readonly StackedLayer[];
  /** Sum of the finite values at each time. */
  readonly totals: readonly number[];
  /** [min, max] over all band edges, or null without data. */
  readonly extent: [number, number] | null;
}

/**
 * Stacks series on the union of their times. A missing point counts as 0 (no failures of that
 * cause in that interval); a NaN point is a gap in its own band but counts as 0 for the bands above.
 */
export function stackSeries(series: readonly ChartSeries[]): StackedData {
  const times = unionTimes(series);
  const rowOf = new Map<number, number>();
  times.forEach((t, i) => rowOf.set(t, i));
  const values = series.map((s) => {
    const row = new Array<number>(times.length).fill(0);
    for (const [t, v] of s.points) {
      const i = rowOf.get(t);
      if (i !== undefined) row[i] = v;
    }
    return row;
  });
  const keys = series.map((_, k) => k);
  const generator = stack<number, number>()
    .keys(keys)
    .value((rowIndex, k) => {
      const v = values[k]?.[rowIndex] ?? 0;
      return Number.isFinite(v) ? v : 0;
    })
    .order(stackOrderNone)
    .offset(stackOffsetDiverging);
  const stacked = generator(times.map((_, i) => i));
  let min = Infinity;
  let max = -Infinity;
  const layers = series.map((s, k): StackedLayer => {
    const bands = stacked[k] ?? [];
    const lower = bands.map((band) => band[0]);
    const upper = bands.map((band) => band[1]);
    for (let i = 0; i < lower.length; i++) {
      min = Math.min(min, lower[i] ?? 0, upper[i] ?? 0);
      max = Math.max(max, lower[i] ?? 0, upper[i] ?? 0);
    }
    return { series: s, values: values[k] ?? [], lower, upper };
  });
  const totals = times.map((_, i) =>
    values.reduce((sum, row) => {
      const v = row[i] ?? 0;
      return Number.isFinite(v) ? sum + v : sum;
    }, 0),
  );
  return { times, layers, totals, extent: times.length > 0 && Number.isFinite(min) ? [min, max] : null };
}
