import { useId, useMemo, useState } from 'react';
import { NODE_FIELDS as N, displayName, nodeSchema, type ClientNode, type Phase, type ScenarioNode } from '../model';
import { appStore, edits, useAppStore } from '../store';
import { Num, TargetProvider, type InspectorTarget } from './inspector/target';

const DURATION = { label: 'Duration', unit: 's', min: 0.001, max: 86_400, default: 10 };

/** Requests per second at time t (s) for an open-loop workload. */
export function rateAt(client: ClientNode, t: number): number {
  const w = client.workload;
  let start = 0;
  for (const phase of w.phases) {
    const end = start + phase.durationS;
    if (t < end) {
      const x = t - start;
      if (phase.kind === 'constant') return phase.ratePerSec;
      if (phase.kind === 'ramp') return phase.fromPerSec + ((phase.toPerSec - phase.fromPerSec) * x) / phase.durationS;
      const peakStart = (phase.durationS - phase.peakDurationS) / 2;
      return x >= peakStart && x < peakStart + phase.peakDurationS ? phase.peakPerSec : phase.ratePerSec;
    }
    start = end;
  }
  return w.ratePerSec;
}

function RateChart({ client, durationS }: { client: ClientNode; durationS: number }) {
  const W = 520;
  const H = 90;
  const samples = 200;
  const values = Array.from({ length: samples + 1 }, (_, i) => rateAt(client, (durationS * i) / samples));
  const max = Math.max(1, ...values);
  const points = values.map((v, i) => `${((i / samples) * W).toFixed(1)},${(H - (v / max) * (H - 10)).toFixed(1)}`).join(' ');
  return (
    <figure className="rate-chart">
      <svg width={W} height={H + 16} viewBox={`0 0 ${W} ${H + 16}`} role="img" aria-label={`Offered load over ${durationS} s, peak ${Math.round(max)} requests per second`}>
        <polyline points={`0,${H} ${points} ${W},${H}`} fill="var(--accent-soft)" stroke="var(--accent)" strokeWidth="1.5" />
        <text x="2" y="10" className="chart-text">
          {Math.round(max)} req/s
        </text>
        <text x="2" y={H + 13} className="chart-text">
          0 s
        </text>
        <text x={W - 2} y={H + 13} textAnchor="end" className="chart-text">
          {durationS} s
        </text>
      </svg>
    </figure>
  );
}

function newPhase(kind: Phase['kind'], rate: number): Phase {
  if (kind === 'constant') return { kind, durationS: 10, ratePerSec: rate };
  if (kind === 'ramp') return { kind, durationS: 10, fromPerSec: rate, toPerSec: rate * 2 };
  return { kind, durationS: 10, ratePerSec: rate, peakPerSec: rate * 5, peakDurationS: 2 };
}

function PhaseRow({ phase, index }: { phase: Phase; index: number }) {
  const at = (key: string) => ['workload', 'phases', index, key];
  const n = index + 1;
  return (
    <li className="phase">
      <strong>
        {n}. {phase.kind}
      </strong>
      <Num field={DURATION} path={at('durationS')} label={`Phase ${n} duration`} />
      {phase.kind === 'constant' ? <Num field={N.ratePerSec} path={at('ratePerSec')} label={`Phase ${n} rate`} /> : null}
      {phase.kind === 'ramp' ? (
        <>
          <Num field={N.ratePerSec} path={at('fromPerSec')} label={`Phase ${n} from`} />
          <Num field={N.ratePerSec} path={at('toPerSec')} label={`Phase ${n} to`} />
        </>
      ) : null}
      {phase.kind === 'spike' ? (
        <>
          <Num field={N.ratePerSec} path={at('ratePerSec')} label={`Phase ${n} base rate`} />
          <Num field={N.ratePerSec} path={at('peakPerSec')} label={`Phase ${n} peak`} />
          <Num field={DURATION} path={at('peakDurationS')} label={`Phase ${n} peak length`} />
        </>
      ) : null}
    </li>
  );
}

/** The traffic of each client: a base rate and phases (constant, ramp, spike), drawn over time. */
export function WorkloadPanel() {
  const scenario = useAppStore((s) => s.gestureBase ?? s.scenario);
  const clients = scenario.nodes.filter((n): n is ClientNode => n.kind === 'client');
  const [chosen, setChosen] = useState('');
  const client = clients.find((c) => c.id === chosen) ?? clients[0];
  const id = useId();
  const target = useMemo<InspectorTarget | null>(
    () =>
      client
        ? {
            item: client,
            schema: nodeSchema,
            commit: (next, label) => appStore.getState().apply(label, (s) => edits.updateNode(s, client.id, () => next as ScenarioNode)),
          }
        : null,
    [client],
  );
  if (!client || !target) return <p className="panel-empty">Add a client to give the system traffic.</p>;
  const setPhases = (phases: Phase[], label: string) => target.commit({ ...client, workload: { ...client.workload, phases } }, label);
  const w = client.workload;
  return (
    <TargetProvider target={target}>
      <section className="workload" aria-label="Workload">
        <div className="workload__controls">
          {clients.length > 1 ? (
            <div className="field">
              <label htmlFor={id}>Client</label>
              <select id={id} value={client.id} onChange={(e) => setChosen(e.target.value)}>
                {clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {displayName(c)}
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="workload__client">{displayName(client)}</p>
          )}
          {w.model === 'closed' ? (
            <p>Closed loop: {w.users} users, each waiting for an answer then thinking. Switch to open loop in the inspector to use phases.</p>
          ) : (
            <>
              <Num field={{ ...N.ratePerSec, label: 'Base rate' }} path={['workload', 'ratePerSec']} />
              <div className="workload__add" role="group" aria-label="Add a phase">
                <button type="button" onClick={() => setPhases([...w.phases, newPhase('constant', w.ratePerSec)], 'Add phase')}>
                  + Constant
                </button>
                <button type="button" onClick={() => setPhases([...w.phases, newPhase('ramp', w.ratePerSec)], 'Add phase')}>
                  + Ramp
                </button>
                <button type="button" onClick={() => setPhases([...w.phases, newPhase('spike', w.ratePerSec)], 'Add phase')}>
                  + Spike
                </button>
                {w.phases.length > 0 ? (
                  <button type="button" onClick={() => setPhases(w.phases.slice(0, -1), 'Remove phase')}>
                    Remove last
                  </button>
                ) : null}
              </div>
            </>
          )}
        </div>
        {w.model === 'open' ? (
          <>
            <RateChart client={client} durationS={scenario.settings.durationS} />
            <ol className="phases">
              {w.phases.map((p, i) => (
                <PhaseRow key={i} phase={p} index={i} />
              ))}
            </ol>
            {w.phases.length === 0 ? <p className="panel-empty">Constant {w.ratePerSec} req/s. Phases run one after another from 0 s, then the base rate returns.</p> : null}
          </>
        ) : null}
      </section>
    </TargetProvider>
  );
}
