import type { Page } from '@playwright/test';

/** What a person sees of one node card: its shown label and figure, in on-screen CSS pixels. */
export interface NodeTextSize {
  readonly id: string;
  readonly label: string;
  /** Rendered font size x the canvas zoom. */
  readonly labelPx: number;
  readonly figurePx: number;
  /** The label's box stays inside the card's box (no text spilling out or under a neighbour). */
  readonly labelInside: boolean;
  readonly inView: boolean;
}

/**
 * Measures every node card on the canvas as it is drawn: the canvas zoom from the viewport's
 * transform, times the computed font size of whichever label and figure the current zoom level
 * shows (detail: label and parameter chips; simplified: the large label and its figure).
 */
export async function nodeTextSizes(page: Page): Promise<{ zoom: number; level: string; nodes: NodeTextSize[] }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    if (!viewport) throw new Error('no canvas');
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const shown = (root: Element, selector: string) =>
      Array.from(root.querySelectorAll<HTMLElement>(selector)).find((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
    const px = (e: HTMLElement | undefined) => (e ? Number.parseFloat(getComputedStyle(e).fontSize) * zoom : 0);
    const nodes = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node-arch .arch-node')).map((card) => {
      const label = shown(card, '.arch-node__label, .arch-node__biglabel');
      const figure = shown(card, '.arch-node__figure, .chip');
      const box = card.getBoundingClientRect();
      const l = label?.getBoundingClientRect();
      return {
        id: (card.dataset.testid ?? '').replace(/^node-/, ''),
        label: label?.textContent ?? '',
        labelPx: px(label),
        figurePx: px(figure),
        labelInside: !!l && l.left >= box.left - 1 && l.right <= box.right + 1 && l.top >= box.top - 1 && l.bottom <= box.bottom + 1,
        inView: !!canvas && box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom,
      };
    });
    return { zoom, level: document.querySelector<HTMLElement>('.canvas')?.dataset.level ?? '', nodes };
  });
}

/** How much of the canvas the diagram's bounding box covers, per axis (0..1). */
export async function diagramFill(page: Page): Promise<{ width: number; height: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const boxes = Array.from(document.querySelectorAll('.react-flow__node')).map((n) => n.getBoundingClientRect());
    if (!canvas || boxes.length === 0) return { width: 0, height: 0 };
    const left = Math.min(...boxes.map((b) => b.left));
    const right = Math.max(...boxes.map((b) => b.right));
    const top = Math.min(...boxes.map((b) => b.top));
    const bottom = Math.max(...boxes.map((b) => b.bottom));
    return { width: (right - left) / canvas.width, height: (bottom - top) / canvas.height };
  });
}

/** Pairs of bounded-context boxes that overlap on screen. */
export async function overlappingContexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('[data-testid^="context-"]')).map((e) => ({ id: e.dataset.testid ?? '', r: e.getBoundingClientRect() }));
    const out: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) out.push(`${a.id} x ${b.id}`);
      }
    }
    return out;
  });
}
