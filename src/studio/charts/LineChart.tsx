import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { memo, useCallback, useMemo } from 'react';
import type { TimeChartProps } from './ChartFrame';
import { ChartFrame } from './ChartFrame';
import { useContainerWidth, useStableSeries, useSvgId } from './hooks';
import type { ReadoutRow } from './HoverLayer';
import { CHART_MARGIN, plotSize } from './layout';
import type { LegendItem } from './Legend';
import type { ChartPoint, ChartSeries, ShadedWindow } from './series';
import { computeYDomain, describeChart, safeXDomain, unionTimes, valueExtent, valueNear } from './series';

export type LineChartProps = TimeChartProps<ChartSeries>;

const NO_WINDOWS: readonly ShadedWindow[] = [];

interface LinePath {
  readonly id: string;
  readonly color: string;
  readonly dashed: boolean;
  readonly d: string;
}

/** The data lines; memoised so that cursor, fault or hover changes never rebuild them. */
const LinePaths = memo(function LinePaths({ paths }: { readonly paths: readonly LinePath[] }) {
  return (
    <g className="fl-chart__lines">
      {paths.map((p) => (
        <path
          key={p.id}
          className={p.dashed ? 'fl-chart__line fl-chart__line--dashed' : 'fl-chart__line'}
          d={p.d}
          style={{ stroke: p.color }}
          data-series={p.id}
        />
      ))}
    </g>
  );
});

/** Time series as lines; a NaN value breaks its line. */
export function LineChart(props: LineChartProps) {
  const { title, unit, yMin, yMax, cursorS = null, onPickTime, height = 180 } = props;
  const shaded = props.shaded ?? NO_WINDOWS;
  const series = useStableSeries(props.series);
  const { ref, width } = useContainerWidth(props.width);
  const clipId = useSvgId('fl-line-clip');
  const plot = plotSize(width, height);
  const [x0, x1] = safeXDomain(props.xDomain);

  const xScale = useMemo(() => scaleLinear().domain([x0, x1]).range([0, plot.width]), [x0, x1, plot.width]);
  const extent = useMemo(() => valueExtent(series), [series]);
  const [y0, y1] = computeYDomain(extent, yMin, yMax);
  const yScale = useMemo(() => scaleLinear().domain([y0, y1]).range([plot.height, 0]), [y0, y1, plot.height]);

  const paths = useMemo((): LinePath[] => {
    const generator = line<ChartPoint>()
      .defined((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]))
      .x((p) => xScale(p[0]))
      .y((p) => yScale(p[1]))
      .digits(1);
    return series.map((s) => ({ id: s.id, color: s.color, dashed: Boolean(s.dashed), d: generator(s.points) ?? '' }));
  }, [series, xScale, yScale]);

  const times = useMemo(() => unionTimes(series), [series]);
  const readout = useCallback(
    (index: number): ReadoutRow[] => {
      const t = times[index] ?? NaN;
      return series.map((s) => {
        const value = valueNear(s.points, t);
        return { id: s.id, label: s.label, color: s.color, dashed: s.dashed, kind: 'line', value, y: value };
      });
    },
    [series, times],
  );
  const legend = useMemo(
    (): LegendItem[] => series.map((s) => ({ id: s.id, label: s.label, color: s.color, dashed: s.dashed, kind: 'line' })),
    [series],
  );
  const ariaLabel = useMemo(() => describeChart(title, unit, [x0, x1], series, shaded), [title, unit, x0, x1, series, shaded]);

  return (
    <ChartFrame
      className="fl-chart--line"
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
      times={times}
      readout={readout}
      onPickTime={onPickTime}
    >
      <LinePaths paths={paths} />
    </ChartFrame>
  );
}
