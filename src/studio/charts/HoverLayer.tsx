import type { ScaleLinear } from 'd3-scale';
import type { KeyboardEvent, MouseEvent } from 'react';
import { memo, useState } from 'react';
import { formatSeconds, formatValue } from './format';
import { Swatch } from './Legend';
import type { ShadedWindow } from './series';
import { activeWindows, nearestIndex } from './series';

/** One line of the tooltip. */
export interface ReadoutRow {
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly dashed?: boolean;
  readonly kind: 'line' | 'area';
  /** What the tooltip prints (NaN prints as a dash). */
  readonly value: number;
  /** Where the hover dot sits, in data units (the band top when stacked); NaN for no dot. */
  readonly y: number;
  /** A summary row (the stack total): bold, no swatch. */
  readonly summary?: boolean;
}

export interface HoverLayerProps {
  readonly title: string;
  readonly unit: string;
  /** Position and size of the plot area inside the chart container. */
  readonly left: number;
  readonly top: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  readonly xScale: ScaleLinear<number, number>;
  readonly yScale: ScaleLinear<number, number>;
  /** Ascending times the hover steps through. */
  readonly times: readonly number[];
  /** Rows for the time at `index`; only called while hovering. */
  readonly readout: (index: number) => readonly ReadoutRow[];
  readonly shaded: readonly ShadedWindow[];
  readonly cursorS: number | null;
  readonly onPickTime?: (s: number) => void;
}

const PAGE_STEP = 10;

/**
 * The interactive layer over the plot: crosshair, dots and tooltip at the nearest time. It owns the
 * hover state, so moving the pointer re-renders this layer only, never the paths underneath.
 * Keyboard: Left/Right step (Shift: 10 steps), Home/End, Enter picks the time, Escape hides.
 */
export const HoverLayer = memo(function HoverLayer(props: HoverLayerProps) {
  const { title, unit, left, top, plotWidth, plotHeight, xScale, yScale, times, readout, shaded, cursorS, onPickTime } =
    props;
  const [hovered, setHovered] = useState<number | null>(null);
  // A new run can shrink the data under a remembered index.
  const index = hovered !== null && hovered < times.length ? hovered : null;
  const [domainStart = 0, domainEnd = 1] = xScale.domain();

  const indexAt = (event: MouseEvent<HTMLDivElement>): number => {
    const rect = event.currentTarget.getBoundingClientRect();
    return nearestIndex(times, xScale.invert(event.clientX - rect.left));
  };
  const startIndex = (): number | null => {
    if (times.length === 0) return null;
    const fromCursor = cursorS !== null && Number.isFinite(cursorS) ? nearestIndex(times, cursorS) : -1;
    return fromCursor >= 0 ? fromCursor : times.length - 1;
  };

  const onPointerMove = (event: MouseEvent<HTMLDivElement>): void => {
    const next = indexAt(event);
    setHovered(next < 0 ? null : next);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    if (!onPickTime) return;
    const next = indexAt(event);
    const time = times[next];
    if (time !== undefined) {
      onPickTime(time);
      return;
    }
    const rect = event.currentTarget.getBoundingClientRect();
    const raw = xScale.invert(event.clientX - rect.left);
    onPickTime(Math.min(domainEnd, Math.max(domainStart, raw)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (times.length === 0) return;
    const last = times.length - 1;
    const from = index ?? startIndex() ?? last;
    const step = event.shiftKey ? PAGE_STEP : 1;
    let next: number | null = from;
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowDown':
        next = index === null ? from : Math.max(0, from - step);
        break;
      case 'ArrowRight':
      case 'ArrowUp':
        next = index === null ? from : Math.min(last, from + step);
        break;
      case 'PageDown':
        next = Math.max(0, from - PAGE_STEP);
        break;
      case 'PageUp':
        next = Math.min(last, from + PAGE_STEP);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter': {
        const time = times[from];
        if (onPickTime && time !== undefined) onPickTime(time);
        next = from;
        break;
      }
      case 'Escape':
        next = null;
        break;
      default:
        return;
    }
    event.preventDefault();
    setHovered(next);
  };

  const time = index !== null ? times[index] : undefined;
  const rows = time !== undefined && index !== null ? readout(index) : [];
  const faults = time !== undefined ? activeWindows(shaded, time) : [];
  const x = time !== undefined ? xScale(time) : 0;
  const valueText =
    time === undefined
      ? times.length === 0
        ? 'No data yet'
        : 'Use the arrow keys to read values over time'
      : `${formatSeconds(time)}: ${rows.map((r) => `${r.label} ${formatValue(r.value, unit)}`).join(', ')}${
          faults.length > 0 ? `; during ${faults.map((f) => f.label).join(', ')}` : ''
        }`;
  const flip = x > plotWidth / 2;

  return (
    <div
      className="fl-chart__hover"
      style={{ left, top, width: plotWidth, height: plotHeight }}
      tabIndex={0}
      role="slider"
      aria-label={`${title}: values over time`}
      aria-orientation="horizontal"
      aria-valuemin={domainStart}
      aria-valuemax={domainEnd}
      aria-valuenow={time ?? (cursorS !== null && Number.isFinite(cursorS) ? cursorS : domainStart)}
      aria-valuetext={valueText}
      data-picking={onPickTime ? 'true' : undefined}
      onPointerMove={onPointerMove}
      onPointerLeave={() => setHovered(null)}
      onClick={onClick}
      onKeyDown={onKeyDown}
      onFocus={() => setHovered((current) => current ?? startIndex())}
      onBlur={() => setHovered(null)}
    >
      {time !== undefined ? (
        <>
          <svg className="fl-chart__hover-marks" width={plotWidth} height={plotHeight} aria-hidden="true">
            <line className="fl-chart__crosshair" x1={x} x2={x} y1={0} y2={plotHeight} />
            {rows.map((row) =>
              Number.isFinite(row.y) && !row.summary ? (
                <circle key={row.id} className="fl-chart__dot" cx={x} cy={yScale(row.y)} r={3.5} style={{ fill: row.color }} />
              ) : null,
            )}
          </svg>
          <div
            className="fl-chart__tooltip"
            style={flip ? { right: plotWidth - x + 10 } : { left: x + 10 }}
            aria-hidden="true"
          >
            <div className="fl-chart__tooltip-time">{formatSeconds(time)}</div>
            <table>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className={row.summary ? 'fl-chart__tooltip-summary' : undefined}>
                    <td>{row.summary ? null : <Swatch item={row} />}</td>
                    <td>{row.label}</td>
                    <td className="fl-chart__tooltip-value">{formatValue(row.value, unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {faults.map((f, i) => (
              <div key={i} className={`fl-chart__tooltip-fault fl-chart__tooltip-fault--${f.tone ?? 'error'}`}>
                {f.label}
              </div>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
});
