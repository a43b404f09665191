import { describe, expect, it } from 'vitest';
import { formatNumber, formatSeconds, formatValue } from './format';

describe('formatValue', () => {
  it('shows values below 10 with two decimals', () => {
    expect(formatValue(2.5, 'ms')).toBe('2.50 ms');
    expect(formatValue(0.125, 'req/s')).toBe('0.13 req/s');
    expect(formatValue(9.994, 'ms')).toBe('9.99 ms');
  });

  it('shows values from 10 with at most one decimal', () => {
    expect(formatValue(12.34, 'ms')).toBe('12.3 ms');
    expect(formatValue(12.04, 'ms')).toBe('12 ms');
    expect(formatValue(999.9, 'ms')).toBe('999.9 ms');
  });

  it('shows whole numbers without decimals, grouped from a thousand on', () => {
    expect(formatValue(0, 'req/s')).toBe('0 req/s');
    expect(formatValue(3, 'req/s')).toBe('3 req/s');
    expect(formatValue(1234.56, 'ms')).toBe('1,235 ms');
    expect(formatValue(999.97, 'ms')).toBe('1,000 ms');
  });

  it('writes percent without a space and no unit as the bare number', () => {
    expect(formatValue(99.54, '%')).toBe('99.5%');
    expect(formatValue(4.2, '')).toBe('4.20');
  });

  it('reads a missing value as a dash without its unit', () => {
    expect(formatValue(NaN, 'ms')).toBe('–');
    expect(formatValue(Infinity, 'ms')).toBe('∞ ms');
  });

  it('keeps the sign of negative values and never prints minus zero', () => {
    expect(formatNumber(-2.5)).toBe('-2.50');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.001)).toBe('0.00');
    expect(formatNumber(-12345)).toBe('-12,345');
  });
});

describe('formatSeconds', () => {
  it('drops trailing zeros and keeps at most two decimals', () => {
    expect(formatSeconds(12)).toBe('12 s');
    expect(formatSeconds(12.3)).toBe('12.3 s');
    expect(formatSeconds(0.25)).toBe('0.25 s');
    expect(formatSeconds(0.1 + 0.2)).toBe('0.3 s');
  });
});
