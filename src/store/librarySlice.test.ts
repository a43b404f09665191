import { describe, expect, it } from 'vitest';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, type Scenario } from '../model';
import { createAppStore, type AppStore } from './createAppStore';
import { addNode } from './edits';
import { STORAGE_NOTICE } from './librarySlice';
import { MemoryStorage, ScenarioLibrary } from './persistence';

interface Setup {
  storage: MemoryStorage;
  library: ScenarioLibrary;
  store: AppStore;
}

function setup(prepare?: (library: ScenarioLibrary, storage: MemoryStorage) => void): Setup {
  const storage = new MemoryStorage();
  const library = new ScenarioLibrary(storage);
  prepare?.(library, storage);
  const store = createAppStore(library);
  return { storage, library, store };
}

function started(prepare?: (library: ScenarioLibrary, storage: MemoryStorage) => void): Setup {
  const s = setup(prepare);
  s.store.getState().initLibrary();
  return s;
}

function stored(library: ScenarioLibrary, id: string): Scenario {
  const result = library.load(id);
  if (!result.ok) throw new Error(`expected ${id} to be stored: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.scenario;
}

function titled(title: string): Scenario {
  return { ...builtInScenario(BLANK_SCENARIO), title };
}

function addService(store: AppStore): void {
  store.getState().apply('Add', (s) => addNode(s, 'service', { x: 100, y: 100 }).scenario);
}

describe('initLibrary', () => {
  it('opens the checkout example on empty storage and saves it as the current scenario', () => {
    const { store, library } = started();
    const state = store.getState();
    expect(state.scenario).toEqual(builtInScenario(CHECKOUT_SCENARIO));
    expect(state.currentId).not.toBe('unsaved');
    expect(library.currentId()).toBe(state.currentId);
    expect(stored(library, state.currentId)).toEqual(state.scenario);
    expect(state.entries.map((e) => e.id)).toEqual([state.currentId]);
    expect(state.savedRevision).toBe(state.revision);
    expect(state.storageProblem).toBeNull();
    expect(state.past).toEqual([]);
    expect(state.notices).toEqual([]);
  });

  it('opens the stored current scenario', () => {
    const { store } = started((library) => {
      library.save('mine', titled('My system'));
      library.save('other', titled('Other'));
      library.setCurrentId('mine');
    });
    const state = store.getState();
    expect(state.currentId).toBe('mine');
    expect(state.scenario.title).toBe('My system');
    expect(state.entries.map((e) => e.id)).toEqual(['mine', 'other']);
    expect(state.savedRevision).toBe(state.revision);
    expect(state.past).toEqual([]);
  });

  it('keeps an unreadable current scenario aside, says so, and opens the example', () => {
    const raw = '{"format":"faultline","version":1,"scenario":{"nodes":[{"id":"a","kind":"nonsense"}]}}';
    const { store, library, storage } = started((lib, st) => {
      st.setItem('faultline.v1.scenario.broken', raw);
      lib.setCurrentId('broken');
    });
    const state = store.getState();
    const notice = state.notices.find((n) => n.id === 'load-failed');
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toMatch(/kept aside/);
    expect(notice?.details?.length).toBeGreaterThan(0);
    expect(state.scenario.title).toBe('E-commerce checkout');
    expect(state.currentId).not.toBe('broken');
    expect(library.currentId()).toBe(state.currentId);

    const kept = library.corruptKeys();
    expect(kept).toHaveLength(1);
    expect(notice?.text).toContain(kept[0]);
    expect(storage.getItem(kept[0] ?? '')).toBe(raw);
  });

  it('opens the example when the current id points at nothing', () => {
    const { store } = started((library) => library.setCurrentId('gone'));
    expect(store.getState().scenario.title).toBe('E-commerce checkout');
    expect(store.getState().notices.find((n) => n.id === 'load-failed')?.tone).toBe('error');
  });
});

describe('saveNow', () => {
  it('reports a full storage as a problem and a notice, then clears both once a save works again', () => {
    const { store, storage, library } = started();
    const id = store.getState().currentId;
    const savedBefore = store.getState().savedRevision;
    storage.failWrites = 'quota';
    addService(store);

    expect(store.getState().saveNow()).toBe(false);
    const failing = store.getState();
    expect(failing.storageProblem).toMatch(/full/);
    expect(failing.savedRevision).toBe(savedBefore);
    const notice = failing.notices.find((n) => n.id === STORAGE_NOTICE);
    expect(STORAGE_NOTICE).toBe('storage');
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toMatch(/Not saved/);
    expect(stored(library, id).nodes).toHaveLength(12);

    // Failing again replaces the notice rather than piling them up.
    store.getState().saveNow();
    expect(store.getState().notices.filter((n) => n.id === STORAGE_NOTICE)).toHaveLength(1);

    storage.failWrites = null;
    expect(store.getState().saveNow()).toBe(true);
    const ok = store.getState();
    expect(ok.storageProblem).toBeNull();
    expect(ok.notices.some((n) => n.id === STORAGE_NOTICE)).toBe(false);
    expect(ok.savedRevision).toBe(ok.revision);
    expect(stored(library, id).nodes).toHaveLength(13);
  });

  it('leaves other notices alone when a save succeeds', () => {
    const { store } = started();
    store.getState().notify({ id: 'other', tone: 'info', text: 'hello' });
    expect(store.getState().saveNow()).toBe(true);
    expect(store.getState().notices.map((n) => n.id)).toEqual(['other']);
  });
});

describe('named scenarios', () => {
  it('newScenario opens a fresh blank or example scenario under a new id and saves it', () => {
    const { store, library } = started();
    const first = store.getState().currentId;
    store.getState().newScenario('blank');
    const blank = store.getState();
    expect(blank.currentId).not.toBe(first);
    expect(blank.scenario).toEqual(builtInScenario(BLANK_SCENARIO));
    expect(stored(library, blank.currentId)).toEqual(blank.scenario);
    expect(library.currentId()).toBe(blank.currentId);

    store.getState().newScenario('example');
    const example = store.getState();
    expect(example.scenario.title).toBe('E-commerce checkout');
    expect(new Set([first, blank.currentId, example.currentId]).size).toBe(3);
    expect(example.entries).toHaveLength(3);
  });

  it('openScenario opens a stored scenario with a fresh history', () => {
    const { store, library } = started((lib) => lib.save('other', titled('Other')));
    addService(store);
    store.getState().openScenario('other');
    const state = store.getState();
    expect(state.currentId).toBe('other');
    expect(state.scenario.title).toBe('Other');
    expect(state.past).toEqual([]);
    expect(state.savedRevision).toBe(state.revision);
    expect(library.currentId()).toBe('other');
  });

  it('openScenario of the open scenario does nothing', () => {
    const { store } = started();
    addService(store);
    const before = store.getState();
    store.getState().openScenario(before.currentId);
    expect(store.getState().scenario).toBe(before.scenario);
    expect(store.getState().past).toBe(before.past);
  });

  it('openScenario of an unreadable scenario keeps the current one open and explains', () => {
    // Listed in the index (an unlisted one is set aside as soon as the list is read).
    const { store, library } = started((_lib, storage) => {
      storage.setItem('faultline.v1.scenario.bad', 'garbage');
      storage.setItem('faultline.v1.index', JSON.stringify([{ id: 'bad', title: 'Bad', updatedAt: '2024-01-01T00:00:00.000Z' }]));
    });
    const before = store.getState();
    store.getState().openScenario('bad');
    const state = store.getState();
    expect(state.currentId).toBe(before.currentId);
    expect(state.scenario).toBe(before.scenario);
    const notice = state.notices.find((n) => n.id === 'open-failed');
    expect(notice?.tone).toBe('error');
    expect(notice?.text).toMatch(/kept aside/);
    expect(library.corruptKeys()).toHaveLength(1);
  });

  it('duplicateScenario opens a copy under a new id with "(copy)" in its title', () => {
    const { store, library } = started();
    const original = store.getState().currentId;
    addService(store);
    store.getState().duplicateScenario();
    const state = store.getState();
    expect(state.currentId).not.toBe(original);
    expect(state.scenario.title).toBe('E-commerce checkout (copy)');
    expect(state.scenario.nodes).toHaveLength(13);
    expect(stored(library, state.currentId).title).toBe('E-commerce checkout (copy)');
    expect(stored(library, original).nodes).toHaveLength(13);
    expect(state.entries.map((e) => e.id).sort()).toEqual([original, state.currentId].sort());
  });

  it('renameScenario trims the title, ignores a blank one, and is one undoable step', () => {
    const { store } = started();
    store.getState().renameScenario('  Payments  ');
    expect(store.getState().scenario.title).toBe('Payments');
    expect(store.getState().past).toHaveLength(1);
    store.getState().renameScenario('   ');
    store.getState().renameScenario('Payments');
    expect(store.getState().past).toHaveLength(1);
    store.getState().renameScenario('x'.repeat(300));
    expect(store.getState().scenario.title).toHaveLength(120);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().scenario.title).toBe('E-commerce checkout');
  });

  it('addScenario opens an imported scenario as a new named scenario', () => {
    const { store, library } = started();
    const first = store.getState().currentId;
    store.getState().addScenario(titled('Imported'));
    const state = store.getState();
    expect(state.currentId).not.toBe(first);
    expect(state.scenario.title).toBe('Imported');
    expect(stored(library, state.currentId).title).toBe('Imported');
    expect(state.entries).toHaveLength(2);
  });

  it('deleteScenario of another scenario keeps the open one and updates the list', () => {
    const { store, library } = started((lib) => lib.save('other', titled('Other')));
    const open = store.getState();
    store.getState().deleteScenario('other');
    const state = store.getState();
    expect(state.currentId).toBe(open.currentId);
    expect(state.scenario).toBe(open.scenario);
    expect(state.entries.map((e) => e.id)).toEqual([open.currentId]);
    expect(library.load('other').ok).toBe(false);
  });

  it('deleteScenario of the open scenario opens another one', () => {
    const { store, library } = started((lib) => {
      lib.save('first', titled('First'));
      lib.save('second', titled('Second'));
      lib.setCurrentId('second');
    });
    store.getState().deleteScenario('second');
    const state = store.getState();
    expect(state.currentId).toBe('first');
    expect(state.scenario.title).toBe('First');
    expect(state.entries.map((e) => e.id)).toEqual(['first']);
    expect(library.currentId()).toBe('first');
    expect(library.load('second').ok).toBe(false);
  });

  it('deleteScenario of the only scenario opens a new blank one', () => {
    const { store, library } = started();
    const only = store.getState().currentId;
    store.getState().deleteScenario(only);
    const state = store.getState();
    expect(state.currentId).not.toBe(only);
    expect(state.scenario).toEqual(builtInScenario(BLANK_SCENARIO));
    expect(state.entries.map((e) => e.id)).toEqual([state.currentId]);
    expect(library.load(only).ok).toBe(false);
  });

  it('deleteScenario that storage refuses keeps everything and says so', () => {
    const { store, storage, library } = started((lib) => lib.save('other', titled('Other')));
    storage.failWrites = 'quota';
    store.getState().deleteScenario('other');
    expect(store.getState().notices.find((n) => n.id === 'delete-failed')?.text).toMatch(/Could not delete: .*full/);
    storage.failWrites = null;
    expect(stored(library, 'other').title).toBe('Other');
    expect(library.list().map((e) => e.id)).toContain('other');
  });
});

describe('switching scenarios', () => {
  const switches: [string, (store: AppStore) => void][] = [
    ['opening another scenario', (store) => store.getState().openScenario('other')],
    ['creating a new scenario', (store) => store.getState().newScenario('blank')],
    ['duplicating', (store) => store.getState().duplicateScenario()],
    ['importing a scenario', (store) => store.getState().addScenario(titled('Imported'))],
  ];
  for (const [what, act] of switches) {
    it(`saves unsaved changes of the open scenario before ${what}`, () => {
      const { store, library } = started((lib) => lib.save('other', titled('Other')));
      const id = store.getState().currentId;
      addService(store);
      expect(store.getState().revision).not.toBe(store.getState().savedRevision);
      act(store);
      expect(store.getState().currentId).not.toBe(id);
      expect(stored(library, id).nodes).toHaveLength(13);
    });
  }
});

describe('switching scenarios while storage is full', () => {
  it('keeps the unsaved scenario open instead of replacing it, for every way of switching', () => {
    const { store, storage } = started();
    store.getState().addScenario(titled('Other'));
    const otherId = store.getState().currentId;
    store.getState().openScenario(store.getState().entries.find((e) => e.id !== otherId)?.id ?? '');
    addService(store);
    const unsaved = store.getState().scenario;
    storage.failWrites = 'quota';
    store.getState().newScenario('blank');
    store.getState().duplicateScenario();
    store.getState().addScenario(titled('Imported'));
    store.getState().openScenario(otherId);
    expect(store.getState().scenario).toBe(unsaved);
    expect(store.getState().notices.some((n) => n.id === 'switch-blocked' && n.tone === 'error')).toBe(true);
    storage.failWrites = null;
    store.getState().openScenario(otherId);
    expect(store.getState().scenario.title).toBe('Other');
  });
});

describe('two tabs on one scenario', () => {
  /** Two tabs: two stores over one browser storage, both on the same scenario. */
  function twoTabs() {
    const storage = new MemoryStorage();
    const a = createAppStore(new ScenarioLibrary(storage));
    a.getState().initLibrary();
    const b = createAppStore(new ScenarioLibrary(storage));
    b.getState().initLibrary();
    expect(b.getState().currentId).toBe(a.getState().currentId);
    return { a, b, storage };
  }
  const rename = (store: AppStore, title: string) => store.getState().apply('Rename', (s: Scenario) => ({ ...s, title }));
  const stored = (storage: MemoryStorage, id: string) => (JSON.parse(storage.getItem(`faultline.v1.scenario.${id}`) ?? '{}') as { scenario?: Scenario }).scenario;

  it('never lets the older tab overwrite the newer save: it says so and keeps its own edit', () => {
    const { a, b, storage } = twoTabs();
    const id = a.getState().currentId;
    rename(a, 'Edited in A');
    expect(a.getState().saveNow()).toBe(true);
    rename(b, 'Edited in B');
    expect(b.getState().saveNow()).toBe(false);
    expect(stored(storage, id)?.title).toBe('Edited in A');
    expect(b.getState().changedElsewhere).toBe(true);
    const notice = b.getState().notices.find((n) => n.id === 'other-tab');
    expect(notice?.text).toMatch(/changed in another tab/);
    expect(notice?.actions?.map((x) => x.label)).toEqual(['Open the other version', 'Keep mine as a copy']);
    expect(b.getState().scenario.title).toBe('Edited in B');
  });

  it('keeps the older tab edit as a copy when asked, leaving the other one where it was', () => {
    const { a, b, storage } = twoTabs();
    const id = a.getState().currentId;
    rename(a, 'Edited in A');
    a.getState().saveNow();
    rename(b, 'Edited in B');
    b.getState().saveNow();
    b.getState().saveAsCopy();
    expect(b.getState().currentId).not.toBe(id);
    expect(stored(storage, b.getState().currentId)?.title).toBe('Edited in B (copy)');
    expect(stored(storage, id)?.title).toBe('Edited in A');
    expect(b.getState().changedElsewhere).toBe(false);
  });

  it('opens the other version when asked, and saves normally after that', () => {
    const { a, b, storage } = twoTabs();
    const id = a.getState().currentId;
    rename(a, 'Edited in A');
    a.getState().saveNow();
    rename(b, 'Edited in B');
    b.getState().saveNow();
    b.getState().reloadStored();
    expect(b.getState().scenario.title).toBe('Edited in A');
    rename(b, 'Then B');
    expect(b.getState().saveNow()).toBe(true);
    expect(stored(storage, id)?.title).toBe('Then B');
  });

  it('follows the other tab at once when this one has nothing unsaved', () => {
    const { a, b } = twoTabs();
    const id = a.getState().currentId;
    rename(a, 'Edited in A');
    a.getState().saveNow();
    b.getState().storedElsewhere(id);
    expect(b.getState().scenario.title).toBe('Edited in A');
    expect(b.getState().changedElsewhere).toBe(false);
  });
});
