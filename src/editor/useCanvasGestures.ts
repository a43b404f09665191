import type { EdgeChange, NodeChange, OnConnectEnd, OnConnectStart, OnMove, OnMoveStart, ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Position } from '../model';
import { appStore, edits } from '../store';
import { connectDrop, nodeAt } from './connectTargets';
import { CONTEXT_PREFIX, type ArchFlowEdge, type FlowNode } from './flowModel';
import { IDLE, acceptsSelection, activeGesture, shownPositions, step, type GestureEffect, type GestureEvent, type GestureState, type Viewport } from './gestures';

/** A refused connection, said where it was dropped (canvas pixels from the canvas's top left). */
export interface DropNotice {
  readonly text: string;
  readonly point: Position;
}

function clientPoint(event: MouseEvent | TouchEvent): Position {
  const touch = 'changedTouches' in event ? event.changedTouches[0] : undefined;
  return touch ? { x: touch.clientX, y: touch.clientY } : { x: (event as MouseEvent).clientX, y: (event as MouseEvent).clientY };
}

/**
 * Wires React Flow's events to the gesture machine (gestures.ts) and carries out its effects:
 * the one commit of a drag or a connection, the message of a refused drop, what Escape restores.
 * Dragged positions live here until the drag ends, so the scenario (undo, autosave, lint, the
 * panels) is written once per drag.
 */
