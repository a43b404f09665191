import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  ReactFlow,
  useReactFlow,
  useStoreApi,
  type NodeMouseHandler,
  type EdgeMouseHandler,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { NODE_KINDS, type NodeKind, type Position } from '../model';
import { appStore, edits, useAppStore } from '../store';
import { canvasApi, registerCanvasApi } from './canvasApi';
import { ConnectDialog } from './ConnectDialog';
import { DropMessage } from './DropMessage';
import { ArchEdgeView, EdgeLabelLayer, EdgeMarkers } from './EdgeView';
import { CONTEXT_PREFIX, FlowModelCache, GRID, NODE_HEIGHT, NODE_WIDTH, findingsByTarget, type ArchFlowEdge, type FlowNode } from './flowModel';
import { ArchNodeView, ContextNodeView } from './NodeView';
import { Overview } from './Overview';
import { pickFaultTarget } from './pickTarget';
import { DEFAULT_ASPECT } from './layout';
import { focusZoom } from './findNode';
import { useCanvasGestures } from './useCanvasGestures';
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
  const flow = useReactFlow<FlowNode, ArchFlowEdge>();
  const flowStore = useStoreApi<FlowNode, ArchFlowEdge>();
  // One cache for the canvas's life (state, not a ref: it is read while rendering).
  const [cache] = useState(() => new FlowModelCache());
  const wrapper = useRef<HTMLDivElement>(null);
  // Semantic zoom (zoomLevels.ts): below the detail zoom, simplified cards and no edge badges; in
  // the overview also no dot grid and no culling. Re-renders only when the level changes.
  const level = useCanvasLevel();
  const far = level === 'overview';

  const byTarget = useMemo(() => findingsByTarget(findings), [findings]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const nodes = useMemo(() => cache.nodes(scenario, selectedNodes, byTarget.nodes), [cache, scenario, selectedNodes, byTarget]);
  const edges = useMemo(() => cache.edges(scenario, selectedEdges, byTarget.edges), [cache, scenario, selectedEdges, byTarget]);

  // Drag, connect, box-select and pan: one state machine (gestures.ts), one commit per gesture.
  const { shown, notice, handlers } = useCanvasGestures(flow, wrapper, nodes);
  const shownNodes = useMemo(() => {
    if (!shown) return nodes;
    return nodes.map((n) => {
      const p = shown.get(n.id);
      return p && (p.x !== n.position.x || p.y !== n.position.y) ? { ...n, position: p } : n;
    });
  }, [nodes, shown]);

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

  // "Connect to..." (the C key): which node it connects from; then the new edge gets the focus.
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const closeConnect = useCallback(() => setConnectFrom(null), []);
  const onConnected = useCallback(
    (edgeId: string) => {
      setConnectFrom(null);
      focusEdgeSoon(wrapper, edgeId);
    },
    [],
  );

  useEffect(() => {
    registerCanvasApi({
      fitView: () => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }),
      zoomIn: () => void flow.zoomIn({ duration: 150 }),
      zoomOut: () => void flow.zoomOut({ duration: 150 }),
      viewCenter: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        const center = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : { x: 400, y: 300 };
        const p = flow.screenToFlowPosition(center);
        return { x: p.x - NODE_WIDTH / 2, y: p.y - NODE_HEIGHT / 2 };
      },
      reveal: (position) => {
        const rect = wrapper.current?.getBoundingClientRect();
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
      connectFrom: (nodeId) => {
        if (!readOnly) setConnectFrom(nodeId);
      },
    });
    return () => registerCanvasApi(null);
  }, [flow, flowStore, readOnly]);

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
    <>
      <div ref={wrapper} className={`canvas${picking ? ' canvas--picking' : ''}${level !== 'detail' ? ' canvas--simple' : ''}${far ? ' canvas--overview' : ''}`}
        data-level={level} onDragOver={readOnly ? undefined : onDragOver} onDrop={readOnly ? undefined : onDrop}>
        <EdgeMarkers />
        <EdgeLabelLayer.Provider value={labelContext}>
          <ReactFlow<FlowNode, ArchFlowEdge>
            nodes={shownNodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            {...handlers}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
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
        {notice ? <DropMessage notice={notice} /> : null}
      </div>
      {readOnly ? null : <ConnectDialog fromId={connectFrom} onClose={closeConnect} onConnected={onConnected} />}
    </>
  );
}

/** Focuses an edge once React Flow has drawn it (a new edge appears a frame or two after the store has it). */
function focusEdgeSoon(wrapper: RefObject<HTMLDivElement | null>, edgeId: string, frames = 20): void {
  const el = wrapper.current?.querySelector<SVGGElement>(`.react-flow__edge[data-id="${CSS.escape(edgeId)}"]`);
  if (el) el.focus();
  else if (frames > 0) requestAnimationFrame(() => focusEdgeSoon(wrapper, edgeId, frames - 1));
}
