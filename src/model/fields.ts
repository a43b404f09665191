import { z } from 'zod';

/**
 * A numeric parameter, described once: its bounds, unit and default feed the schema, the
 * inspector, the docs and (later) the share codec, so none of them keeps its own copy.
 */
export interface NumberField {
  readonly label: string;
  readonly unit?: string;
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  readonly default: number;
  readonly help?: string;
}

export function numberMessage(field: Pick<NumberField, 'min' | 'max' | 'integer'>): string {
  const what = field.integer ? 'a whole number' : 'a finite number';
  return `expected ${what} >= ${field.min} and <= ${field.max}`;
}

/** A zod number with the bounds of `field` and path-friendly messages. */
export function numberOf(field: NumberField) {
  const message = numberMessage(field);
  let schema = z.number({ error: message }).min(field.min, { error: message }).max(field.max, { error: message });
  if (field.integer) schema = schema.int({ error: message });
  return schema;
}

/** Builders for the usual kinds of parameter, so bounds and units are written the same way. */
export const field = {
  ms: (label: string, dflt: number, options: { min?: number; help?: string } = {}): NumberField => ({
    label,
    unit: 'ms',
    min: options.min ?? 0,
    max: LIMITS.maxMs,
    default: dflt,
    ...(options.help ? { help: options.help } : {}),
  }),
  percent: (label: string, dflt: number, help?: string): NumberField => ({
    label,
    unit: '%',
    min: 0,
    max: 100,
    default: dflt,
    ...(help ? { help } : {}),
  }),
  count: (label: string, dflt: number, min: number, max: number, help?: string): NumberField => ({
    label,
    min,
    max,
    integer: true,
    default: dflt,
    ...(help ? { help } : {}),
  }),
  rate: (label: string, dflt: number): NumberField => ({
    label,
    unit: 'req/s',
    min: 0,
    max: LIMITS.maxRatePerSec,
    default: dflt,
  }),
};

/** Same as numberOf, but omitted means the default. */
export function numberWithDefault(field: NumberField) {
  return numberOf(field).default(field.default);
}

/** Validates a single value against a field, for the inspector's inline messages. */
export function checkNumber(field: NumberField, value: number): string | null {
  if (!Number.isFinite(value)) return numberMessage(field);
  if (value < field.min || value > field.max) return numberMessage(field);
  if (field.integer && !Number.isInteger(value)) return numberMessage(field);
  return null;
}

export const LIMITS = {
  maxNodes: 2000,
  maxEdges: 5000,
  maxFaults: 1000,
  maxGroups: 200,
  maxPhases: 100,
  maxEmpiricalPoints: 50,
  maxIdLength: 64,
  maxLabelLength: 120,
  maxTextLength: 4000,
  maxDepth: 24,
  /**
   * A scenario, written compactly (as browser storage keeps it), is at most this long: restore
   * refuses a longer one, so whatever is valid can be stored and opened again.
   */
  maxScenarioChars: 5_000_000,
  /** JSON text read from a file or storage: room for an indented export of the largest scenario. */
  maxJsonChars: 20_000_000,
  maxCoordinate: 1_000_000,
  maxMs: 86_400_000,
  maxRatePerSec: 1_000_000,
} as const;

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

export const idSchema = z
  .string({ error: 'expected an id (letters, digits, - _ . :)' })
  .min(1, { error: 'expected a non-empty id' })
  .max(LIMITS.maxIdLength, { error: `expected an id of at most ${LIMITS.maxIdLength} characters` })
  .regex(ID_PATTERN, { error: 'expected an id made of letters, digits, - _ . : (starting with a letter or digit)' });

export function textSchema(maxLength: number) {
  return z
    .string({ error: 'expected text' })
    .max(maxLength, { error: `expected at most ${maxLength} characters` });
}

export const labelSchema = textSchema(LIMITS.maxLabelLength);

export type ParsedDecimal = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A number as a person types it in a field or on a command line: plain decimal only (12, -3,
 * 0.25). What JavaScript's Number() would also take (0x10, .5e1, 1e3, Infinity) is refused with
 * the reason and the way to write it, not silently converted.
 */
export function parseDecimal(raw: string): ParsedDecimal {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'a value is required' };
  if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
  const refuse = (message: string): ParsedDecimal => ({ ok: false, message: `"${text}" ${message}` });
  const n = Number(text);
  if (/^[+-]?0[xob]/i.test(text) && Number.isFinite(n)) return refuse(`is not a decimal number: write ${n}`);
  if (/e/i.test(text) && Number.isFinite(n)) return refuse(`uses an exponent: write the number in full (${Number(n.toPrecision(15))})`);
  if (/^[+-]?\.\d+$/.test(text)) return refuse(`needs a digit before the point: write ${text.replace('.', '0.')}`);
  if (/^[+-]?\d+\.$/.test(text)) return refuse(`ends with a point: write ${text.slice(0, -1)}`);
  if (/^[+-]?[\d.,\s]+$/.test(text) && /[,\s]/.test(text)) return refuse('has a comma or a space: write a point for decimals (1.5) and nothing between thousands (1000)');
  return refuse('is not a number');
}
