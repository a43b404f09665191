import { createStore, type StoreApi } from 'zustand/vanilla';
import { BLANK_SCENARIO, builtInScenario } from '../model';
import { createCompareSlice } from './compareSlice';
import { createLibrarySlice } from './librarySlice';
import { createRunSlice } from './runSlice';
import type { startRun } from '../worker/client';
import type { runMany } from '../worker/pool';
import type { ScenarioLibrary } from './persistence';
import { createScenarioSlice } from './scenarioSlice';
import { createSelectionSlice } from './selectionSlice';
import type { AppState } from './types';
import { createUiSlice } from './uiSlice';

export type AppStore = StoreApi<AppState>;

/** Builds the store around a scenario library (browser storage, or memory in tests). */
export function createAppStore(library: ScenarioLibrary, starter?: typeof startRun, batchRunner?: typeof runMany): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createScenarioSlice(builtInScenario(BLANK_SCENARIO))(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createLibrarySlice(library)(...a),
    ...createRunSlice(starter)(...a),
    ...createCompareSlice(library, batchRunner)(...a),
  }));
}
