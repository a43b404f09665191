import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useId, useRef, useState } from 'react';
import { appStore, isRunStale, useAppStore, type AppState } from '../store';
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

// Below this zoom the overview's labels (42 px) would drop under 12 px on screen (zoomLevels.ts).
const MIN_FIT_ZOOM_AFTER_RUN = 0.3;

// Room above the topmost card for its fault mark (FaultMark.css), in screen pixels.
const MARK_ROOM_PX = 26;

/** Fits the diagram; when it does not fit whole, keeps its top (and the marks there) in view rather than cutting it. */
async function fitKeepingTheTopInView(flow: ReturnType<typeof useReactFlow>): Promise<void> {
  await flow.fitView({ padding: 0.05, maxZoom: 1, minZoom: Math.min(flow.getZoom(), MIN_FIT_ZOOM_AFTER_RUN) });
  const bounds = flow.getNodesBounds(flow.getNodes());
  const { x, y, zoom } = flow.getViewport();
  const top = bounds.y * zoom + y;
  if (top < MARK_ROOM_PX) await flow.setViewport({ x, y: y + MARK_ROOM_PX - top, zoom });
}

/**
 * A finished run opens the taller Results panel, which takes height from the canvas: fit the
 * diagram again once the canvas has its new size, so that the whole cascade stays in view (never
 * zooming out past where labels stay readable, unless the view already was).
 */
function useFitWhenTheCanvasShrinks(): void {
  const flow = useReactFlow();
  const height = useFlowStore((s) => s.height);
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
      void fitKeepingTheTopInView(flow);
    });
    return () => cancelAnimationFrame(frame);
  }, [height, flow]);
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
