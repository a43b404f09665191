import type { AppStore } from './createAppStore';

export const AUTOSAVE_DELAY_MS = 400;

/**
 * Saves the open scenario a moment after each change, and at once when the page is hidden or
 * closed (the debounce must never lose the last edit). Returns a function that stops it.
 */
export function startAutosave(store: AppStore, target: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document?: Document } = window): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    const state = store.getState();
    if (state.revision !== state.savedRevision) state.saveNow();
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, AUTOSAVE_DELAY_MS);
  });
  const onHidden = () => {
    if (!target.document || target.document.visibilityState === 'hidden') flush();
  };
  target.addEventListener('pagehide', flush);
  target.addEventListener('visibilitychange', onHidden);
  return () => {
    unsubscribe();
    target.removeEventListener('pagehide', flush);
    target.removeEventListener('visibilitychange', onHidden);
    flush();
  };
}
