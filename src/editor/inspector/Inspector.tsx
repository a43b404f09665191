import { useId, useMemo, useState } from 'react';
import {
  EDGE_FIELDS,
  KIND_INFO,
  LIMITS,
  SETTINGS_FIELDS as S,
  connectionProblem,
  displayName,
  edgeSchema,
  naturalEdgeKind,
  nodeSchema,
  settingsSchema,
  type EdgeKind,
  type Scenario,
  type ScenarioEdge,
  type ScenarioNode,
} from '../../model';
import { appStore, edits, useAppStore } from '../../store';
import { TextField } from '../../ui/Toggle';
import { DistributionEditor } from './DistributionEditor';
import { FaultInspector } from './FaultInspector';
import { NodeFields } from './NodeFields';
import { PolicyEditor } from './PolicyEditor';
import { Bool, Num, TargetProvider, type InspectorTarget } from './target';

function useNodeTarget(node: ScenarioNode): InspectorTarget {
  return useMemo(
    () => ({
      item: node,
      schema: nodeSchema,
      commit: (next, label) => appStore.getState().apply(label, (s) => edits.updateNode(s, node.id, () => next as ScenarioNode)),
    }),
    [node],
  );
}

function useEdgeTarget(edge: ScenarioEdge): InspectorTarget {
  return useMemo(
    () => ({
      item: edge,
      schema: edgeSchema,
      commit: (next, label) => appStore.getState().apply(label, (s) => edits.updateEdge(s, edge.id, () => next as ScenarioEdge)),
    }),
    [edge],
  );
}

/** Connect without dragging (WCAG 2.5.7): pick a target and a kind. */
function ConnectTo({ node, scenario }: { node: ScenarioNode; scenario: Scenario }) {
  const id = useId();
  const candidates = scenario.nodes.filter((n) => n.id !== node.id && n.kind !== 'client');
  const [targetId, setTargetId] = useState('');
  const target = candidates.find((n) => n.id === targetId) ?? null;
  const kind: EdgeKind = target ? naturalEdgeKind(node.kind, target.kind) : 'sync';
  const problem = target ? connectionProblem(node, target, kind, scenario.edges) : null;
  if (node.kind === 'database' || node.kind === 'external') return null;
  return (
    <fieldset className="section section--on">
      <legend>Connect</legend>
      <div className="field">
        <label htmlFor={id}>Call or publish to</label>
        <select id={id} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
          <option value="">Choose a node...</option>
          {candidates.map((n) => (
            <option key={n.id} value={n.id}>
              {displayName(n)} ({KIND_INFO[n.kind].label})
            </option>
          ))}
        </select>
        {problem ? (
          <div className="field__error" role="alert">
            {problem}
          </div>
        ) : target ? (
          <div className="field__hint">Adds a {kind} edge.</div>
        ) : null}
      </div>
      <button
        type="button"
        disabled={!target || problem !== null}
        onClick={() => {
          const state = appStore.getState();
          if (!target) return;
          const result = edits.connect(state.scenario, node.id, target.id, kind);
          if (!result.ok) return;
          state.apply('Connect', () => result.scenario);
          setTargetId('');
        }}
      >
        Connect
      </button>
    </fieldset>
  );
}

function NodeInspector({ node, scenario }: { node: ScenarioNode; scenario: Scenario }) {
  const target = useNodeTarget(node);
  const info = KIND_INFO[node.kind];
  return (
    <TargetProvider target={target}>
      <header className="inspector__header">
        <h2>{displayName(node)}</h2>
        <span className="inspector__kind">
          {info.label} · id <code>{node.id}</code>
        </span>
      </header>
      <TextField label="Label" value={node.label ?? ''} maxLength={LIMITS.maxLabelLength} onCommit={(v) => target.commit({ ...node, label: v.trim() || undefined }, 'Rename node')} />
      <NodeFields
        node={node}
        outgoing={scenario.edges.filter((e) => e.from === node.id && e.kind === 'sync')}
        edgeName={(e) => {
          const to = scenario.nodes.find((n) => n.id === e.to);
          return `to ${to ? displayName(to) : e.to}`;
        }}
      />
      <ConnectTo node={node} scenario={scenario} />
    </TargetProvider>
  );
}

