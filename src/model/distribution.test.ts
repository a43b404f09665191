import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DISTRIBUTION_FIELDS,
  DISTRIBUTION_KINDS,
  Z99,
  convertDistribution,
  describeDistribution,
  distributionSchema,
  lognormalParams,
  meanMs,
  normalQuantile,
  quantileMs,
  type Distribution,
} from './distribution';
import { checkNumber } from './fields';

/** Relative difference, for "within 0.1%" style checks. */
function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

/** The mean as the integral of the quantile function over (0, 1), by the midpoint rule. */
function integratedMean(d: Distribution, steps = 200_000): number {
  let sum = 0;
  for (let i = 0; i < steps; i++) sum += quantileMs(d, (i + 0.5) / steps);
  return sum / steps;
}

function parse(d: unknown): Distribution {
  return distributionSchema.parse(d);
}

function issuesOf(d: unknown): { path: string; message: string }[] {
  const result = distributionSchema.safeParse(d);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('normalQuantile', () => {
  it('gives 1.95996 at 0.975', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });

  it('gives 0 at the median and 2.32635 at 0.99', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5);
  });

  it('is accurate in the low and high tails', () => {
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
    expect(normalQuantile(1e-9)).toBeCloseTo(-5.997807, 4);
    expect(normalQuantile(0.02)).toBeCloseTo(-2.053749, 5);
  });

  it('is infinite at 0 and 1 and beyond', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('is antisymmetric around 0.5', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('increases with p, across the region boundaries too', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b) => {
        fc.pre(a < b);
        expect(normalQuantile(a)).toBeLessThanOrEqual(normalQuantile(b));
      }),
      { numRuns: 200 },
    );
    const low = 0.02425;
    expect(normalQuantile(low - 1e-12)).toBeLessThan(normalQuantile(low + 1e-12));
    expect(normalQuantile(1 - low - 1e-12)).toBeLessThan(normalQuantile(1 - low + 1e-12));
  });

  it('uses a Z99 close to the true 99th percentile', () => {
    expect(relativeError(Z99, normalQuantile(0.99))).toBeLessThan(2e-4);
  });
});

describe('constant and uniform distributions', () => {
  it('gives a constant value at every quantile and as the mean', () => {
    const d = parse({ dist: 'constant', valueMs: 7 });
    for (const q of [0.001, 0.5, 0.99]) expect(quantileMs(d, q)).toBe(7);
    expect(meanMs(d)).toBe(7);
  });

  it('interpolates a uniform linearly and puts its mean in the middle', () => {
    const d = parse({ dist: 'uniform', minMs: 10, maxMs: 30 });
    expect(quantileMs(d, 0)).toBe(10);
    expect(quantileMs(d, 0.25)).toBe(15);
    expect(quantileMs(d, 0.5)).toBe(20);
    expect(quantileMs(d, 1)).toBe(30);
    expect(meanMs(d)).toBe(20);
  });
});

describe('exponential distribution', () => {
  it('has its median at mean * ln 2', () => {
    const d = parse({ dist: 'exponential', meanMs: 40 });
    expect(quantileMs(d, 0.5)).toBeCloseTo(40 * Math.LN2, 10);
  });

  it('has its p99 at mean * ln 100 and its mean at meanMs', () => {
    const d = parse({ dist: 'exponential', meanMs: 40 });
    expect(quantileMs(d, 0.99)).toBeCloseTo(40 * Math.log(100), 10);
    expect(meanMs(d)).toBe(40);
  });

  it('has a mean equal to the integral of its quantile function', () => {
    const d = parse({ dist: 'exponential', meanMs: 25 });
    expect(relativeError(integratedMean(d), 25)).toBeLessThan(1e-3);
  });
});

