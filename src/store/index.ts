import { useStore } from 'zustand';
import { createAppStore } from './createAppStore';
import { MemoryStorage, ScenarioLibrary, type StorageLike } from './persistence';
import type { AppState } from './types';

export type { AppState } from './types';
export type { AppStore } from './createAppStore';
export { createAppStore } from './createAppStore';
export { startAutosave } from './autosave';
export { STORAGE_NOTICE } from './librarySlice';
export { ScenarioLibrary, MemoryStorage } from './persistence';
export type { StoredEntry, StorageLike } from './persistence';
export type { Selection } from './selectionSlice';
export type { Notice, NoticeTone, BottomTab } from './uiSlice';
export * as edits from './edits';
export { copySelection, pasteSnippet, type Snippet } from './clipboard';

function browserStorage(): { storage: StorageLike; problem: string | null } {
  try {
    const storage = window.localStorage;
    const probe = 'faultline.v1.probe';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return { storage, problem: null };
  } catch {
    return {
      storage: new MemoryStorage(),
      problem: 'This browser does not let Faultline store data, so your work lives only in this tab: export it to a file to keep it.',
    };
  }
}

const { storage, problem } = browserStorage();

/** The app's store. */
export const appStore = createAppStore(new ScenarioLibrary(storage));
if (problem) appStore.getState().notify({ id: 'storage-unavailable', tone: 'warning', text: problem });

/** Reads the store with a narrow selector (components re-render only when their slice changes). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}
export { liveEdge, liveNode, nodeHealth, sampleAt, failuresOf, faultMarksAt, runCascade, runWorstMoment, cascadeStep, type Health, type NodeLive, type EdgeLive } from './runView';
export type { RunPhase } from './runSlice';
export type { BatchPhase, CompareVariant, ComparedRun, SweepMetric, SweepPoint, SweepRun } from './compareSlice';
export { isBatchRunning } from './compareSlice';
export {
  EARLIER_VERSION,
  canvasShowsRun,
  compareFreshness,
  currentLiveEdge,
  currentLiveNode,
  isRunStale,
  runFreshness,
  scenarioContentHash,
  sweepFreshness,
  type Freshness,
  type ResultIdentity,
} from './freshness';
export { poolSize } from '../worker/pool';
export { VARIANT_RECIPES, applyRecipes, recipesLabel, type RecipeId, type VariantRecipe } from './variants';
