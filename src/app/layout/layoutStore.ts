import { createStore, useStore } from 'zustand';
import { LAYOUT_KEY, parseLayout, serializeLayout, type PanelId, type PanelLayout, type PanelState } from './panelLayout';

/** The panel layout (persisted) and the lesson drawer's collapsed flag (for this page only). */
export interface LayoutState {
  readonly layout: PanelLayout;
  /** The lesson drawer is hidden so the inspector under it shows. */
  readonly lessonCollapsed: boolean;
}

function readStored(): PanelLayout {
  try {
    const { layout, problems } = parseLayout(localStorage.getItem(LAYOUT_KEY));
    if (problems.length > 0) console.warn(`Stored panel layout (${LAYOUT_KEY}) partly unreadable, defaults used: ${problems.join('; ')}`);
    return layout;
  } catch {
    // Storage blocked: the defaults, not remembered.
    return parseLayout(null).layout;
  }
}

export const layoutStore = createStore<LayoutState>(() => ({ layout: readStored(), lessonCollapsed: false }));

export function useLayout<T>(selector: (state: LayoutState) => T): T {
  return useStore(layoutStore, selector);
}

let pending: ReturnType<typeof setTimeout> | null = null;
/** Writes a pending change now (only then: a page that changed nothing leaves storage alone). */
function flush(): void {
  if (pending === null) return;
  clearTimeout(pending);
  pending = null;
  try {
    localStorage.setItem(LAYOUT_KEY, serializeLayout(layoutStore.getState().layout));
  } catch {
    // Not remembered across reloads, which is fine for panel sizes.
  }
}

layoutStore.subscribe((state, previous) => {
  if (state.layout === previous.layout) return;
  if (pending !== null) clearTimeout(pending);
  pending = setTimeout(() => {
    flush();
  }, 150);
});
if (typeof window !== 'undefined') window.addEventListener('pagehide', flush);

/** The state of one panel as its splitter sees it (the bottom panel's size depends on its tab). */
export function panelState(layout: PanelLayout, panel: PanelId, tall: boolean): PanelState {
  if (panel === 'bottom' && tall) return { size: layout.bottomTallSize, folded: layout.bottom.folded };
  return layout[panel];
}

export function setPanel(panel: PanelId, next: PanelState, tall = false): void {
  layoutStore.setState(({ layout }) => {
    if (panel === 'bottom' && tall) return { layout: { ...layout, bottom: { ...layout.bottom, folded: next.folded }, bottomTallSize: next.size } };
    return { layout: { ...layout, [panel]: next } };
  });
}

export function setFolded(panel: PanelId, folded: boolean): void {
  layoutStore.setState(({ layout }) => (layout[panel].folded === folded ? {} : { layout: { ...layout, [panel]: { ...layout[panel], folded } } }));
}

export function toggleFolded(panel: PanelId): void {
  setFolded(panel, !layoutStore.getState().layout[panel].folded);
}

export const setLessonCollapsed = (lessonCollapsed: boolean) => layoutStore.setState({ lessonCollapsed });
