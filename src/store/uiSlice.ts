import type { StateCreator } from 'zustand';
import type { Issue } from '../model';
import type { AppState } from './types';

export type NoticeTone = 'error' | 'warning' | 'info';

export interface Notice {
  readonly id: string;
  readonly tone: NoticeTone;
  readonly text: string;
  readonly details?: readonly string[];
  /** What a program said (a decoder's error): shown behind a "Technical details" disclosure. */
  readonly technical?: string;
  /** What the user can do about it at once (for example "Download a copy"), as buttons. */
  readonly actions?: readonly { readonly label: string; readonly run: () => void }[];
  /** Dismissed automatically after this long (for passing remarks, not for problems to fix). */
  readonly ttlMs?: number;
}

export interface ImportReport {
  readonly source: string;
  readonly errors: readonly Issue[];
}

export type BottomTab = 'workload' | 'faults' | 'problems' | 'events' | 'results' | 'compare' | 'sweep';

export interface UiSlice {
  notices: readonly Notice[];
  /** Shows a notice; a notice with the same id replaces the old one. */
  notify: (notice: Notice) => void;
  dismiss: (id: string) => void;
  helpOpen: boolean;
  setHelpOpen: (open: boolean) => void;
  importReport: ImportReport | null;
  setImportReport: (report: ImportReport | null) => void;
  bottomTab: BottomTab;
  setBottomTab: (tab: BottomTab) => void;
  snapToGrid: boolean;
  toggleSnapToGrid: () => void;
  /** While set, the next click on a canvas node or edge becomes this fault's target. */
  pickingTargetFor: string | null;
  setPickingTargetFor: (faultId: string | null) => void;
  /** Asks for a name for a new bounded context made of these nodes. */
  namingContextFor: readonly string[] | null;
  setNamingContextFor: (nodeIds: readonly string[] | null) => void;
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  notices: [],
  notify: (notice) => set({ notices: [...get().notices.filter((n) => n.id !== notice.id), notice] }),
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
  helpOpen: false,
  setHelpOpen: (open) => set({ helpOpen: open }),
  importReport: null,
  setImportReport: (report) => set({ importReport: report }),
  bottomTab: 'problems',
  setBottomTab: (tab) => set({ bottomTab: tab }),
  snapToGrid: true,
  toggleSnapToGrid: () => set({ snapToGrid: !get().snapToGrid }),
  pickingTargetFor: null,
  setPickingTargetFor: (faultId) => set({ pickingTargetFor: faultId }),
  namingContextFor: null,
  setNamingContextFor: (nodeIds) => set({ namingContextFor: nodeIds }),
});
