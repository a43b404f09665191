import { useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { FAULT_KINDS, displayName, type Fault, type FaultKind, type Scenario } from '../model';
import { appStore, edits, useAppStore } from '../store';
import { FAULT_LABELS, faultTargets } from './inspector/FaultInspector';

const ROW_HEIGHT = 30;
const LABEL_WIDTH = 190;

function targetName(scenario: Scenario, id: string): string {
  const node = scenario.nodes.find((n) => n.id === id);
  if (node) return displayName(node);
  const edge = scenario.edges.find((e) => e.id === id);
  return edge ? `${edge.from} → ${edge.to}` : id;
}

type DragMode = 'move' | 'start' | 'end';

/** Faults on a time axis: drag a bar to move it, its ends to resize; arrows do the same by keyboard. */
export function FaultTimeline() {
  const scenario = useAppStore((s) => s.scenario);
  const selectedFault = useAppStore((s) => s.selection.fault);
  const axis = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: string; mode: DragMode; x0: number; start: number; duration: number } | null>(null);
  const [kind, setKind] = useState<FaultKind>('latency');
  const formId = useId();
  const duration = scenario.settings.durationS;
  const targets = faultTargets(scenario, kind);
  const [targetChoice, setTargetChoice] = useState('');
  // What is selected on the canvas is the natural target of a new fault.
  const selected = useAppStore((s) => s.selection.nodes[0] ?? s.selection.edges[0] ?? '');
  const valid = (id: string) => targets.some((t) => t.id === id);
  const target = valid(targetChoice) ? targetChoice : valid(selected) ? selected : (targets[0]?.id ?? '');

  const secondsPerPixel = () => duration / Math.max(1, (axis.current?.clientWidth ?? 600) - LABEL_WIDTH);
  const setTimes = (id: string, startS: number, durationS: number) => {
    const start = Math.round(Math.max(0, Math.min(duration, startS)) * 10) / 10;
    const length = Math.round(Math.max(0, Math.min(86_400, durationS)) * 10) / 10;
    appStore.getState().updateGesture((s) => edits.updateFault(s, id, (f) => (f.startS === start && f.durationS === length ? f : { ...f, startS: start, durationS: length })));
  };

  const onPointerDown = (event: PointerEvent, fault: Fault, mode: DragMode) => {
    event.stopPropagation();
    (event.target as HTMLElement).setPointerCapture(event.pointerId);
    drag.current = { id: fault.id, mode, x0: event.clientX, start: fault.startS, duration: fault.durationS };
    const state = appStore.getState();
    state.select({ fault: fault.id });
    state.beginGesture();
  };
  const onPointerMove = (event: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const delta = (event.clientX - d.x0) * secondsPerPixel();
    if (d.mode === 'move') setTimes(d.id, d.start + delta, d.duration);
    if (d.mode === 'start') setTimes(d.id, Math.min(d.start + delta, d.start + d.duration), d.duration - Math.min(delta, d.duration));
    if (d.mode === 'end') setTimes(d.id, d.start, d.duration + delta);
  };
  const onPointerUp = () => {
    if (!drag.current) return;
    drag.current = null;
    appStore.getState().endGesture('Move fault');
  };
  const onKeyDown = (event: KeyboardEvent, fault: Fault) => {
    const step = event.altKey ? 0.1 : 1;
    const state = appStore.getState();
    const change = (startS: number, durationS: number) => {
      event.preventDefault();
      state.apply('Move fault', (s) =>
        edits.updateFault(s, fault.id, (f) => ({ ...f, startS: Math.max(0, Math.round(startS * 10) / 10), durationS: Math.max(0, Math.round(durationS * 10) / 10) })),
      );
    };
    if (event.key === 'ArrowLeft' && !event.shiftKey) change(fault.startS - step, fault.durationS);
    if (event.key === 'ArrowRight' && !event.shiftKey) change(fault.startS + step, fault.durationS);
    if (event.key === 'ArrowLeft' && event.shiftKey) change(fault.startS, fault.durationS - step);
    if (event.key === 'ArrowRight' && event.shiftKey) change(fault.startS, fault.durationS + step);
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      event.stopPropagation();
      state.apply('Delete fault', (s) => edits.removeFault(s, fault.id));
      state.select({ fault: null });
    }
  };
  const addFault = () => {
    if (!target) return;
    const state = appStore.getState();
    let id = '';
    state.apply('Add fault', (s) => {
      const r = edits.addFault(s, kind, target, Math.min(10, duration / 3), Math.min(10, duration / 4));
      id = r.id;
      return r.scenario;
    });
    state.select({ fault: id });
  };

  const ticks = Array.from({ length: 7 }, (_, i) => (duration * i) / 6);
  return (
    <section className="timeline" aria-label="Fault timeline">
      <div className="timeline__add">
        <label htmlFor={`${formId}-kind`}>New fault</label>
        <select id={`${formId}-kind`} value={kind} onChange={(e) => setKind(e.target.value as FaultKind)}>
          {FAULT_KINDS.map((k) => (
            <option key={k} value={k}>
              {FAULT_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor={`${formId}-target`}>on</label>
        <select id={`${formId}-target`} value={target} onChange={(e) => setTargetChoice(e.target.value)}>
          {targets.length === 0 ? <option value="">no possible target</option> : null}
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={addFault} disabled={!target}>
          Add fault
        </button>
        <span className="timeline__hint">Drag a bar or its ends; with a bar focused, arrows move it and Shift+arrows resize it.</span>
      </div>
      <div className="timeline__axis" ref={axis} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp}>
        <div className="timeline__ticks" style={{ marginLeft: LABEL_WIDTH }}>
          {ticks.map((t) => (
            <span key={t} style={{ left: `${(t / duration) * 100}%` }}>
              {Math.round(t)} s
            </span>
          ))}
        </div>
        {scenario.faults.length === 0 ? <p className="timeline__empty">No faults yet: the run will be a calm day. Add one above.</p> : null}
        {scenario.faults.map((fault) => {
          const left = (Math.min(fault.startS, duration) / duration) * 100;
          const width = Math.max(0.6, (Math.min(fault.durationS, duration - Math.min(fault.startS, duration)) / duration) * 100);
          const name = `${FAULT_LABELS[fault.kind].split(' (')[0]} on ${targetName(scenario, fault.target)}`;
          return (
            <div className="timeline__row" key={fault.id} style={{ height: ROW_HEIGHT }}>
              <span className="timeline__label" style={{ width: LABEL_WIDTH }} title={name}>
                {name}
              </span>
              <div className="timeline__track">
                <div
                  className={`timeline__bar timeline__bar--${fault.kind}${selectedFault === fault.id ? ' is-selected' : ''}`}
                  style={{ left: `${left}%`, width: `${width}%` }}
                  role="button"
                  tabIndex={0}
                  aria-label={`${name}, from ${fault.startS} s for ${fault.durationS} s`}
                  aria-pressed={selectedFault === fault.id}
                  onPointerDown={(e) => onPointerDown(e, fault, 'move')}
                  onKeyDown={(e) => onKeyDown(e, fault)}
                  onFocus={() => appStore.getState().select({ fault: fault.id })}
                >
                  <span className="timeline__grip timeline__grip--start" onPointerDown={(e) => onPointerDown(e, fault, 'start')} />
                  <span className="timeline__bar-text">
                    {fault.startS}–{Math.round((fault.startS + fault.durationS) * 10) / 10} s
                  </span>
                  <span className="timeline__grip timeline__grip--end" onPointerDown={(e) => onPointerDown(e, fault, 'end')} />
                </div>
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
