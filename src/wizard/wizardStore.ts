import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Answers, Draft } from './answers';
import { EMPTY, RESULT_STEP, browserStorage, loadWizard, saveWizard, type StorageLike } from './persist';
import { decodeLink } from './shareLink';

export interface WizardNotice {
  readonly tone: 'error' | 'warning' | 'info';
  readonly text: string;
}

export interface WizardState {
  readonly open: boolean;
  /** 0..QUESTIONS.length - 1: a question; QUESTIONS.length: the result. */
  readonly step: number;
  readonly draft: Draft;
  readonly notice: WizardNotice | null;
  /** Answers from a link, waiting for the user to let them replace their own. */
  readonly pendingShare: Answers | null;
  openWizard: () => void;
  close: () => void;
  answer: (patch: Draft) => void;
  goTo: (step: number) => void;
  startOver: () => void;
  /** Reads a `#wizard=` fragment: opens its result, or says why the link is bad. */
  applyLink: (hash: string) => void;
  acceptShare: () => void;
  declineShare: () => void;
  dismissNotice: () => void;
}

const hasAnswers = (draft: Draft) => Object.keys(draft).length > 0;
const sameAnswers = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

/** The wizard's own small store; it saves itself under its own storage key on every change. */
export function createWizardStore(storage: StorageLike | null): StoreApi<WizardState> {
  const loaded = loadWizard(storage);
  const store = createStore<WizardState>()((set, get) => ({
    ...loaded.saved,
    notice: loaded.notice ? { tone: 'warning', text: loaded.notice } : null,
    pendingShare: null,
    openWizard: () => set({ open: true }),
    close: () => set({ open: false, pendingShare: null }),
    answer: (patch) => set({ draft: { ...get().draft, ...patch } }),
    goTo: (step) => set({ step: Math.max(0, Math.min(RESULT_STEP, Math.trunc(step))) }),
    startOver: () => set({ ...EMPTY, open: true, notice: null, pendingShare: null }),
    applyLink: (hash) => {
      const result = decodeLink(hash);
      if (!result.ok) {
        set({ open: true, notice: { tone: 'error', text: result.message } });
        return;
      }
      const { draft } = get();
      if (hasAnswers(draft) && !sameAnswers(draft, result.answers)) {
        set({ open: true, pendingShare: result.answers, notice: null });
        return;
      }
      set({ open: true, draft: result.answers, step: RESULT_STEP, notice: { tone: 'info', text: 'Showing the result shared in the link.' } });
    },
    acceptShare: () => {
      const shared = get().pendingShare;
      if (!shared) return;
      set({ draft: shared, step: RESULT_STEP, pendingShare: null, notice: { tone: 'info', text: 'Showing the result shared in the link; your own answers were replaced.' } });
    },
    declineShare: () => set({ pendingShare: null, notice: { tone: 'info', text: 'Kept your own answers; the link was not opened.' } }),
    dismissNotice: () => set({ notice: null }),
  }));
  let last = '';
  store.subscribe(({ open, step, draft }) => {
    const text = JSON.stringify({ open, step, draft });
    if (text === last) return;
    last = text;
    saveWizard(storage, { open, step, draft });
  });
  return store;
}

export const wizardStore = createWizardStore(browserStorage());

export const openWizard = () => wizardStore.getState().openWizard();
