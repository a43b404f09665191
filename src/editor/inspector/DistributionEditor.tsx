import { useId } from 'react';
import {
  DISTRIBUTION_FIELDS as F,
  DISTRIBUTION_KINDS,
  convertDistribution,
  meanMs,
  quantileMs,
  type Distribution,
  type DistributionKind,
} from '../../model';
import { Num, useSetter, useTarget } from './target';
import { getAt, type Path } from './pathEdit';

const KIND_LABELS: Record<DistributionKind, string> = {
  constant: 'Constant',
  uniform: 'Uniform',
  exponential: 'Exponential',
  lognormal: 'Lognormal (long tail)',
  pareto: 'Pareto (heavy tail)',
  empirical: 'Empirical (percentiles)',
};

const fmt = (x: number) => (x >= 100 ? Math.round(x).toString() : Number(x.toPrecision(3)).toString());

/** The quantile curve of a distribution, p1 to p99.9, with p50 and p99 marked. */
function Curve({ d }: { d: Distribution }) {
  const W = 220;
  const H = 56;
  const qs = Array.from({ length: 60 }, (_, i) => 0.01 + (0.989 * i) / 59);
  const values = qs.map((q) => quantileMs(d, q));
  const max = Math.max(...values, 1e-9);
  const points = values.map((v, i) => `${((i / 59) * W).toFixed(1)},${(H - (v / max) * (H - 4)).toFixed(1)}`).join(' ');
  const p50 = quantileMs(d, 0.5);
  const p99 = quantileMs(d, 0.99);
  return (
    <figure className="dist-curve">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Latency by percentile: p50 ${fmt(p50)} ms, p99 ${fmt(p99)} ms`}>
        <polyline points={points} fill="none" stroke="var(--accent)" strokeWidth="1.5" />
        <line x1={W * (0.49 / 0.989)} x2={W * (0.49 / 0.989)} y1={0} y2={H} stroke="var(--muted)" strokeDasharray="2 2" />
        <line x1={W * (0.98 / 0.989)} x2={W * (0.98 / 0.989)} y1={0} y2={H} stroke="var(--muted)" strokeDasharray="2 2" />
      </svg>
      <figcaption>
        mean {fmt(meanMs(d))} ms · p50 {fmt(p50)} ms · p99 {fmt(p99)} ms
      </figcaption>
    </figure>
  );
}

export function DistributionEditor({ label, path }: { label: string; path: Path }) {
  const id = useId();
  const target = useTarget();
  const set = useSetter();
  const d = getAt(target.item, path) as Distribution;
  const at = (key: string): Path => [...path, key];
  return (
    <fieldset className="section section--on">
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={id}>Shape</label>
        <select id={id} value={d.dist} onChange={(e) => set(path, convertDistribution(d, e.target.value as DistributionKind), `Set ${label} shape`)}>
          {DISTRIBUTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {d.dist === 'constant' ? <Num field={F.valueMs} path={at('valueMs')} hideDefault /> : null}
      {d.dist === 'uniform' ? (
        <>
          <Num field={F.minMs} path={at('minMs')} hideDefault />
          <Num field={F.maxMs} path={at('maxMs')} hideDefault />
        </>
      ) : null}
      {d.dist === 'exponential' ? <Num field={F.meanMs} path={at('meanMs')} hideDefault /> : null}
      {d.dist === 'lognormal' ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-by`}>Given by</label>
            <select
              id={`${id}-by`}
              value={d.medianMs !== undefined ? 'median' : 'mean'}
              onChange={(e) => {
                const centre = d.medianMs ?? d.meanMs ?? 10;
                const next =
                  e.target.value === 'median'
                    ? { dist: 'lognormal', medianMs: centre, p99Ms: d.p99Ms }
                    : { dist: 'lognormal', meanMs: centre, p99Ms: Math.min(d.p99Ms, centre * 14) };
                set(path, next, `Set ${label}`);
              }}
            >
              <option value="median">median and p99</option>
              <option value="mean">mean and p99</option>
            </select>
          </div>
          {d.medianMs !== undefined ? <Num field={F.medianMs} path={at('medianMs')} hideDefault /> : <Num field={F.meanMs} path={at('meanMs')} hideDefault />}
          <Num field={F.p99Ms} path={at('p99Ms')} hideDefault />
        </>
      ) : null}
      {d.dist === 'pareto' ? (
        <>
          <Num field={F.scaleMs} path={at('scaleMs')} hideDefault />
          <Num field={F.alpha} path={at('alpha')} hideDefault />
          <Num field={F.capMs} path={at('capMs')} hideDefault />
        </>
      ) : null}
      {d.dist === 'empirical' ? (
        <div className="empirical">
          {d.points.map((_, i) => (
            <div className="empirical__row" key={i}>
              <Num field={{ label: 'Percentile', min: 0, max: 100, default: 50 }} path={[...path, 'points', i, 'p']} label={`Point ${i + 1} percentile`} hideDefault />
              <Num field={F.valueMs} path={[...path, 'points', i, 'ms']} label={`Point ${i + 1} latency`} hideDefault />
            </div>
          ))}
        </div>
      ) : null}
      <Curve d={d} />
    </fieldset>
  );
}
