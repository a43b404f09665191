import type { ScaleLinear } from 'd3-scale';
import type { ReactNode } from 'react';
import { XAxis, YAxis } from './Axes';
import type { ReadoutRow } from './HoverLayer';
import { HoverLayer } from './HoverLayer';
import { CHART_MARGIN } from './layout';
import type { LegendItem } from './Legend';
import { Legend } from './Legend';
import { CursorLine, ShadedBands } from './Marks';
import type { ShadedWindow } from './series';

/** Props every time chart takes. */
export interface TimeChartProps<S> {
  readonly title: string;
  /** Unit of the values, e.g. 'req/s', 'ms', '%' (percent values are 0-100). */
  readonly unit: string;
  readonly series: readonly S[];
  /** Seconds. */
  readonly xDomain: readonly [number, number];
  readonly yMin?: number;
  readonly yMax?: number;
  /** Fault windows drawn as bands behind the data. */
  readonly shaded?: readonly ShadedWindow[];
  /** The scrub time (seconds), drawn as a vertical line. */
  readonly cursorS?: number | null;
  /** A click on the plot, or Enter while it has focus, picks the time under the hover. */
  readonly onPickTime?: (s: number) => void;
  /** Outer height of the svg in pixels (default 180). */
  readonly height?: number;
  /** Outer width in pixels; by default the chart fills its container. */
  readonly width?: number;
}

interface ChartFrameProps {
  readonly className: string;
  readonly title: string;
  readonly unit: string;
  readonly ariaLabel: string;
  readonly width: number;
  readonly height: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly plotRef: (node: HTMLDivElement | null) => void;
  readonly clipId: string;
  readonly xScale: ScaleLinear<number, number>;
  readonly yScale: ScaleLinear<number, number>;
  readonly legend: readonly LegendItem[];
  readonly shaded: readonly ShadedWindow[];
  readonly cursorS: number | null;
  readonly times: readonly number[];
  readonly readout: (index: number) => readonly ReadoutRow[];
  readonly onPickTime?: (s: number) => void;
  /** The data marks, drawn clipped to the plot area. */
  readonly children: ReactNode;
}

/** Title, legend, axes, fault bands, cursor and hover layer around a chart's data marks. */
export function ChartFrame(props: ChartFrameProps) {
  const { title, unit, width, height, plotWidth, plotHeight, xScale, yScale, shaded, cursorS, clipId } = props;
  return (
    <figure className={`fl-chart ${props.className}`}>
      <figcaption className="fl-chart__caption">
        <span className="fl-chart__title">{title}</span>
        <Legend items={props.legend} />
      </figcaption>
      <div className="fl-chart__plot" ref={props.plotRef}>
        <svg className="fl-chart__svg" width={width} height={height} role="img" aria-label={props.ariaLabel}>
          <defs>
            <clipPath id={clipId}>
              <rect x={0} y={-2} width={plotWidth} height={plotHeight + 4} />
            </clipPath>
          </defs>
          <g transform={`translate(${CHART_MARGIN.left},${CHART_MARGIN.top})`}>
            <ShadedBands windows={shaded} scale={xScale} plotWidth={plotWidth} plotHeight={plotHeight} />
            <YAxis scale={yScale} unit={unit} plotWidth={plotWidth} plotHeight={plotHeight} />
            <XAxis scale={xScale} plotWidth={plotWidth} y={plotHeight} />
            <g clipPath={`url(#${clipId})`}>{props.children}</g>
            <CursorLine cursorS={cursorS} scale={xScale} plotHeight={plotHeight} />
          </g>
        </svg>
        <HoverLayer
          title={title}
          unit={unit}
          left={CHART_MARGIN.left}
          top={CHART_MARGIN.top}
          plotWidth={plotWidth}
          plotHeight={plotHeight}
          xScale={xScale}
          yScale={yScale}
          times={props.times}
          readout={props.readout}
          shaded={shaded}
          cursorS={cursorS}
          onPickTime={props.onPickTime}
        />
      </div>
    </figure>
  );
}
