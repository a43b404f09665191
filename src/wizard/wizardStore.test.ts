import { describe, expect, it } from 'vitest';
import { RESULT_STEP, STORAGE_KEY, loadWizard, type StorageLike } from './persist';
import { PLATFORM, STARTUP } from './sampleAnswers';
import { encodeLink } from './shareLink';
import { createWizardStore } from './wizardStore';

function memory(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

describe('the wizard state', () => {
  it('survives a reload: answers, step and whether it was open', () => {
    const storage = memory();
    const first = createWizardStore(storage);
    first.getState().openWizard();
    first.getState().answer({ developers: 12, teams: 2 });
    first.getState().goTo(3);
    const again = createWizardStore(storage).getState();
    expect(again).toMatchObject({ open: true, step: 3, draft: { developers: 12, teams: 2 }, notice: null });
  });

  it.each([
    ['text that is not JSON', '{oops', /not valid JSON/],
    ['an unknown answer', JSON.stringify({ version: 1, open: true, step: 2, draft: { mood: 'sunny' } }), /draft/],
    ['a step past the result', JSON.stringify({ version: 1, open: true, step: 99, draft: {} }), /step/],
    ['a newer version', JSON.stringify({ version: 2, open: true, step: 1, draft: {} }), /version/],
    ['a bad answer value', JSON.stringify({ version: 1, open: false, step: 1, draft: { developers: -4 } }), /developers/],
  ])('ignores stored %s with a notice instead of crashing', (_what, text, detail) => {
    const state = createWizardStore(memory({ [STORAGE_KEY]: text })).getState();
    expect(state).toMatchObject({ open: false, step: 0, draft: {} });
    expect(state.notice?.tone).toBe('warning');
    expect(state.notice?.text).toMatch(/could not be read, so the wizard starts afresh/);
    expect(state.notice?.text).toMatch(detail);
  });

  it('starts quietly when the browser refuses to read its storage or has none', () => {
    const refusing: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadWizard(refusing).notice).toMatch(/refused/);
    expect(createWizardStore(null).getState().notice).toBeNull();
  });

  it('opens the result of a good link at once when there are no answers yet', () => {
    const store = createWizardStore(memory());
    store.getState().applyLink(encodeLink(PLATFORM));
    expect(store.getState()).toMatchObject({ open: true, step: RESULT_STEP, draft: PLATFORM, pendingShare: null });
  });

  it('asks before a link replaces answers already given, and keeps them when told to', () => {
    const store = createWizardStore(memory());
    store.getState().answer(STARTUP);
    store.getState().applyLink(encodeLink(PLATFORM));
    expect(store.getState().pendingShare).toEqual(PLATFORM);
    expect(store.getState().draft).toEqual(STARTUP);
    store.getState().declineShare();
    expect(store.getState()).toMatchObject({ pendingShare: null, draft: STARTUP });
    store.getState().applyLink(encodeLink(PLATFORM));
    store.getState().acceptShare();
    expect(store.getState()).toMatchObject({ pendingShare: null, draft: PLATFORM, step: RESULT_STEP });
  });

  it('shows why a mangled link was refused and keeps the answers', () => {
    const store = createWizardStore(memory());
    store.getState().answer({ developers: 4 });
    store.getState().applyLink('#wizard=not*valid');
    expect(store.getState()).toMatchObject({ open: true, draft: { developers: 4 } });
    expect(store.getState().notice).toMatchObject({ tone: 'error', text: expect.stringContaining('This wizard link is damaged') });
  });

  it('starts over with no answers, still open', () => {
    const storage = memory();
    const store = createWizardStore(storage);
    store.getState().answer(PLATFORM);
    store.getState().goTo(RESULT_STEP);
    store.getState().startOver();
    expect(store.getState()).toMatchObject({ open: true, step: 0, draft: {} });
    expect(JSON.parse(storage.data.get(STORAGE_KEY) ?? '{}')).toEqual({ version: 1, open: true, step: 0, draft: {} });
  });
});
