/**
 * Semantic zoom: what a node card shows depends on how large it is on screen, so that every text a
 * person must read stays readable at any zoom (at least 12 px for a label, 11 px for a figure).
 *
 * - detail (zoom >= DETAIL_ZOOM): the full card (icon, label, kind, parameters, live badges) and
 *   edge badges. The card's smallest text is 12 px, so >= 11.4 px on screen.
 * - simple (SIMPLE_ZOOM <= zoom < DETAIL_ZOOM): a card with the label in 28 px type and one figure
 *   in 25 px type (>= 12.6 and >= 11.2 px on screen); edges show traffic by width and colour only.
 * - overview (zoom < SIMPLE_ZOOM): the label alone in 42 px type (>= 10 px on screen down to a
 *   zoom of 0.24), health as the card's colour; nothing is mounted or unmounted by visibility.
 *
 * Each level starts at its line and ends only HYSTERESIS further on, so a zoom that hovers near a
 * line does not switch back and forth (each switch restyles every node).
 */
export type CanvasLevel = 'detail' | 'simple' | 'overview';

export const DETAIL_ZOOM = 0.95;
export const SIMPLE_ZOOM = 0.45;
export const HYSTERESIS = 1.08;

/** Type sizes of the card at each level, in canvas pixels (styles.css must match; e2e measures them on screen). */
export const CARD_TYPE_PX = {
  detail: { label: 14, figure: 12 },
  simple: { label: 28, figure: 25 },
  overview: { label: 42, figure: 0 },
} as const;

/** The level for a zoom, given the level shown before it (none: the first view). */
export function canvasLevel(zoom: number, previous: CanvasLevel | null): CanvasLevel {
  const plain: CanvasLevel = zoom >= DETAIL_ZOOM ? 'detail' : zoom >= SIMPLE_ZOOM ? 'simple' : 'overview';
  if (previous === null || previous === plain) return plain;
  // Moving to a more detailed level needs the zoom to pass the line by the hysteresis margin.
  if (previous === 'overview') return zoom >= DETAIL_ZOOM * HYSTERESIS ? 'detail' : zoom >= SIMPLE_ZOOM * HYSTERESIS ? 'simple' : 'overview';
  if (previous === 'simple') return zoom >= DETAIL_ZOOM * HYSTERESIS ? 'detail' : plain === 'overview' ? 'overview' : 'simple';
  return plain; // from detail, any step down happens at the line itself
}

/** The label as the simplified card shows it: cut to what fits in two lines of its large type. */
export function cardLabel(name: string, level: 'simple' | 'overview'): string {
  const max = level === 'simple' ? 26 : 16;
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}
