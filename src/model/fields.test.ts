import { describe, expect, it } from 'vitest';
import { parseDecimal } from './fields';

const message = (text: string) => {
  const r = parseDecimal(text);
  return r.ok ? `ok ${r.value}` : r.message;
};

describe('parseDecimal: decimal numbers only, with a reason for the rest', () => {
  it('reads plain decimals', () => {
    for (const [text, value] of [['12', 12], ['-3', -3], ['+4', 4], ['0.25', 0.25], [' 7 ', 7], ['0', 0]] as const) {
      expect(parseDecimal(text)).toEqual({ ok: true, value });
    }
  });

  it('refuses what Number() would silently convert, saying how to write it', () => {
    expect(message('0x10')).toBe('"0x10" is not a decimal number: write 16');
    expect(message('0b11')).toBe('"0b11" is not a decimal number: write 3');
    expect(message('.5e1')).toBe('".5e1" uses an exponent: write the number in full (5)');
    expect(message('1e3')).toContain('write the number in full (1000)');
    expect(message('.5')).toBe('".5" needs a digit before the point: write 0.5');
    expect(message('5.')).toBe('"5." ends with a point: write 5');
    expect(message('1,5')).toContain('write a point for decimals');
    expect(message('1 000')).toContain('nothing between thousands');
    expect(message('Infinity')).toBe('"Infinity" is not a number');
    expect(message('abc')).toBe('"abc" is not a number');
    expect(message('')).toBe('a value is required');
  });
});
