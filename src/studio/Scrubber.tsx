import { useId } from 'react';
import { appStore, useAppStore } from '../store';
import { formatSeconds } from './EventLog';

/** Moves through simulated time after (or during) a run; the canvas shows that moment. */
export function Scrubber() {
  const id = useId();
  const endMs = useAppStore((s) => s.runSamples[s.runSamples.length - 1]?.endMs ?? 0);
  const stepMs = useAppStore((s) => (s.runSamples[0] ? s.runSamples[0].endMs - s.runSamples[0].startMs : 1000));
  const scrubMs = useAppStore((s) => s.scrubMs);
  if (endMs === 0) return null;
  const value = scrubMs ?? Math.max(0, endMs - stepMs);
  return (
    <div className="scrubber">
      <label htmlFor={id}>Time</label>
      <input
        id={id}
        type="range"
        min={0}
        max={Math.max(0, endMs - stepMs)}
        step={stepMs}
        value={Math.min(value, endMs)}
        aria-valuetext={formatSeconds(value)}
        onChange={(e) => appStore.getState().setScrub(Number(e.target.value))}
      />
      <output htmlFor={id} className="scrubber__time">
        {formatSeconds(value)}
      </output>
      <button type="button" disabled={scrubMs === null} onClick={() => appStore.getState().setScrub(null)} title="Show the latest moment">
        Latest
      </button>
    </div>
  );
}

export function HealthLegend() {
  return (
    <ul className="health-legend" aria-label="Health colours">
      <li>
        <span className="health-dot health-dot--ok" /> ok
      </li>
      <li>
        <span className="health-dot health-dot--degraded" /> degraded (some failures or saturated)
      </li>
      <li>
        <span className="health-dot health-dot--failing" /> failing (half or more fail)
      </li>
    </ul>
  );
}
