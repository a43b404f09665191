import { z } from 'zod';
import { LIMITS, field, numberOf, type NumberField } from './fields';

/** z for the 99th percentile of a standard normal: lognormal sigma = ln(p99/median) / Z99. */
export const Z99 = 2.326;

const ms = (label: string, dflt: number, min = 0): NumberField => field.ms(label, dflt, { min });

export const DISTRIBUTION_FIELDS = {
  valueMs: ms('Value', 10),
  minMs: ms('Minimum', 5),
  maxMs: ms('Maximum', 15),
  meanMs: ms('Mean', 10),
  medianMs: ms('Median (p50)', 10, 0.001),
  p99Ms: ms('p99', 50, 0.001),
  scaleMs: ms('Scale (minimum)', 5, 0.001),
  alpha: { label: 'Shape alpha', min: 0.1, max: 100, default: 1.5 } satisfies NumberField,
  capMs: ms('Cap', 10_000, 0.001),
} as const;

const f = DISTRIBUTION_FIELDS;

const constant = z.strictObject({ dist: z.literal('constant'), valueMs: numberOf(f.valueMs) });
const uniform = z
  .strictObject({ dist: z.literal('uniform'), minMs: numberOf(f.minMs), maxMs: numberOf(f.maxMs) })
  .refine((d) => d.minMs <= d.maxMs, { error: 'expected minMs <= maxMs', path: ['maxMs'] });
const exponential = z.strictObject({ dist: z.literal('exponential'), meanMs: numberOf(f.meanMs) });
const lognormal = z
  .strictObject({
    dist: z.literal('lognormal'),
    medianMs: numberOf(f.medianMs).optional(),
    meanMs: numberOf(f.meanMs).optional(),
    p99Ms: numberOf(f.p99Ms),
  })
  .superRefine((d, ctx) => {
    if ((d.medianMs === undefined) === (d.meanMs === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'expected exactly one of medianMs or meanMs', path: ['medianMs'] });
      return;
    }
    const centre = d.medianMs ?? d.meanMs ?? 0;
    if (d.p99Ms <= centre) {
      ctx.addIssue({ code: 'custom', message: 'expected p99Ms greater than the median or mean', path: ['p99Ms'] });
    } else if (d.meanMs !== undefined && Math.log(d.p99Ms / d.meanMs) > (Z99 * Z99) / 2) {
      ctx.addIssue({
        code: 'custom',
        message: `no lognormal has this mean and p99: expected p99Ms <= ${Math.floor(d.meanMs * Math.exp((Z99 * Z99) / 2))} (about 15x the mean)`,
        path: ['p99Ms'],
      });
    }
  });
const pareto = z
  .strictObject({
    dist: z.literal('pareto'),
    scaleMs: numberOf(f.scaleMs),
    alpha: numberOf(f.alpha),
    capMs: numberOf(f.capMs),
  })
  .refine((d) => d.capMs >= d.scaleMs, { error: 'expected capMs >= scaleMs', path: ['capMs'] });
const empiricalPoint = z.strictObject({
  p: numberOf({ label: 'Percentile', min: 0, max: 100, default: 50 }),
  ms: numberOf(f.valueMs),
});
const empirical = z
  .strictObject({
    dist: z.literal('empirical'),
    points: z
      .array(empiricalPoint)
      .min(2, { error: 'expected at least 2 points' })
      .max(LIMITS.maxEmpiricalPoints, { error: `expected at most ${LIMITS.maxEmpiricalPoints} points` }),
  })
  .superRefine((d, ctx) => {
    const pts = d.points;
    if (pts[0]?.p !== 0 || pts[pts.length - 1]?.p !== 100) {
      ctx.addIssue({ code: 'custom', message: 'expected the first point at p 0 and the last at p 100', path: ['points'] });
    }
    for (let i = 1; i < pts.length; i++) {
      const prev = pts[i - 1];
      const cur = pts[i];
      if (prev && cur && (cur.p <= prev.p || cur.ms < prev.ms)) {
        ctx.addIssue({
          code: 'custom',
          message: 'expected percentiles increasing and ms not decreasing',
          path: ['points', i],
        });
      }
    }
  });

export const distributionSchema = z.discriminatedUnion(
  'dist',
  [constant, uniform, exponential, lognormal, pareto, empirical],
  { error: 'expected a distribution: constant, uniform, exponential, lognormal, pareto or empirical' },
);

export type Distribution = z.infer<typeof distributionSchema>;
export type DistributionKind = Distribution['dist'];
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  'constant',
  'uniform',
  'exponential',
  'lognormal',
  'pareto',
  'empirical',
];

/** Lognormal parameters (of the underlying normal) from the user's median or mean and p99. */
export function lognormalParams(d: Extract<Distribution, { dist: 'lognormal' }>): { mu: number; sigma: number } {
  if (d.medianMs !== undefined) {
    return { mu: Math.log(d.medianMs), sigma: Math.log(d.p99Ms / d.medianMs) / Z99 };
  }
  const mean = d.meanMs ?? 1;
  // ln p99 - ln mean = Z99*sigma - sigma^2/2; take the smaller root.
  const gap = Math.log(d.p99Ms / mean);
  const sigma = Z99 - Math.sqrt(Math.max(0, Z99 * Z99 - 2 * gap));
  return { mu: Math.log(mean) - (sigma * sigma) / 2, sigma };
}

