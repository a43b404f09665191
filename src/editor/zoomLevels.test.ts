import { describe, expect, it } from 'vitest';
import { CARD_TYPE_PX, DETAIL_ZOOM, HYSTERESIS, SIMPLE_ZOOM, canvasLevel, cardLabel, type CanvasLevel } from './zoomLevels';

const walk = (zooms: number[], start: CanvasLevel | null = null): CanvasLevel[] => {
  const out: CanvasLevel[] = [];
  let level = start;
  for (const z of zooms) {
    level = canvasLevel(z, level);
    out.push(level);
  }
  return out;
};

describe('semantic zoom levels of the canvas', () => {
  it('opens at the level its zoom falls in', () => {
    expect(canvasLevel(1, null)).toBe('detail');
    expect(canvasLevel(DETAIL_ZOOM, null)).toBe('detail');
    expect(canvasLevel(0.6, null)).toBe('simple');
    expect(canvasLevel(SIMPLE_ZOOM, null)).toBe('simple');
    expect(canvasLevel(0.2, null)).toBe('overview');
  });

  it('steps down at each line when zooming out', () => {
    expect(walk([1.2, 0.96, 0.94, 0.5, 0.46, 0.44, 0.1])).toEqual(['detail', 'detail', 'simple', 'simple', 'simple', 'overview', 'overview']);
  });

  it('steps up only past the line plus the hysteresis margin when zooming in', () => {
    const justAboveSimple = SIMPLE_ZOOM * 1.02;
    const pastSimple = SIMPLE_ZOOM * HYSTERESIS;
    const justAboveDetail = DETAIL_ZOOM * 1.02;
    const pastDetail = DETAIL_ZOOM * HYSTERESIS;
    expect(walk([0.3, justAboveSimple, pastSimple, justAboveDetail, pastDetail])).toEqual(['overview', 'overview', 'simple', 'simple', 'detail']);
  });

  it('does not flip back and forth while the zoom hovers around a line', () => {
    const hover = [0.94, 0.96, 0.94, 0.97, 0.93];
    expect(new Set(walk(hover, 'simple'))).toEqual(new Set(['simple']));
    expect(new Set(walk([0.44, 0.46, 0.44, 0.47], 'overview'))).toEqual(new Set(['overview']));
  });

  it('jumps straight to the right level after a big zoom step', () => {
    expect(canvasLevel(2, 'overview')).toBe('detail');
    expect(canvasLevel(0.1, 'detail')).toBe('overview');
    expect(canvasLevel(0.7, 'detail')).toBe('simple');
  });

  it('keeps every label at 12 px on screen or more down to the lowest zoom of its level, and figures at 11 px', () => {
    // detail and simple hold for zooms >= their line; overview labels hold 10 px down to 0.24.
    expect(CARD_TYPE_PX.detail.label * DETAIL_ZOOM).toBeGreaterThanOrEqual(12);
    expect(CARD_TYPE_PX.detail.figure * DETAIL_ZOOM).toBeGreaterThanOrEqual(11);
    expect(CARD_TYPE_PX.simple.label * SIMPLE_ZOOM).toBeGreaterThanOrEqual(12);
    expect(CARD_TYPE_PX.simple.figure * SIMPLE_ZOOM).toBeGreaterThanOrEqual(11);
    expect(CARD_TYPE_PX.overview.label * 0.24).toBeGreaterThanOrEqual(10);
  });
});

describe('the label of a simplified card', () => {
  it('is the whole name when it fits in two lines', () => {
    expect(cardLabel('Payment service', 'simple')).toBe('Payment service');
  });
  it('is cut with an ellipsis when it would need a third line', () => {
    const long = 'Recommendations and personalisation service';
    expect(cardLabel(long, 'simple')).toHaveLength(26);
    expect(cardLabel(long, 'simple').endsWith('…')).toBe(true);
    expect(cardLabel(long, 'overview').length).toBeLessThanOrEqual(16);
  });
});
