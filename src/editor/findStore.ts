import { createStore, useStore } from 'zustand';

/** Whether the Find dialog is open, and where focus goes back to when it closes. */
interface FindState {
  readonly open: boolean;
  readonly returnFocus: HTMLElement | null;
}

export const findStore = createStore<FindState>(() => ({ open: false, returnFocus: null }));

export function useFindOpen(): boolean {
  return useStore(findStore, (s) => s.open);
}

export function openFindDialog(): void {
  if (findStore.getState().open) return;
  const active = typeof document !== 'undefined' ? document.activeElement : null;
  findStore.setState({ open: true, returnFocus: active instanceof HTMLElement && active !== document.body ? active : null });
}

/**
 * Closes the dialog; focus goes back where it was before opening, or to what `focus` finds
 * after `delayMs` (a node once the canvas has moved to it).
 */
export function closeFindDialog(focus?: () => HTMLElement | null, delayMs = 0): void {
  const { returnFocus } = findStore.getState();
  findStore.setState({ open: false, returnFocus: null });
  // After the <dialog> has closed (it restores focus itself first), so this wins.
  window.setTimeout(() => {
    const target = focus?.() ?? returnFocus;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }, delayMs);
}