/** Inverse CDF of the standard normal (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** The q-quantile (0 < q < 1) of a distribution, in ms. */
export function quantileMs(d: Distribution, q: number): number {
  switch (d.dist) {
    case 'constant':
      return d.valueMs;
    case 'uniform':
      return d.minMs + (d.maxMs - d.minMs) * q;
    case 'exponential':
      return -d.meanMs * Math.log(1 - q);
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d);
      return Math.exp(mu + sigma * normalQuantile(q));
    }
    case 'pareto':
      return Math.min(d.capMs, d.scaleMs / Math.pow(1 - q, 1 / d.alpha));
    case 'empirical': {
      const p = q * 100;
      const pts = d.points;
      for (let i = 1; i < pts.length; i++) {
        const lo = pts[i - 1];
        const hi = pts[i];
        if (lo && hi && p <= hi.p) return lo.ms + ((hi.ms - lo.ms) * (p - lo.p)) / (hi.p - lo.p);
      }
      return pts[pts.length - 1]?.ms ?? 0;
    }
  }
}

/** The mean of a distribution, in ms. */
export function meanMs(d: Distribution): number {
  switch (d.dist) {
    case 'constant':
      return d.valueMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'exponential':
      return d.meanMs;
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(d);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'pareto': {
      // E[min(X, cap)] = scale + integral from scale to cap of (scale/x)^alpha dx
      const { scaleMs: s, alpha: a, capMs: c } = d;
      if (Math.abs(a - 1) < 1e-9) return s + s * Math.log(c / s);
      return s + (Math.pow(s, a) * (Math.pow(c, 1 - a) - Math.pow(s, 1 - a))) / (1 - a);
    }
    case 'empirical': {
      let sum = 0;
      for (let i = 1; i < d.points.length; i++) {
        const lo = d.points[i - 1];
        const hi = d.points[i];
        if (lo && hi) sum += ((hi.p - lo.p) / 100) * ((lo.ms + hi.ms) / 2);
      }
      return sum;
    }
  }
}

/** A short human summary, e.g. "exp mean 20 ms" or "lognormal p50 10 / p99 50 ms". */
export function describeDistribution(d: Distribution): string {
  const n = (x: number) => (Math.abs(x) >= 100 ? Math.round(x).toString() : Number(x.toPrecision(3)).toString());
  switch (d.dist) {
    case 'constant':
      return `${n(d.valueMs)} ms`;
    case 'uniform':
      return `${n(d.minMs)}-${n(d.maxMs)} ms`;
    case 'exponential':
      return `exp mean ${n(d.meanMs)} ms`;
    case 'lognormal':
      return d.medianMs !== undefined
        ? `lognormal p50 ${n(d.medianMs)} / p99 ${n(d.p99Ms)} ms`
        : `lognormal mean ${n(d.meanMs ?? 0)} / p99 ${n(d.p99Ms)} ms`;
    case 'pareto':
      return `pareto ${n(d.scaleMs)} ms, alpha ${n(d.alpha)}, cap ${n(d.capMs)} ms`;
    case 'empirical':
      return `empirical p50 ${n(quantileMs(d, 0.5))} / p99 ${n(quantileMs(d, 0.99))} ms`;
  }
}

/** A reasonable distribution of the given kind that keeps the old one's mean, for the inspector. */
export function convertDistribution(from: Distribution, to: DistributionKind): Distribution {
  // 0.003 keeps the pareto scale (m / 3) at or above its minimum of 0.001 ms.
  const m = Math.max(0.003, meanMs(from));
  switch (to) {
    case 'constant':
      return { dist: 'constant', valueMs: m };
    case 'uniform':
      return { dist: 'uniform', minMs: m / 2, maxMs: (m * 3) / 2 };
    case 'exponential':
      return { dist: 'exponential', meanMs: m };
    case 'lognormal': {
      // The mean of a lognormal is its median times exp(sigma^2 / 2): start from a lower median.
      const sigma = Math.log(5) / Z99;
      const medianMs = m * Math.exp(-(sigma * sigma) / 2);
      return { dist: 'lognormal', medianMs, p99Ms: medianMs * 5 };
    }
    case 'pareto':
      return { dist: 'pareto', scaleMs: m / 3, alpha: 1.5, capMs: m * 100 };
    case 'empirical': {
      // A long-tailed shape, scaled so that its mean (not its median) is m.
      const shape = [
        { p: 0, ms: 0.25 },
        { p: 50, ms: 1 },
        { p: 99, ms: 4 },
        { p: 100, ms: 8 },
      ];
      const scale = m / meanMs({ dist: 'empirical', points: shape });
      return { dist: 'empirical', points: shape.map((pt) => ({ p: pt.p, ms: pt.ms * scale })) };
    }
  }
}
