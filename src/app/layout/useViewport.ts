import { useSyncExternalStore } from 'react';
import type { Viewport } from './panelLayout';

let cached: Viewport = { width: 0, height: 0 };
function read(): Viewport {
  const width = window.innerWidth;
  const height = window.innerHeight;
  if (width !== cached.width || height !== cached.height) cached = { width, height };
  return cached;
}
function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The window's size in CSS px, re-rendering on resize. */
export function useViewport(): Viewport {
  return useSyncExternalStore(subscribe, read, read);
}
