import type { Position } from '../model';

/** A top-level box of a layered layout: a node, or a bounded context with its members inside. */
export interface LayoutBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const LAYER_GAP = 60;
export const ROW_GAP = 30;
const MAX_SPLITS = 64;

interface Column {
  readonly boxes: LayoutBox[];
  /** How many side-by-side sub-columns the layer is wrapped into. */
  parts: number;
}

/** Boxes in order, split into `parts` runs of about equal height. */
function split(boxes: readonly LayoutBox[], parts: number): LayoutBox[][] {
  const total = boxes.reduce((sum, b) => sum + b.height + ROW_GAP, 0);
  const target = total / parts;
  const out: LayoutBox[][] = [[]];
  let height = 0;
  for (const box of boxes) {
    const current = out[out.length - 1] as LayoutBox[];
    if (current.length > 0 && height + box.height / 2 > target && out.length < parts) {
      out.push([box]);
      height = box.height + ROW_GAP;
    } else {
      current.push(box);
      height += box.height + ROW_GAP;
    }
  }
  return out;
}

const stackHeight = (boxes: readonly LayoutBox[]) => boxes.reduce((sum, b) => sum + b.height, 0) + ROW_GAP * Math.max(0, boxes.length - 1);
const stackWidth = (boxes: readonly LayoutBox[]) => Math.max(0, ...boxes.map((b) => b.width));

function measure(columns: readonly Column[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const c of columns) {
    for (const part of split(c.boxes, c.parts)) {
      width += stackWidth(part) + LAYER_GAP;
      height = Math.max(height, stackHeight(part));
    }
  }
  return { width: Math.max(0, width - LAYER_GAP), height };
}

/**
 * A layered (left-to-right) layout of a wide fan-out is a tall column: fitted to a screen, its text
 * is unreadable. This wraps the tallest layers into side-by-side sub-columns, keeping their order
 * and the left-to-right order of the layers, until the drawing is about as wide as `aspect` x its
 * height (the canvas's shape). Boxes never overlap: each sub-column is a stack with gaps.
 * Returns the new top-left corner of every box.
 */
export function wrapTallLayers(boxes: readonly LayoutBox[], aspect: number): Map<string, Position> {
  const sorted = [...boxes].sort((a, b) => a.x - b.x || a.y - b.y);
  const columns: Column[] = [];
  let right = -Infinity;
  for (const box of sorted) {
    const last = columns[columns.length - 1];
    if (last && box.x < right) {
      last.boxes.push(box);
      right = Math.max(right, box.x + box.width);
    } else {
      columns.push({ boxes: [box], parts: 1 });
      right = box.x + box.width;
    }
  }
  for (const c of columns) c.boxes.sort((a, b) => a.y - b.y);

  for (let i = 0; i < MAX_SPLITS; i++) {
    const size = measure(columns);
    if (size.width >= size.height * aspect) break;
    const tallest = columns
      .filter((c) => c.parts < c.boxes.length)
      .map((c) => ({ c, h: Math.max(...split(c.boxes, c.parts).map(stackHeight)) }))
      .sort((a, b) => b.h - a.h)[0];
    if (!tallest) break;
    tallest.c.parts += 1;
    const after = measure(columns);
    // Wrapping further would make it too wide: undo the last step if it is worse than before.
    if (Math.abs(Math.log(after.width / Math.max(1, after.height) / aspect)) > Math.abs(Math.log(size.width / Math.max(1, size.height) / aspect))) {
      tallest.c.parts -= 1;
      break;
    }
  }

  const { height } = measure(columns);
  const out = new Map<string, Position>();
  let x = 0;
  for (const c of columns) {
    for (const part of split(c.boxes, c.parts)) {
      let y = (height - stackHeight(part)) / 2;
      for (const box of part) {
        out.set(box.id, { x: Math.round(x), y: Math.round(y) });
        y += box.height + ROW_GAP;
      }
      x += stackWidth(part) + LAYER_GAP;
    }
  }
  return out;
}