describe('lognormal distribution', () => {
  it('has quantile(0.5) equal to the given median and quantile(0.99) within 0.1% of the given p99', () => {
    for (const [median, p99] of [
      [10, 50],
      [3, 20],
      [120, 600],
      [1, 100],
      [0.5, 0.6],
    ] as const) {
      const d = parse({ dist: 'lognormal', medianMs: median, p99Ms: p99 });
      expect(relativeError(quantileMs(d, 0.5), median)).toBeLessThan(1e-12);
      expect(relativeError(quantileMs(d, 0.99), p99)).toBeLessThan(1e-3);
    }
  });

  it('has mean median * exp(sigma^2 / 2) when given a median', () => {
    const d = parse({ dist: 'lognormal', medianMs: 10, p99Ms: 50 });
    if (d.dist !== 'lognormal') throw new Error('expected a lognormal');
    const sigma = Math.log(5) / Z99;
    expect(lognormalParams(d)).toEqual({ mu: Math.log(10), sigma });
    expect(meanMs(d)).toBeCloseTo(10 * Math.exp((sigma * sigma) / 2), 10);
  });

  it('keeps the given mean and p99 when built from a mean', () => {
    for (const [mean, p99] of [
      [20, 100],
      [10, 30],
      [1, 14],
      [500, 2000],
    ] as const) {
      const d = parse({ dist: 'lognormal', meanMs: mean, p99Ms: p99 });
      expect(relativeError(meanMs(d), mean)).toBeLessThan(1e-9);
      expect(relativeError(quantileMs(d, 0.99), p99)).toBeLessThan(1e-3);
    }
  });

  it('keeps the mean for any mean and reachable p99 ratio', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.double({ min: 1.01, max: 14, noNaN: true }), (mean, ratio) => {
        const d = parse({ dist: 'lognormal', meanMs: mean, p99Ms: mean * ratio });
        expect(relativeError(meanMs(d), mean)).toBeLessThan(1e-9);
        expect(relativeError(quantileMs(d, 0.99), mean * ratio)).toBeLessThan(1e-3);
      }),
      { numRuns: 200 },
    );
  });

  it('has a mean equal to the integral of its quantile function', () => {
    const d = parse({ dist: 'lognormal', medianMs: 10, p99Ms: 40 });
    expect(relativeError(integratedMean(d), meanMs(d))).toBeLessThan(2e-3);
  });

  it('accepts the largest p99 a mean allows and refuses one above it', () => {
    const limit = Math.floor(10 * Math.exp((Z99 * Z99) / 2));
    expect(issuesOf({ dist: 'lognormal', meanMs: 10, p99Ms: limit })).toEqual([]);
    const issues = issuesOf({ dist: 'lognormal', meanMs: 10, p99Ms: limit + 1 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('p99Ms');
    expect(issues[0]?.message).toContain(`p99Ms <= ${limit}`);
  });

  it('refuses both or neither of median and mean', () => {
    expect(issuesOf({ dist: 'lognormal', medianMs: 10, meanMs: 12, p99Ms: 50 })).toEqual([
      { path: 'medianMs', message: 'expected exactly one of medianMs or meanMs' },
    ]);
    expect(issuesOf({ dist: 'lognormal', p99Ms: 50 })).toEqual([{ path: 'medianMs', message: 'expected exactly one of medianMs or meanMs' }]);
  });

  it('refuses a p99 at or below the median', () => {
    expect(issuesOf({ dist: 'lognormal', medianMs: 10, p99Ms: 10 })).toEqual([
      { path: 'p99Ms', message: 'expected p99Ms greater than the median or mean' },
    ]);
  });
});

