import type { StateCreator } from 'zustand';
import type { Scenario } from '../model';
import type { AppState } from './types';

export const HISTORY_LIMIT = 200;

export interface ScenarioSlice {
  scenario: Scenario;
  past: Scenario[];
  future: Scenario[];
  /** The scenario before the current gesture (a drag); the gesture is one undo step. */
  gestureBase: Scenario | null;
  /** Increases on every change of the scenario (autosave watches it). */
  revision: number;
  lastEdit: string | null;
  /** Applies an edit as one undoable step. Returns false when nothing changed. */
  apply: (label: string, edit: (scenario: Scenario) => Scenario) => boolean;
  beginGesture: () => void;
  updateGesture: (edit: (scenario: Scenario) => Scenario) => void;
  endGesture: (label: string) => void;
  undo: () => void;
  redo: () => void;
  /**
   * Replaces the document (open, import, new, a lesson, a share link, the wizard's starter):
   * history starts afresh, and the run, sweep and comparison of the one before are dropped, as
   * they belong to it (freshness.ts).
   */
  replaceScenario: (scenario: Scenario) => void;
}

function pushPast(past: Scenario[], scenario: Scenario): Scenario[] {
  const next = [...past, scenario];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

export const createScenarioSlice =
  (initial: Scenario): StateCreator<AppState, [], [], ScenarioSlice> =>
  (set, get) => ({
    scenario: initial,
    past: [],
    future: [],
    gestureBase: null,
    revision: 0,
    lastEdit: null,
    apply: (label, edit) => {
      const { scenario, past, revision } = get();
      const next = edit(scenario);
      if (next === scenario) return false;
      set({ scenario: next, past: pushPast(past, scenario), future: [], revision: revision + 1, lastEdit: label });
      return true;
    },
    beginGesture: () => {
      if (get().gestureBase === null) set({ gestureBase: get().scenario });
    },
    updateGesture: (edit) => {
      const { scenario, revision } = get();
      const next = edit(scenario);
      if (next !== scenario) set({ scenario: next, revision: revision + 1 });
    },
    endGesture: (label) => {
      const { gestureBase, scenario, past } = get();
      if (gestureBase === null) return;
      if (gestureBase === scenario) set({ gestureBase: null });
      else set({ gestureBase: null, past: pushPast(past, gestureBase), future: [], lastEdit: label });
    },
    undo: () => {
      const { past, future, scenario, revision } = get();
      const previous = past[past.length - 1];
      if (!previous) return;
      set({
        scenario: previous,
        past: past.slice(0, -1),
        future: [scenario, ...future],
        gestureBase: null,
        revision: revision + 1,
        lastEdit: 'undo',
      });
      get().pruneSelection();
    },
    redo: () => {
      const { past, future, scenario, revision } = get();
      const next = future[0];
      if (!next) return;
      set({
        scenario: next,
        past: pushPast(past, scenario),
        future: future.slice(1),
        gestureBase: null,
        revision: revision + 1,
        lastEdit: 'redo',
      });
      get().pruneSelection();
    },
    replaceScenario: (scenario) => {
      set({ scenario, past: [], future: [], gestureBase: null, revision: get().revision + 1, lastEdit: null });
      get().clearSelection();
      get().clearRun();
      get().clearBatch();
    },
  });
