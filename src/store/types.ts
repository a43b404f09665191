import type { CompareSlice } from './compareSlice';
import type { LibrarySlice } from './librarySlice';
import type { RunSlice } from './runSlice';
import type { ScenarioSlice } from './scenarioSlice';
import type { SelectionSlice } from './selectionSlice';
import type { UiSlice } from './uiSlice';

/** The one store of the app, made of slices. */
export type AppState = ScenarioSlice & SelectionSlice & UiSlice & LibrarySlice & RunSlice & CompareSlice;
