import { describe, expect, it } from 'vitest';
import { fitToolbar, lineWidth, type ToolFitItem } from './toolbarFit';

const items: ToolFitItem[] = [
  { id: 'undo', group: 'edit', widthPx: 30, overflowOrder: 0 },
  { id: 'redo', group: 'edit', widthPx: 30, overflowOrder: 0 },
  { id: 'layout', group: 'view', widthPx: 100, overflowOrder: 3 },
  { id: 'fit', group: 'view', widthPx: 30, overflowOrder: 1 },
  { id: 'share', group: 'file', widthPx: 120, overflowOrder: 5 },
  { id: 'export', group: 'file', widthPx: 90, overflowOrder: 3 },
];
const options = { availablePx: 1000, moreButtonPx: 60, itemGapPx: 4, groupPx: 20 };

describe('fitToolbar', () => {
  it('measures a line as items, gaps inside groups and one separator per group', () => {
    const all = new Set(items.map((i) => i.id));
    expect(lineWidth(items, all, options)).toBe(400 + 3 * 4 + 3 * 20);
    all.delete('share');
    expect(lineWidth(items, all, options)).toBe(280 + 2 * 4 + 3 * 20 + 60 + 20);
  });

  it('keeps everything on the line when it fits', () => {
    expect(fitToolbar(items, options)).toEqual([]);
    expect(fitToolbar(items, { ...options, availablePx: 472 })).toEqual([]);
  });

  it('moves the highest overflow order out first, then ties from the end of the bar', () => {
    expect(fitToolbar(items, { ...options, availablePx: 471 })).toEqual(['share']);
    expect(fitToolbar(items, { ...options, availablePx: 380 })).toEqual(['share', 'export']);
    expect(fitToolbar(items, { ...options, availablePx: 300 })).toEqual(['layout', 'share', 'export']);
  });

  it('never moves items of order 0, even when they do not fit', () => {
    expect(fitToolbar(items, { ...options, availablePx: 10 })).toEqual(['layout', 'fit', 'share', 'export']);
  });
});
