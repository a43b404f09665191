import { describe, expect, it } from 'vitest';
import { quantileMs, type Distribution } from '../model';
import { Sampler } from './distributions';
import { EventQueue } from './heap';
import { LogHistogram, bucketOf } from './histogram';
import { Rng } from './rng';

describe('EventQueue', () => {
  it('pops events by time and, at equal times, in insertion order', () => {
    const queue = new EventQueue(16);
    const rng = Rng.stream(1, 'heap');
    const pushed: { t: number; id: number }[] = [];
    for (let id = 0; id < 5000; id++) {
      const t = Math.floor(rng.next() * 50);
      pushed.push({ t, id });
      queue.push(t, 7, id, id + 1, id * 2);
    }
    const expected = [...pushed].sort((x, y) => x.t - y.t || x.id - y.id);
    const popped: { t: number; id: number }[] = [];
    while (queue.size > 0) {
      queue.pop();
      expect(queue.topKind).toBe(7);
      expect(queue.topB).toBe(queue.topA + 1);
      expect(queue.topC).toBe(queue.topA * 2);
      popped.push({ t: queue.topTime, id: queue.topA });
    }
    expect(popped).toEqual(expected);
    expect(queue.peekTime()).toBe(Infinity);
  });

  it('keeps order when pushes and pops interleave, as a simulation does', () => {
    const queue = new EventQueue(16);
    const rng = Rng.stream(2, 'heap');
    let now = 0;
    let last = -1;
    let lastSeq = -1;
    let seq = 0;
    const seqOf = new Map<number, number>();
    queue.push(0, 0, 0, 0, 0);
    seqOf.set(0, seq++);
    for (let i = 0; i < 20000 && queue.size > 0; i++) {
      queue.pop();
      expect(queue.topTime).toBeGreaterThanOrEqual(now);
      const s = seqOf.get(queue.topA) ?? -1;
      if (queue.topTime === last) expect(s).toBeGreaterThan(lastSeq);
      now = last = queue.topTime;
      lastSeq = s;
      for (let k = 0; k < 2; k++) {
        const id = seq++;
        seqOf.set(id, id);
        queue.push(now + (rng.next() < 0.3 ? 0 : rng.next() * 10), 0, id, 0, 0);
      }
    }
  });
});

describe('Rng', () => {
  it('gives the same numbers for the same seed and stream name', () => {
    const a = Rng.stream(42, 'service:api');
    const b = Rng.stream(42, 'service:api');
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('gives independent-looking streams for different names and seeds', () => {
    const a = Rng.stream(42, 'service:api');
    const b = Rng.stream(42, 'service:db');
    const c = Rng.stream(43, 'service:api');
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(xs).not.toEqual(Array.from({ length: 20 }, () => b.next()));
    expect(xs).not.toEqual(Array.from({ length: 20 }, () => c.next()));
  });

  it('draws uniforms in [0, 1) with a flat histogram (chi-square over 20 bins)', () => {
    const rng = Rng.stream(7, 'uniform');
    const bins = new Array<number>(20).fill(0);
    const n = 200_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 20)]! += 1;
    }
    expect(outside).toBe(0);
    const expected = n / 20;
    const chi2 = bins.reduce((s, o) => s + ((o - expected) ** 2) / expected, 0);
    // 19 degrees of freedom: the 99.9th percentile is 43.8.
    expect(chi2).toBeLessThan(43.8);
  });

  it('uses 53 bits: draws below 2^-32 happen and values are not multiples of 2^-32', () => {
    const rng = Rng.stream(3, 'bits');
    let fine = 0;
    for (let i = 0; i < 1000; i++) if ((rng.next() * 2 ** 32) % 1 !== 0) fine++;
    expect(fine).toBeGreaterThan(990);
  });
});

function sampleMany(d: Distribution, n: number, seed = 1): Float64Array {
  const sampler = new Sampler(d, Rng.stream(seed, 'dist'));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sampler.next();
  return out.sort();
}

describe('Sampler', () => {
  const cases: [string, Distribution][] = [
    ['uniform', { dist: 'uniform', minMs: 5, maxMs: 15 }],
    ['exponential', { dist: 'exponential', meanMs: 20 }],
    ['lognormal by median', { dist: 'lognormal', medianMs: 10, p99Ms: 50 }],
    ['lognormal by mean', { dist: 'lognormal', meanMs: 10, p99Ms: 60 }],
    ['capped pareto', { dist: 'pareto', scaleMs: 5, alpha: 1.5, capMs: 1000 }],
    [
      'empirical',
      {
        dist: 'empirical',
        points: [
          { p: 0, ms: 1 },
          { p: 50, ms: 4 },
          { p: 99, ms: 40 },
          { p: 100, ms: 100 },
        ],
      },
    ],
  ];
  for (const [name, d] of cases) {
    it(`samples the ${name} distribution with the quantiles and mean of the model`, () => {
      const n = 200_000;
      const xs = sampleMany(d, n);
      for (const q of [0.1, 0.5, 0.9, 0.99]) {
        // In probability space: 4.5 standard errors of a sample quantile (sqrt(q(1-q)/n) <= 0.0011).
        const empirical = xs[Math.floor(q * n)] as number;
        const lo = quantileMs(d, q - 0.005);
        const hi = quantileMs(d, q + 0.005);
        expect(empirical).toBeGreaterThanOrEqual(lo);
        expect(empirical).toBeLessThanOrEqual(hi);
      }
      const mean = xs.reduce((s, x) => s + x, 0) / n;
      const expected = new Sampler(d, Rng.stream(1, 'x')).meanMs;
      expect(Math.abs(mean - expected) / expected).toBeLessThan(0.03);
    });
  }

  it('returns the constant without consuming randomness and flags zero', () => {
    const s = new Sampler({ dist: 'constant', valueMs: 0 }, Rng.stream(1, 'c'));
    expect(s.next()).toBe(0);
    expect(s.alwaysZero).toBe(true);
    expect(new Sampler({ dist: 'constant', valueMs: 3 }, Rng.stream(1, 'c')).next()).toBe(3);
  });

  it('never exceeds the pareto cap nor goes below its scale', () => {
    const xs = sampleMany({ dist: 'pareto', scaleMs: 2, alpha: 0.5, capMs: 100 }, 50_000);
    expect(xs[0]).toBeGreaterThanOrEqual(2);
    expect(xs[xs.length - 1]).toBeLessThanOrEqual(100);
  });
});

describe('LogHistogram', () => {
  it('reports percentiles within 1.6% of the exact ones and the exact mean and max', () => {
    const rng = Rng.stream(5, 'hist');
    const h = new LogHistogram();
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const v = Math.exp(rng.next() * 10) * 0.01;
      values.push(v);
      h.add(bucketOf(v), v);
    }
    values.sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = values[Math.ceil(q * values.length) - 1] as number;
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.016);
    }
    const s = h.summary();
    expect(s.count).toBe(100_000);
    expect(s.maxMs).toBe(values[values.length - 1]);
    expect(s.meanMs).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
  });

  it('reports a constant latency exactly and forgets everything on reset', () => {
    const h = new LogHistogram();
    for (let i = 0; i < 10; i++) h.add(bucketOf(42), 42);
    expect(h.summary()).toEqual({ count: 10, meanMs: 42, p50Ms: 42, p95Ms: 42, p99Ms: 42, maxMs: 42 });
    h.reset();
    expect(h.summary().count).toBe(0);
    h.add(bucketOf(0), 0);
    expect(h.quantile(0.5)).toBe(0);
  });
});
