import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../model';
import { AUTOSAVE_DELAY_MS, startAutosave } from './autosave';
import { createAppStore, type AppStore } from './createAppStore';
import { moveNodes } from './edits';
import { MemoryStorage, ScenarioLibrary } from './persistence';

type Listener = EventListenerOrEventListenerObject;

/** Just enough of `window` for autosave: listeners kept in a map, fired by hand. */
class FakeWindow {
  readonly listeners = new Map<string, Set<Listener>>();
  document?: Document;

  addEventListener(type: string, listener: Listener | null): void {
    if (!listener) return;
    const set = this.listeners.get(type) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(type, set);
  }

  removeEventListener(type: string, listener: Listener | null): void {
    if (listener) this.listeners.get(type)?.delete(listener);
  }

  fire(type: string): Event {
    const event = new Event(type, { cancelable: true });
    for (const listener of this.listeners.get(type) ?? []) {
      if (typeof listener === 'function') listener(event);
      else listener.handleEvent(event);
    }
    return event;
  }

  count(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

function setup(): { store: AppStore; library: ScenarioLibrary; target: FakeWindow; save: ReturnType<typeof vi.spyOn> } {
  const library = new ScenarioLibrary(new MemoryStorage());
  const store = createAppStore(library);
  store.getState().initLibrary();
  const save = vi.spyOn(library, 'save');
  return { store, library, target: new FakeWindow(), save };
}

function retitle(store: AppStore, title: string): void {
  store.getState().apply('Rename', (s: Scenario) => ({ ...s, title }));
}

function storedTitle(store: AppStore, library: ScenarioLibrary): string | null {
  const result = library.load(store.getState().currentId);
  return result.ok ? result.scenario.title : null;
}

describe('startAutosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, AUTOSAVE_DELAY_MS after the last of several changes', () => {
    const { store, library, target, save } = setup();
    const stop = startAutosave(store, target);

    retitle(store, 'A');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    retitle(store, 'B');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    retitle(store, 'C');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    expect(storedTitle(store, library)).toBe('E-commerce checkout');

    vi.advanceTimersByTime(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(storedTitle(store, library)).toBe('C');
    expect(store.getState().savedRevision).toBe(store.getState().revision);

    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
    stop();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not save when nothing changed', () => {
    const { store, target, save } = setup();
    startAutosave(store, target);
    store.getState().select({ nodes: ['shoppers'] });
    store.getState().apply('Nothing', (s) => s);
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves after an undo, and during a drag before it ends', () => {
    const { store, library, target, save } = setup();
    startAutosave(store, target);
    retitle(store, 'A');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    store.getState().undo();
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(storedTitle(store, library)).toBe('E-commerce checkout');

    store.getState().beginGesture();
    store.getState().updateGesture((s) => moveNodes(s, new Map([['shoppers', { x: -80, y: 300 }]])));
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(3);
    const result = library.load(store.getState().currentId);
    expect(result.ok && result.scenario.nodes.find((n) => n.id === 'shoppers')?.position).toEqual({ x: -80, y: 300 });
    // Ending the gesture records the undo step but changes nothing to save.
    store.getState().endGesture('Move');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('flushes at once when the page is hidden (pagehide)', () => {
    const { store, library, target, save } = setup();
    startAutosave(store, target);
    retitle(store, 'Late edit');
    target.fire('pagehide');
    expect(save).toHaveBeenCalledTimes(1);
    expect(storedTitle(store, library)).toBe('Late edit');
    // The pending timer was cancelled: no second save.
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not save on pagehide when everything is saved', () => {
    const { store, target, save } = setup();
    startAutosave(store, target);
    target.fire('pagehide');
    expect(save).not.toHaveBeenCalled();
  });

  it('flushes on visibilitychange only when the document is hidden', () => {
    const { store, library, target, save } = setup();
    const doc = { visibilityState: 'visible' as DocumentVisibilityState };
    target.document = doc as Document;
    startAutosave(store, target);
    retitle(store, 'Edit');
    target.fire('visibilitychange');
    expect(save).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    target.fire('visibilitychange');
    expect(save).toHaveBeenCalledTimes(1);
    expect(storedTitle(store, library)).toBe('Edit');
  });

  it('stop flushes a pending save, unsubscribes and removes its listeners', () => {
    const { store, library, target, save } = setup();
    const stop = startAutosave(store, target);
    expect(target.count()).toBe(4);
    retitle(store, 'Before stop');
    stop();
    expect(save).toHaveBeenCalledTimes(1);
    expect(storedTitle(store, library)).toBe('Before stop');
    expect(target.count()).toBe(0);

    retitle(store, 'After stop');
    vi.advanceTimersByTime(10 * AUTOSAVE_DELAY_MS);
    target.fire('pagehide');
    expect(save).toHaveBeenCalledTimes(1);
    expect(storedTitle(store, library)).toBe('Before stop');
  });

  it('keeps retrying on later changes while storage is full', () => {
    const storage = new MemoryStorage();
    const library = new ScenarioLibrary(storage);
    const store = createAppStore(library);
    store.getState().initLibrary();
    const target = new FakeWindow();
    startAutosave(store, target);

    storage.failWrites = 'quota';
    retitle(store, 'A');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(store.getState().storageProblem).not.toBeNull();

    storage.failWrites = null;
    retitle(store, 'B');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(store.getState().storageProblem).toBeNull();
    expect(storedTitle(store, library)).toBe('B');
  });

  it('asks before the tab closes while the last edit cannot be stored, and not otherwise', () => {
    const storage = new MemoryStorage();
    const library = new ScenarioLibrary(storage);
    const store = createAppStore(library);
    store.getState().initLibrary();
    const target = new FakeWindow();
    startAutosave(store, target);

    // Saved: closing is quiet.
    retitle(store, 'Saved');
    expect(target.fire('beforeunload').defaultPrevented).toBe(false);

    // Storage full, an edit pending: closing asks (after one more try to store it).
    storage.failWrites = 'quota';
    retitle(store, 'Not stored');
    expect(target.fire('beforeunload').defaultPrevented).toBe(true);

    // Room again: the last try stores it, and closing is quiet.
    storage.failWrites = null;
    expect(target.fire('beforeunload').defaultPrevented).toBe(false);
    expect(storedTitle(store, library)).toBe('Not stored');
  });
});

