import { useId, useLayoutEffect, useState } from 'react';
import { FALLBACK_WIDTH } from './layout';
import type { ChartSeries } from './series';
import { sameSeries } from './series';

/**
 * The width to draw at: `fixed` when given, otherwise the measured width of the element the
 * returned ref is attached to (ResizeObserver), FALLBACK_WIDTH until it has been measured.
 */
export function useContainerWidth(fixed: number | undefined): {
  ref: (node: HTMLDivElement | null) => void;
  width: number;
} {
  const [node, setNode] = useState<HTMLDivElement | null>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  useLayoutEffect(() => {
    if (fixed !== undefined || node === null) return;
    // Whole pixels: sub-pixel jitter must not recompute every path.
    const update = (width: number): void => {
      const rounded = Math.floor(width);
      if (rounded > 0) setMeasured(rounded);
    };
    update(node.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) update(entry.contentRect.width);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [fixed, node]);
  return { ref: setNode, width: fixed ?? measured ?? FALLBACK_WIDTH };
}

/**
 * The series list, kept identical while nothing drawable changed, so that callers who rebuild
 * `series={[...]}` on every render (with the same point arrays) do not recompute every path.
 */
export function useStableSeries<T extends ChartSeries>(series: readonly T[]): readonly T[] {
  const [stable, setStable] = useState(series);
  if (stable !== series && !sameSeries(stable, series)) {
    // Storing information from the previous render (react.dev): React re-renders at once.
    setStable(series);
    return series;
  }
  return stable;
}

/** A document-unique id that is safe inside url(#...) references. */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}
