import type { StateCreator } from 'zustand';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, issueToString, type Scenario } from '../model';
import type { ScenarioLibrary, StoredEntry } from './persistence';
import type { AppState } from './types';

export const STORAGE_NOTICE = 'storage';
export const OTHER_TAB_NOTICE = 'other-tab';

export interface LibrarySlice {
  currentId: string;
  entries: readonly StoredEntry[];
  /** Why the last save failed, while it keeps failing; null when saved. */
  storageProblem: string | null;
  savedRevision: number;
  /** The stored revision of the open scenario that this tab last read or wrote (persistence.ts). */
  storedRevision: string | null;
  /** Another tab stored this scenario since this tab read it: saving here is held back. */
  changedElsewhere: boolean;
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
  /**
   * Another tab stored `id` (the storage event). With nothing unsaved here, its version is opened;
   * otherwise this tab says so and keeps its own edits.
   */
  storedElsewhere: (id: string) => void;
  /** Drops this tab's unsaved edits and opens the version another tab stored. */
  reloadStored: () => void;
  /** Keeps this tab's version as a new scenario, leaving the other tab's where it was. */
  saveAsCopy: () => void;
}

export const createLibrarySlice =
  (library: ScenarioLibrary): StateCreator<AppState, [], [], LibrarySlice> =>
  (set, get) => {
    const refresh = () => set({ entries: library.list() });

    const switchTo = (id: string, scenario: Scenario) => {
      get().replaceScenario(scenario);
      set({ currentId: id, storedRevision: library.revisionOf(id), changedElsewhere: false });
      get().dismiss(OTHER_TAB_NOTICE);
      library.setCurrentId(id);
      get().saveNow();
    };

    /** Never overwrite silently: say so, and offer both ways out. */
    const noticeChangedElsewhere = () => {
      set({ changedElsewhere: true });
      get().notify({
        id: OTHER_TAB_NOTICE,
        tone: 'error',
        text: `"${get().scenario.title}" was changed in another tab. Your edits here are kept in this tab and were not saved over it: open the other tab's version, or keep yours as a copy.`,
        actions: [
          { label: 'Open the other version', run: () => get().reloadStored() },
          { label: 'Keep mine as a copy', run: () => get().saveAsCopy() },
        ],
      });
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
      storedRevision: null,
      changedElsewhere: false,
      initLibrary: () => {
        const id = library.currentId();
        if (id !== null) {
          const loaded = library.load(id);
          if (loaded.ok) {
            get().replaceScenario(loaded.scenario);
            set({ currentId: id, savedRevision: get().revision, storedRevision: library.revisionOf(id) });
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
        const { currentId, scenario, revision, storedRevision } = get();
        const result = library.save(currentId, scenario, { expectedRevision: storedRevision });
        if (result.ok) {
          if (get().storageProblem !== null) get().dismiss(STORAGE_NOTICE);
          set({ storageProblem: null, savedRevision: revision, storedRevision: library.revisionOf(currentId) });
          refresh();
          return true;
        }
        if ('conflict' in result && result.conflict) {
          noticeChangedElsewhere();
          return false;
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
      storedElsewhere: (id) => {
        if (id !== get().currentId || library.revisionOf(id) === get().storedRevision) return;
        if (get().revision === get().savedRevision) {
          // Nothing unsaved here: follow the other tab.
          get().reloadStored();
          get().notify({ id: OTHER_TAB_NOTICE, tone: 'info', text: `"${get().scenario.title}" was changed in another tab; this tab now shows that version.`, ttlMs: 6000 });
          refresh();
          return;
        }
        noticeChangedElsewhere();
      },
      reloadStored: () => {
        const id = get().currentId;
        const loaded = library.load(id);
        get().dismiss(OTHER_TAB_NOTICE);
        if (!loaded.ok) {
          get().notify({ id: 'open-failed', tone: 'error', text: 'The other version could not be read; your version stays open.', details: loaded.errors.map(issueToString) });
          return;
        }
        get().replaceScenario(loaded.scenario);
        set({ savedRevision: get().revision, storedRevision: library.revisionOf(id), changedElsewhere: false });
        refresh();
      },
      saveAsCopy: () => {
        const copy = { ...get().scenario, title: `${get().scenario.title} (copy)`.slice(0, 120) };
        get().dismiss(OTHER_TAB_NOTICE);
        switchTo(library.newId(), copy);
      },
    };
  };
