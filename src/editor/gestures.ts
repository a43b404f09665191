import type { Position } from '../model';

/**
 * The canvas gestures as one small state machine (the shape of tldraw's tools): a node drag, a
 * connection drag, a box selection and a pan. Each gesture starts, moves and ends; Escape cancels
 * it. A gesture commits at most once, when it ends, so a gesture is at most one undo step. Pure:
 * the canvas feeds it React Flow's events and carries out the effect it returns.
 */

export type GestureKind = 'drag' | 'connect' | 'box' | 'pan';

/** Where a connection drag started: the node, and whether from its out (source) or in (target) handle. */
export interface ConnectStart {
  readonly nodeId: string;
  readonly handleType: 'source' | 'target';
}

/** A view of the canvas: pan offset and zoom. */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export type GestureState =
  | { readonly phase: 'idle' }
  /** `shown`: where every dragged item (node or context box) is drawn; `moves`: what the scenario gets on commit. */
  | { readonly phase: 'drag'; readonly shown: ReadonlyMap<string, Position>; readonly moves: ReadonlyMap<string, Position> }
  | { readonly phase: 'connect'; readonly from: ConnectStart }
  | { readonly phase: 'box'; readonly selectionBefore: SelectionSnapshot }
  | { readonly phase: 'pan'; readonly viewportBefore: Viewport }
  /** Cancelled with Escape: the rest of the gesture (the pointer is still down) is ignored until it ends. */
  | { readonly phase: 'cancelled'; readonly gesture: GestureKind; readonly atEnd: GestureEffect | null };

export interface SelectionSnapshot {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export type GestureEvent =
  /** Positions from React Flow during a drag: `shown` for every dragged item, `moves` for scenario nodes. */
  | { readonly type: 'dragMove'; readonly shown: ReadonlyMap<string, Position>; readonly moves: ReadonlyMap<string, Position> }
  | { readonly type: 'dragEnd' }
  | { readonly type: 'connectStart'; readonly from: ConnectStart }
  /** `dropOn`: the node under the pointer (its handle or its body), if any; `point`: the pointer, in canvas pixels. */
  | { readonly type: 'connectEnd'; readonly dropOn: string | null; readonly point: Position }
  | { readonly type: 'boxStart'; readonly selection: SelectionSnapshot }
  | { readonly type: 'boxEnd' }
  | { readonly type: 'panStart'; readonly viewport: Viewport }
  | { readonly type: 'panEnd' }
  | { readonly type: 'cancel' };

export type GestureEffect =
  /** Commit: the dragged nodes' new positions, as one undo step. */
  | { readonly type: 'move'; readonly moves: ReadonlyMap<string, Position> }
  /** Commit: connect (or say why not) `from` and the node it was dropped on. */
  | { readonly type: 'connect'; readonly from: ConnectStart; readonly dropOn: string; readonly point: Position }
  /** A drag was cancelled: draw the nodes where the scenario has them again. */
  | { readonly type: 'revertDrag' }
  | { readonly type: 'restoreSelection'; readonly selection: SelectionSnapshot }
  | { readonly type: 'restoreViewport'; readonly viewport: Viewport };

export interface GestureStep {
  readonly state: GestureState;
  readonly effect: GestureEffect | null;
  /** False when the event meant nothing in this state (an Escape with no gesture: the app's own Escape applies). */
  readonly handled: boolean;
}

export const IDLE: GestureState = { phase: 'idle' };

const unhandled = (state: GestureState): GestureStep => ({ state, effect: null, handled: false });
const to = (state: GestureState, effect: GestureEffect | null = null): GestureStep => ({ state, effect, handled: true });

function merged(a: ReadonlyMap<string, Position>, b: ReadonlyMap<string, Position>): ReadonlyMap<string, Position> {
  if (b.size === 0) return a;
  const out = new Map(a);
  for (const [id, p] of b) out.set(id, p);
  return out;
}

/** The gesture an end event finishes. */
function endsGesture(event: GestureEvent): GestureKind | null {
  switch (event.type) {
    case 'dragEnd':
      return 'drag';
    case 'connectEnd':
      return 'connect';
    case 'boxEnd':
      return 'box';
    case 'panEnd':
      return 'pan';
    default:
      return null;
  }
}

/** The next state for an event, and what the canvas must do. */
export function step(state: GestureState, event: GestureEvent): GestureStep {
  if (state.phase === 'cancelled') {
    // Everything of the cancelled gesture is ignored until its end, which restores what it must.
    if (endsGesture(event) === state.gesture) return to(IDLE, state.atEnd);
    if (event.type === 'cancel') return to(state);
    if (event.type === 'dragMove' && state.gesture === 'drag') return to(state);
    return unhandled(state);
  }
  switch (event.type) {
    case 'dragMove':
      if (state.phase === 'drag') return to({ phase: 'drag', shown: merged(state.shown, event.shown), moves: merged(state.moves, event.moves) });
      if (state.phase === 'idle') return to({ phase: 'drag', shown: event.shown, moves: event.moves });
      return unhandled(state);
    case 'dragEnd':
      if (state.phase !== 'drag') return unhandled(state);
      return to(IDLE, state.moves.size > 0 ? { type: 'move', moves: state.moves } : { type: 'revertDrag' });
    case 'connectStart':
      return state.phase === 'idle' ? to({ phase: 'connect', from: event.from }) : unhandled(state);
    case 'connectEnd':
      if (state.phase !== 'connect') return unhandled(state);
      return to(IDLE, event.dropOn === null ? null : { type: 'connect', from: state.from, dropOn: event.dropOn, point: event.point });
    case 'boxStart':
      return state.phase === 'idle' ? to({ phase: 'box', selectionBefore: event.selection }) : unhandled(state);
    case 'boxEnd':
      // A box selection only selects: nothing to commit, no undo step.
      return state.phase === 'box' ? to(IDLE) : unhandled(state);
    case 'panStart':
      return state.phase === 'idle' ? to({ phase: 'pan', viewportBefore: event.viewport }) : unhandled(state);
    case 'panEnd':
      return state.phase === 'pan' ? to(IDLE) : unhandled(state);
    case 'cancel':
      switch (state.phase) {
        case 'idle':
          return unhandled(state);
        case 'drag':
          return to({ phase: 'cancelled', gesture: 'drag', atEnd: null }, { type: 'revertDrag' });
        case 'connect':
          return to({ phase: 'cancelled', gesture: 'connect', atEnd: null });
        case 'box':
          return to({ phase: 'cancelled', gesture: 'box', atEnd: null }, { type: 'restoreSelection', selection: state.selectionBefore });
        case 'pan':
          // The view cannot be put back while the pointer still pans it: at the end of the pan.
          return to({ phase: 'cancelled', gesture: 'pan', atEnd: { type: 'restoreViewport', viewport: state.viewportBefore } });
      }
  }
}

/** The gesture under way (also while a cancelled one waits for its end), or null. */
export function activeGesture(state: GestureState): GestureKind | null {
  if (state.phase === 'idle') return null;
  return state.phase === 'cancelled' ? state.gesture : state.phase;
}

/** Whether selection changes from React Flow count now (not while a cancelled box selection ends). */
export function acceptsSelection(state: GestureState): boolean {
  return !(state.phase === 'cancelled' && state.gesture === 'box');
}

/** Where dragged items are drawn now (null: where the scenario has them). */
export function shownPositions(state: GestureState): ReadonlyMap<string, Position> | null {
  return state.phase === 'drag' ? state.shown : null;
}
