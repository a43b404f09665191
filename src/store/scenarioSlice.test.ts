import { describe, expect, it } from 'vitest';
import { BLANK_SCENARIO, CHECKOUT_SCENARIO, builtInScenario, restore, serializeScenario, type Scenario } from '../model';
import { createAppStore, type AppStore } from './createAppStore';
import { addNode, moveNodes, removeItems, updateFault } from './edits';
import { MemoryStorage, ScenarioLibrary } from './persistence';
import { HISTORY_LIMIT } from './scenarioSlice';

function makeStore(initial: Scenario = builtInScenario(CHECKOUT_SCENARIO)): AppStore {
  const store = createAppStore(new ScenarioLibrary(new MemoryStorage()));
  store.getState().replaceScenario(initial);
  return store;
}

function retitle(title: string): (s: Scenario) => Scenario {
  return (s) => ({ ...s, title });
}

function positionOf(scenario: Scenario, id: string): { x: number; y: number } | undefined {
  return scenario.nodes.find((n) => n.id === id)?.position;
}

function expectRestorable(scenario: Scenario): void {
  const result = restore(JSON.parse(serializeScenario(scenario)));
  if (!result.ok) throw new Error(`expected a restorable scenario: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  expect(result.ok).toBe(true);
}

describe('apply, undo and redo', () => {
  it('records every apply as one step and undo restores the exact previous scenario object', () => {
    const store = makeStore();
    const first = store.getState().scenario;
    expect(store.getState().apply('Rename', retitle('A'))).toBe(true);
    const second = store.getState().scenario;
    expect(store.getState().apply('Rename', retitle('B'))).toBe(true);
    expect(store.getState().past).toHaveLength(2);
    expect(store.getState().lastEdit).toBe('Rename');

    store.getState().undo();
    expect(store.getState().scenario).toBe(second);
    store.getState().undo();
    expect(store.getState().scenario).toBe(first);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().future).toHaveLength(2);
  });

  it('redo re-applies the undone edits in order', () => {
    const store = makeStore();
    store.getState().apply('Rename', retitle('A'));
    const a = store.getState().scenario;
    store.getState().apply('Rename', retitle('B'));
    const b = store.getState().scenario;
    store.getState().undo();
    store.getState().undo();

    store.getState().redo();
    expect(store.getState().scenario).toBe(a);
    store.getState().redo();
    expect(store.getState().scenario).toBe(b);
    expect(store.getState().future).toHaveLength(0);
    expect(store.getState().lastEdit).toBe('redo');
  });

  it('does nothing when undo or redo has nothing to go back to', () => {
    const store = makeStore();
    const before = store.getState();
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().scenario).toBe(before.scenario);
    expect(store.getState().revision).toBe(before.revision);
  });

  it('clears the redo stack when a new edit follows an undo', () => {
    const store = makeStore();
    store.getState().apply('Rename', retitle('A'));
    store.getState().apply('Rename', retitle('B'));
    store.getState().undo();
    expect(store.getState().future).toHaveLength(1);

    store.getState().apply('Rename', retitle('C'));
    expect(store.getState().future).toHaveLength(0);
    store.getState().redo();
    expect(store.getState().scenario.title).toBe('C');
  });

  it('adds no step when the edit returns the same scenario object', () => {
    const store = makeStore();
    const before = store.getState();
    expect(store.getState().apply('Nothing', (s) => s)).toBe(false);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().revision).toBe(before.revision);
    expect(store.getState().lastEdit).toBe(before.lastEdit);
  });

  it('caps the history at HISTORY_LIMIT steps, dropping the oldest', () => {
    const store = makeStore();
    const extra = 5;
    for (let i = 0; i < HISTORY_LIMIT + extra; i++) store.getState().apply('Rename', retitle(`T${i}`));
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);

    for (let i = 0; i < HISTORY_LIMIT + extra; i++) store.getState().undo();
    // The oldest reachable state is the one after the first `extra` edits.
    expect(store.getState().scenario.title).toBe(`T${extra - 1}`);
    expect(store.getState().past).toHaveLength(0);
  });

  it('caps the history on redo as well', () => {
    const store = makeStore();
    for (let i = 0; i < HISTORY_LIMIT; i++) store.getState().apply('Rename', retitle(`T${i}`));
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    expect(store.getState().scenario.title).toBe(`T${HISTORY_LIMIT - 1}`);
  });

  it('prunes a selection that points at nodes an undo removed', () => {
    const store = makeStore(builtInScenario(BLANK_SCENARIO));
    let id = '';
    store.getState().apply('Add', (s) => {
      const result = addNode(s, 'service', { x: 100, y: 100 });
      id = result.id;
      return result.scenario;
    });
    store.getState().select({ nodes: ['client', id] });
    expect(store.getState().selection.nodes).toEqual(['client', id]);

    store.getState().undo();
    expect(store.getState().selection.nodes).toEqual(['client']);
  });

  it('prunes a selected fault that a redo removed', () => {
    const store = makeStore();
    store.getState().apply('Delete', (s) => removeItems(s, new Set(['payment-db']), new Set()));
    store.getState().undo();
    store.getState().select({ fault: 'slow-payment-db' });
    store.getState().redo();
    expect(store.getState().selection.fault).toBeNull();
  });

  it('replaceScenario clears the history, the gesture and the selection', () => {
    const store = makeStore();
    store.getState().apply('Rename', retitle('A'));
    store.getState().apply('Rename', retitle('B'));
    store.getState().undo();
    store.getState().beginGesture();
    store.getState().select({ nodes: ['shoppers'] });

    const blank = builtInScenario(BLANK_SCENARIO);
    store.getState().replaceScenario(blank);
    const state = store.getState();
    expect(state.scenario).toBe(blank);
    expect(state.past).toEqual([]);
    expect(state.future).toEqual([]);
    expect(state.gestureBase).toBeNull();
    expect(state.selection.nodes).toEqual([]);
    expect(state.lastEdit).toBeNull();
  });

  it('increases revision on every change: apply, gesture updates, undo, redo and replace', () => {
    const store = makeStore();
    const seen: number[] = [store.getState().revision];
    const record = () => {
      const r = store.getState().revision;
      expect(r).toBeGreaterThan(seen[seen.length - 1] ?? -Infinity);
      seen.push(r);
    };
    store.getState().apply('Rename', retitle('A'));
    record();
    store.getState().beginGesture();
    store.getState().updateGesture((s) => moveNodes(s, new Map([['shoppers', { x: 1, y: 2 }]])));
    record();
    store.getState().updateGesture((s) => moveNodes(s, new Map([['shoppers', { x: 3, y: 4 }]])));
    record();
    store.getState().endGesture('Move');
    store.getState().undo();
    record();
    store.getState().redo();
    record();
    store.getState().replaceScenario(builtInScenario(BLANK_SCENARIO));
    record();
  });

  it('leaves revision alone when nothing changed', () => {
    const store = makeStore();
    const before = store.getState().revision;
    store.getState().apply('Nothing', (s) => s);
    store.getState().beginGesture();
    store.getState().updateGesture((s) => s);
    store.getState().endGesture('Move');
    expect(store.getState().revision).toBe(before);
  });
});

describe('gestures', () => {
  it('makes a whole drag one undo step that restores the positions before the drag', () => {
    const store = makeStore();
    const start = store.getState().scenario;
    const before = positionOf(start, 'order-service');
    store.getState().beginGesture();
    for (let i = 1; i <= 10; i++) {
      store.getState().updateGesture((s) => moveNodes(s, new Map([['order-service', { x: 500 + i * 10, y: 260 + i }]])));
    }
    expect(positionOf(store.getState().scenario, 'order-service')).toEqual({ x: 600, y: 270 });
    expect(store.getState().past).toHaveLength(0);

    store.getState().endGesture('Move');
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().gestureBase).toBeNull();
    expect(store.getState().lastEdit).toBe('Move');
    expectRestorable(store.getState().scenario);

    store.getState().undo();
    expect(store.getState().scenario).toBe(start);
    expect(positionOf(store.getState().scenario, 'order-service')).toEqual(before);
    store.getState().redo();
    expect(positionOf(store.getState().scenario, 'order-service')).toEqual({ x: 600, y: 270 });
  });

  it('keeps the first base when beginGesture is called again during the gesture', () => {
    const store = makeStore();
    const start = store.getState().scenario;
    store.getState().beginGesture();
    store.getState().updateGesture((s) => moveNodes(s, new Map([['shoppers', { x: 5, y: 5 }]])));
    store.getState().beginGesture();
    expect(store.getState().gestureBase).toBe(start);
  });

  it('clears the redo stack when a gesture changes something', () => {
    const store = makeStore();
    store.getState().apply('Rename', retitle('A'));
    store.getState().undo();
    store.getState().beginGesture();
    store.getState().updateGesture((s) => moveNodes(s, new Map([['shoppers', { x: 5, y: 5 }]])));
    store.getState().endGesture('Move');
    expect(store.getState().future).toHaveLength(0);
  });

  it('adds no step for a gesture that changed nothing', () => {
    const store = makeStore();
    store.getState().beginGesture();
    store.getState().updateGesture((s) => s);
    store.getState().endGesture('Move');
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().gestureBase).toBeNull();
    expect(store.getState().lastEdit).toBeNull();
  });

  it('adds no step for a drag that leaves every node where it was (as the canvas reports it)', () => {
    const store = makeStore();
    const start = store.getState().scenario;
    const here = positionOf(start, 'order-service');
    if (!here) throw new Error('fixture: order-service has a position');
    store.getState().beginGesture();
    store.getState().updateGesture((s) => moveNodes(s, new Map([['order-service', { x: here.x, y: here.y }]])));
    store.getState().endGesture('Move');
    expect(store.getState().scenario).toBe(start);
    expect(store.getState().past).toHaveLength(0);
  });

  it('adds no step for a fault-bar press that did not move the fault (as the timeline reports it)', () => {
    const store = makeStore();
    const start = store.getState().scenario;
    store.getState().beginGesture();
    store.getState().updateGesture((s) =>
      updateFault(s, 'slow-payment-db', (f) => (f.startS === 20 && f.durationS === 15 ? f : { ...f, startS: 20, durationS: 15 })),
    );
    store.getState().endGesture('Move fault');
    expect(store.getState().scenario).toBe(start);
    expect(store.getState().past).toHaveLength(0);
  });

  it('ignores endGesture without a gesture', () => {
    const store = makeStore();
    store.getState().endGesture('Move');
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().lastEdit).toBeNull();
  });
});