function EdgeInspector({ edge, scenario }: { edge: ScenarioEdge; scenario: Scenario }) {
  const target = useEdgeTarget(edge);
  const from = scenario.nodes.find((n) => n.id === edge.from);
  const to = scenario.nodes.find((n) => n.id === edge.to);
  const aggregating = from?.kind === 'gateway' && from.aggregate;
  return (
    <TargetProvider target={target}>
      <header className="inspector__header">
        <h2>
          {from ? displayName(from) : edge.from} → {to ? displayName(to) : edge.to}
        </h2>
        <span className="inspector__kind">
          {edge.kind === 'sync' ? 'Synchronous call (request/response)' : 'Asynchronous message'} · id <code>{edge.id}</code>
        </span>
      </header>
      <DistributionEditor label="Network latency" path={['latency']} />
      <Num field={EDGE_FIELDS.callPercent} path={['callPercent']} />
      <Num field={EDGE_FIELDS.count} path={['count']} />
      {aggregating ? <Bool label="Optional in aggregation" path={['optional']} help="When this call fails, the gateway answers with what it has (degraded) instead of failing." /> : null}
      <h3 className="inspector__subtitle">Caller's policy</h3>
      <PolicyEditor path={['policy']} sync={edge.kind === 'sync'} />
    </TargetProvider>
  );
}

function ScenarioInspector({ scenario }: { scenario: Scenario }) {
  const target = useMemo<InspectorTarget>(
    () => ({
      item: scenario.settings,
      schema: settingsSchema,
      commit: (next, label) => appStore.getState().apply(label, (s) => ({ ...s, settings: next as Scenario['settings'] })),
    }),
    [scenario.settings],
  );
  return (
    <TargetProvider target={target}>
      <header className="inspector__header">
        <h2>Scenario</h2>
        <span className="inspector__kind">Select a node or an edge to edit it.</span>
      </header>
      <TextField label="Title" value={scenario.title} maxLength={LIMITS.maxLabelLength} onCommit={(v) => appStore.getState().renameScenario(v)} />
      <h3 className="inspector__subtitle">Simulation</h3>
      <Num field={S.durationS} path={['durationS']} />
      <Num field={S.seed} path={['seed']} />
      <Num field={S.sampleIntervalS} path={['sampleIntervalS']} />
      <Num field={S.warmupS} path={['warmupS']} />
      <Num field={S.maxEvents} path={['maxEvents']} />
      <p className="inspector__stats">
        {scenario.nodes.length} nodes · {scenario.edges.length} edges · {scenario.faults.length} faults
      </p>
      <ContextList scenario={scenario} />
    </TargetProvider>
  );
}

/** The bounded contexts: rename or dissolve (members stay, ungrouped). */
function ContextList({ scenario }: { scenario: Scenario }) {
  if (scenario.groups.length === 0) return null;
  return (
    <>
      <h3 className="inspector__subtitle">Bounded contexts</h3>
      {scenario.groups.map((g) => (
        <div key={g.id} className="context-row">
          <TextField
            label={`Context ${g.id}`}
            value={g.label}
            maxLength={LIMITS.maxLabelLength}
            onCommit={(v) => v.trim() && appStore.getState().apply('Rename context', (s) => edits.renameGroup(s, g.id, v.trim()))}
          />
          <button
            type="button"
            aria-label={`Dissolve context ${g.label}`}
            onClick={() => {
              const members = new Set(scenario.nodes.filter((n) => n.group === g.id).map((n) => n.id));
              appStore.getState().apply('Dissolve context', (s) => edits.ungroupNodes(s, members));
            }}
          >
            Dissolve
          </button>
        </div>
      ))}
    </>
  );
}

function MultiInspector({ count }: { count: number }) {
  return (
    <header className="inspector__header">
      <h2>{count} items selected</h2>
      <span className="inspector__kind">Copy, duplicate, delete or group them into a bounded context (Ctrl+G).</span>
    </header>
  );
}

/** Edits the selected node, edge or fault; the scenario settings when nothing is selected. */
export function Inspector() {
  // During a drag only positions change, which the inspector does not show: keep the
  // pre-drag scenario so the forms do not re-render on every frame.
  const scenario = useAppStore((s) => s.gestureBase ?? s.scenario);
  const selection = useAppStore((s) => s.selection);
  let body;
  const count = selection.nodes.length + selection.edges.length;
  const fault = selection.fault !== null ? scenario.faults.find((f) => f.id === selection.fault) : undefined;
  if (fault) body = <FaultInspector fault={fault} scenario={scenario} />;
  else if (count > 1) body = <MultiInspector count={count} />;
  else if (selection.nodes.length === 1) {
    const node = scenario.nodes.find((n) => n.id === selection.nodes[0]);
    body = node ? <NodeInspector key={node.id} node={node} scenario={scenario} /> : null;
  } else if (selection.edges.length === 1) {
    const edge = scenario.edges.find((e) => e.id === selection.edges[0]);
    body = edge ? <EdgeInspector key={edge.id} edge={edge} scenario={scenario} /> : null;
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body ?? <ScenarioInspector scenario={scenario} />}
    </aside>
  );
}
