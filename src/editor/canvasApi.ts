import type { Position } from '../model';

/** What the rest of the app may ask of the canvas (fit, zoom, where the view is). */
export interface CanvasApi {
  fitView: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  /** The flow coordinates at the centre of the visible canvas. */
  viewCenter: () => Position;
  /** Pans (keeping the zoom) so that a node at this position is in view. */
  reveal: (position: Position) => void;
  /** The canvas's width over its height (for laying a diagram out to fit it). */
  viewAspect: () => number;
  /** Centres the node and zooms so its label reads at >= 14 px (findNode's focusZoom); false if it is not drawn. */
  focusNode: (id: string) => boolean;
  /** Opens "Connect to..." for this node (the C key). */
  connectFrom: (nodeId: string) => void;
}

let current: CanvasApi | null = null;

export function registerCanvasApi(api: CanvasApi | null): void {
  current = api;
}

export function canvasApi(): CanvasApi | null {
  return current;
}
