import type { AppStore } from './createAppStore';
import { revisionKey } from './persistence';

const REVISION_PREFIX = revisionKey('');

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
  // Closing the tab while the last edit is not stored (storage full, say) would lose it: try once
  // more, and if that fails too, ask the browser to confirm leaving.
  const onBeforeUnload = (event: Event) => {
    flush();
    const state = store.getState();
    if (state.revision === state.savedRevision) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    if (typeof BeforeUnloadEvent !== 'undefined' && event instanceof BeforeUnloadEvent) event.returnValue = 'unsaved';
  };
  // Another tab of this browser stored a scenario: the open one may be it (never overwrite it silently).
  const onStorage = (event: Event) => {
    const key = (event as StorageEvent).key;
    if (typeof key === 'string' && key.startsWith(REVISION_PREFIX)) store.getState().storedElsewhere(key.slice(REVISION_PREFIX.length));
  };
  target.addEventListener('pagehide', flush);
  target.addEventListener('visibilitychange', onHidden);
  target.addEventListener('beforeunload', onBeforeUnload);
  target.addEventListener('storage', onStorage);
  return () => {
    unsubscribe();
    target.removeEventListener('pagehide', flush);
    target.removeEventListener('visibilitychange', onHidden);
    target.removeEventListener('beforeunload', onBeforeUnload);
    target.removeEventListener('storage', onStorage);
    flush();
  };
}
