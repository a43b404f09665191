import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { memo, useCallback, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import type { ScenarioNode } from '../model';
import { shallow } from 'zustand/shallow';
import { useAppStore } from '../store';
import { NODE_HEIGHT, NODE_WIDTH } from './flowModel';

const WIDTH = 160;
const HEIGHT = 100;
const MARGIN = 0.08;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The smallest box around every node, or null when there is none. */
export function diagramBounds(nodes: readonly ScenarioNode[]): { minX: number; minY: number; maxX: number; maxY: number } | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const p = n.position ?? { x: 0, y: 0 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    maxY = Math.max(maxY, p.y + NODE_HEIGHT);
  }
  return Number.isFinite(minX) ? { minX, minY, maxX, maxY } : null;
}

/**
 * The box the overview shows: every node, padded, stretched to the overview's aspect ratio.
 * It depends on the nodes only, never on the viewport: React Flow's own MiniMap widens its
 * view box to include the viewport, so on every frame of a pan that pokes past the graph it
 * re-laid out all of its node rectangles (a fifth of each frame with 300 nodes).
 */
export function overviewBox(nodes: readonly ScenarioNode[]): Box {
  const bounds = diagramBounds(nodes);
  if (!bounds) return { x: 0, y: 0, width: 1600, height: 1000 };
  const { minX, minY, maxX, maxY } = bounds;
  let width = maxX - minX;
  let height = maxY - minY;
  const padX = width * MARGIN + NODE_WIDTH / 2;
  const padY = height * MARGIN + NODE_HEIGHT / 2;
  let x = minX - padX;
  let y = minY - padY;
  width += 2 * padX;
  height += 2 * padY;
  const aspect = WIDTH / HEIGHT;
  if (width / height > aspect) {
    const grown = width / aspect;
    y -= (grown - height) / 2;
    height = grown;
  } else {
    const grown = height * aspect;
    x -= (grown - width) / 2;
    width = grown;
  }
  return { x, y, width, height };
}

/** The node rectangles: re-rendered only when the scenario's nodes change, not when the view moves. */
const OverviewNodes = memo(function OverviewNodes({ nodes }: { nodes: readonly ScenarioNode[] }) {
  return (
    <g>
      {nodes.map((n) => (
        <rect
          key={n.id}
          className={`minimap-node minimap-node--${n.kind}`}
          x={n.position?.x ?? 0}
          y={n.position?.y ?? 0}
          width={NODE_WIDTH}
          height={NODE_HEIGHT}
          rx={12}
        />
      ))}
    </g>
  );
});

type ViewState = { transform: [number, number, number]; width: number; height: number };
const viewRect = (s: ViewState): [number, number, number, number] => {
  const [tx, ty, zoom] = s.transform;
  return [-tx / zoom, -ty / zoom, s.width / zoom, s.height / zoom];
};

/** What part of the graph is on screen: one rectangle, the only thing that changes during a pan. */
function ViewportMark() {
  const [x, y, width, height] = useStore(viewRect, shallow);
  return <rect className="overview__view" x={x} y={y} width={width} height={height} />;
}

/**
 * A map of the whole diagram in the corner of the canvas, with the part on screen outlined.
 * Click or drag on it to move the view there; the mouse wheel over it zooms.
 */
export function Overview() {
  const nodes = useAppStore((s) => s.scenario.nodes);
  const box = useMemo(() => overviewBox(nodes), [nodes]);
  // Shown only while part of the diagram is out of view: with all of it on screen the map repeats
  // the canvas, and it would cover the corner of a fitted diagram.
  const bounds = useMemo(() => diagramBounds(nodes), [nodes]);
  const partlyHidden = useStore(
    useCallback(
      (s: ViewState) => {
        if (!bounds) return false;
        const [tx, ty, zoom] = s.transform;
        const left = -tx / zoom;
        const top = -ty / zoom;
        return bounds.minX < left || bounds.minY < top || bounds.maxX > left + s.width / zoom || bounds.maxY > top + s.height / zoom;
      },
      [bounds],
    ),
  );
  const flow = useReactFlow();
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);

  const centerAt = useCallback(
    (clientX: number, clientY: number) => {
      const rect = svg.current?.getBoundingClientRect();
      if (!rect || rect.width === 0) return;
      const x = box.x + ((clientX - rect.left) / rect.width) * box.width;
      const y = box.y + ((clientY - rect.top) / rect.height) * box.height;
      void flow.setCenter(x, y, { zoom: flow.getZoom() });
    },
    [box, flow],
  );
  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    centerAt(event.clientX, event.clientY);
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (dragging.current) centerAt(event.clientX, event.clientY);
  };
  const onPointerUp = () => {
    dragging.current = false;
  };
  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    const factor = event.deltaY < 0 ? 1.2 : 1 / 1.2;
    void flow.zoomTo(flow.getZoom() * factor);
  };

  if (!partlyHidden) return null;
  return (
    <Panel position="bottom-right" className="overview">
      <svg
        ref={svg}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`${box.x} ${box.y} ${box.width} ${box.height}`}
        role="img"
        aria-label="Minimap"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      >
        <title>Minimap</title>
        <OverviewNodes nodes={nodes} />
        <ViewportMark />
      </svg>
    </Panel>
  );
}
