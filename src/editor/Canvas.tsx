import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type Connection,
  type NodeChange,
  type EdgeChange,
  type NodeMouseHandler,
  type EdgeMouseHandler,
  type OnMove,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { NODE_KINDS, naturalEdgeKind, type NodeKind, type Position } from '../model';
import { appStore, edits, useAppStore } from '../store';
import { canvasApi, registerCanvasApi } from './canvasApi';
import { ArchEdgeView, EdgeLabelLayer, EdgeMarkers } from './EdgeView';
import { CONTEXT_PREFIX, FlowModelCache, GRID, NODE_HEIGHT, NODE_WIDTH, findingsByTarget, type ArchFlowEdge, type FlowNode } from './flowModel';
import { ArchNodeView, ContextNodeView } from './NodeView';
import { Overview } from './Overview';
import { pickFaultTarget } from './pickTarget';
import { DEFAULT_ASPECT } from './layout';
import { focusZoom } from './findNode';
import { useCanvasLevel } from './useCanvasLevel';
import { useLint } from './useLint';

const nodeTypes = { arch: ArchNodeView, context: ContextNodeView };
const edgeTypes = { arch: ArchEdgeView };

// Props of <ReactFlow> are compared by identity: a new array or function on every render of the
// canvas (every frame of a drag) would make React Flow update its store or re-render every node.
const SNAP_GRID: [number, number] = [GRID, GRID];
// A small margin: the fitted diagram should fill the canvas, its text as large as it can be; but
// a small diagram is not blown up past its natural size.
const FIT_VIEW_OPTIONS = { padding: 0.05, maxZoom: 1 };
const MULTI_SELECTION_KEYS = ['Meta', 'Control', 'Shift'];
const PRO_OPTIONS = { hideAttribution: true };

function endDragGesture() {
  appStore.getState().endGesture('Move');
}
function onPaneClick() {
  if (appStore.getState().pickingTargetFor === null) appStore.getState().clearSelection();
}
const onNodeClick: NodeMouseHandler<FlowNode> = (_event, node) => {
  if (!node.id.startsWith(CONTEXT_PREFIX)) pickFaultTarget(node.id);
};
const onEdgeClick: EdgeMouseHandler<ArchFlowEdge> = (_event, edge) => pickFaultTarget(edge.id);
export const PALETTE_MIME = 'application/x-faultline-kind';

function isKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

/** The free place nearest to `wanted` (searching outwards ring by ring) where a new node covers no other. */
export function freeSpot(scenario: { nodes: readonly { position?: Position }[] }, wanted: Position): Position {
  const taken = (p: Position) =>
    scenario.nodes.some((n) => n.position && Math.abs(n.position.x - p.x) < NODE_WIDTH + GRID && Math.abs(n.position.y - p.y) < NODE_HEIGHT + GRID);
  const stepX = NODE_WIDTH + 2 * GRID;
  const stepY = NODE_HEIGHT + 2 * GRID;
  for (let ring = 0; ring <= 12; ring++) {
    const cells: Position[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) cells.push({ x: wanted.x + dx * stepX, y: wanted.y + dy * stepY });
      }
    }
    cells.sort((a, b) => Math.hypot(a.x - wanted.x, a.y - wanted.y) - Math.hypot(b.x - wanted.x, b.y - wanted.y));
    const free = cells.find((p) => !taken(p));
    if (free) return free;
  }
  return wanted;
}

/** Adds a node of `kind` at `position` (or the middle of the view), selects it, reports it. */
export function addNodeAt(kind: NodeKind, position: Position): string {
  const state = appStore.getState();
  let newId = '';
  state.apply(`Add ${kind}`, (s) => {
    const result = edits.addNode(s, kind, freeSpot(s, { x: Math.round(position.x / GRID) * GRID, y: Math.round(position.y / GRID) * GRID }));
    newId = result.id;
    return result.scenario;
  });
  state.select({ nodes: [newId] });
  const added = appStore.getState().scenario.nodes.find((n) => n.id === newId);
  if (added?.position) canvasApi()?.reveal(added.position);
  return newId;
}

