import { scaleLinear } from 'd3-scale';
import { memo, useMemo } from 'react';
import { XAxis } from './Axes';
import { BREAKER_COLORS, BREAKER_LABELS } from './colors';
import { formatSeconds } from './format';
import { useContainerWidth, useSvgId } from './hooks';
import { CHART_MARGIN } from './layout';
import type { LegendItem } from './Legend';
import { Legend } from './Legend';
import { CursorLine } from './Marks';
import type { StateSegment } from './segments';
import { describeSegments } from './segments';
import { safeXDomain } from './series';
import type { BreakerState } from './simTypes';

export interface StateBandProps {
  readonly title: string;
  /** Seconds. */
  readonly xDomain: readonly [number, number];
  /** Breaker state over time; time not covered by a segment shows as a grey track (no data). */
  readonly segments: readonly StateSegment[];
  readonly cursorS?: number | null;
  /** Height of the band itself in pixels (default 14). */
  readonly bandHeight?: number;
  /** Time ticks under the band (default true); turn off when a chart right above shows them. */
  readonly showAxis?: boolean;
  /** Outer width in pixels; by default the band fills its container. */
  readonly width?: number;
}

const STATES: readonly BreakerState[] = ['closed', 'half_open', 'open'];
const LEGEND: readonly LegendItem[] = STATES.map((state) => ({
  id: state,
  label: BREAKER_LABELS[state],
  color: BREAKER_COLORS[state],
  kind: state === 'half_open' ? 'hatch' : 'area',
}));
const TOP = 6;
const AXIS_HEIGHT = 20;

interface SegmentsProps {
  readonly segments: readonly StateSegment[];
  readonly x: (s: number) => number;
  readonly plotWidth: number;
  readonly bandHeight: number;
  readonly hatchId: string;
}

const Segments = memo(function Segments({ segments, x, plotWidth, bandHeight, hatchId }: SegmentsProps) {
  return (
    <g className="fl-state__segments">
      {segments.map((s) => {
        const left = Math.max(0, Math.min(plotWidth, x(s.startS)));
        const right = Math.max(0, Math.min(plotWidth, x(s.endS)));
        if (!(right > left)) return null;
        return (
          <rect
            key={`${s.startS}-${s.state}`}
            className={`fl-state__segment fl-state__segment--${s.state}`}
            x={left}
            y={0}
            // A sub-pixel blip (a breaker that opened for one sample) must stay visible.
            width={Math.max(1, right - left)}
            height={bandHeight}
            style={{ fill: s.state === 'half_open' ? `url(#${hatchId})` : BREAKER_COLORS[s.state] }}
          >
            <title>{`${BREAKER_LABELS[s.state]} from ${formatSeconds(s.startS)} to ${formatSeconds(s.endS)}`}</title>
          </rect>
        );
      })}
    </g>
  );
});

/** A thin band showing a circuit breaker's state over time, aligned with the time charts. */
export function StateBand(props: StateBandProps) {
  const { title, segments, cursorS = null, bandHeight = 14, showAxis = true } = props;
  const { ref, width } = useContainerWidth(props.width);
  const hatchId = useSvgId('fl-hatch');
  const height = TOP + bandHeight + (showAxis ? AXIS_HEIGHT : 4);
  const plot = { width: Math.max(10, width - CHART_MARGIN.left - CHART_MARGIN.right) };
  const [x0, x1] = safeXDomain(props.xDomain);
  const xScale = useMemo(() => scaleLinear().domain([x0, x1]).range([0, plot.width]), [x0, x1, plot.width]);
  const ariaLabel = useMemo(() => describeSegments(title, segments), [title, segments]);

  return (
    <figure className="fl-chart fl-state">
      <figcaption className="fl-chart__caption">
        <span className="fl-chart__title">{title}</span>
        <Legend items={LEGEND} />
      </figcaption>
      <div className="fl-chart__plot" ref={ref}>
        <svg
          className="fl-chart__svg"
          width={plot.width + CHART_MARGIN.left + CHART_MARGIN.right}
          height={height}
          role="img"
          aria-label={ariaLabel}
        >
          <defs>
            <pattern id={hatchId} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={6} height={6} style={{ fill: BREAKER_COLORS.half_open }} />
              <line x1={0} y1={0} x2={0} y2={6} stroke="rgba(255,255,255,0.7)" strokeWidth={3} />
            </pattern>
          </defs>
          <g transform={`translate(${CHART_MARGIN.left},${TOP})`}>
            <rect className="fl-state__track" x={0} y={0} width={plot.width} height={bandHeight} />
            <Segments segments={segments} x={xScale} plotWidth={plot.width} bandHeight={bandHeight} hatchId={hatchId} />
            {showAxis ? <XAxis scale={xScale} plotWidth={plot.width} y={bandHeight} /> : null}
            <CursorLine cursorS={cursorS} scale={xScale} plotHeight={bandHeight} />
          </g>
        </svg>
      </div>
    </figure>
  );
}
