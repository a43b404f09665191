import { createPortal } from 'react-dom';
import { useShallow } from 'zustand/react/shallow';
import type { FaultMark } from '../model';
import { cascadeStep, faultMarksAt, useAppStore } from '../store';
import './FaultMark.css';

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function Marks({ marks }: { marks: readonly FaultMark[] }) {
  return (
    <span className="fault-marks">
      {marks.map((m) => (
        <span
          key={m.faultId}
          className={`fault-mark fault-mark--${m.kind}`}
          role="img"
          aria-label={`fault: ${m.text}`}
          title={`Fault ${m.faultId}: ${m.text}, from ${seconds(m.startMs)} to ${seconds(m.endMs)}`}
          data-testid="fault-mark"
        >
          {m.text}
        </span>
      ))}
    </span>
  );
}

function CascadeBadge({ step }: { step: number }) {
  return (
    <span className="cascade-badge" role="img" aria-label={`cascade step ${step}`} title={step === 1 ? 'Step 1 of the cascade: the first cause' : `Step ${step} of the cascade`} data-testid="cascade-badge">
      {step}
    </span>
  );
}

/**
 * What a run adds on top of a node card at the scrubbed moment: the faults acting on it (named
 * by kind and size) and, while the explainer or an event has focus or the pointer, its place on
 * the cascade path. Sizes follow the canvas's zoom level (FaultMark.css).
 */
export function NodeRunMarks({ id }: { id: string }) {
  const marks = useAppStore(useShallow((s) => faultMarksAt(s, id)));
  const step = useAppStore((s) => cascadeStep(s, id));
  if (marks.length === 0 && step === null) return null;
  return (
    <>
      {step !== null ? <span className="cascade-ring" aria-hidden="true" /> : null}
      {step !== null ? <CascadeBadge step={step} /> : null}
      {marks.length > 0 ? <Marks marks={marks} /> : null}
    </>
  );
}

/** The same for an edge, drawn in the edge label layer at the edge's middle, at every zoom level. */
export function EdgeRunMarks({ id, x, y, layer }: { id: string; x: number; y: number; layer: HTMLElement | null }) {
  const marks = useAppStore(useShallow((s) => faultMarksAt(s, id)));
  const step = useAppStore((s) => cascadeStep(s, id));
  if (!layer || (marks.length === 0 && step === null)) return null;
  return createPortal(
    <div className={`edge-run-marks${step !== null ? ' is-on-cascade' : ''}`} style={{ transform: `translate(-50%, -100%) translate(${x}px, ${y}px)` }} data-testid={`edge-run-marks-${id}`}>
      {step !== null ? <CascadeBadge step={step} /> : null}
      {marks.length > 0 ? <Marks marks={marks} /> : null}
    </div>,
    layer,
  );
}
