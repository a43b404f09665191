import { describe, expect, it } from 'vitest';
import type { Position } from '../model';
import { IDLE, acceptsSelection, activeGesture, shownPositions, step, type GestureEvent, type GestureState } from './gestures';

const at = (entries: [string, number, number][]): ReadonlyMap<string, Position> => new Map(entries.map(([id, x, y]) => [id, { x, y }]));
const dragMove = (entries: [string, number, number][]): GestureEvent => ({ type: 'dragMove', shown: at(entries), moves: at(entries) });
const viewport = { x: 10, y: 20, zoom: 0.8 };
const selection = { nodes: ['a'], edges: [] };

/** Runs events from idle; returns the last state and every effect in order. */
function run(events: GestureEvent[], from: GestureState = IDLE) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    if (next.effect) effects.push(next.effect);
  }
  return { state, effects };
}

describe('node drag', () => {
  it('starts on the first move, keeps positions local while it moves and commits once when it ends', () => {
    const { state, effects } = run([dragMove([['a', 1, 1]]), dragMove([['a', 5, 5]]), dragMove([['a', 9, 9]])]);
    expect(state.phase).toBe('drag');
    expect(effects).toEqual([]);
    expect(shownPositions(state)?.get('a')).toEqual({ x: 9, y: 9 });
    const end = step(state, { type: 'dragEnd' });
    expect(end.state).toBe(IDLE);
    expect(end.effect).toEqual({ type: 'move', moves: at([['a', 9, 9]]) });
  });

  it('merges the positions of several dragged nodes (a selection) into the one commit', () => {
    const { effects } = run([dragMove([['a', 1, 1], ['b', 2, 2]]), dragMove([['a', 3, 3]]), { type: 'dragEnd' }]);
    expect(effects).toEqual([{ type: 'move', moves: at([['a', 3, 3], ['b', 2, 2]]) }]);
  });

  it('draws a dragged context box where it is dragged but commits only the moves of its members', () => {
    const shown = at([['context:g', 100, 100], ['m', 128, 146]]);
    const moves = at([['m', 128, 146]]);
    const { state, effects } = run([{ type: 'dragMove', shown, moves }]);
    expect(shownPositions(state)?.get('context:g')).toEqual({ x: 100, y: 100 });
    expect(step(state, { type: 'dragEnd' }).effect).toEqual({ type: 'move', moves });
    expect(effects).toEqual([]);
  });

  it('a second end of the same drag (node and selection drag stop) commits nothing more', () => {
    const { effects } = run([dragMove([['a', 1, 1]]), { type: 'dragEnd' }, { type: 'dragEnd' }]);
    expect(effects).toHaveLength(1);
  });

  it('an end without a drag (a click on a node) does nothing', () => {
    const next = step(IDLE, { type: 'dragEnd' });
    expect(next).toEqual({ state: IDLE, effect: null, handled: false });
  });

  it('Escape puts the nodes back, ignores the rest of the drag and commits nothing', () => {
    const { state, effects } = run([dragMove([['a', 1, 1]]), { type: 'cancel' }, dragMove([['a', 50, 50]]), { type: 'dragEnd' }]);
    expect(state).toBe(IDLE);
    expect(effects).toEqual([{ type: 'revertDrag' }]);
  });

  it('is the active gesture while it runs and after it was cancelled, until it ends', () => {
    const dragging = run([dragMove([['a', 1, 1]])]).state;
    expect(activeGesture(dragging)).toBe('drag');
    const cancelled = step(dragging, { type: 'cancel' }).state;
    expect(activeGesture(cancelled)).toBe('drag');
    expect(shownPositions(cancelled)).toBeNull();
    expect(activeGesture(step(cancelled, { type: 'dragEnd' }).state)).toBeNull();
  });
});