describe('pareto distribution', () => {
  it('follows scale / (1 - q)^(1 / alpha) below the cap', () => {
    const d = parse({ dist: 'pareto', scaleMs: 5, alpha: 2, capMs: 10_000 });
    expect(quantileMs(d, 0)).toBe(5);
    expect(quantileMs(d, 0.75)).toBeCloseTo(10, 10);
    expect(quantileMs(d, 0.99)).toBeCloseTo(50, 10);
  });

  it('never goes above the cap', () => {
    const d = parse({ dist: 'pareto', scaleMs: 5, alpha: 1.1, capMs: 100 });
    expect(quantileMs(d, 0.999999)).toBe(100);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.9999999, noNaN: true }), (q) => {
        expect(quantileMs(d, q)).toBeLessThanOrEqual(100);
        expect(quantileMs(d, q)).toBeGreaterThanOrEqual(5);
      }),
      { numRuns: 100 },
    );
  });

  it('has the capped mean of the closed form', () => {
    const [s, a, c] = [5, 1.5, 10_000];
    const d = parse({ dist: 'pareto', scaleMs: s, alpha: a, capMs: c });
    const closedForm = s + (Math.pow(s, a) * (Math.pow(c, 1 - a) - Math.pow(s, 1 - a))) / (1 - a);
    expect(meanMs(d)).toBeCloseTo(closedForm, 10);
    // Close to the uncapped alpha * scale / (alpha - 1) = 15 when the cap is far away.
    expect(meanMs(d)).toBeLessThan(15);
    expect(relativeError(meanMs(d), 15)).toBeLessThan(0.05);
  });

  it('has the logarithmic mean at alpha 1', () => {
    const d = parse({ dist: 'pareto', scaleMs: 2, alpha: 1, capMs: 200 });
    expect(meanMs(d)).toBeCloseTo(2 + 2 * Math.log(100), 10);
  });

  it('has a mean equal to the integral of its quantile function', () => {
    for (const alpha of [0.5, 1, 1.5, 3]) {
      const d = parse({ dist: 'pareto', scaleMs: 5, alpha, capMs: 500 });
      expect(relativeError(integratedMean(d), meanMs(d))).toBeLessThan(2e-3);
    }
  });

  it('equals the scale when the cap is the scale', () => {
    const d = parse({ dist: 'pareto', scaleMs: 5, alpha: 2, capMs: 5 });
    expect(meanMs(d)).toBeCloseTo(5, 10);
    expect(quantileMs(d, 0.9)).toBe(5);
  });

  it('refuses a cap below the scale', () => {
    expect(issuesOf({ dist: 'pareto', scaleMs: 50, alpha: 2, capMs: 10 })).toEqual([{ path: 'capMs', message: 'expected capMs >= scaleMs' }]);
  });
});

