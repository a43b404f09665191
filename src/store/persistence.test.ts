import { describe, expect, it } from 'vitest';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, LIMITS, builtInScenario, restore, restoreText, serializeScenario, type Scenario } from '../model';
import { MemoryStorage, ScenarioLibrary, type StorageLike } from './persistence';

const SCENARIO_KEY = (id: string) => `faultline.v1.scenario.${id}`;
const INDEX_KEY = 'faultline.v1.index';
const CURRENT_KEY = 'faultline.v1.current';
const CORRUPT = 'faultline.v1.corrupt.';

const AT = new Date('2024-05-06T07:08:09.010Z');
const fixedClock = () => AT;

function setup(clock: () => Date = fixedClock): { storage: MemoryStorage; library: ScenarioLibrary } {
  const storage = new MemoryStorage();
  return { storage, library: new ScenarioLibrary(storage, clock) };
}

/** Valid JSON that restore refuses: an edge to a node that does not exist. */
const BROKEN_REFERENCE = JSON.stringify({
  format: 'faultline',
  version: 1,
  scenario: { title: 'Broken', nodes: [{ id: 'a', kind: 'service' }], edges: [{ id: 'e', from: 'a', to: 'ghost' }] },
});

function loaded(library: ScenarioLibrary, id: string) {
  const result = library.load(id);
  if (!result.ok) throw new Error(`expected ${id} to load: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.scenario;
}

describe('ScenarioLibrary save, list and load', () => {
  it('round-trips a scenario: what is loaded deep-equals what was saved', () => {
    const { library } = setup();
    const checkout = builtInScenario(CHECKOUT_SCENARIO);
    expect(library.save('one', checkout)).toEqual({ ok: true });
    expect(library.list()).toEqual([{ id: 'one', title: 'E-commerce checkout', updatedAt: AT.toISOString() }]);
    expect(loaded(library, 'one')).toEqual(checkout);
  });

  it('updates the index entry of an id saved again instead of adding a second one', () => {
    let now = AT;
    const { library } = setup(() => now);
    library.save('one', builtInScenario(CHECKOUT_SCENARIO));
    library.save('two', builtInScenario(BLANK_SCENARIO));
    now = new Date('2025-01-01T00:00:00.000Z');
    library.save('one', { ...builtInScenario(CHECKOUT_SCENARIO), title: 'Renamed' });
    expect(library.list()).toEqual([
      { id: 'one', title: 'Renamed', updatedAt: '2025-01-01T00:00:00.000Z' },
      { id: 'two', title: 'Untitled scenario', updatedAt: AT.toISOString() },
    ]);
    expect(loaded(library, 'one').title).toBe('Renamed');
  });

  it('reports a missing scenario without setting anything aside', () => {
    const { library } = setup();
    const result = library.load('nope');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.keptAs).toBeNull();
      expect(result.errors[0]?.message).toMatch(/no stored scenario "nope"/);
    }
    expect(library.corruptKeys()).toEqual([]);
  });

  it('skips malformed entries of an index that is otherwise a list', () => {
    const { storage, library } = setup();
    storage.setItem(INDEX_KEY, JSON.stringify([{ id: 'a', title: 'A', updatedAt: 'x' }, { id: 3 }, null, 'b']));
    expect(library.list()).toEqual([{ id: 'a', title: 'A', updatedAt: 'x' }]);
    expect(library.corruptKeys()).toEqual([]);
  });
});

describe('ScenarioLibrary with unreadable data', () => {
  it('copies an unreadable scenario aside with its raw text, and drops it from the index', () => {
    const { storage, library } = setup();
    library.save('good', builtInScenario(BLANK_SCENARIO));
    library.save('bad', builtInScenario(BLANK_SCENARIO));
    storage.setItem(SCENARIO_KEY('bad'), BROKEN_REFERENCE);

    const result = library.load('bad');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.some((e) => /ghost/.test(e.message))).toBe(true);
    expect(result.keptAs).not.toBeNull();
    expect(result.keptAs?.startsWith(`${CORRUPT}bad.`)).toBe(true);
    expect(storage.getItem(result.keptAs ?? '')).toBe(BROKEN_REFERENCE);
    expect(storage.getItem(SCENARIO_KEY('bad'))).toBeNull();
    expect(library.list().map((e) => e.id)).toEqual(['good']);
    expect(library.corruptKeys()).toEqual([result.keptAs]);
  });

  it('keeps text that is not even JSON, byte for byte', () => {
    const { storage, library } = setup();
    const raw = '{"format": "faultline", "scen\u00e9ario": [1, 2,';
    storage.setItem(SCENARIO_KEY('x'), raw);
    const result = library.load('x');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(storage.getItem(result.keptAs ?? '')).toBe(raw);
  });

  it('never overwrites a kept copy: each unreadable load makes its own key', () => {
    const { storage, library } = setup();
    storage.setItem(SCENARIO_KEY('a'), 'first garbage');
    storage.setItem(SCENARIO_KEY('b'), 'second garbage');
    const a = library.load('a');
    const b = library.load('b');
    // The same id broken again at the same instant.
    storage.setItem(SCENARIO_KEY('a'), 'third garbage');
    const again = library.load('a');

    const keys = [a, b, again].map((r) => (r.ok ? null : r.keptAs));
    expect(keys.every((k) => k !== null)).toBe(true);
    expect(new Set(keys).size).toBe(3);
    expect(library.corruptKeys()).toHaveLength(3);
    expect(keys.map((k) => storage.getItem(k ?? ''))).toEqual(['first garbage', 'second garbage', 'third garbage']);
  });

  it('keeps a corrupt index aside and rebuilds it from the scenario keys', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(CHECKOUT_SCENARIO));
    library.save('two', builtInScenario(BLANK_SCENARIO));
    storage.setItem(SCENARIO_KEY('three'), 'garbage');
    storage.setItem(INDEX_KEY, '[{"id": "one", oops');

    const entries = library.list();
    expect(entries.map((e) => [e.id, e.title]).sort()).toEqual([
      ['one', 'E-commerce checkout'],
      ['three', 'three'],
      ['two', 'Untitled scenario'],
    ]);
    const kept = library.corruptKeys();
    expect(kept).toHaveLength(1);
    expect(kept[0]?.startsWith(`${CORRUPT}index.`)).toBe(true);
    expect(storage.getItem(kept[0] ?? '')).toBe('[{"id": "one", oops');
    // The rebuilt index is stored: a second list neither rebuilds nor keeps anything aside again.
    expect(JSON.parse(storage.getItem(INDEX_KEY) ?? 'null')).toEqual(entries);
    expect(library.list()).toEqual(entries);
    expect(library.corruptKeys()).toHaveLength(1);
  });

  it('treats an index that is not a list as corrupt', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(BLANK_SCENARIO));
    storage.setItem(INDEX_KEY, '{"one": true}');
    expect(library.list().map((e) => e.id)).toEqual(['one']);
    expect(library.corruptKeys()).toHaveLength(1);
  });

  it('lists a corrupt index without throwing while storage is full', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(BLANK_SCENARIO));
    storage.setItem(INDEX_KEY, 'not an index');
    storage.failWrites = 'quota';

    expect(() => library.list()).not.toThrow();
    expect(library.list().map((e) => e.id)).toEqual(['one']);
    expect(() => library.newId()).not.toThrow();
    const saved = library.save('two', builtInScenario(BLANK_SCENARIO));
    expect(saved.ok).toBe(false);
    if (!saved.ok) expect(saved.reason).toMatch(/storage .* is full/);
    // Nothing was lost: the unreadable index is still there to be kept aside later.
    expect(storage.getItem(INDEX_KEY)).toBe('not an index');
  });
});

describe('ScenarioLibrary when storage is full', () => {
  it('save returns ok:false with a reason saying storage is full, and does not throw', () => {
    const { storage, library } = setup();
    storage.failWrites = 'quota';
    let result: ReturnType<ScenarioLibrary['save']> | undefined;
    expect(() => {
      result = library.save('one', builtInScenario(CHECKOUT_SCENARIO));
    }).not.toThrow();
    expect(result).toEqual({ ok: false, reason: 'the browser storage for this site is full' });
    expect(storage.getItem(SCENARIO_KEY('one'))).toBeNull();
    expect(library.list()).toEqual([]);
  });

  it('setCurrentId reports the failure instead of throwing', () => {
    const { storage, library } = setup();
    storage.failWrites = 'quota';
    expect(library.setCurrentId('x')).toEqual({ ok: false, reason: 'the browser storage for this site is full' });
    expect(library.currentId()).toBeNull();
  });

  it('leaves an unreadable scenario in place when it cannot be copied aside', () => {
    const { storage, library } = setup();
    storage.setItem(SCENARIO_KEY('bad'), 'garbage');
    storage.failWrites = 'quota';
    const result = library.load('bad');
    expect(result).toMatchObject({ ok: false, keptAs: null });
    expect(storage.getItem(SCENARIO_KEY('bad'))).toBe('garbage');
  });

  it('remove reports failure and leaves the scenario loadable when the index cannot be written', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(BLANK_SCENARIO));
    storage.failWrites = 'quota';
    const result = library.remove('one');
    expect(result.ok).toBe(false);
    storage.failWrites = null;
    expect(library.list().map((e) => e.id)).toEqual(['one']);
    expect(loaded(library, 'one').title).toBe('Untitled scenario');
  });

  it('describes a storage that refuses for security reasons', () => {
    const refusing: StorageLike = {
      length: 0,
      getItem: () => null,
      setItem: () => {
        const error = new Error('denied');
        error.name = 'SecurityError';
        throw error;
      },
      removeItem: () => undefined,
      key: () => null,
    };
    const result = new ScenarioLibrary(refusing).save('one', builtInScenario(BLANK_SCENARIO));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/does not allow this site to store data/);
  });
});

describe('ScenarioLibrary ids', () => {
  it('remove drops the scenario and its index entry', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(BLANK_SCENARIO));
    library.save('two', builtInScenario(BLANK_SCENARIO));
    expect(library.remove('one')).toEqual({ ok: true });
    expect(library.list().map((e) => e.id)).toEqual(['two']);
    expect(storage.getItem(SCENARIO_KEY('one'))).toBeNull();
    expect(library.load('one').ok).toBe(false);
  });

  it('newId avoids ids in the index and ids stored without an index entry', () => {
    const { storage, library } = setup();
    const first = library.newId();
    expect(first).toMatch(/^s[0-9a-z]+$/);
    library.save(first, builtInScenario(BLANK_SCENARIO));
    const second = library.newId();
    expect(second).not.toBe(first);
    storage.setItem(SCENARIO_KEY(second), serializeScenario(builtInScenario(BLANK_SCENARIO)));
    const third = library.newId();
    expect(new Set([first, second, third]).size).toBe(3);
  });

  it('newId never gives the id of a scenario deleted at the same instant', () => {
    const { library } = setup();
    const first = library.newId();
    library.save(first, builtInScenario(BLANK_SCENARIO));
    library.remove(first);
    expect(library.newId()).not.toBe(first);
  });

  it('newId gives many distinct ids at one instant as they are saved', () => {
    const { library } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const id = library.newId();
      ids.push(id);
      library.save(id, builtInScenario(BLANK_SCENARIO));
    }
    expect(new Set(ids).size).toBe(20);
    expect(library.list()).toHaveLength(20);
  });

  it('currentId is null at first and remembers what setCurrentId stored', () => {
    const { storage, library } = setup();
    expect(library.currentId()).toBeNull();
    expect(library.setCurrentId('abc')).toEqual({ ok: true });
    expect(library.currentId()).toBe('abc');
    expect(storage.getItem(CURRENT_KEY)).toBe('abc');
    expect(new ScenarioLibrary(storage).currentId()).toBe('abc');
  });
});

describe('MemoryStorage', () => {
  it('behaves like a small Web Storage', () => {
    const storage = new MemoryStorage();
    storage.setItem('a', '1');
    storage.setItem('b', '2');
    expect(storage.length).toBe(2);
    expect(storage.key(0)).toBe('a');
    expect(storage.key(5)).toBeNull();
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
    storage.failWrites = 'quota';
    expect(() => storage.setItem('c', '3')).toThrow(expect.objectContaining({ name: 'QuotaExceededError' }));
  });
});

/** 2,000 nodes and 5,000 edges (the model's caps), with descriptions of `descriptionChars` each. */
function atTheCaps(descriptionChars: number): Scenario {
  const nodes = [
    { id: 'client', kind: 'client' },
    ...Array.from({ length: LIMITS.maxNodes - 1 }, (_, i) => ({ id: `node-${i}`, kind: 'service', label: `Service number ${i} `.padEnd(LIMITS.maxLabelLength, '.'), description: 'd'.repeat(descriptionChars) })),
  ];
  const n = LIMITS.maxNodes - 1;
  const edges = Array.from({ length: LIMITS.maxEdges }, (_, i) => ({
    id: `edge-${i}`,
    from: i < n ? 'client' : `node-${i % n}`,
    to: `node-${(i % n) + 1 + Math.floor(i / n) * 3 >= n ? ((i % n) + 1 + Math.floor(i / n) * 3) % n : (i % n) + 1 + Math.floor(i / n) * 3}`,
  }));
  const result = restore({ format: 'faultline', version: 2, scenario: { title: 'At the caps', nodes, edges } });
  if (!result.ok) throw new Error(`the scenario at the caps is invalid: ${result.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return result.scenario;
}

describe('what can be saved opens again', () => {
  it('saves, reloads and re-imports from its own export a scenario at the caps (2,000 nodes, 5,000 edges, 600-character descriptions)', () => {
    const big = atTheCaps(600);
    const { storage, library } = setup();
    expect(library.save('big', big)).toEqual({ ok: true });
    // A reload reads it back through the same library.
    expect(loaded(new ScenarioLibrary(storage, fixedClock), 'big')).toEqual(big);
    const exported = restoreText(serializeScenario(big));
    expect(exported.ok, exported.ok ? '' : exported.errors[0]?.message).toBe(true);
  });

  it('refuses a scenario too large to save again, saying by how much, instead of storing what cannot be opened', () => {
    const tooBig = restore({
      format: 'faultline',
      version: 2,
      scenario: { title: 'Too big', nodes: Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, kind: 'service', description: 'd'.repeat(LIMITS.maxTextLength) })), edges: [] },
    });
    expect(tooBig.ok).toBe(false);
    if (tooBig.ok) return;
    expect(tooBig.errors[0]?.message).toMatch(/too large: [\d,]+ characters when saved, at most 5,000,000/);
  });
});

