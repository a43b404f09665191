import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { KIND_INFO, displayName, keyNumbers } from '../model';
import { currentLiveNode, useAppStore } from '../store';
import { Icon } from '../ui/Icon';
import { cardFigure } from './cardFigure';
import { NodeRunMarks } from './FaultMark';
import type { ArchFlowNode, ContextFlowNode } from './flowModel';
import { cardLabel } from './zoomLevels';
import './handles.css';

/**
 * A node of the architecture: icon, label, kind, key numbers, lint marker, room for live state.
 * Below the detail zoom (`.canvas--simple`, see zoomLevels.ts and styles.css) it shows a simpler
 * card instead: the label in large type, its health colour and one figure. Both are always in the
 * DOM, so a change of zoom level is a restyle, not a re-render of every node.
 * It re-renders only when its data or selection changes, not on every frame of a drag (React Flow
 * passes the position too, which it does not show).
 */

export const ArchNodeView = memo(function ArchNodeView({ data, selected }: NodeProps<ArchFlowNode>) {
  const { node, findings } = data;
  const info = KIND_INFO[node.kind];
  const name = displayName(node);
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.length ? 'warning' : null;
  const numbers = keyNumbers(node);
  const live = useAppStore(useShallow((s) => currentLiveNode(s, node.id)));
  return (
    <div
      className={`arch-node arch-node--${node.kind}${selected ? ' is-selected' : ''}${worst ? ` has-${worst}` : ''}${live ? ` health--${live.health}` : ''}`}
      data-health={live?.health}
      data-testid={`node-${node.id}`}
      title={node.description ?? info.description}
    >
      <Handle type="target" position={Position.Left} className="arch-handle" />
      <div className="arch-node__header">
        <span className="arch-node__icon">
          <Icon name={node.kind} size={18} />
        </span>
        <span className="arch-node__titles">
          <span className="arch-node__label">{name}</span>
          <span className="arch-node__kind">{info.label}</span>
        </span>
      </div>
      {worst ? (
        <span
          className={`lint-marker lint-marker--${worst}`}
          role="img"
          aria-label={`${findings.length} architecture ${findings.length === 1 ? 'problem' : 'problems'}: ${findings.map((f) => f.title).join('; ')}`}
          title={findings.map((f) => `${f.title}: ${f.why}`).join('\n')}
          data-testid="lint-marker"
        >
          <Icon name={worst} size={14} />
          {findings.length > 1 ? <span className="lint-marker__count">{findings.length}</span> : null}
        </span>
      ) : null}
      <div className="arch-node__numbers">
        {numbers.map((n) => (
          <span key={n} className="chip">
            {n}
          </span>
        ))}
      </div>
      <div className="arch-node__live" data-testid={`live-${node.id}`}>
        {live ? (
          <>
            <span className={`health-dot health-dot--${live.health}`} role="img" aria-label={`health: ${live.health}`} />
            {live.utilisationPct > 0 || live.inFlight > 0 ? <span className="live-badge" title="Busy workers">{live.utilisationPct}% busy</span> : null}
            {live.queueDepth > 0 ? <span className="live-badge live-badge--queue" title="Waiting in the queue">queue {live.queueDepth}</span> : null}
          </>
        ) : null}
      </div>
      {/* The simplified card (styles.css shows it below the detail zoom). Labels are cut to fit
          here, so they need no clipping box, which made every frame of a pan slower to composite. */}
      <div className="arch-node__card" aria-hidden="true">
        <span className="arch-node__biglabel arch-node__biglabel--simple">{cardLabel(name, 'simple')}</span>
        <span className="arch-node__biglabel arch-node__biglabel--overview">{cardLabel(name, 'overview')}</span>
        <span className="arch-node__figure" data-testid={`figure-${node.id}`}>
          {cardFigure(node, live)}
        </span>
      </div>
      <NodeRunMarks id={node.id} />
      <Handle type="source" position={Position.Right} className="arch-handle" />
    </div>
  );
}, (a, b) => a.data === b.data && a.selected === b.selected);

/** A bounded context: a labelled box behind its member nodes; dragging it moves them. */
export const ContextNodeView = memo(function ContextNodeView({ data }: NodeProps<ContextFlowNode>) {
  return (
    <div className="context-node" data-testid={`context-${data.group.id}`}>
      <span className="context-node__label">{data.group.label}</span>
    </div>
  );
});