describe('connection drag', () => {
  const from = { nodeId: 'a', handleType: 'source' } as const;

  it('commits one connection to the node it is dropped on', () => {
    const { state, effects } = run([{ type: 'connectStart', from }, { type: 'connectEnd', dropOn: 'b', point: { x: 3, y: 4 } }]);
    expect(state).toBe(IDLE);
    expect(effects).toEqual([{ type: 'connect', from, dropOn: 'b', point: { x: 3, y: 4 } }]);
  });

  it('dropped on the empty pane, ends with nothing to do', () => {
    const { state, effects } = run([{ type: 'connectStart', from }, { type: 'connectEnd', dropOn: null, point: { x: 3, y: 4 } }]);
    expect(state).toBe(IDLE);
    expect(effects).toEqual([]);
  });

  it('Escape cancels it: the drop afterwards connects nothing', () => {
    const { state, effects } = run([{ type: 'connectStart', from }, { type: 'cancel' }, { type: 'connectEnd', dropOn: 'b', point: { x: 0, y: 0 } }]);
    expect(state).toBe(IDLE);
    expect(effects).toEqual([]);
  });

  it('does not start while another gesture runs', () => {
    const dragging = run([dragMove([['a', 1, 1]])]).state;
    const next = step(dragging, { type: 'connectStart', from });
    expect(next.handled).toBe(false);
    expect(next.state).toBe(dragging);
  });
});

describe('box selection', () => {
  it('selects only: its end commits nothing (no undo step)', () => {
    const { state, effects } = run([{ type: 'boxStart', selection }, { type: 'boxEnd' }]);
    expect(state).toBe(IDLE);
    expect(effects).toEqual([]);
  });

  it('Escape restores the selection from before the box and ignores selection changes until the box ends', () => {
    const box = run([{ type: 'boxStart', selection }]).state;
    expect(acceptsSelection(box)).toBe(true);
    const cancelled = step(box, { type: 'cancel' });
    expect(cancelled.effect).toEqual({ type: 'restoreSelection', selection });
    expect(acceptsSelection(cancelled.state)).toBe(false);
    const end = step(cancelled.state, { type: 'boxEnd' });
    expect(end.state).toBe(IDLE);
    expect(acceptsSelection(end.state)).toBe(true);
  });
});

describe('pan', () => {
  it('has nothing to commit', () => {
    const { state, effects } = run([{ type: 'panStart', viewport }, { type: 'panEnd' }]);
    expect(state).toBe(IDLE);
    expect(effects).toEqual([]);
  });

  it('Escape puts the view back when the pan ends (while the pointer pans, the view follows it)', () => {
    const cancelled = run([{ type: 'panStart', viewport }, { type: 'cancel' }]);
    expect(cancelled.effects).toEqual([]);
    expect(activeGesture(cancelled.state)).toBe('pan');
    expect(step(cancelled.state, { type: 'panEnd' }).effect).toEqual({ type: 'restoreViewport', viewport });
  });

  it('does not start during a drag, and a drag does not start during a pan', () => {
    const panning = run([{ type: 'panStart', viewport }]).state;
    expect(step(panning, dragMove([['a', 1, 1]])).handled).toBe(false);
    const dragging = run([dragMove([['a', 1, 1]])]).state;
    expect(step(dragging, { type: 'panStart', viewport }).handled).toBe(false);
  });
});

describe('Escape with no gesture', () => {
  it('is not handled, so the app clears the selection as usual', () => {
    expect(step(IDLE, { type: 'cancel' })).toEqual({ state: IDLE, effect: null, handled: false });
  });

  it('a second Escape during a cancelled gesture is swallowed (it must not clear the selection mid-gesture)', () => {
    const cancelled = run([dragMove([['a', 1, 1]]), { type: 'cancel' }]).state;
    const again = step(cancelled, { type: 'cancel' });
    expect(again.handled).toBe(true);
    expect(again.effect).toBeNull();
  });

  it('an end of another gesture while one is cancelled is not taken for its end', () => {
    const cancelled = run([dragMove([['a', 1, 1]]), { type: 'cancel' }]).state;
    expect(step(cancelled, { type: 'panEnd' }).state).toBe(cancelled);
  });
});

describe('one commit per gesture', () => {
  it('whatever the order of events, each gesture yields at most one commit', () => {
    const from = { nodeId: 'a', handleType: 'source' } as const;
    const events: GestureEvent[] = [
      dragMove([['a', 1, 1]]), dragMove([['a', 2, 2]]), { type: 'dragEnd' }, { type: 'dragEnd' },
      { type: 'connectStart', from }, { type: 'connectEnd', dropOn: 'b', point: { x: 0, y: 0 } }, { type: 'connectEnd', dropOn: 'b', point: { x: 0, y: 0 } },
      { type: 'boxStart', selection }, { type: 'boxEnd' },
      { type: 'panStart', viewport }, { type: 'panEnd' },
    ];
    const commits = run(events).effects.filter((e) => e.type === 'move' || e.type === 'connect');
    expect(commits.map((e) => e.type)).toEqual(['move', 'connect']);
  });
});
