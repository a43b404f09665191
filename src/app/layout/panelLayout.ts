/**
 * The workspace's panel sizes: the palette (left), the inspector column (right) and the bottom
 * panel, each with a size in CSS pixels and a folded flag. Pure: clamping, defaults, keyboard
 * steps and the parse of what was stored (untrusted: anything bad falls back to the default).
 */

export type PanelId = 'palette' | 'inspector' | 'bottom';

export interface PanelState {
  /** Width (palette, inspector) or height (bottom) when unfolded, in CSS px. */
  readonly size: number;
  readonly folded: boolean;
}

export interface PanelLayout {
  readonly palette: PanelState;
  readonly inspector: PanelState;
  /** The bottom panel's height for its editing tabs (problems, workload, faults). */
  readonly bottom: PanelState;
  /** Its height for the tabs with charts (results, events, compare, sweep): they need more room. */
  readonly bottomTallSize: number;
}

export interface PanelBounds {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** One arrow key press; Shift takes four. */
  readonly step: number;
}

export const LAYOUT_KEY = 'faultline.v1.layout';
export const LAYOUT_VERSION = 1;

export const BOUNDS: Readonly<Record<PanelId, PanelBounds>> = {
  palette: { min: 120, max: 320, default: 168, step: 16 },
  inspector: { min: 260, max: 560, default: 320, step: 16 },
  bottom: { min: 120, max: 640, default: 200, step: 16 },
};
export const BOTTOM_TALL_DEFAULT = 340;

export const DEFAULT_LAYOUT: PanelLayout = {
  palette: { size: BOUNDS.palette.default, folded: false },
  inspector: { size: BOUNDS.inspector.default, folded: false },
  bottom: { size: BOUNDS.bottom.default, folded: false },
  bottomTallSize: BOTTOM_TALL_DEFAULT,
};

