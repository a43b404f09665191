/** Number formatting shared by axes, tooltips and accessible labels. */

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Drops a trailing ".0" / ".00" and trailing zeros after the decimal point. */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * The number alone: integers as they are; other values below 10 with 2 decimals, below 1000 with
 * at most 1, from 1000 on whole and grouped ("12,345"). NaN reads as an en dash (no data).
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  const magnitude = Math.abs(value);
  // 999.96 rounds to 1000 with one decimal: it belongs to the grouped bucket.
  if (magnitude >= 999.95) return GROUPED.format(value);
  if (Number.isInteger(value)) return String(value === 0 ? 0 : value);
  if (magnitude < 10) {
    const fixed = value.toFixed(2);
    // -0.001 rounds to "-0.00": show it as plain zero.
    return Number(fixed) === 0 ? '0.00' : fixed;
  }
  return trimZeros(value.toFixed(1));
}

/** A value with its unit: "12.5 ms", "3 req/s", "99.5%"; no unit gives the number alone. */
export function formatValue(value: number, unit: string): string {
  const number = formatNumber(value);
  if (unit === '' || Number.isNaN(value)) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** A time in seconds for tooltips and labels: "12 s", "12.3 s", "0.25 s". */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '–';
  const rounded = Math.round(seconds * 100) / 100;
  return `${trimZeros(rounded.toFixed(2))} s`;
}