export function useCanvasGestures(flow: ReactFlowInstance<FlowNode, ArchFlowEdge>, wrapper: RefObject<HTMLDivElement | null>, nodes: readonly FlowNode[]) {
  const machine = useRef<GestureState>(IDLE);
  const [shown, setShown] = useState<ReadonlyMap<string, Position> | null>(null);
  const [notice, setNotice] = useState<DropNotice | null>(null);
  // The nodes as the scenario has them (where a dragged context box started), kept for the handlers.
  const baseNodes = useRef(nodes);
  useLayoutEffect(() => {
    baseNodes.current = nodes;
  }, [nodes]);
  const moveStart = useRef<Viewport | null>(null);

  const perform = useCallback(
    (effect: GestureEffect) => {
      const state = appStore.getState();
      switch (effect.type) {
        case 'move':
          state.apply('Move', (s) => edits.moveNodes(s, effect.moves));
          return;
        case 'connect': {
          const result = connectDrop(state.scenario, effect.from, effect.dropOn);
          if (!result.ok) {
            setNotice({ text: `Not connected: ${result.reason}`, point: effect.point });
            return;
          }
          state.apply('Connect', () => result.scenario);
          state.select({ edges: [result.id] });
          return;
        }
        case 'revertDrag':
          return;
        case 'restoreSelection':
          state.select({ nodes: effect.selection.nodes, edges: effect.selection.edges });
          return;
        case 'restoreViewport':
          void flow.setViewport(effect.viewport);
          return;
      }
    },
    [flow],
  );

  /** Feeds one event to the machine; true when it meant something to the gesture under way. */
  const send = useCallback(
    (event: GestureEvent): boolean => {
      const before = machine.current;
      const next = step(before, event);
      machine.current = next.state;
      if (shownPositions(before) !== shownPositions(next.state)) setShown(shownPositions(next.state));
      const el = wrapper.current;
      if (el && activeGesture(before) !== activeGesture(next.state)) {
        // Attributes, not classes (React owns the class name): they raise the pointer shield (styles.css).
        el.toggleAttribute('data-dragging', activeGesture(next.state) === 'drag');
        el.toggleAttribute('data-panning', activeGesture(next.state) === 'pan');
      }
      if (el && (before.phase === 'cancelled') !== (next.state.phase === 'cancelled')) el.toggleAttribute('data-cancelled', next.state.phase === 'cancelled');
      if (next.effect) perform(next.effect);
      return next.handled;
    },
    [perform, wrapper],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = appStore.getState();
      const picking = state.pickingTargetFor !== null;
      const takeSelection = !picking && acceptsSelection(machine.current);
      const selected = new Set(state.selection.nodes);
      let selectionChanged = false;
      const dragShown = new Map<string, Position>();
      const dragMoves = new Map<string, Position>();
      const nudges = new Map<string, Position>();
      const dragging = activeGesture(machine.current) === 'drag';
      for (const change of changes) {
        if (change.type === 'select' && takeSelection && !change.id.startsWith(CONTEXT_PREFIX)) {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
        if (change.type !== 'position' || !change.position) continue;
        // A mouse drag (and the last position of it, which has dragging: false) goes to the
        // machine; anything else (the arrow keys) is a step of its own.
        const inDrag = change.dragging === true || dragging;
        if (change.id.startsWith(CONTEXT_PREFIX)) {
          // A dragged context box carries its members by the same amount.
          const box = baseNodes.current.find((n) => n.id === change.id);
          if (!box) continue;
          const dx = change.position.x - box.position.x;
          const dy = change.position.y - box.position.y;
          const groupId = change.id.slice(CONTEXT_PREFIX.length);
          if (inDrag) dragShown.set(change.id, change.position);
          for (const n of state.scenario.nodes) {
            if (n.group !== groupId || !n.position) continue;
            const p = { x: n.position.x + dx, y: n.position.y + dy };
            if (inDrag) {
              dragShown.set(n.id, p);
              dragMoves.set(n.id, p);
            } else nudges.set(n.id, p);
          }
        } else if (inDrag) {
          dragShown.set(change.id, change.position);
          dragMoves.set(change.id, change.position);
        } else nudges.set(change.id, change.position);
      }
      if (selectionChanged) state.select({ nodes: [...selected], edges: state.selection.edges });
      if (dragShown.size > 0) send({ type: 'dragMove', shown: dragShown, moves: dragMoves });
      // Arrow keys move the selection one step at a time: each press is its own undo step.
      if (nudges.size > 0) state.apply('Move', (s) => edits.moveNodes(s, nudges));
    },
    [send],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<ArchFlowEdge>[]) => {
    // Only selection: deletion goes through the Delete action, so it is one undoable step.
    const state = appStore.getState();
    if (state.pickingTargetFor !== null || !acceptsSelection(machine.current)) return;
    const selected = new Set(state.selection.edges);
    let changed = false;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      changed = true;
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
    }
    if (changed) state.select({ nodes: state.selection.nodes, edges: [...selected] });
  }, []);

  const onDragStop = useCallback(() => void send({ type: 'dragEnd' }), [send]);

  const onConnectStart: OnConnectStart = useCallback(
    (_event, { nodeId, handleType }) => {
      if (nodeId && handleType) send({ type: 'connectStart', from: { nodeId, handleType } });
    },
    [send],
  );

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, connection) => {
      const client = clientPoint(event);
      const rect = wrapper.current?.getBoundingClientRect();
      const point = rect ? { x: client.x - rect.left, y: client.y - rect.top } : client;
      // On a handle (or near one: React Flow then draws the line to it), that handle's node;
      // anywhere else on a node's body, that node.
      const onHandle = connection.toNode && !connection.toNode.id.startsWith(CONTEXT_PREFIX) ? connection.toNode.id : null;
      const dropOn = onHandle ?? nodeAt(appStore.getState().scenario.nodes, flow.screenToFlowPosition(client));
      send({ type: 'connectEnd', dropOn, point });
    },
    [flow, send, wrapper],
  );

  const onSelectionStart = useCallback(() => {
    const { nodes: selectedNodes, edges } = appStore.getState().selection;
    send({ type: 'boxStart', selection: { nodes: selectedNodes, edges } });
  }, [send]);
  const onSelectionEnd = useCallback(() => void send({ type: 'boxEnd' }), [send]);

  // A pan starts on the first actual move, not on the press: a click (on an edge badge, say) also
  // starts a "move" in d3-zoom, and the shield would then swallow the click. Wheel zooms are no pan.
  const onMoveStart: OnMoveStart = useCallback((_event, viewport) => {
    moveStart.current = viewport;
  }, []);
  const onMove: OnMove = useCallback(
    (event, viewport) => {
      if (!event || event.type === 'wheel' || activeGesture(machine.current) === 'pan') return;
      send({ type: 'panStart', viewport: moveStart.current ?? viewport });
    },
    [send],
  );
  const onMoveEnd = useCallback(() => {
    moveStart.current = null;
    send({ type: 'panEnd' });
  }, [send]);

  // Escape cancels the gesture under way (before the app's Escape, which clears the selection).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || activeGesture(machine.current) === null) return;
      if (send({ type: 'cancel' })) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [send]);

  // A refused drop's message goes on the next action (a press, a key, the wheel).
  useEffect(() => {
    if (!notice) return;
    const dismiss = () => setNotice(null);
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, dismiss, true);
    return () => {
      for (const name of events) window.removeEventListener(name, dismiss, true);
    };
  }, [notice]);

  return {
    shown,
    notice,
    handlers: { onNodesChange, onEdgesChange, onNodeDragStop: onDragStop, onSelectionDragStop: onDragStop, onConnectStart, onConnectEnd, onSelectionStart, onSelectionEnd, onMoveStart, onMove, onMoveEnd },
  };
}
