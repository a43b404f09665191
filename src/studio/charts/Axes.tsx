import type { ScaleLinear } from 'd3-scale';
import { memo } from 'react';
import { CHART_MARGIN } from './layout';

interface XAxisProps {
  readonly scale: ScaleLinear<number, number>;
  readonly plotWidth: number;
  /** Where the axis line sits (the bottom of the plot). */
  readonly y: number;
}

/** Time axis along the bottom of the plot, ticks in seconds. */
export const XAxis = memo(function XAxis({ scale, plotWidth, y }: XAxisProps) {
  const count = Math.max(2, Math.floor(plotWidth / 80));
  const ticks = scale.ticks(count);
  const format = scale.tickFormat(count);
  return (
    <g className="fl-chart__axis fl-chart__axis--x" transform={`translate(0,${y})`}>
      <line className="fl-chart__axis-line" x1={0} x2={plotWidth} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line y2={4} />
          <text y={15} textAnchor="middle">
            {`${format(t)} s`}
          </text>
        </g>
      ))}
    </g>
  );
});

interface YAxisProps {
  readonly scale: ScaleLinear<number, number>;
  readonly unit: string;
  readonly plotWidth: number;
  readonly plotHeight: number;
}

/** Value axis on the left with light grid lines across the plot and the unit above it. */
export const YAxis = memo(function YAxis({ scale, unit, plotWidth, plotHeight }: YAxisProps) {
  const count = Math.max(2, Math.floor(plotHeight / 36));
  const ticks = scale.ticks(count);
  const format = scale.tickFormat(count);
  return (
    <g className="fl-chart__axis fl-chart__axis--y">
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line className="fl-chart__grid" x1={0} x2={plotWidth} />
          <text x={-7} dy="0.32em" textAnchor="end">
            {format(t)}
          </text>
        </g>
      ))}
      <line className="fl-chart__axis-line" y1={0} y2={plotHeight} />
      {unit ? (
        <text className="fl-chart__unit" x={-7} y={-CHART_MARGIN.top / 2} textAnchor="end">
          {unit}
        </text>
      ) : null}
    </g>
  );
});
