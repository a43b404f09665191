import type { NotableEvent } from '../model';
import { appStore, useAppStore } from '../store';
import { cascadeHover, useCascadeHighlightCleanup } from './Explainer';

const KIND_LABEL: Record<NotableEvent['kind'], string> = {
  fault_start: 'fault starts',
  fault_end: 'fault ends',
  breaker_open: 'breaker opens',
  breaker_half_open: 'breaker half-open',
  breaker_closed: 'breaker closes',
  queue_full: 'queue full',
  bulkhead_saturated: 'bulkhead full',
  replica_ejected: 'replica ejected',
  replica_restored: 'replica back',
  first_failure: 'first failure',
  budget_exceeded: 'budget exceeded',
};

export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

/** Notable moments of the run; choosing one moves the timeline there; pointing at one shows the cascade path. */
export function EventLog() {
  const notable = useAppStore((s) => s.runNotable);
  const scrubMs = useAppStore((s) => s.scrubMs);
  useCascadeHighlightCleanup();
  if (notable.length === 0) return <p className="panel-empty">No notable moments yet: run the scenario.</p>;
  return (
    <ol className="event-log" aria-label="Event log">
      {notable.map((e, i) => (
        <li key={i} className={`event event--${e.kind}`}>
          <button type="button" {...cascadeHover} aria-current={scrubMs === e.timeMs ? 'true' : undefined} onClick={() => appStore.getState().setScrub(e.timeMs)}>
            <span className="event__time">{formatSeconds(e.timeMs)}</span>
            <span className="event__kind">{KIND_LABEL[e.kind]}</span>
            <span className="event__message">{e.message}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
