import type { ScaleLinear } from 'd3-scale';
import { memo } from 'react';
import { formatSeconds } from './format';
import type { ShadedWindow } from './series';

interface ShadedBandsProps {
  readonly windows: readonly ShadedWindow[];
  readonly scale: ScaleLinear<number, number>;
  readonly plotWidth: number;
  readonly plotHeight: number;
}

/** Rough width of a label in the 10px band font, to decide whether it fits its band. */
const CHAR_WIDTH_PX = 5.6;

/** Fault windows as light bands behind the data, labelled above the plot where the band is wide enough. */
export const ShadedBands = memo(function ShadedBands({ windows, scale, plotWidth, plotHeight }: ShadedBandsProps) {
  return (
    <g className="fl-chart__bands">
      {windows.map((w, i) => {
        const x0 = Math.max(0, Math.min(plotWidth, scale(w.startS)));
        const x1 = Math.max(0, Math.min(plotWidth, scale(w.endS)));
        if (!(x1 > x0) && !(w.endS === w.startS && x0 > 0 && x0 < plotWidth)) return null;
        const width = Math.max(2, x1 - x0);
        const tone = w.tone ?? 'error';
        const fits = w.label.length * CHAR_WIDTH_PX + 6 <= width;
        return (
          <g key={`${i}-${w.startS}-${w.endS}`} className={`fl-chart__band fl-chart__band--${tone}`}>
            <title>{`${w.label}: ${formatSeconds(w.startS)} to ${formatSeconds(w.endS)}`}</title>
            <rect x={x0} y={0} width={width} height={plotHeight} />
            {fits ? (
              // Above the plot, in the top margin, so the label never hides data.
              <text className="fl-chart__band-label" x={x0 + 2} y={-5}>
                {w.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

interface CursorLineProps {
  readonly cursorS: number | null | undefined;
  readonly scale: ScaleLinear<number, number>;
  readonly plotHeight: number;
}

/** The scrub time: a vertical line with a small cap, hidden outside the time axis. */
export function CursorLine({ cursorS, scale, plotHeight }: CursorLineProps) {
  if (cursorS === null || cursorS === undefined || !Number.isFinite(cursorS)) return null;
  const [start, end] = scale.domain();
  if (start === undefined || end === undefined || cursorS < start || cursorS > end) return null;
  const x = scale(cursorS);
  return (
    <g className="fl-chart__cursor" transform={`translate(${x},0)`}>
      <line y1={0} y2={plotHeight} />
      <path d="M-4,-5 L4,-5 L0,0 Z" />
    </g>
  );
}
