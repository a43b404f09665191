/**
 * Space around the plot area, the same in every chart so that charts stacked in a column (and the
 * state band under them) share one time axis, and one scrub cursor lines up across them.
 */
export const CHART_MARGIN = { top: 20, right: 16, bottom: 22, left: 52 } as const;

/** Width used before the container has been measured (and during server rendering). */
export const FALLBACK_WIDTH = 480;

export interface PlotSize {
  readonly width: number;
  readonly height: number;
}

/** The plot area inside an svg of the given outer size (never below a sliver). */
export function plotSize(width: number, height: number, margin: typeof CHART_MARGIN = CHART_MARGIN): PlotSize {
  return {
    width: Math.max(10, width - margin.left - margin.right),
    height: Math.max(10, height - margin.top - margin.bottom),
  };
}
