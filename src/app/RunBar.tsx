import { getViewportForBounds, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useId, useRef, useState } from 'react';
import { appStore, isRunStale, useAppStore, type AppState } from '../store';
import { SIMPLE_ZOOM } from '../editor/zoomLevels';
import { HealthLegend, Scrubber } from '../studio/Scrubber';
import { action, perform, type AppAction } from './actions';
import { showChord } from './shortcuts';
import type { RunSpeed } from '../worker/client';

const SPEEDS: readonly { value: string; speed: RunSpeed; label: string }[] = [
  { value: 'max', speed: 'max', label: 'As fast as possible' },
  { value: '1', speed: 1, label: 'Play 1x (real time)' },
  { value: '10', speed: 10, label: 'Play 10x' },
  { value: '100', speed: 100, label: 'Play 100x' },
];

function RunButton({ a, primary }: { a: AppAction; primary?: boolean }) {
  const enabled = useAppStore((s) => (a.enabled ? a.enabled(s) : true));
  const key = a.keys?.[0];
  return (
    <button type="button" className={primary ? 'primary' : undefined} disabled={!enabled} onClick={() => perform(a)} title={key ? `${a.label} (${showChord(key)})` : a.label}>
      {a.label}
    </button>
  );
}

function clock(s: AppState): string {
  const durationS = (s.runScenario ?? s.scenario).settings.durationS;
  const simulatedMs = s.runProgress?.simulatedMs ?? (s.runResult ? s.runResult.simulatedMs : 0);
  return `${(simulatedMs / 1000).toFixed(1)} s of ${durationS} s`;
}

const FLOW_KEY = 'faultline.v1.animateFlow';

/** Moving dashes along busy edges: on unless the user turned it off or prefers reduced motion. */
function FlowToggle() {
  const id = useId();
  const [on, setOn] = useState(() => {
    try {
      const stored = localStorage.getItem(FLOW_KEY);
      if (stored !== null) return stored === 'on';
    } catch {
      // Storage may be blocked: fall back to the motion preference.
    }
    return !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  });
  useEffect(() => {
    document.documentElement.dataset.flow = on ? 'on' : 'off';
    try {
      localStorage.setItem(FLOW_KEY, on ? 'on' : 'off');
    } catch {
      // Not remembered across reloads, which is fine.
    }
  }, [on]);
  return (
    <span className="flow-toggle">
      <input id={id} type="checkbox" checked={on} onChange={(e) => setOn(e.target.checked)} />
      <label htmlFor={id}>Animate flow</label>
    </span>
  );
}

// Not below the simplified cards' zoom: the overview drops each card's figure (zoomLevels.ts), and
// after a run the figure says what is wrong.
const MIN_FIT_ZOOM_AFTER_RUN = SIMPLE_ZOOM;

/** Fits the diagram to the canvas's new size if it fits whole at the simplified cards' zoom; else leaves the view. */
function fitIfItStillFits(flow: ReturnType<typeof useReactFlow>, width: number, height: number): void {
  const bounds = flow.getNodesBounds(flow.getNodes());
  const view = getViewportForBounds(bounds, width, height, 0.05, 1, 0.05);
  if (view.zoom >= Math.min(flow.getZoom(), MIN_FIT_ZOOM_AFTER_RUN)) void flow.setViewport(view);
}

/**
 * A finished run opens the taller Results panel, which takes height from the canvas: fit the
 * diagram again once the canvas has its new size, so that the whole cascade stays in view, when
 * it fits without zooming out past the simplified cards (else the view stays as it was).
 */
function useFitWhenTheCanvasShrinks(): void {
  const flow = useReactFlow();
  const height = useFlowStore((s) => s.height);
  const width = useFlowStore((s) => s.width);
  const phase = useAppStore((s) => s.runPhase);
  const heightAtDone = useRef<number | null>(null);
  const previousPhase = useRef(phase);
  useEffect(() => {
    if (phase === 'done' && previousPhase.current !== 'done') heightAtDone.current = height;
    previousPhase.current = phase;
  }, [phase, height]);
  useEffect(() => {
    const before = heightAtDone.current;
    if (before === null || height === before || height === 0) return;
    const frame = requestAnimationFrame(() => {
      heightAtDone.current = null;
      fitIfItStillFits(flow, width, height);
    });
    return () => cancelAnimationFrame(frame);
  }, [height, width, flow]);
}

/** Run controls, the simulated clock, the timeline scrubber and the health legend. */
export function RunBar() {
  const id = useId();
  useFitWhenTheCanvasShrinks();
  const phase = useAppStore((s) => s.runPhase);
  const speed = useAppStore((s) => s.runSpeed);
  const time = useAppStore(clock);
  const fraction = useAppStore((s) => {
    const d = (s.runScenario ?? s.scenario).settings.durationS * 1000;
    const t = s.runProgress?.simulatedMs ?? s.runResult?.simulatedMs ?? 0;
    return Math.round((100 * t) / d);
  });
  const stale = useAppStore((s) => isRunStale(s) && s.runPhase !== 'idle');
  const status = useAppStore((s) => s.runResult?.status ?? null);
  const running = phase === 'running' || phase === 'paused';
  return (
    <section className="run-bar" aria-label="Simulation">
      {running ? (
        <>
          {phase === 'running' ? <RunButton a={action('pause')} /> : <RunButton a={action('resume')} />}
          <RunButton a={action('cancel-run')} />
        </>
      ) : (
        <RunButton a={action('run')} primary />
      )}
      <label htmlFor={id} className="sr-only">
        Speed
      </label>
      <select id={id} value={String(speed)} onChange={(e) => appStore.getState().setRunSpeed(SPEEDS.find((x) => x.value === e.target.value)?.speed ?? 'max')}>
        {SPEEDS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <span className="run-clock" role="timer" aria-label="Simulated time">
        {time}
      </span>
      <progress max={100} value={fraction} aria-label="Run progress" />
      <span className="run-status" role="status" aria-label="Run status">
        {phase === 'running' ? 'Running' : phase === 'paused' ? 'Paused' : phase === 'failed' ? 'Crashed' : status === 'budget_exceeded' ? 'Stopped at budget' : status === 'completed' ? 'Done' : ''}
        {stale ? ' · scenario edited since this run' : ''}
      </span>
      <Scrubber />
      <FlowToggle />
      <HealthLegend />
    </section>
  );
}
