import type { StateCreator } from 'zustand';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, issueToString, type Scenario } from '../model';
import type { ScenarioLibrary, StoredEntry } from './persistence';
import type { AppState } from './types';

export const STORAGE_NOTICE = 'storage';

export interface LibrarySlice {
  currentId: string;
  entries: readonly StoredEntry[];
  /** Why the last save failed, while it keeps failing; null when saved. */
  storageProblem: string | null;
  savedRevision: number;
  /** Opens what was open last time, or the example on first start. */
  initLibrary: () => void;
  saveNow: () => boolean;
  newScenario: (template: 'blank' | 'example') => void;
  openScenario: (id: string) => void;
  renameScenario: (title: string) => void;
  duplicateScenario: () => void;
  deleteScenario: (id: string) => void;
  /** Adds an imported scenario as a new named scenario and opens it; false when refused. */
  addScenario: (scenario: Scenario) => boolean;
}

export const createLibrarySlice =
  (library: ScenarioLibrary): StateCreator<AppState, [], [], LibrarySlice> =>
  (set, get) => {
    const refresh = () => set({ entries: library.list() });

    const switchTo = (id: string, scenario: Scenario) => {
      get().replaceScenario(scenario);
      set({ currentId: id });
      library.setCurrentId(id);
      get().saveNow();
    };

    /**
     * Saves the open scenario before another replaces it. When that save fails the switch is
     * refused: replacing unsaved work would lose it.
     */
    const leaveCurrent = (): boolean => {
      if (get().revision === get().savedRevision || get().saveNow()) return true;
      get().notify({
        id: 'switch-blocked',
        tone: 'error',
        text: 'The open scenario could not be saved, so it stays open: export it to a file (Ctrl+Shift+E) or free some storage, then try again.',
      });
      return false;
    };

    return {
      currentId: 'unsaved',
      entries: [],
      storageProblem: null,
      savedRevision: -1,
      initLibrary: () => {
        const id = library.currentId();
        if (id !== null) {
          const loaded = library.load(id);
          if (loaded.ok) {
            get().replaceScenario(loaded.scenario);
            set({ currentId: id, savedRevision: get().revision });
            refresh();
            return;
          }
          get().notify({
            id: 'load-failed',
            tone: 'error',
            text: loaded.keptAs
              ? `The scenario you last worked on could not be read, so it was kept aside (as "${loaded.keptAs}" in this browser's storage) and the example was opened instead.`
              : 'The scenario you last worked on could not be read; the example was opened instead.',
            details: loaded.errors.map(issueToString),
          });
        }
        switchTo(library.newId(), builtInScenario(CHECKOUT_SCENARIO));
        refresh();
      },
      saveNow: () => {
        const { currentId, scenario, revision } = get();
        const result = library.save(currentId, scenario);
        if (result.ok) {
          if (get().storageProblem !== null) get().dismiss(STORAGE_NOTICE);
          set({ storageProblem: null, savedRevision: revision });
          refresh();
          return true;
        }
        set({ storageProblem: result.reason });
        get().notify({
          id: STORAGE_NOTICE,
          tone: 'error',
          text: `Not saved: ${result.reason}. Your work is still open here and nothing is lost; export it to a file to keep a copy, or delete old scenarios to make room. Faultline keeps trying on every change.`,
        });
        return false;
      },
      newScenario: (template) => {
        if (!leaveCurrent()) return;
        switchTo(library.newId(), builtInScenario(template === 'blank' ? BLANK_SCENARIO : CHECKOUT_SCENARIO));
      },
      openScenario: (id) => {
        if (id === get().currentId) return;
        if (!leaveCurrent()) return;
        const loaded = library.load(id);
        if (!loaded.ok) {
          get().notify({
            id: 'open-failed',
            tone: 'error',
            text: loaded.keptAs
              ? `That scenario could not be read; it was kept aside as "${loaded.keptAs}". Your current scenario stays open.`
              : 'That scenario could not be read. Your current scenario stays open.',
            details: loaded.errors.map(issueToString),
          });
          refresh();
          return;
        }
        switchTo(id, loaded.scenario);
      },
      renameScenario: (title) => {
        const clean = title.trim().slice(0, 120);
        if (!clean) return;
        get().apply('Rename scenario', (s) => (s.title === clean ? s : { ...s, title: clean }));
      },
      duplicateScenario: () => {
        if (!leaveCurrent()) return;
        const copy = { ...get().scenario, title: `${get().scenario.title} (copy)`.slice(0, 120) };
        switchTo(library.newId(), copy);
      },
      deleteScenario: (id) => {
        const removed = library.remove(id);
        if (!removed.ok) {
          get().notify({ id: 'delete-failed', tone: 'error', text: `Could not delete: ${removed.reason}.` });
          return;
        }
        refresh();
        if (id !== get().currentId) return;
        const next = library.list()[0];
        const loaded = next ? library.load(next.id) : null;
        if (next && loaded?.ok) switchTo(next.id, loaded.scenario);
        else switchTo(library.newId(), builtInScenario(BLANK_SCENARIO));
      },
      addScenario: (scenario) => {
        if (!leaveCurrent()) return false;
        switchTo(library.newId(), scenario);
        return true;
      },
    };
  };
