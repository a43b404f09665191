import { useStoreApi } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { canvasLevel, type CanvasLevel } from './zoomLevels';

/**
 * The semantic zoom level of the canvas. It re-renders its component only when the level changes,
 * not on every frame of a zoom or pan (it listens to React Flow's store outside React's render).
 */
export function useCanvasLevel(): CanvasLevel {
  const store = useStoreApi();
  const [level, setLevel] = useState<CanvasLevel>(() => canvasLevel(store.getState().transform[2], null));
  useEffect(() => store.subscribe((s) => setLevel((previous) => canvasLevel(s.transform[2], previous))), [store]);
  return level;
}