export function clampSize(panel: PanelId, size: number): number {
  const { min, max } = BOUNDS[panel];
  if (!Number.isFinite(size)) return BOUNDS[panel].default;
  return Math.round(Math.min(max, Math.max(min, size)));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const inRange = (panel: PanelId, value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= BOUNDS[panel].min && value <= BOUNDS[panel].max;

function parsePanel(panel: PanelId, value: unknown, problems: string[]): PanelState {
  const fallback = DEFAULT_LAYOUT[panel];
  if (!isRecord(value)) {
    if (value !== undefined) problems.push(`${panel}: expected an object`);
    return fallback;
  }
  const size = inRange(panel, value.size) ? Math.round(value.size) : fallback.size;
  if (value.size !== undefined && !inRange(panel, value.size)) problems.push(`${panel}.size: expected a number from ${BOUNDS[panel].min} to ${BOUNDS[panel].max}`);
  const folded = typeof value.folded === 'boolean' ? value.folded : fallback.folded;
  if (value.folded !== undefined && typeof value.folded !== 'boolean') problems.push(`${panel}.folded: expected true or false`);
  return { size, folded };
}

export interface ParsedLayout {
  readonly layout: PanelLayout;
  /** What was wrong with the stored value (each wrong part fell back to its default). */
  readonly problems: readonly string[];
}

/** Reads a stored layout: bad JSON, a wrong version or out-of-range values give the defaults. */
export function parseLayout(raw: string | null): ParsedLayout {
  if (raw === null) return { layout: DEFAULT_LAYOUT, problems: [] };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { layout: DEFAULT_LAYOUT, problems: ['not valid JSON'] };
  }
  if (!isRecord(value)) return { layout: DEFAULT_LAYOUT, problems: ['expected an object'] };
  if (value.version !== LAYOUT_VERSION) return { layout: DEFAULT_LAYOUT, problems: [`version: expected ${LAYOUT_VERSION}`] };
  const problems: string[] = [];
  const tall = value.bottomTallSize;
  const tallOk = inRange('bottom', tall);
  if (tall !== undefined && !tallOk) problems.push(`bottomTallSize: expected a number from ${BOUNDS.bottom.min} to ${BOUNDS.bottom.max}`);
  return {
    layout: {
      palette: parsePanel('palette', value.palette, problems),
      inspector: parsePanel('inspector', value.inspector, problems),
      bottom: parsePanel('bottom', value.bottom, problems),
      bottomTallSize: tallOk ? Math.round(tall) : BOTTOM_TALL_DEFAULT,
    },
    problems,
  };
}

export function serializeLayout(layout: PanelLayout): string {
  return JSON.stringify({ version: LAYOUT_VERSION, ...layout });
}

export type SplitterKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'Enter';

/**
 * What a key on a panel's splitter does: arrows move the splitter (towards the canvas grows the
 * panel), Home / End go to the smallest / largest size, Enter folds or unfolds. A grow key on a
 * folded panel unfolds it. Returns null for keys the splitter does not handle.
 */
export function splitterKey(panel: PanelId, state: PanelState, key: string, shift: boolean): PanelState | null {
  const { min, max, step } = BOUNDS[panel];
  if (key === 'Enter') return { ...state, folded: !state.folded };
  if (key === 'Home') return { size: min, folded: false };
  if (key === 'End') return { size: max, folded: false };
  const grow = panel === 'palette' ? 'ArrowRight' : panel === 'inspector' ? 'ArrowLeft' : 'ArrowUp';
  const shrink = panel === 'palette' ? 'ArrowLeft' : panel === 'inspector' ? 'ArrowRight' : 'ArrowDown';
  if (key !== grow && key !== shrink) return null;
  const delta = (shift ? 4 : 1) * step * (key === grow ? 1 : -1);
  if (state.folded) return key === grow ? { ...state, folded: false } : state;
  return { size: clampSize(panel, state.size + delta), folded: false };
}

/** How far below its minimum a drag must go before the panel folds (as VS Code's sidebars do). */
export const FOLD_DRAG_PX = 48;

/**
 * A drag of the splitter: `start` is the size when the drag began, `delta` how far the pointer
 * moved towards the canvas (positive grows). Dragging well below the minimum folds the panel.
 */
export function dragSize(panel: PanelId, start: number, delta: number): PanelState {
  const wanted = start + delta;
  if (wanted < BOUNDS[panel].min - FOLD_DRAG_PX) return { size: clampSize(panel, start), folded: true };
  return { size: clampSize(panel, wanted), folded: false };
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface ShownSizes {
  /** Widths and height as laid out now (0 when folded), after fitting to the window. */
  readonly palette: number;
  readonly inspector: number;
  readonly bottom: number;
}

/** The canvas always keeps at least this share of the window's width and this many px of height. */
export const MIN_CANVAS_SHARE = 0.45;
export const MIN_CANVAS_HEIGHT_PX = 200;
/** Toolbar and run bar, roughly, for the height budget. */
const CHROME_HEIGHT_PX = 90;

/**
 * The sizes to lay out in a window: folded panels take 0; side panels shrink (in proportion) when
 * together they would leave the canvas less than MIN_CANVAS_SHARE of the width; the bottom panel
 * shrinks to leave the canvas MIN_CANVAS_HEIGHT_PX. The stored sizes are not changed.
 */
export function shownSizes(layout: PanelLayout, viewport: Viewport, tall: boolean): ShownSizes {
  let palette = layout.palette.folded ? 0 : layout.palette.size;
  let inspector = layout.inspector.folded ? 0 : layout.inspector.size;
  const sideBudget = Math.max(0, viewport.width * (1 - MIN_CANVAS_SHARE));
  if (palette + inspector > sideBudget && palette + inspector > 0) {
    const scale = sideBudget / (palette + inspector);
    palette = Math.floor(palette * scale);
    inspector = Math.floor(inspector * scale);
  }
  // The charts' taller panel, at its default, takes at most a third of a short window (240 px at
  // 720: the canvas keeps room for readable cards after a run); a size the user chose is kept.
  const tallSize = layout.bottomTallSize === BOTTOM_TALL_DEFAULT ? Math.min(BOTTOM_TALL_DEFAULT, Math.round(viewport.height / 3)) : layout.bottomTallSize;
  const wantedBottom = layout.bottom.folded ? 0 : tall ? tallSize : layout.bottom.size;
  const bottomBudget = Math.max(BOUNDS.bottom.min, viewport.height - CHROME_HEIGHT_PX - MIN_CANVAS_HEIGHT_PX);
  const bottom = layout.bottom.folded ? 0 : Math.min(wantedBottom, bottomBudget);
  return { palette, inspector, bottom };
}

/** The size a double-click on the splitter goes back to. */
export function defaultSize(panel: PanelId, tall: boolean): number {
  return panel === 'bottom' && tall ? BOTTOM_TALL_DEFAULT : BOUNDS[panel].default;
}