describe('an index that misses entries', () => {
  it('lists every stored scenario, the ones the index misses too', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(CHECKOUT_SCENARIO));
    library.save('two', builtInScenario(BLANK_SCENARIO));
    storage.setItem(INDEX_KEY, JSON.stringify([{ id: 'one', title: 'E-commerce checkout', updatedAt: AT.toISOString() }]));
    expect(library.list().map((e) => e.id).sort()).toEqual(['one', 'two']);
    // The repaired index is written back.
    expect((JSON.parse(storage.getItem(INDEX_KEY) ?? '[]') as { id: string }[]).map((e) => e.id).sort()).toEqual(['one', 'two']);
  });

  it('sets aside an unlisted scenario that cannot be read, keeping its text', () => {
    const { storage, library } = setup();
    library.save('one', builtInScenario(CHECKOUT_SCENARIO));
    storage.setItem(SCENARIO_KEY('lost'), BROKEN_REFERENCE);
    expect(library.list().map((e) => e.id)).toEqual(['one']);
    expect(storage.getItem(SCENARIO_KEY('lost'))).toBeNull();
    const kept = library.corruptKeys();
    expect(kept).toHaveLength(1);
    expect(storage.getItem(kept[0] ?? '')).toBe(BROKEN_REFERENCE);
  });
});


