import { useId, useMemo } from 'react';
import {
  FAULT_KIND_FIELDS as FK,
  FAULT_KINDS,
  displayName,
  faultSchema,
  faultTargetProblem,
  isWorkerNode,
  type Fault,
  type FaultKind,
  type Scenario,
} from '../../model';
import { appStore, edits, useAppStore } from '../../store';
import { Num, OptionalSection, TargetProvider, fieldAt, type InspectorTarget } from './target';

export const FAULT_LABELS: Record<FaultKind, string> = {
  crash: 'Crash (refuses calls)',
  hang: 'Hang (black hole: calls time out)',
  latency: 'Latency (+ms or x factor)',
  error: 'Error rate',
  capacityLoss: 'Capacity loss (fewer workers)',
  partition: 'Network partition (edge)',
  packetLoss: 'Packet loss (edge)',
  cacheFlush: 'Cache flush',
  trafficSpike: 'Traffic spike (client)',
  delay: 'Injected delay (edge, Istio)',
  abort: 'Injected abort (edge, Istio)',
};

/** The nodes and edges a fault of this kind may target, for a target picker. */
export function faultTargets(scenario: Scenario, kind: FaultKind): { id: string; label: string }[] {
  const nodes = new Map(scenario.nodes.map((n) => [n.id, n]));
  const edgeMap = new Map(scenario.edges.map((e) => [e.id, e]));
  const out: { id: string; label: string }[] = [];
  for (const n of scenario.nodes) if (!faultTargetProblem({ kind, target: n.id }, nodes, edgeMap)) out.push({ id: n.id, label: displayName(n) });
  for (const e of scenario.edges) {
    if (faultTargetProblem({ kind, target: e.id }, nodes, edgeMap)) continue;
    const from = nodes.get(e.from);
    const to = nodes.get(e.to);
    out.push({ id: e.id, label: `${from ? displayName(from) : e.from} → ${to ? displayName(to) : e.to}` });
  }
  return out;
}

/** The parameters only this kind of fault has, with this kind's defaults. */
function FaultKindFields({ fault }: { fault: Fault }) {
  switch (fault.kind) {
    case 'latency':
      return (
        <>
          <Num {...fieldAt(FK.latency, 'addMs')} />
          <Num {...fieldAt(FK.latency, 'factor')} />
        </>
      );
    case 'error':
    case 'capacityLoss':
    case 'packetLoss':
    case 'abort':
      return <Num {...fieldAt(FK[fault.kind], 'percent')} />;
    case 'delay':
      return (
        <>
          <Num {...fieldAt(FK.delay, 'delayMs')} />
          <Num {...fieldAt(FK.delay, 'percent')} />
        </>
      );
    case 'trafficSpike':
      return <Num {...fieldAt(FK.trafficSpike, 'factor')} />;
    default:
      return null;
  }
}

export function FaultInspector({ fault, scenario }: { fault: Fault; scenario: Scenario }) {
  const id = useId();
  const target = useMemo<InspectorTarget>(
    () => ({
      item: fault,
      schema: faultSchema,
      commit: (next, label) => appStore.getState().apply(label, (s) => edits.updateFault(s, fault.id, () => next as Fault)),
    }),
    [fault],
  );
  const targets = faultTargets(scenario, fault.kind);
  const picking = useAppStore((s) => s.pickingTargetFor === fault.id);
  const node = scenario.nodes.find((n) => n.id === fault.target);
  const replicas = node && isWorkerNode(node) ? node.replicas : 1;
  const changeKind = (kind: FaultKind) => {
    const options = faultTargets(scenario, kind);
    const keepTarget = options.some((o) => o.id === fault.target);
    const parsed = faultSchema.safeParse({
      id: fault.id,
      kind,
      target: keepTarget ? fault.target : (options[0]?.id ?? fault.target),
      startS: fault.startS,
      durationS: fault.durationS,
    });
    if (parsed.success) target.commit(parsed.data, 'Change fault kind');
  };
  return (
    <TargetProvider target={target}>
      <header className="inspector__header">
        <h2>Fault</h2>
        <span className="inspector__kind">
          id <code>{fault.id}</code>
        </span>
      </header>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} value={fault.kind} onChange={(e) => changeKind(e.target.value as FaultKind)}>
          {FAULT_KINDS.map((k) => (
            <option key={k} value={k}>
              {FAULT_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>Target</label>
        <select
          id={`${id}-target`}
          value={fault.target}
          onChange={(e) => {
            const { replica: _replica, ...rest } = fault;
            target.commit({ ...rest, target: e.target.value }, 'Change fault target');
          }}
        >
          {targets.some((t) => t.id === fault.target) ? null : <option value={fault.target}>{fault.target} (not valid for this kind)</option>}
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="pick-button"
          aria-pressed={picking}
          onClick={() => appStore.getState().setPickingTargetFor(picking ? null : fault.id)}
        >
          {picking ? 'Click a node or edge on the canvas... (Esc cancels)' : 'Pick the target on the canvas'}
        </button>
      </div>
      <Num {...fieldAt(FK[fault.kind], 'startS')} />
      <Num {...fieldAt(FK[fault.kind], 'durationS')} />
      {replicas > 1 ? (
        <OptionalSection label="Only one replica" path={['replica']} onValue={FK[fault.kind].replica.default}>
          <Num field={{ ...FK[fault.kind].replica, max: replicas - 1 }} path={['replica']} />
        </OptionalSection>
      ) : null}
      <FaultKindFields fault={fault} />
      <button
        type="button"
        className="danger"
        onClick={() => {
          const state = appStore.getState();
          state.apply('Delete fault', (s) => edits.removeFault(s, fault.id));
          state.select({ fault: null });
        }}
      >
        Delete fault
      </button>
    </TargetProvider>
  );
}
