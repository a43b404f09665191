import { useMemo } from 'react';
import { displayName, type Sample, type Scenario } from '../model';
import { VARIANT_RECIPES, appStore, applyRecipes, useAppStore, type ComparedRun, type CompareVariant } from '../store';
import { LineChart, formatNumber, type ChartSeries, type ShadedWindow } from './charts';
import { nodeDiffs, systemDiff, type DiffRow } from './compareTable';
import './charts/charts.css';
import './studio.css';
import { StaleNotice } from './StaleNotice';

const NO_RECIPES: readonly never[] = [];

/** Words for what B is, before it runs: from the recipes and what they change here. */
function VariantExplanation({ scenario, variant }: { scenario: Scenario; variant: CompareVariant }) {
  const entries = useAppStore((s) => s.entries);
  const applied = useMemo(() => (variant.kind === 'recipes' ? applyRecipes(scenario, variant.recipes) : null), [scenario, variant]);
  const seed = scenario.settings.seed;
  const a = (
    <>
      <strong>A</strong> is the open scenario, “{scenario.title}”, as it is now.{' '}
    </>
  );
  if (variant.kind === 'saved') {
    const title = entries.find((e) => e.id === variant.id)?.title ?? 'a saved scenario';
    return (
      <p className="compare__explain">
        {a}
        <strong>B</strong> is the saved scenario “{title}”, run with A’s seed ({seed}) instead of its own, so both see the same random draws
        wherever their shapes agree. The open scenario stays open.
      </p>
    );
  }
  const steps = applied?.steps ?? [];
  const unchanged = steps.every((s) => s.changed.length === 0);
  return (
    <div className="compare__explain">
      <p>
        {a}
        <strong>B</strong> is a copy of it{steps.length ? ' where' : ' with no change yet: tick a recipe below'}
        {steps.length ? ':' : '.'}
      </p>
      {steps.length ? (
        <ul>
          {steps.map(({ recipe, changed }) => (
            <li key={recipe.id}>
              {recipe.description}{' '}
              <span className="compare__changed">
                {changed.length ? `(changes ${changed.length}: ${changed.slice(0, 4).join(', ')}${changed.length > 4 ? ', …' : ''})` : '(changes nothing here)'}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Both run with A’s seed ({seed}): the same arrivals, service times and faults, so the differences come from the change.
        {steps.length && unchanged ? <strong className="compare__warn"> These recipes change nothing in this scenario: B is the same as A.</strong> : null}
      </p>
    </div>
  );
}

function VariantPicker({ variant, disabled }: { variant: CompareVariant; disabled: boolean }) {
  const entries = useAppStore((s) => s.entries);
  const currentId = useAppStore((s) => s.currentId);
  const others = entries.filter((e) => e.id !== currentId);
  const recipes = variant.kind === 'recipes' ? variant.recipes : NO_RECIPES;
  return (
    <div className="compare__picker">
      <fieldset className="compare__recipes" disabled={disabled}>
        <legend>B: a copy of this scenario with</legend>
        {VARIANT_RECIPES.map((r) => (
          <label key={r.id} className="compare__recipe" title={r.description}>
            <input type="checkbox" checked={recipes.includes(r.id)} onChange={() => appStore.getState().toggleCompareRecipe(r.id)} />
            {r.label}
          </label>
        ))}
      </fieldset>
      <label className="compare__saved">
        <span>or B: a saved scenario</span>
        <select
          value={variant.kind === 'saved' ? variant.id : ''}
          disabled={disabled || others.length === 0}
          onChange={(e) =>
            appStore.getState().setCompareVariant(e.target.value ? { kind: 'saved', id: e.target.value } : { kind: 'recipes', recipes: ['breakers-off'] })
          }
        >
          <option value="">{others.length ? '(none: use the recipes)' : '(no other saved scenario)'}</option>
          {others.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

type Point = readonly [number, number];
const series = (samples: readonly Sample[], pick: (s: Sample) => number): Point[] => samples.map((s) => [s.startMs / 1000, pick(s)] as const);

function faultWindows(scenario: Scenario): ShadedWindow[] {
  return scenario.faults.map((f) => ({ startS: f.startS, endS: f.startS + Math.max(f.durationS, 0.2), label: `${f.kind} on ${f.target}`, tone: f.kind === 'latency' || f.kind === 'delay' ? 'warning' : 'error' }));
}

const METRICS = [
  { id: 'goodput', title: 'Goodput', unit: 'req/s', color: 'var(--accent)', pick: (s: Sample) => s.system.goodputPerSec, yMax: undefined },
  { id: 'success', title: 'Client success ratio', unit: '%', color: '#15803d', pick: (s: Sample) => s.system.successRatio * 100, yMax: 100 },
  { id: 'p99', title: 'End-to-end p99 latency', unit: 'ms', color: '#b45309', pick: (s: Sample) => (s.system.latency.count ? s.system.latency.p99Ms : NaN), yMax: undefined },
] as const;

function CompareCharts({ a, b }: { a: ComparedRun; b: ComparedRun }) {
  const charts = useMemo(
    () =>
      METRICS.map((m) => ({
        ...m,
        series: [
          { id: 'a', label: `A: ${a.label}`, color: m.color, points: series(a.result.samples, m.pick) },
          { id: 'b', label: `B: ${b.label}`, color: m.color, points: series(b.result.samples, m.pick), dashed: true },
        ] satisfies ChartSeries[],
      })),
    [a, b],
  );
  const xDomain: [number, number] = [0, Math.max(a.scenario.settings.durationS, b.scenario.settings.durationS)];
  const shaded = useMemo(() => faultWindows(a.scenario), [a.scenario]);
  return (
    <div className="results__charts compare__charts">
      {charts.map((c) => (
        <LineChart key={c.id} title={c.title} unit={c.unit} series={c.series} xDomain={xDomain} yMin={0} yMax={c.yMax} shaded={shaded} />
      ))}
    </div>
  );
}

function cell(value: number, unit: string, digits: number, signed = false): string {
  if (!Number.isFinite(value)) return '–';
  const text = digits === 0 ? formatNumber(Math.round(value)) : value.toFixed(digits);
  const sign = signed && value > 0 ? '+' : '';
  return `${sign}${text}${unit === '%' ? (signed ? ' pp' : '%') : unit ? ` ${unit}` : ''}`;
}

function DiffTable({ caption, rows }: { caption: string; rows: readonly DiffRow[] }) {
  return (
    <table className="compare__table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">A</th>
          <th scope="col">B</th>
          <th scope="col">B − A</th>
          <th scope="col">Better</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className={r.better === 'A' ? 'is-better' : undefined}>{cell(r.a, r.unit, r.digits)}</td>
            <td className={r.better === 'B' ? 'is-better' : undefined}>{cell(r.b, r.unit, r.digits)}</td>
            <td>{cell(r.delta, r.unit, r.digits, true)}</td>
            <td className="compare__better">{r.better === null ? '' : r.better === 'same' ? 'same' : `✓ ${r.better}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CompareResults({ a, b }: { a: ComparedRun; b: ComparedRun }) {
  const names = useMemo(() => new Map([...b.scenario.nodes, ...a.scenario.nodes].map((n) => [n.id, displayName(n)])), [a, b]);
  const system = useMemo(() => systemDiff(a.result, b.result), [a, b]);
  const nodes = useMemo(() => nodeDiffs(a.result, b.result, names), [a, b, names]);
  return (
    <section className="compare__results" aria-label="Comparison">
      <p className="compare__legend">
        <span className="compare__key compare__key--a" aria-hidden="true" /> A: {a.label} (solid) <span className="compare__key compare__key--b" aria-hidden="true" /> B:{' '}
        {b.label} (dashed), seed {a.result.seed}
      </p>
      {system.every((r) => r.better !== 'A' && r.better !== 'B') ? (
        <p className="compare__same" role="note">
          B’s totals equal A’s: with this seed the change made no difference (a breaker that never opened or a retry that never fired changes nothing).
        </p>
      ) : null}
      <CompareCharts a={a} b={b} />
      <div className="compare__tables">
        <DiffTable caption="System totals over the whole run" rows={system} />
        {nodes.length ? <DiffTable caption="Nodes that changed most" rows={nodes} /> : <p className="panel-empty">No node’s success ratio or p99 changed.</p>}
      </div>
    </section>
  );
}

function statusText(phase: string, done: number, error: string | null): string {
  if (phase === 'running') return `Running A and B in parallel: ${done} of 2 done`;
  if (phase === 'done') return 'Both runs finished';
  if (phase === 'cancelled') return 'Cancelled';
  if (phase === 'failed') return `Failed: ${error ?? 'unknown error'}`;
  return 'Not run yet';
}

/** A against a variant B with the same seed: overlaid charts and a table of differences. */
export function ComparePanel() {
  const scenario = useAppStore((s) => s.scenario);
  const variant = useAppStore((s) => s.compareVariant);
  const phase = useAppStore((s) => s.comparePhase);
  const done = useAppStore((s) => s.compareDone);
  const error = useAppStore((s) => s.compareError);
  const a = useAppStore((s) => s.compareA);
  const b = useAppStore((s) => s.compareB);
  const running = useAppStore((s) => s.comparePhase === 'running' || s.sweepPhase === 'running');
  return (
    <div className="compare">
      {/* First, so it is seen without scrolling: the results below are from an earlier version. */}
      <StaleNotice of="compare" />
      <div className="compare__setup">
        <VariantExplanation scenario={scenario} variant={variant} />
        <VariantPicker variant={variant} disabled={running} />
        <div className="batch-controls">
          <button type="button" className="primary" disabled={running} onClick={() => appStore.getState().runCompare()}>
            Run A and B
          </button>
          <button type="button" disabled={phase !== 'running'} onClick={() => appStore.getState().cancelBatch()}>
            Cancel comparison
          </button>
          <span role="status" aria-label="Comparison status" className={`batch-status batch-status--${phase}`}>
            {statusText(phase, done, error)}
          </span>
        </div>
      </div>
      {a && b ? <CompareResults a={a} b={b} /> : phase === 'running' ? <p className="panel-empty">The charts appear when both runs have finished.</p> : null}
    </div>
  );
}
