import { describe, expect, it } from 'vitest';
import { BOUNDS, DEFAULT_LAYOUT, FOLD_DRAG_PX, clampSize, defaultSize, dragSize, parseLayout, serializeLayout, shownSizes, splitterKey } from './panelLayout';

describe('parseLayout', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(parseLayout(null)).toEqual({ layout: DEFAULT_LAYOUT, problems: [] });
  });

  it('reads back what serializeLayout wrote', () => {
    const layout = { palette: { size: 200, folded: true }, inspector: { size: 400, folded: false }, bottom: { size: 260, folded: true }, bottomTallSize: 300 };
    expect(parseLayout(serializeLayout(layout))).toEqual({ layout, problems: [] });
  });

  it('falls back to the defaults for bad JSON, a non-object or another version', () => {
    expect(parseLayout('{nope').layout).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('{nope').problems).toEqual(['not valid JSON']);
    expect(parseLayout('[1,2]').layout).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout('null').layout).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout(JSON.stringify({ version: 2, palette: { size: 200, folded: true } })).layout).toEqual(DEFAULT_LAYOUT);
  });

  it('replaces each out-of-range or mistyped part by its default and keeps the good parts', () => {
    const raw = JSON.stringify({ version: 1, palette: { size: 99999, folded: 'yes' }, inspector: { size: 300, folded: true }, bottom: 'tall', bottomTallSize: -5 });
    const { layout, problems } = parseLayout(raw);
    expect(layout).toEqual({ palette: DEFAULT_LAYOUT.palette, inspector: { size: 300, folded: true }, bottom: DEFAULT_LAYOUT.bottom, bottomTallSize: DEFAULT_LAYOUT.bottomTallSize });
    expect(problems).toEqual([
      'bottomTallSize: expected a number from 120 to 640',
      'palette.size: expected a number from 120 to 320',
      'palette.folded: expected true or false',
      'bottom: expected an object',
    ]);
  });

  it('refuses NaN and Infinity (JSON cannot carry them, but a hand-edited value may be null)', () => {
    expect(parseLayout(JSON.stringify({ version: 1, palette: { size: null, folded: false } })).layout.palette).toEqual(DEFAULT_LAYOUT.palette);
  });
});

describe('clampSize', () => {
  it('keeps sizes within the panel bounds and rounds them', () => {
    expect(clampSize('palette', 10)).toBe(BOUNDS.palette.min);
    expect(clampSize('inspector', 10_000)).toBe(BOUNDS.inspector.max);
    expect(clampSize('bottom', 250.6)).toBe(251);
    expect(clampSize('bottom', Number.NaN)).toBe(BOUNDS.bottom.default);
  });
});

describe('splitterKey', () => {
  const open = { size: 200, folded: false };
  it('grows the panel with the arrow towards the canvas and shrinks it with the other', () => {
    expect(splitterKey('palette', open, 'ArrowRight', false)).toEqual({ size: 216, folded: false });
    expect(splitterKey('palette', open, 'ArrowLeft', false)).toEqual({ size: 184, folded: false });
    expect(splitterKey('inspector', { size: 320, folded: false }, 'ArrowLeft', false)).toEqual({ size: 336, folded: false });
    expect(splitterKey('bottom', open, 'ArrowUp', true)).toEqual({ size: 264, folded: false });
    expect(splitterKey('bottom', open, 'ArrowDown', false)).toEqual({ size: 184, folded: false });
  });

  it('stops at the bounds, and Home / End go to them', () => {
    expect(splitterKey('palette', { size: 125, folded: false }, 'ArrowLeft', true)).toEqual({ size: 120, folded: false });
    expect(splitterKey('palette', open, 'Home', false)).toEqual({ size: 120, folded: false });
    expect(splitterKey('palette', open, 'End', false)).toEqual({ size: 320, folded: false });
  });

  it('folds and unfolds with Enter, keeping the size', () => {
    expect(splitterKey('bottom', open, 'Enter', false)).toEqual({ size: 200, folded: true });
    expect(splitterKey('bottom', { size: 200, folded: true }, 'Enter', false)).toEqual(open);
  });

  it('unfolds a folded panel with the grow arrow and ignores the shrink arrow', () => {
    expect(splitterKey('palette', { size: 200, folded: true }, 'ArrowRight', false)).toEqual(open);
    expect(splitterKey('palette', { size: 200, folded: true }, 'ArrowLeft', false)).toEqual({ size: 200, folded: true });
  });

  it('ignores other keys', () => {
    expect(splitterKey('palette', open, 'ArrowUp', false)).toBeNull();
    expect(splitterKey('palette', open, 'a', false)).toBeNull();
  });
});

describe('dragSize', () => {
  it('follows the pointer within the bounds', () => {
    expect(dragSize('inspector', 320, 40)).toEqual({ size: 360, folded: false });
    expect(dragSize('inspector', 320, -100)).toEqual({ size: 260, folded: false });
  });

  it('folds when dragged well past the minimum, remembering the size it had', () => {
    expect(dragSize('palette', 168, -(168 - 120 + FOLD_DRAG_PX + 1))).toEqual({ size: 168, folded: true });
  });
});

describe('shownSizes', () => {
  it('lays out the default sizes at 1280x720, leaving the canvas more than 55% of the width', () => {
    const shown = shownSizes(DEFAULT_LAYOUT, { width: 1280, height: 720 }, false);
    expect(shown).toEqual({ palette: 168, inspector: 320, bottom: 200 });
    expect((1280 - shown.palette - shown.inspector) / 1280).toBeGreaterThan(0.55);
  });

  it('gives folded panels no room and uses the tall height for chart tabs', () => {
    const layout = { ...DEFAULT_LAYOUT, palette: { size: 200, folded: true } };
    expect(shownSizes(layout, { width: 1440, height: 900 }, true)).toEqual({ palette: 0, inspector: 320, bottom: 300 });
    expect(shownSizes(layout, { width: 1440, height: 1200 }, true).bottom).toBe(340);
  });

  it('keeps the default chart height to a third of a short window, and a chosen height as chosen', () => {
    expect(shownSizes(DEFAULT_LAYOUT, { width: 1280, height: 720 }, true).bottom).toBe(240);
    expect(shownSizes({ ...DEFAULT_LAYOUT, bottomTallSize: 400 }, { width: 1280, height: 720 }, true).bottom).toBe(400);
  });

  it('shrinks wide side panels in a narrow window so the canvas keeps 45% of it', () => {
    const layout = { ...DEFAULT_LAYOUT, palette: { size: 320, folded: false }, inspector: { size: 560, folded: false } };
    const shown = shownSizes(layout, { width: 1000, height: 800 }, false);
    expect(shown.palette + shown.inspector).toBeLessThanOrEqual(550);
    expect(shown.inspector).toBeGreaterThan(shown.palette);
  });

  it('shrinks a tall bottom panel in a short window', () => {
    const layout = { ...DEFAULT_LAYOUT, bottom: { size: 600, folded: false } };
    expect(shownSizes(layout, { width: 1280, height: 600 }, false).bottom).toBe(310);
  });
});

describe('defaultSize', () => {
  it('is the default of the panel, and the tall default for the bottom panel on a chart tab', () => {
    expect(defaultSize('palette', true)).toBe(168);
    expect(defaultSize('bottom', false)).toBe(200);
    expect(defaultSize('bottom', true)).toBe(340);
  });
});
