import type { Column, Table } from '../model';
import { csvNumber, csvText, escapeTableCell } from './inert';

/** A replicated value: mean and 95% confidence half-width. */
export interface Estimate {
  readonly mean: number;
  readonly halfWidth: number;
  readonly n: number;
}

export type Format = 'md' | 'csv' | 'json';

/** A table whose cells may be single numbers or replicated estimates. */
export interface PrintableTable {
  readonly title: string;
  /** Short machine name for CSV/JSON (defaults to the lower-cased title). */
  readonly name?: string;
  readonly columns: readonly Column[];
  readonly rows: readonly { readonly label: string; readonly cells: Readonly<Record<string, number | Estimate>> }[];
}

function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '-';
  return value.toFixed(digits);
}

function cell(value: number | Estimate | undefined, digits: number): string {
  if (value === undefined) return '-';
  if (typeof value === 'number') return fixed(value, digits);
  const more = digits + (Number.isFinite(value.halfWidth) && value.halfWidth < 1 ? 1 : 0);
  return Number.isFinite(value.halfWidth) ? `${fixed(value.mean, more)} ± ${fixed(value.halfWidth, more)}` : fixed(value.mean, digits);
}

export function fromTable(table: Table): PrintableTable {
  return { title: table.title, columns: table.columns, rows: table.rows.map((r) => ({ label: r.label, cells: r.values })) };
}

/**
 * Titles and labels are user text: `escape` makes them inert (by default only what would break the
 * table: a `|`, a line break), so a label cannot end its row or start a heading.
 */
export function markdown(tables: readonly PrintableTable[], heading: string, escape: (text: string) => string = escapeTableCell): string {
  const out: string[] = [`# ${escape(heading)}`, ''];
  for (const t of tables) {
    out.push(`## ${escape(t.title)}`, '');
    out.push(`| ${['', ...t.columns.map((c) => escape(c.label))].join(' | ')} |`);
    out.push(`|${['---', ...t.columns.map(() => '---:')].join('|')}|`);
    for (const r of t.rows) out.push(`| ${[escape(r.label), ...t.columns.map((c) => cell(r.cells[c.key], c.digits))].join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

/** One CSV for all tables: table, row, then every column (mean and half-width when replicated). */
export function csv(tables: readonly PrintableTable[]): string {
  const lines: string[] = [];
  for (const t of tables) {
    const replicated = t.rows.some((r) => Object.values(r.cells).some((v) => typeof v !== 'number'));
    const headers = ['table', 'row', ...t.columns.flatMap((c) => (replicated ? [c.key, `${c.key}_ci95`] : [c.key]))];
    lines.push(headers.map(csvText).join(','));
    for (const r of t.rows) {
      const values = t.columns.flatMap((c) => {
        const v = r.cells[c.key];
        if (v === undefined) return replicated ? ['', ''] : [''];
        if (typeof v === 'number') return replicated ? [csvNumber(v), ''] : [csvNumber(v)];
        return [csvNumber(v.mean), Number.isFinite(v.halfWidth) ? csvNumber(v.halfWidth) : ''];
      });
      lines.push([csvText(t.name ?? t.title.toLowerCase()), csvText(r.label), ...values].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export function json(tables: readonly PrintableTable[], extra: Record<string, unknown>): string {
  const body = tables.map((t) => ({
    table: t.name ?? t.title.toLowerCase(),
    rows: t.rows.map((r) => ({ row: r.label, ...Object.fromEntries(t.columns.map((c) => [c.key, r.cells[c.key] ?? null])) })),
  }));
  return `${JSON.stringify({ ...extra, tables: body }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
