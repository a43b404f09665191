import { useId, useMemo } from 'react';
import { sweepParameters, type SweepParameter } from '../model';
import { appStore, poolSize, useAppStore, type BatchPhase, type SweepMetric, type SweepRun } from '../store';
import { SWEEP_METRICS, metricInfo } from './batchMetrics';
import { formatNumber } from './charts';
import { SweepChart } from './SweepChart';
import './charts/charts.css';
import './studio.css';
import { StaleNotice } from './StaleNotice';

/** A few values around the current one (a quarter to four times it), as a starting point. */
function suggestValues(p: SweepParameter | undefined): string {
  if (!p) return '';
  if (p.unit === '%') return '0, 10, 25, 50, 75';
  const base = p.current ?? (p.path.endsWith('maxAttempts') ? 3 : p.path.endsWith('failureRateThreshold') ? 50 : 25);
  const whole = p.path.endsWith('maxAttempts') || p.path.endsWith('maxConcurrentCalls') || p.path.endsWith('workers') || p.path.endsWith('replicas');
  const values = [0.25, 0.5, 1, 2, 4].map((f) => (whole ? Math.max(1, Math.round(base * f)) : Math.round(base * f * 100) / 100));
  return [...new Set(values)].join(', ');
}

function ParameterPicker({ parameters, path, disabled }: { parameters: readonly SweepParameter[]; path: string; disabled: boolean }) {
  const id = useId();
  const groups = useMemo(() => {
    const byOwner = new Map<string, SweepParameter[]>();
    for (const p of parameters) byOwner.set(p.owner, [...(byOwner.get(p.owner) ?? []), p]);
    return [...byOwner];
  }, [parameters]);
  const known = parameters.some((p) => p.path === path);
  return (
    <div className="sweep__field">
      <label htmlFor={id}>Parameter</label>
      <select id={id} value={path} disabled={disabled} onChange={(e) => appStore.getState().setSweepPath(e.target.value)}>
        <option value="">Pick a parameter…</option>
        {!known && path ? <option value={path}>{path} (not in this scenario)</option> : null}
        {groups.map(([owner, list]) => (
          <optgroup key={owner} label={owner}>
            {list.map((p) => (
              <option key={p.path} value={p.path}>
                {`${p.label}${p.unit ? ` (${p.unit})` : ''}: ${p.current === null ? 'off now, sweeping turns it on with defaults' : `now ${formatNumber(p.current)}`}`}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {path ? (
        <span className="sweep__path">
          {parameters.find((p) => p.path === path)?.owner ?? 'Custom path'}: <code>{path}</code>
        </span>
      ) : null}
    </div>
  );
}

function statusText(phase: BatchPhase, run: SweepRun | null, error: string | null): string {
  const done = run ? run.points.filter((p) => p.result).length : 0;
  const total = run?.points.length ?? 0;
  if (phase === 'running') return `${done} of ${total} done`;
  if (phase === 'done') return `All ${total} done`;
  if (phase === 'cancelled') return `Cancelled: ${done} of ${total} done`;
  if (phase === 'failed') return `Failed: ${error ?? 'unknown error'}`;
  return 'Not run yet';
}

const formatMetric = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function SweepResults({ run, metric }: { run: SweepRun; metric: SweepMetric }) {
  const info = metricInfo(metric);
  const points = useMemo(() => run.points.flatMap((p) => (p.result ? [{ x: p.value, y: info.value(p.result) }] : [])), [run, info]);
  const valueHeader = `Value${run.unit ? ` (${run.unit})` : ''}`;
  return (
    <section className="sweep__results" aria-label="Sweep results">
      <p className="sweep__about">
        “{run.scenarioTitle}” with {run.label} (<code>{run.path}</code>) set to each value, every run with seed {run.seed}, on up to {poolSize()}{' '}
        workers at once. Whole-run totals of the client requests.
      </p>
      <div className="sweep__body">
        <SweepChart
          title={`${info.label} by ${run.label.split(',')[0]?.toLowerCase() ?? 'value'}`}
          xLabel={run.label}
          xUnit={run.unit}
          yUnit={info.unit}
          points={points}
          {...(metric === 'successRatio' ? { yMax: 100 } : {})}
        />
        <table className="sweep__table">
          <caption>One run per value</caption>
          <thead>
            <tr>
              <th scope="col">{valueHeader}</th>
              {SWEEP_METRICS.map((m) => (
                <th key={m.id} scope="col" className={m.id === metric ? 'is-chosen' : undefined}>
                  {m.label} ({m.unit})
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {run.points.map((p) => (
              <tr key={p.value}>
                <th scope="row">{String(p.value)}</th>
                {SWEEP_METRICS.map((m) => (
                  <td key={m.id} className={m.id === metric ? 'is-chosen' : undefined}>
                    {p.result ? formatMetric(m.value(p.result), m.digits) : '…'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** One parameter over a list of values, each run on a pool of workers; the metric against the value. */
export function SweepPanel() {
  const valuesId = useId();
  const metricId = useId();
  const scenario = useAppStore((s) => s.scenario);
  const path = useAppStore((s) => s.sweepPath);
  const valuesText = useAppStore((s) => s.sweepValuesText);
  const metric = useAppStore((s) => s.sweepMetric);
  const errors = useAppStore((s) => s.sweepErrors);
  const phase = useAppStore((s) => s.sweepPhase);
  const error = useAppStore((s) => s.sweepError);
  const run = useAppStore((s) => s.sweepRun);
  const running = useAppStore((s) => s.comparePhase === 'running' || s.sweepPhase === 'running');
  const parameters = useMemo(() => sweepParameters(scenario), [scenario]);
  const chosen = parameters.find((p) => p.path === path);
  const suggestion = suggestValues(chosen);
  return (
    <div className="sweep">
      {/* First, so it is seen without scrolling: the results below are from an earlier version. */}
      <StaleNotice of="sweep" />
      <form
        className="sweep__form"
        aria-label="Sweep setup"
        onSubmit={(e) => {
          e.preventDefault();
          appStore.getState().runSweep();
        }}
      >
        <ParameterPicker parameters={parameters} path={path} disabled={running} />
        <div className="sweep__field">
          <label htmlFor={valuesId}>Values (comma separated)</label>
          <span className="sweep__values">
            <input
              id={valuesId}
              type="text"
              value={valuesText}
              disabled={running}
              placeholder={suggestion ? `e.g. ${suggestion}` : 'pick a parameter first'}
              onChange={(e) => appStore.getState().setSweepValuesText(e.target.value)}
            />
            <button type="button" disabled={running || !suggestion} onClick={() => appStore.getState().setSweepValuesText(suggestion)}>
              Suggest
            </button>
          </span>
        </div>
        <div className="sweep__field">
          <label htmlFor={metricId}>Metric</label>
          <select id={metricId} value={metric} onChange={(e) => appStore.getState().setSweepMetric(e.target.value as SweepMetric)}>
            {SWEEP_METRICS.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label} ({m.unit})
              </option>
            ))}
          </select>
        </div>
        <div className="batch-controls">
          <button type="submit" className="primary" disabled={running}>
            Run sweep
          </button>
          <button type="button" disabled={phase !== 'running'} onClick={() => appStore.getState().cancelBatch()}>
            Cancel sweep
          </button>
          <span role="status" aria-label="Sweep status" className={`batch-status batch-status--${phase}`}>
            {statusText(phase, run, error)}
          </span>
        </div>
      </form>
      {errors.length ? (
        <ul role="alert" aria-label="Sweep problems" className="sweep__errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {run ? (
        <SweepResults run={run} metric={metric} />
      ) : (
        <p className="sweep__hint">
          Every value runs the open scenario with only this parameter changed and the same seed ({scenario.settings.seed}), up to {poolSize()} at once
          (one worker per core).
        </p>
      )}
    </div>
  );
}
