import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo } from 'react';
import { computeYDomain, formatNumber, formatValue } from './charts';
import { useContainerWidth } from './charts/hooks';
import { CHART_MARGIN } from './charts/layout';

export interface SweepChartPoint {
  /** The parameter value. */
  readonly x: number;
  /** The metric; NaN when the run had no such value. */
  readonly y: number;
}

export interface SweepChartProps {
  readonly title: string;
  /** The parameter, for the x axis: "Timeout per attempt, Order service → Payment service". */
  readonly xLabel: string;
  readonly xUnit: string;
  readonly yUnit: string;
  /** Finished runs only, any order. */
  readonly points: readonly SweepChartPoint[];
  readonly yMax?: number;
  readonly height?: number;
}

const MARGIN = { ...CHART_MARGIN, bottom: 38 };

/** The x domain of the values, padded so that the end points are not on the frame. */
function xDomainOf(xs: readonly number[]): [number, number] {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) return lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** A metric against a parameter value (not time): points joined in value order. */
export function SweepChart({ title, xLabel, xUnit, yUnit, points, yMax, height = 200 }: SweepChartProps) {
  const { ref, width } = useContainerWidth(undefined);
  const plot = { width: Math.max(10, width - MARGIN.left - MARGIN.right), height: Math.max(10, height - MARGIN.top - MARGIN.bottom) };
  const sorted = useMemo(() => [...points].sort((p, q) => p.x - q.x), [points]);
  const xs = sorted.map((p) => p.x);
  // Values spread over orders of magnitude (10, 100, 1000) read better on a log axis.
  const useLog = xs.length > 1 && (xs[0] ?? 0) > 0 && (xs[xs.length - 1] ?? 0) / (xs[0] ?? 1) >= 50;
  const xScale = useLog
    ? scaleLog().domain([(xs[0] ?? 1) / 1.3, (xs[xs.length - 1] ?? 10) * 1.3]).range([0, plot.width])
    : scaleLinear().domain(xDomainOf(xs)).range([0, plot.width]);
  const ys = sorted.map((p) => p.y).filter(Number.isFinite);
  const extent: [number, number] | null = ys.length ? [Math.min(...ys), Math.max(...ys)] : null;
  const [y0, y1] = computeYDomain(extent, 0, yMax);
  const yScale = scaleLinear().domain([y0, y1]).range([plot.height, 0]);
  const path =
    line<SweepChartPoint>()
      .defined((p) => Number.isFinite(p.y))
      .x((p) => xScale(p.x))
      .y((p) => yScale(p.y))(sorted) ?? '';
  const allTicks = xScale.ticks(Math.max(2, Math.floor(plot.width / 90)));
  // A log axis offers every 1..9 multiple: keep about eight labels.
  const xTicks = allTicks.filter((_, i) => i % Math.ceil(allTicks.length / 8) === 0);
  const yTicks = yScale.ticks(Math.max(2, Math.floor(plot.height / 36)));
  const xText = (v: number) => formatValue(v, xUnit);
  const label = `${title}: ${sorted.length ? sorted.map((p) => `${xText(p.x)} gives ${formatValue(p.y, yUnit)}`).join(', ') : 'no finished runs yet'}.`;
  return (
    <figure className="fl-chart sweep-chart">
      <figcaption className="fl-chart__caption">
        <span className="fl-chart__title">{title}</span>
      </figcaption>
      <div className="fl-chart__plot" ref={ref}>
        <svg className="fl-chart__svg" width={width} height={height} role="img" aria-label={label}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <g className="fl-chart__axis fl-chart__axis--y">
              {yTicks.map((t) => (
                <g key={t} transform={`translate(0,${yScale(t)})`}>
                  <line className="fl-chart__grid" x1={0} x2={plot.width} />
                  <text x={-7} dy="0.32em" textAnchor="end">
                    {formatNumber(t)}
                  </text>
                </g>
              ))}
              <line className="fl-chart__axis-line" y1={0} y2={plot.height} />
              <text className="fl-chart__unit" x={-7} y={-MARGIN.top / 2} textAnchor="end">
                {yUnit}
              </text>
            </g>
            <g className="fl-chart__axis fl-chart__axis--x" transform={`translate(0,${plot.height})`}>
              <line className="fl-chart__axis-line" x1={0} x2={plot.width} />
              {xTicks.map((t) => (
                <g key={t} transform={`translate(${xScale(t)},0)`}>
                  <line y2={4} />
                  <text y={15} textAnchor="middle">
                    {formatNumber(t)}
                  </text>
                </g>
              ))}
              <text className="sweep-chart__x-label" x={plot.width / 2} y={32} textAnchor="middle">
                {xLabel}
                {xUnit ? ` (${xUnit})` : ''}
                {useLog ? ', log scale' : ''}
              </text>
            </g>
            <path className="fl-chart__line sweep-chart__line" d={path} />
            {sorted.map((p) =>
              Number.isFinite(p.y) ? (
                <g key={p.x} className="sweep-chart__point" transform={`translate(${xScale(p.x)},${yScale(p.y)})`} data-x={p.x} data-y={p.y}>
                  <circle r={4.5} />
                  <text y={-9} textAnchor="middle">
                    {formatValue(p.y, yUnit)}
                  </text>
                  <title>{`${xText(p.x)}: ${formatValue(p.y, yUnit)}`}</title>
                </g>
              ) : null,
            )}
          </g>
        </svg>
      </div>
    </figure>
  );
}
