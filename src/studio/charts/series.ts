import { nice } from 'd3-array';
import { formatSeconds, formatValue } from './format';

/** [timeSeconds, value]; a NaN value is a gap in the line. */
export type ChartPoint = readonly [number, number];

export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  /** Any CSS colour, including var(--accent). */
  readonly color: string;
  /** Sorted by time. */
  readonly points: readonly ChartPoint[];
  readonly dashed?: boolean;
}

/** A fault window drawn as a band behind the data. */
export interface ShadedWindow {
  readonly startS: number;
  readonly endS: number;
  readonly label: string;
  /** 'error' (light red, the default) or 'warning' (amber). */
  readonly tone?: 'error' | 'warning';
}

/** True when two series lists would draw the same picture (points compared by reference). */
export function sameSeries(a: readonly ChartSeries[], b: readonly ChartSeries[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return false;
    if (
      x.points !== y.points ||
      x.id !== y.id ||
      x.label !== y.label ||
      x.color !== y.color ||
      Boolean(x.dashed) !== Boolean(y.dashed)
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Index of the element nearest to `target` in an ascending list read through `at`; ties go to the
 * earlier one; -1 when the list is empty.
 */
export function nearestIndexBy(length: number, at: (index: number) => number, target: number): number {
  if (length === 0 || Number.isNaN(target)) return -1;
  let lo = 0;
  let hi = length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < target) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first element >= target (or the last one); the one before may be nearer.
  if (lo > 0 && target - at(lo - 1) <= at(lo) - target) return lo - 1;
  return lo;
}

/** Index of the nearest time in an ascending list of times, -1 when empty. */
export function nearestIndex(times: readonly number[], target: number): number {
  return nearestIndexBy(times.length, (i) => times[i] ?? NaN, target);
}

/**
 * The sorted, de-duplicated times of all series. Series sampled on the same clock (the usual case)
 * share the first series' times without sorting.
 */
export function unionTimes(series: readonly { readonly points: readonly ChartPoint[] }[]): number[] {
  const first = series[0];
  if (!first) return [];
  const shared = series.every(
    (s) => s.points.length === first.points.length && s.points.every((p, i) => p[0] === first.points[i]?.[0]),
  );
  const all = shared ? first.points.map((p) => p[0]) : series.flatMap((s) => s.points.map((p) => p[0]));
  const finite = all.filter((t) => Number.isFinite(t));
  if (!shared) finite.sort((a, b) => a - b);
  const out: number[] = [];
  for (const t of finite) if (out[out.length - 1] !== t) out.push(t);
  return out;
}

/**
 * The value a series shows at time `t`: its nearest point's value, or NaN when `t` lies outside the
 * series' time range by more than `tolerance` seconds (the series has not started or has ended).
 */
export function valueNear(points: readonly ChartPoint[], t: number, tolerance = 0): number {
  const index = nearestIndexBy(points.length, (i) => points[i]?.[0] ?? NaN, t);
  const point = points[index];
  if (!point) return NaN;
  const first = points[0]?.[0] ?? t;
  const last = points[points.length - 1]?.[0] ?? t;
  if (t < first - tolerance || t > last + tolerance) return NaN;
  return point[1];
}

/** The last finite point of a series, or null. */
export function lastFinitePoint(points: readonly ChartPoint[]): ChartPoint | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const point = points[i];
    if (point && Number.isFinite(point[1])) return point;
  }
  return null;
}

/** [min, max] of the finite values of all series, or null when there is none. */
export function valueExtent(series: readonly { readonly points: readonly ChartPoint[] }[]): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const s of series) {
    for (const point of s.points) {
      const v = point[1];
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return Number.isFinite(min) && Number.isFinite(max) ? [min, max] : null;
}

/**
 * The y domain: fixed ends where given, otherwise from the data, with zero included (rates, counts
 * and latencies read wrong on a baseline that floats) and rounded outwards to nice numbers.
 */
export function computeYDomain(extent: [number, number] | null, yMin?: number, yMax?: number): [number, number] {
  const dataMin = extent ? Math.min(0, extent[0]) : 0;
  const dataMax = extent ? Math.max(0, extent[1]) : 1;
  let lo = yMin ?? dataMin;
  let hi = yMax ?? dataMax;
  if (!(hi > lo)) {
    if (yMax === undefined) hi = lo + (lo === 0 ? 1 : Math.abs(lo));
    else lo = hi - (hi === 0 ? 1 : Math.abs(hi));
  }
  const [niceLo, niceHi] = nice(lo, hi, 5);
  return [yMin ?? niceLo, yMax ?? niceHi];
}

/** A usable x domain: finite and increasing (an empty run still gets a one-second axis). */
export function safeXDomain(domain: readonly [number, number]): [number, number] {
  const start = Number.isFinite(domain[0]) ? domain[0] : 0;
  const end = Number.isFinite(domain[1]) ? domain[1] : start + 1;
  return end > start ? [start, end] : [start, start + 1];
}

/** The fault windows covering time `t`. */
export function activeWindows(windows: readonly ShadedWindow[], t: number): ShadedWindow[] {
  return windows.filter((w) => t >= w.startS && t <= w.endS);
}

/** One sentence for screen readers: what the chart shows and where each series ended. */
export function describeChart(
  title: string,
  unit: string,
  xDomain: readonly [number, number],
  series: readonly ChartSeries[],
  windows: readonly ShadedWindow[] = [],
  extra = '',
): string {
  const head = `${title}${unit ? ` (${unit})` : ''}, ${formatSeconds(xDomain[0])} to ${formatSeconds(xDomain[1])}`;
  const latest = series
    .map((s) => {
      const point = lastFinitePoint(s.points);
      return point ? `${s.label} ${formatValue(point[1], unit)} at ${formatSeconds(point[0])}` : null;
    })
    .filter((text): text is string => text !== null);
  const values = latest.length > 0 ? `Last values: ${latest.join(', ')}.` : 'No data yet.';
  const faults =
    windows.length > 0 ? ` ${windows.length} fault window${windows.length === 1 ? '' : 's'}: ${windows.map((w) => w.label).join(', ')}.` : '';
  return `${head}. ${values}${extra ? ` ${extra}` : ''}${faults}`;
}
