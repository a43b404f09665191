import type { PrintableTable } from '../export/tables';
import { estimate } from './stats';
import type { Column, Table } from '../model';

/** Combines the same tables from several replications into mean ± 95% CI cells. */
export function combineReplications(runs: readonly (readonly Table[])[]): PrintableTable[] {
  const first = runs[0];
  if (!first) return [];
  return first.map((table, t) => {
    const sameTables = runs.map((r) => r[t]).filter((x): x is Table => x !== undefined);
    const columns: Column[] = [];
    for (const tab of sameTables) for (const c of tab.columns) if (!columns.some((x) => x.key === c.key)) columns.push(c);
    const rows = table.rows.map((row) => {
      const cells: Record<string, ReturnType<typeof estimate>> = {};
      for (const c of columns) {
        cells[c.key] = estimate(sameTables.map((tab) => tab.rows.find((r) => r.key === row.key)?.values[c.key] ?? NaN));
      }
      return { label: row.label, cells };
    });
    return { title: table.title, columns, rows };
  });
}