describe('two tabs on one scenario', () => {
  it('refuses to overwrite a scenario another tab stored since this one read it', () => {
    const storage = new MemoryStorage();
    const tabA = new ScenarioLibrary(storage, fixedClock);
    const tabB = new ScenarioLibrary(storage, fixedClock);
    const checkout = builtInScenario(CHECKOUT_SCENARIO);
    expect(tabA.save('one', checkout)).toEqual({ ok: true });
    const read = tabA.revisionOf('one');
    expect(read).not.toBeNull();
    // B read the same revision, then A saved again.
    expect(tabA.save('one', { ...checkout, title: 'A' }, { expectedRevision: read })).toEqual({ ok: true });
    const b = tabB.save('one', { ...checkout, title: 'B' }, { expectedRevision: read });
    expect(b).toMatchObject({ ok: false, conflict: true });
    expect(loaded(tabA, 'one').title).toBe('A');
    // After reading A's revision, B may save.
    expect(tabB.save('one', { ...checkout, title: 'B' }, { expectedRevision: tabB.revisionOf('one') })).toEqual({ ok: true });
    expect(loaded(tabA, 'one').title).toBe('B');
  });

  it('treats a scenario never stored as revision null', () => {
    const { library } = setup();
    expect(library.revisionOf('new')).toBeNull();
    expect(library.save('new', builtInScenario(BLANK_SCENARIO), { expectedRevision: null })).toEqual({ ok: true });
    expect(library.save('new', builtInScenario(BLANK_SCENARIO), { expectedRevision: null })).toMatchObject({ ok: false, conflict: true });
  });
});
