import { createStore, useStore } from 'zustand';

/** Which lesson is open and how it is shown; the scenario itself lives in the app's store. */
export interface LessonState {
  /** The lesson whose steps the side panel shows; null when no lesson is open. */
  readonly lessonId: string | null;
  readonly stepIndex: number;
  readonly browserOpen: boolean;
  /** Presenter view: full screen, large type, editing chrome hidden, canvas read-only. */
  readonly workshop: boolean;
}

export const lessonStore = createStore<LessonState>(() => ({ lessonId: null, stepIndex: 0, browserOpen: false, workshop: false }));

export function useLessonState<T>(selector: (state: LessonState) => T): T {
  return useStore(lessonStore, selector);
}

export const openLessonBrowser = () => lessonStore.setState({ browserOpen: true });
export const closeLessonBrowser = () => lessonStore.setState({ browserOpen: false });
