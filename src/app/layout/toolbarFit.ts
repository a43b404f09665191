/** One toolbar item as the fit sees it: its measured width and how readily it gives way. */
export interface ToolFitItem {
  readonly id: string;
  /** Items of a group sit together, with a separator before the group. */
  readonly group: string;
  readonly widthPx: number;
  /** Higher goes into the More menu first; 0 never does. */
  readonly overflowOrder: number;
}

export interface FitOptions {
  readonly availablePx: number;
  readonly moreButtonPx: number;
  /** Between two items of a group. */
  readonly itemGapPx: number;
  /** What each shown group adds: the gap before it and its separator. */
  readonly groupPx: number;
}

/** The width a set of items needs on one line (with the More button when something is left out). */
export function lineWidth(items: readonly ToolFitItem[], shown: ReadonlySet<string>, o: FitOptions): number {
  const visible = items.filter((i) => shown.has(i.id));
  const groups = new Set(visible.map((i) => i.group));
  let width = visible.reduce((sum, i) => sum + i.widthPx, 0) + groups.size * o.groupPx;
  for (const g of groups) width += o.itemGapPx * (visible.filter((i) => i.group === g).length - 1);
  if (visible.length < items.length) width += o.moreButtonPx + o.groupPx;
  return width;
}

/**
 * Which items go into the More menu so the rest fits on one line: the highest overflowOrder
 * first (ties: the later item first), until the line fits or only items of order 0 remain.
 * Returns the ids moved out, in toolbar order.
 */
export function fitToolbar(items: readonly ToolFitItem[], o: FitOptions): string[] {
  const shown = new Set(items.map((i) => i.id));
  const candidates = items
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.overflowOrder > 0)
    .sort((a, b) => b.item.overflowOrder - a.item.overflowOrder || b.index - a.index);
  for (const { item } of candidates) {
    if (lineWidth(items, shown, o) <= o.availablePx) break;
    shown.delete(item.id);
  }
  return items.filter((i) => !shown.has(i.id)).map((i) => i.id);
}