/** `readOnly` (the embed view): pan, zoom and select only; nothing can be moved, connected or dropped. */
export function Canvas({ onDropFiles, readOnly = false }: { onDropFiles: (files: File[]) => void; readOnly?: boolean }) {
  const scenario = useAppStore((s) => s.scenario);
  const selection = useAppStore((s) => s.selection);
  const snapToGrid = useAppStore((s) => s.snapToGrid);
  const picking = useAppStore((s) => s.pickingTargetFor !== null);
  const findings = useLint();
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const cache = useRef(new FlowModelCache());
  const wrapper = useRef<HTMLDivElement>(null);
  // Semantic zoom (zoomLevels.ts): below the detail zoom, simplified cards and no edge badges; in
  // the overview also no dot grid and no culling. Re-renders only when the level changes.
  const level = useCanvasLevel();
  const far = level === 'overview';

  const byTarget = useMemo(() => findingsByTarget(findings), [findings]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const nodes = useMemo(() => cache.current.nodes(scenario, selectedNodes, byTarget.nodes), [scenario, selectedNodes, byTarget]);
  const edges = useMemo(() => cache.current.edges(scenario, selectedEdges, byTarget.edges), [scenario, selectedEdges, byTarget]);

  // While nodes are dragged their positions live here, not in the store: the scenario (and with it
  // undo, autosave, lint and the panels) is written once, when the drag ends.
  const [dragPositions, setDragPositions] = useState<ReadonlyMap<string, Position> | null>(null);
  const dragRef = useRef<ReadonlyMap<string, Position> | null>(null);
  const shownNodes = useMemo(() => {
    if (!dragPositions) return nodes;
    return nodes.map((n) => {
      const p = dragPositions.get(n.id);
      return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
    });
  }, [nodes, dragPositions]);

  /** Writes the dragged positions to the scenario as one undo step. */
  const commitDrag = useCallback(() => {
    const moves = dragRef.current;
    if (!moves) return;
    dragRef.current = null;
    const state = appStore.getState();
    const edit = (s: typeof state.scenario) => edits.moveNodes(s, moves);
    if (state.gestureBase === null) state.apply('Move', edit); // the gesture was cut short (undo during the drag)
    else {
      state.updateGesture(edit);
      state.endGesture('Move');
    }
    setDragPositions(null);
  }, []);

  // The layer React Flow keeps for edge labels: found once here, so that edges need not look it up.
  const [labelLayer, setLabelLayer] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    setLabelLayer(wrapper.current?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null);
  }, []);
  const labelContext = useMemo(() => ({ layer: labelLayer, badges: level === 'detail' }), [labelLayer, level]);

  // Another scenario opened (new, open, import, wizard, lesson, link): show it whole.
  const scenarioId = useAppStore((s) => s.currentId);
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView(FIT_VIEW_OPTIONS));
    return () => cancelAnimationFrame(frame);
  }, [scenarioId, flow]);

  useEffect(() => {
    registerCanvasApi({
      fitView: () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      viewCenter: () => {
        const el = document.querySelector('.canvas .react-flow');
        const rect = el?.getBoundingClientRect();
        const center = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
        const p = flow.screenToFlowPosition(center);
        return { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 };
      },
      reveal: (position) => {
        const el = document.querySelector('.canvas .react-flow');
        const rect = el?.getBoundingClientRect();
        if (!rect) return;
        const topLeft = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
        const bottomRight = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
        const inside =
          position.x >= topLeft.x && position.y >= topLeft.y && position.x + NODE_WIDTH <= bottomRight.x && position.y + NODE_HEIGHT <= bottomRight.y;
        if (!inside) void flow.setCenter(position.x + NODE_WIDTH / 2, position.y + NODE_HEIGHT / 2, { zoom: flow.getZoom(), duration: 150 });
      },
      viewAspect: () => {
        const { width, height } = flowStore.getState();
        return width > 0 && height > 0 ? width / height : DEFAULT_ASPECT;
      },
      focusNode: (id) => {
        const node = flow.getInternalNode(id);
        if (!node) return false;
        const { x, y } = node.internals.positionAbsolute;
        const w = node.measured.width ?? NODE_WIDTH;
        const h = node.measured.height ?? NODE_HEIGHT;
        void flow.setCenter(x + w / 2, y + h / 2, { zoom: focusZoom(flow.getZoom(), flowStore.getState().maxZoom), duration: 250 });
        return true;
      },
    });
    return () => registerCanvasApi(null);
  }, [flow, flowStore]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = appStore.getState();
      const moves = new Map<string, Position>();
      const dragged = new Map<string, Position>();
      const selected = new Set(state.selection.nodes);
      let selectionChanged = false;
      let dragEnded = false;
      const picking = state.pickingTargetFor !== null;
      for (const change of changes) {
        if (change.type === 'select' && !picking && !change.id.startsWith(CONTEXT_PREFIX)) {
          selectionChanged = true;
          if (change.selected) selected.add(change.id);
          else selected.delete(change.id);
        }
        if (change.type !== 'position' || !change.position) continue;
        if (change.id.startsWith(CONTEXT_PREFIX)) {
          // Dragging a context moves its members by the same amount (through the store: rare, small).
          const groupId = change.id.slice(CONTEXT_PREFIX.length);
          const box = flow.getNode(change.id);
          if (!box) continue;
          const dx = change.position.x - box.position.x;
          const dy = change.position.y - box.position.y;
          for (const n of state.scenario.nodes) {
            if (n.group === groupId && n.position) moves.set(n.id, { x: n.position.x + dx, y: n.position.y + dy });
          }
        } else if (change.dragging || dragRef.current !== null) {
          // A mouse drag: kept local until it ends (the last change has dragging: false).
          dragged.set(change.id, change.position);
          if (!change.dragging) dragEnded = true;
        } else {
          moves.set(change.id, change.position);
        }
      }
      if (selectionChanged) state.select({ nodes: [...selected], edges: state.selection.edges });
      if (dragged.size > 0) {
        if (dragRef.current === null && state.gestureBase === null) state.beginGesture();
        const next = new Map(dragRef.current ?? []);
        for (const [id, p] of dragged) next.set(id, p);
        dragRef.current = next;
        if (dragEnded) commitDrag();
        else setDragPositions(next);
      }
      if (moves.size === 0) return;
      const dragging = changes.some((c) => c.type === 'position' && c.dragging);
      if (!dragging && state.gestureBase === null) {
        // Arrow keys move the selection one step at a time: each press is its own undo step.
        state.apply('Move', (s) => edits.moveNodes(s, moves));
        return;
      }
      if (state.gestureBase === null) state.beginGesture();
      state.updateGesture((s) => edits.moveNodes(s, moves));
    },
    [flow, commitDrag],
  );

  const onDragStart = useCallback(() => wrapper.current?.setAttribute('data-dragging', ''), []);
  const onDragStop = useCallback(() => {
    wrapper.current?.removeAttribute('data-dragging');
    commitDrag();
    endDragGesture();
  }, [commitDrag]);

  // While the view is panned with the mouse, data-panning raises the pointer shield (styles.css).
  // (An attribute, not a class: React owns the class name and rewrites it when `far` changes.)
  // Set on the first actual move, not on the press: a click (on an edge badge, say) also starts a
  // "move" in d3-zoom, and the shield would then swallow the click.
  const onMove: OnMove = useCallback((event) => {
    const el = wrapper.current;
    if (event && event.type !== 'wheel' && el && !el.hasAttribute('data-panning')) el.setAttribute('data-panning', '');
  }, []);
  const onMoveEnd = useCallback(() => wrapper.current?.removeAttribute('data-panning'), []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    // Only selection: deletion goes through the Delete action, so it is one undoable step.
    const state = appStore.getState();
    const selected = new Set(state.selection.edges);
    let changed = false;
    if (state.pickingTargetFor !== null) return;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      changed = true;
      if (change.selected) selected.add(change.id);
      else selected.delete(change.id);
    }
    if (changed) state.select({ nodes: state.selection.nodes, edges: [...selected] });
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    const state = appStore.getState();
    const from = state.scenario.nodes.find((n) => n.id === connection.source);
    const to = state.scenario.nodes.find((n) => n.id === connection.target);
    if (!from || !to) return;
    const result = edits.connect(state.scenario, from.id, to.id, naturalEdgeKind(from.kind, to.kind));
    if (!result.ok) {
      state.notify({ id: 'connect-refused', tone: 'warning', text: `Not connected: ${result.reason}`, ttlMs: 8000 });
      return;
    }
    state.apply('Connect', () => result.scenario);
    state.select({ edges: [result.id] });
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = event.dataTransfer.types.includes('Files') ? 'copy' : 'move';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer.files.length > 0) {
        onDropFiles([...event.dataTransfer.files]);
        return;
      }
      const kind = event.dataTransfer.getData(PALETTE_MIME);
      if (!isKind(kind)) return;
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeAt(kind, { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 });
    },
    [flow, onDropFiles],
  );

  return (
    <div ref={wrapper} className={`canvas${picking ? ' canvas--picking' : ''}${level !== 'detail' ? ' canvas--simple' : ''}${far ? ' canvas--overview' : ''}`}
      data-level={level} onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}>
      <EdgeMarkers />
      <EdgeLabelLayer.Provider value={labelContext}>
        <ReactFlow<FlowNode, ArchFlowEdge>
          nodes={shownNodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          onNodeDragStart={onDragStart}
          onSelectionDragStart={onDragStart}
          onNodeDragStop={onDragStop}
          onSelectionDragStop={onDragStop}
          onMove={onMove}
          onMoveEnd={onMoveEnd}
          onPaneClick={onPaneClick}
          onNodeClick={onNodeClick}
          onEdgeClick={onEdgeClick}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          snapToGrid={snapToGrid}
          snapGrid={SNAP_GRID}
          connectionLineType={ConnectionLineType.Bezier}
          fitView
          fitViewOptions={FIT_VIEW_OPTIONS}
          minZoom={0.05}
          maxZoom={3}
          // Zoomed out, nearly everything is in view anyway: checking each node and edge on every
          // frame of a pan, and mounting those that cross the border, cost more than it saved.
          onlyRenderVisibleElements={!far}
          proOptions={PRO_OPTIONS}
          aria-label="Architecture canvas"
        >
          {far ? null : <Background variant={BackgroundVariant.Dots} gap={GRID} size={1} />}
          <Overview />
          <Controls showInteractive={false} aria-label="Zoom controls" />
        </ReactFlow>
      </EdgeLabelLayer.Provider>
      {/* Covers the canvas while it is panned or a node dragged (styles.css): the browser then
          finds what is under the pointer at once instead of testing hundreds of nodes and edges
          on every mouse move. */}
      <div className="canvas__shield" aria-hidden="true" />
    </div>
  );
}
