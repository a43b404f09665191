import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { memo, useCallback, useMemo } from 'react';
import type { TimeChartProps } from './ChartFrame';
import { ChartFrame } from './ChartFrame';
import { formatSeconds, formatValue } from './format';
import { useContainerWidth, useStableSeries, useSvgId } from './hooks';
import type { ReadoutRow } from './HoverLayer';
import { CHART_MARGIN, plotSize } from './layout';
import type { LegendItem } from './Legend';
import type { ChartSeries, ShadedWindow } from './series';
import { computeYDomain, describeChart, safeXDomain } from './series';
import { stackSeries } from './stack';

export type StackedAreaChartProps = TimeChartProps<ChartSeries>;

const NO_WINDOWS: readonly ShadedWindow[] = [];

interface AreaPath {
  readonly id: string;
  readonly color: string;
  readonly fill: string;
  readonly top: string;
}

const AreaPaths = memo(function AreaPaths({ paths }: { readonly paths: readonly AreaPath[] }) {
  return (
    <g className="fl-chart__areas">
      {paths.map((p) => (
        <g key={p.id} data-series={p.id}>
          <path className="fl-chart__area" d={p.fill} style={{ fill: p.color }} />
          <path className="fl-chart__area-edge" d={p.top} style={{ stroke: p.color }} />
        </g>
      ))}
    </g>
  );
});

/**
 * Series stacked on top of each other (the first series at the bottom), e.g. failures per interval
 * by cause. A missing point counts as zero; a NaN point is a gap in its own band.
 */
export function StackedAreaChart(props: StackedAreaChartProps) {
  const { title, unit, yMin, yMax, cursorS = null, onPickTime, height = 180 } = props;
  const shaded = props.shaded ?? NO_WINDOWS;
  const series = useStableSeries(props.series);
  const { ref, width } = useContainerWidth(props.width);
  const clipId = useSvgId('fl-stack-clip');
  const plot = plotSize(width, height);
  const [x0, x1] = safeXDomain(props.xDomain);

  const stacked = useMemo(() => stackSeries(series), [series]);
  const xScale = useMemo(() => scaleLinear().domain([x0, x1]).range([0, plot.width]), [x0, x1, plot.width]);
  const [y0, y1] = computeYDomain(stacked.extent, yMin, yMax);
  const yScale = useMemo(() => scaleLinear().domain([y0, y1]).range([plot.height, 0]), [y0, y1, plot.height]);

  const paths = useMemo((): AreaPath[] => {
    const { times } = stacked;
    return stacked.layers.map((layer) => {
      const defined = (i: number): boolean => Number.isFinite(layer.values[i]) && Number.isFinite(times[i]);
      const x = (i: number): number => xScale(times[i] ?? NaN);
      const top = (i: number): number => yScale(layer.upper[i] ?? NaN);
      const fill = area<number>()
        .defined(defined)
        .x(x)
        .y0((i) => yScale(layer.lower[i] ?? NaN))
        .y1(top)
        .digits(1);
      const edge = line<number>().defined(defined).x(x).y(top).digits(1);
      const indices = times.map((_, i) => i);
      return { id: layer.series.id, color: layer.series.color, fill: fill(indices) ?? '', top: edge(indices) ?? '' };
    });
  }, [stacked, xScale, yScale]);

  const readout = useCallback(
    (index: number): ReadoutRow[] => {
      const rows: ReadoutRow[] = [];
      // Top band first, as the eye reads the stack.
      for (let k = stacked.layers.length - 1; k >= 0; k--) {
        const layer = stacked.layers[k];
        if (!layer) continue;
        const value = layer.values[index] ?? NaN;
        rows.push({
          id: layer.series.id,
          label: layer.series.label,
          color: layer.series.color,
          kind: 'area',
          value,
          y: Number.isFinite(value) ? (layer.upper[index] ?? NaN) : NaN,
        });
      }
      if (stacked.layers.length > 1) {
        rows.push({ id: 'fl-chart-total', label: 'Total', color: 'transparent', kind: 'area', value: stacked.totals[index] ?? NaN, y: NaN, summary: true });
      }
      return rows;
    },
    [stacked],
  );
  const legend = useMemo(
    (): LegendItem[] => [...series].reverse().map((s) => ({ id: s.id, label: s.label, color: s.color, kind: 'area' })),
    [series],
  );
  const ariaLabel = useMemo(() => {
    const lastIndex = stacked.times.length - 1;
    const lastTotal = stacked.totals[lastIndex];
    const lastTime = stacked.times[lastIndex];
    const total =
      lastTotal !== undefined && lastTime !== undefined && stacked.layers.length > 1
        ? `Total ${formatValue(lastTotal, unit)} at ${formatSeconds(lastTime)}.`
        : '';
    return describeChart(title, unit, [x0, x1], series, shaded, total);
  }, [title, unit, x0, x1, series, shaded, stacked]);

  return (
    <ChartFrame
      className="fl-chart--stacked"
      title={title}
      unit={unit}
      ariaLabel={ariaLabel}
      width={plot.width + CHART_MARGIN.left + CHART_MARGIN.right}
      height={height}
      plotWidth={plot.width}
      plotHeight={plot.height}
      plotRef={ref}
      clipId={clipId}
      xScale={xScale}
      yScale={yScale}
      legend={legend}
      shaded={shaded}
      cursorS={cursorS}
      times={stacked.times}
      readout={readout}
      onPickTime={onPickTime}
    >
      <AreaPaths paths={paths} />
    </ChartFrame>
  );
}
