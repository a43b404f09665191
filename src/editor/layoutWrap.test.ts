import { describe, expect, it } from 'vitest';
import { LAYER_GAP, ROW_GAP, wrapTallLayers, type LayoutBox } from './layoutWrap';

const box = (id: string, x: number, y: number, width = 200, height = 96): LayoutBox => ({ id, x, y, width, height });

function extent(boxes: readonly LayoutBox[], at: Map<string, { x: number; y: number }>) {
  const placed = boxes.map((b) => ({ ...b, ...(at.get(b.id) ?? { x: NaN, y: NaN }) }));
  const width = Math.max(...placed.map((b) => b.x + b.width)) - Math.min(...placed.map((b) => b.x));
  const height = Math.max(...placed.map((b) => b.y + b.height)) - Math.min(...placed.map((b) => b.y));
  return { placed, width, height };
}

function overlaps(placed: readonly LayoutBox[]): boolean {
  return placed.some((a, i) => placed.some((b, j) => j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height));
}

// A client, a gateway, then a fan-out of 24 services in one layer (a layered layout makes it a tower).
const fanOut: LayoutBox[] = [box('client', 0, 1500), box('gateway', 290, 1500), ...Array.from({ length: 24 }, (_, i) => box(`s${i}`, 580, i * 136))];

describe('wrapping the tall layers of a layered layout', () => {
  it('turns a tower of a fan-out into a drawing about as wide as the canvas', () => {
    const at = wrapTallLayers(fanOut, 1.6);
    const { width, height } = extent(fanOut, at);
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(3.2);
    // The untouched tower was 24 rows of 136: about 3,260 tall for 780 wide.
    expect(height).toBeLessThan(1600);
  });

  it('never makes two boxes overlap', () => {
    const contexts = [box('a', 0, 0, 560, 320), box('b', 0, 360, 560, 500), box('c', 0, 900, 400, 200), box('d', 650, 0), box('e', 650, 300, 300, 800)];
    for (const aspect of [0.5, 1, 1.6, 3]) expect(overlaps(extent(contexts, wrapTallLayers(contexts, aspect)).placed)).toBe(false);
    expect(overlaps(extent(fanOut, wrapTallLayers(fanOut, 1.6)).placed)).toBe(false);
  });

  it('keeps the layers in their left-to-right order and each layer in its top-to-bottom order', () => {
    const at = wrapTallLayers(fanOut, 1.6);
    const x = (id: string) => at.get(id)?.x ?? NaN;
    expect(x('client')).toBeLessThan(x('gateway'));
    expect(x('gateway')).toBeLessThan(Math.min(...fanOut.slice(2).map((b) => x(b.id))));
    const order = fanOut.slice(2).map((b) => b.id).sort((p, q) => x(p) - x(q) || (at.get(p)?.y ?? 0) - (at.get(q)?.y ?? 0));
    expect(order).toEqual(fanOut.slice(2).map((b) => b.id));
  });

  it('leaves a drawing that already has the canvas shape as one stack per layer', () => {
    const chain = [box('a', 0, 0), box('b', 290, 0), box('c', 580, 0), box('d', 580, 136)];
    const at = wrapTallLayers(chain, 1.6);
    expect(at.get('c')?.x).toBe(at.get('d')?.x);
    expect((at.get('d')?.y ?? 0) - (at.get('c')?.y ?? 0)).toBe(96 + ROW_GAP);
    expect((at.get('b')?.x ?? 0) - (at.get('a')?.x ?? 0)).toBe(200 + LAYER_GAP);
  });
});
