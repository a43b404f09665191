import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { createContext, memo, useContext, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import { policyBadges } from '../model';
import { appStore, currentLiveEdge, type EdgeLive, useAppStore } from '../store';
import { EdgeRunMarks } from './FaultMark';
import { pickFaultTarget } from './pickTarget';
import type { ArchFlowEdge } from './flowModel';

/**
 * Where edge badges go (React Flow's edge label layer, found once by the canvas) and whether the
 * canvas shows them (only at the detail zoom: below it, edges speak by width and colour). React Flow's own EdgeLabelRenderer looks the layer up
 * with querySelector in a store selector, i.e. once per edge on every change of the flow's state:
 * that was the largest cost of a drag with a few hundred edges.
 */
export const EdgeLabelLayer = createContext<{ layer: HTMLElement | null; badges: boolean }>({ layer: null, badges: true });

function LiveEdgeBadges({ live }: { live: EdgeLive }) {
  return (
    <>
      <span className="edge-live" title="Attempts per second">{live.attemptsPerSec}/s</span>
      {live.failureShare > 0 ? <span className="edge-live edge-live--fail" title="Share of attempts that failed">{Math.round(live.failureShare * 100)}% fail</span> : null}
      {live.retryShare > 0 ? <span className="edge-live edge-live--retry" title="Share of attempts that were retries">retry {Math.round(live.retryShare * 100)}%</span> : null}
      {live.breaker ? (
        <span className={`breaker breaker--${live.breaker}`} role="img" aria-label={`circuit breaker ${live.breaker.replace('_', '-')}`} title={`Circuit breaker: ${live.breaker.replace('_', '-')}`}>
          {live.breaker === 'closed' ? 'CB closed' : live.breaker === 'open' ? 'CB OPEN' : 'CB half-open'}
        </span>
      ) : null}
      {live.bulkheadInUse > 0 ? <span className="edge-live" title="Calls in the bulkhead">BH {live.bulkheadInUse}</span> : null}
    </>
  );
}

/** Sync calls are solid with a filled arrow; async messages are dashed with an open arrow. */
export const ArchEdgeView = memo(function ArchEdgeView(props: EdgeProps<ArchFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const live = useAppStore(useShallow((s) => currentLiveEdge(s, id)));
  const { layer, badges: showBadges } = useContext(EdgeLabelLayer);
  if (!data) return null;
  const { edge, findings } = data;
  const kind = edge.kind;
  const flagged = findings.length > 0;
  const badges = policyBadges(edge);
  const className = ['arch-edge', `arch-edge--${kind}`, selected ? 'is-selected' : '', flagged && !live ? 'is-flagged' : '', live && live.attemptsPerSec > 0 ? 'is-live' : ''].join(' ');
  // While a run is shown: width by traffic, colour from grey to red by the share of failures.
  // (The width is a CSS variable so that each zoom level can scale it: styles.css.)
  const liveStyle = live
    ? ({ '--edge-weight': live.weight, stroke: live.failureShare > 0.005 ? `hsl(${Math.round(30 - 30 * live.failureShare)}, 85%, ${Math.round(50 - 10 * live.failureShare)}%)` : undefined } as CSSProperties)
    : undefined;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={className}
        markerEnd={`url(#arrow-${kind}${selected ? '-selected' : flagged && !live ? '-flagged' : ''})`}
        interactionWidth={16}
        style={liveStyle}
      />
      {layer && showBadges && (badges.length > 0 || flagged || live)
        ? createPortal(
          <div
            className={`edge-badges${selected ? ' is-selected' : ''}${flagged ? ' is-flagged' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            title={findings.map((f) => `${f.title}: ${f.why}`).join('\n') || undefined}
            data-testid={`edge-badges-${edge.id}`}
            onClick={() => (appStore.getState().pickingTargetFor !== null ? pickFaultTarget(edge.id) : appStore.getState().select({ edges: [edge.id] }))}
          >
            {flagged ? <span className="edge-badges__flag" aria-label="architecture problem">!</span> : null}
            {badges.map((b) => (
              <span key={b}>{b}</span>
            ))}
            {live ? <LiveEdgeBadges live={live} /> : null}
          </div>,
          layer,
        )
        : null}
      <EdgeRunMarks id={edge.id} x={labelX} y={labelY - (layer && showBadges && (badges.length > 0 || flagged || live) ? 12 : 0)} layer={layer} />
    </>
  );
});

/** Arrow heads for each edge kind and state, defined once for the whole canvas. */
export function EdgeMarkers() {
  const variants: { suffix: string; color: string }[] = [
    { suffix: '', color: 'var(--edge)' },
    { suffix: '-selected', color: 'var(--accent)' },
    { suffix: '-flagged', color: 'var(--warning)' },
  ];
  return (
    <svg className="edge-markers" aria-hidden="true" width="0" height="0">
      <defs>
        {variants.map(({ suffix, color }) => (
          <g key={suffix}>
            <marker id={`arrow-sync${suffix}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
              <path d="M0 0 L10 5 L0 10 z" fill={color} />
            </marker>
            <marker id={`arrow-async${suffix}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse">
              <path d="M1 1 L9 5 L1 9" fill="none" stroke={color} strokeWidth="1.6" />
            </marker>
          </g>
        ))}
      </defs>
    </svg>
  );
}
