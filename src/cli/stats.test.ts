import { describe, expect, it } from 'vitest';
import { estimate, t95 } from './stats';

describe('replication statistics', () => {
  it('uses Student t quantiles for small samples and 1.96 for large ones', () => {
    expect(t95(1)).toBe(12.706);
    expect(t95(9)).toBe(2.262);
    expect(t95(500)).toBe(1.96);
  });

  it('computes the mean and the 95% half-width of a known sample', () => {
    // values 1..5: mean 3, sd sqrt(2.5), half-width = 2.776 * sqrt(2.5 / 5)
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.halfWidth).toBeCloseTo(2.776 * Math.sqrt(0.5), 10);
    expect(e.n).toBe(5);
  });

  it('has no interval for a single value and ignores non-finite ones', () => {
    expect(estimate([7]).halfWidth).toBeNaN();
    expect(estimate([1, NaN, 3]).mean).toBe(2);
  });
});