describe('empirical distribution', () => {
  const d = parse({
    dist: 'empirical',
    points: [
      { p: 0, ms: 1 },
      { p: 50, ms: 10 },
      { p: 90, ms: 30 },
      { p: 100, ms: 130 },
    ],
  });

  it('returns the given points at their percentiles', () => {
    expect(quantileMs(d, 0)).toBe(1);
    expect(quantileMs(d, 0.5)).toBe(10);
    expect(quantileMs(d, 0.9)).toBeCloseTo(30, 10);
    expect(quantileMs(d, 1)).toBe(130);
  });

  it('interpolates linearly between points', () => {
    expect(quantileMs(d, 0.25)).toBeCloseTo(5.5, 10);
    expect(quantileMs(d, 0.7)).toBeCloseTo(20, 10);
    expect(quantileMs(d, 0.95)).toBeCloseTo(80, 10);
  });

  it('has the trapezoid mean of its points', () => {
    expect(meanMs(d)).toBeCloseTo(0.5 * 5.5 + 0.4 * 20 + 0.1 * 80, 10);
    expect(relativeError(integratedMean(d), meanMs(d))).toBeLessThan(1e-6);
  });

  it('refuses points that do not start at 0 and end at 100', () => {
    const issues = issuesOf({
      dist: 'empirical',
      points: [
        { p: 10, ms: 1 },
        { p: 90, ms: 2 },
      ],
    });
    expect(issues).toEqual([{ path: 'points', message: 'expected the first point at p 0 and the last at p 100' }]);
  });

  it('refuses percentiles that do not increase and times that decrease, at the point', () => {
    const issues = issuesOf({
      dist: 'empirical',
      points: [
        { p: 0, ms: 1 },
        { p: 50, ms: 10 },
        { p: 50, ms: 12 },
        { p: 100, ms: 5 },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['points.2', 'points.3']);
  });

  it('refuses fewer than two points and more than the limit', () => {
    expect(issuesOf({ dist: 'empirical', points: [{ p: 0, ms: 1 }] }).map((i) => i.message)).toContain('expected at least 2 points');
    const many = Array.from({ length: 51 }, (_, i) => ({ p: i * 2, ms: i }));
    expect(issuesOf({ dist: 'empirical', points: many }).map((i) => i.message)).toContain('expected at most 50 points');
  });
});

describe('distributionSchema', () => {
  it('refuses an unknown kind with the list of kinds', () => {
    const issues = issuesOf({ dist: 'weibull' });
    expect(issues).toHaveLength(1);
    for (const kind of DISTRIBUTION_KINDS) expect(issues[0]?.message).toContain(kind);
  });

  it('refuses unknown fields', () => {
    expect(issuesOf({ dist: 'constant', valueMs: 1, extra: 2 }).length).toBeGreaterThan(0);
  });

  it('refuses a uniform whose minimum is above its maximum', () => {
    expect(issuesOf({ dist: 'uniform', minMs: 20, maxMs: 10 })).toEqual([{ path: 'maxMs', message: 'expected minMs <= maxMs' }]);
  });

  it('refuses negative and non-finite times', () => {
    for (const valueMs of [-1, Number.NaN, Number.POSITIVE_INFINITY, 1e12]) {
      expect(issuesOf({ dist: 'constant', valueMs }).map((i) => i.path)).toEqual(['valueMs']);
    }
  });

  it('has field defaults that pass their own bounds', () => {
    for (const field of Object.values(DISTRIBUTION_FIELDS)) expect(checkNumber(field, field.default)).toBeNull();
  });
});

describe('describeDistribution', () => {
  it('summarises each kind in a few words', () => {
    expect(describeDistribution({ dist: 'constant', valueMs: 2 })).toBe('2 ms');
    expect(describeDistribution({ dist: 'uniform', minMs: 5, maxMs: 15 })).toBe('5-15 ms');
    expect(describeDistribution({ dist: 'exponential', meanMs: 20 })).toBe('exp mean 20 ms');
    expect(describeDistribution({ dist: 'lognormal', medianMs: 10, p99Ms: 50 })).toBe('lognormal p50 10 / p99 50 ms');
    expect(describeDistribution({ dist: 'lognormal', meanMs: 12.345, p99Ms: 1234.5 })).toBe('lognormal mean 12.3 / p99 1235 ms');
    expect(describeDistribution({ dist: 'pareto', scaleMs: 5, alpha: 1.5, capMs: 10_000 })).toBe('pareto 5 ms, alpha 1.5, cap 10000 ms');
    expect(
      describeDistribution({
        dist: 'empirical',
        points: [
          { p: 0, ms: 0 },
          { p: 100, ms: 100 },
        ],
      }),
    ).toBe('empirical p50 50 / p99 99 ms');
  });
});

describe('convertDistribution', () => {
  const sources: Distribution[] = [
    { dist: 'constant', valueMs: 20 },
    { dist: 'uniform', minMs: 5, maxMs: 15 },
    { dist: 'exponential', meanMs: 40 },
    { dist: 'lognormal', medianMs: 8, p99Ms: 40 },
    { dist: 'lognormal', meanMs: 100, p99Ms: 900 },
    { dist: 'pareto', scaleMs: 5, alpha: 1.5, capMs: 10_000 },
    {
      dist: 'empirical',
      points: [
        { p: 0, ms: 1 },
        { p: 50, ms: 4 },
        { p: 100, ms: 30 },
      ],
    },
  ];

  for (const source of sources) {
    for (const kind of DISTRIBUTION_KINDS) {
      it(`keeps the mean of ${describeDistribution(source)} when converting to ${kind}`, () => {
        const converted = convertDistribution(source, kind);
        expect(converted.dist).toBe(kind);
        expect(distributionSchema.safeParse(converted).success).toBe(true);
        // A pareto keeps its mean only up to its cap: within 5%.
        const tolerance = kind === 'pareto' ? 0.05 : 1e-9;
        expect(relativeError(meanMs(converted), meanMs(source))).toBeLessThan(tolerance);
      });
    }
  }

  it('keeps the mean and stays valid for any mean from 0.01 ms to 10 s', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10_000, noNaN: true }), fc.constantFrom(...DISTRIBUTION_KINDS), (mean, kind) => {
        const converted = convertDistribution({ dist: 'exponential', meanMs: mean }, kind);
        expect(distributionSchema.safeParse(converted).success).toBe(true);
        expect(relativeError(meanMs(converted), mean)).toBeLessThan(kind === 'pareto' ? 0.05 : 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a valid distribution from a zero mean', () => {
    for (const kind of DISTRIBUTION_KINDS) {
      expect(distributionSchema.safeParse(convertDistribution({ dist: 'constant', valueMs: 0 }, kind)).success).toBe(true);
    }
  });
});
