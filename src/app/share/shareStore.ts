import { createStore, useStore } from 'zustand';
import type { Scenario } from '../../model';
import type { ShareView } from '../../share';

/** A link read from the URL, waiting for the user to say Open or Cancel. */
export interface PendingLink {
  readonly scenario: Scenario;
  readonly view: ShareView;
}

/** The link just made by "Copy share link", shown so it can be copied by hand too. */
export interface CopiedLink {
  readonly url: string;
  /** False when the browser refused clipboard access. */
  readonly copied: boolean;
}

export interface ShareState {
  readonly pending: PendingLink | null;
  readonly copiedLink: CopiedLink | null;
}

export const shareStore = createStore<ShareState>(() => ({ pending: null, copiedLink: null }));

export function useShareState<T>(selector: (state: ShareState) => T): T {
  return useStore(shareStore, selector);
}
