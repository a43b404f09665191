import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { fitToolbar, type ToolFitItem } from './toolbarFit';

export interface ToolDef {
  readonly id: string;
  readonly group: string;
  readonly overflowOrder: number;
}

const ITEM_GAP_PX = 4;
const GROUP_PX = 21;
const MORE_FALLBACK_PX = 76;
/** Room kept free so a rounding or a font fallback never wraps the line. */
const SLACK_PX = 6;

/**
 * Which toolbar items go into the More menu: each item's width is measured while it is on the
 * bar (and remembered while it is not), and the fit is redone whenever the bar's width changes.
 */
export function useToolbarOverflow(container: RefObject<HTMLElement | null>, defs: readonly ToolDef[]): readonly string[] {
  const widths = useRef(new Map<string, number>());
  const moreWidth = useRef(MORE_FALLBACK_PX);
  const [hidden, setHidden] = useState<readonly string[]>([]);

  const refit = useCallback(() => {
    const root = container.current;
    if (!root) return;
    for (const el of root.querySelectorAll<HTMLElement>('[data-tool]')) widths.current.set(el.dataset.tool ?? '', el.getBoundingClientRect().width);
    const more = root.querySelector<HTMLElement>('.more-menu');
    if (more) moreWidth.current = more.getBoundingClientRect().width;
    const items: ToolFitItem[] = defs.map((d) => ({ id: d.id, group: d.group, overflowOrder: d.overflowOrder, widthPx: widths.current.get(d.id) ?? 0 }));
    const next = fitToolbar(items, { availablePx: root.clientWidth - SLACK_PX, moreButtonPx: moreWidth.current, itemGapPx: ITEM_GAP_PX, groupPx: GROUP_PX });
    setHidden((now) => (now.length === next.length && now.every((id, i) => id === next[i]) ? now : next));
  }, [container, defs]);

  useLayoutEffect(() => {
    refit();
  });
  useLayoutEffect(() => {
    const root = container.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => refit());
    observer.observe(root);
    return () => observer.disconnect();
  }, [container, refit]);
  return hidden;
}
