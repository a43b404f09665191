import type { ReactNode } from 'react';
import { EARLIER_VERSION, compareFreshness, runFreshness, sweepFreshness, useAppStore, type AppState, type Freshness } from '../store';
import './staleNotice.css';

/** What a banner is about: the run (Results, Events, exports), the comparison or the sweep. */
export type StaleSubject = 'run' | 'compare' | 'sweep';

const FRESHNESS: Record<StaleSubject, (s: AppState) => Freshness> = {
  run: runFreshness,
  compare: compareFreshness,
  sweep: sweepFreshness,
};

/** The banner's words for each subject (one sentence on what is shown, one on how to get it current). */
export function staleText(subject: StaleSubject): { lead: string; rest: string } {
  if (subject === 'compare') {
    return { lead: `This comparison is ${EARLIER_VERSION}.`, rest: 'The scenario (A) was edited after it ran: run A and B again to compare it as it is now, or undo back to that version.' };
  }
  if (subject === 'sweep') {
    return { lead: `This sweep is ${EARLIER_VERSION}.`, rest: 'The scenario was edited after it ran: run the sweep again for the scenario as it is now, or undo back to that version.' };
  }
  return { lead: `These results are ${EARLIER_VERSION}.`, rest: 'It was edited after the run: run it again (Ctrl+Enter) for results of the scenario as it is now, or undo back to that version.' };
}

/** A banner over results that belong to an earlier version of the open scenario; nothing otherwise. */
export function StaleNotice({ of: subject, children }: { of: StaleSubject; children?: ReactNode }) {
  const stale = useAppStore((s) => FRESHNESS[subject](s) === 'stale');
  if (!stale) return null;
  const { lead, rest } = staleText(subject);
  return (
    <p className="stale-notice" role="note">
      <strong>{lead}</strong> {rest}
      {children ? <> {children}</> : null}
    </p>
  );
}

/** Over the canvas: why the run's figures are not drawn on the nodes and calls. */
export function CanvasStaleNotice() {
  const stale = useAppStore((s) => runFreshness(s) === 'stale');
  if (!stale) return null;
  return (
    <p className="stale-notice stale-notice--canvas" role="note" aria-label="Canvas figures hidden" title="Run it again, or undo back to the version that ran, to see its figures here.">
      Run figures hidden: the run is {EARLIER_VERSION}.
    </p>
  );
}
