import { canvasApi } from '../../editor/canvasApi';
import { lessonStore } from './lessonStore';

/** Shown when the browser refuses full screen (no API, or not allowed here). */
export const FULLSCREEN_FALLBACK = 'The browser did not go full screen (it may need a click first): press F11, or your browser’s full-screen key, for the projector.';

/** Fits the drawing to the canvas once the layout has settled (the canvas changed size). */
export const fitCanvasSoon = () => setTimeout(() => canvasApi()?.fitView(), 120);

function setWorkshopAttribute(on: boolean): void {
  if (on) document.documentElement.dataset.workshop = '';
  else delete document.documentElement.dataset.workshop;
  fitCanvasSoon();
}

/**
 * Enters the presenter view: the page goes full screen when the browser allows it (it must be
 * called from a click or key press); otherwise the view still fills the window, and the
 * returned promise resolves false so the caller can say how to go full screen.
 */
export async function enterWorkshop(): Promise<boolean> {
  lessonStore.setState({ workshop: true });
  setWorkshopAttribute(true);
  const root = document.documentElement;
  if (!document.fullscreenEnabled || typeof root.requestFullscreen !== 'function') return false;
  try {
    await root.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export function exitWorkshop(): void {
  if (!lessonStore.getState().workshop) return;
  lessonStore.setState({ workshop: false });
  setWorkshopAttribute(false);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

/** Leaving full screen (Esc, F11) leaves the presenter view too. */
export function watchFullscreen(): () => void {
  let wasFullscreen = false;
  const onChange = () => {
    fitCanvasSoon();
    if (document.fullscreenElement) wasFullscreen = true;
    else if (wasFullscreen) {
      wasFullscreen = false;
      exitWorkshop();
    }
  };
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
}
