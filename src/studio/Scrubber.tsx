import { useId } from 'react';
import { HEALTH_RULES, describeWorst } from '../model';
import { appStore, runWorstMoment, useAppStore } from '../store';
import { formatSeconds } from './EventLog';
import './scrubber.css';

/**
 * Moves through simulated time after (or during) a run; the canvas shows that moment. A marker
 * on the track shows the worst moment (W jumps there, L back to the latest, also with the slider
 * focused: the keys are actions in app/actions.ts).
 */
export function Scrubber() {
  const id = useId();
  const endMs = useAppStore((s) => s.runSamples[s.runSamples.length - 1]?.endMs ?? 0);
  const stepMs = useAppStore((s) => (s.runSamples[0] ? s.runSamples[0].endMs - s.runSamples[0].startMs : 1000));
  const scrubMs = useAppStore((s) => s.scrubMs);
  const worst = useAppStore(runWorstMoment);
  if (endMs === 0) return null;
  const maxMs = Math.max(0, endMs - stepMs);
  const value = scrubMs ?? maxMs;
  const atWorst = worst !== null && scrubMs === worst.atMs;
  const worstText = worst ? describeWorst(worst) : '';
  return (
    <div className="scrubber">
      <label htmlFor={id}>Time</label>
      <span className="scrubber__track">
        <input
          id={id}
          type="range"
          min={0}
          max={maxMs}
          step={stepMs}
          value={Math.min(value, endMs)}
          aria-valuetext={formatSeconds(value)}
          aria-keyshortcuts="W L"
          onChange={(e) => appStore.getState().setScrub(Number(e.target.value))}
        />
        {worst ? (
          // A mark on the track, not a second target squeezed against the slider (WCAG 2.5.8):
          // the Worst button beside Latest, and W, jump there.
          <span
            className={`scrubber__worst${atWorst ? ' is-current' : ''}`}
            // The thumb's centre runs from half a thumb in to half a thumb from the end (16 px thumb).
            style={{ left: `calc(8px + (100% - 16px) * ${maxMs > 0 ? worst.atMs / maxMs : 0})` }}
            title={`${worstText}. Press W to jump here, L for the latest moment.`}
            aria-hidden="true"
            data-testid="worst-marker"
          >
            <span className="scrubber__worst-label">worst</span>
          </span>
        ) : null}
      </span>
      <output htmlFor={id} className="scrubber__time">
        {formatSeconds(value)}
      </output>
      {worst ? (
        <button type="button" disabled={atWorst} onClick={() => appStore.getState().scrubToWorst()} title={`${worstText} (W)`} aria-label={`${worstText}. Jump there (W)`} aria-keyshortcuts="W">
          Worst
        </button>
      ) : null}
      <button type="button" disabled={scrubMs === null} onClick={() => appStore.getState().scrubToLatest()} title="Show the latest moment (L)" aria-keyshortcuts="L">
        Latest
      </button>
    </div>
  );
}

/** The health colours, each with its rule (model/health.ts), behind a small button in the run bar. */
export function HealthLegend() {
  return (
    <details className="health-key">
      <summary title="What the health colours mean">
        <span className="health-key__dots" aria-hidden="true">
          {HEALTH_RULES.map((r) => (
            <span key={r.health} className={`health-dot health-dot--${r.health}`} />
          ))}
        </span>
        Health colours
      </summary>
      <ul className="health-key__list" aria-label="Health colours">
        {HEALTH_RULES.map((r) => (
          <li key={r.health}>
            <span className={`health-dot health-dot--${r.health}`} />
            <strong>{r.label}</strong>
            <span>{r.rule}</span>
          </li>
        ))}
        <li className="health-key__note">The first that holds in the interval wins, from the top; a node nothing reached is idle (grey).</li>
      </ul>
    </details>
  );
}
