import type { AppStore } from '../store';

/** "<scenario title> — Faultline" (or just "Faultline" for an untitled scenario). */
export function documentTitleFor(scenarioTitle: string): string {
  const title = scenarioTitle.trim();
  return title ? `${title} — Faultline` : 'Faultline';
}

/**
 * Keeps the tab's title on the open scenario's. document.title is plain text, so a title holding
 * markup shows as typed and never becomes HTML.
 */
export function followScenarioTitle(store: AppStore): () => void {
  let shown = '';
  const update = (scenarioTitle: string) => {
    if (scenarioTitle === shown) return;
    shown = scenarioTitle;
    document.title = documentTitleFor(scenarioTitle);
  };
  update(store.getState().scenario.title);
  return store.subscribe((state) => update(state.scenario.title));
}
