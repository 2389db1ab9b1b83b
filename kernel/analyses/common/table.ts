/**
 * Result tables written once: a table's columns as `[key, label]` pairs, where the key names the
 * field of the result it shows (camelCase here; snake_case in the JSON, contract/keys.ts), and a
 * one-row table whose row is read from the result by those keys, so no key is written twice.
 */
import type { ResultTable, TableValue } from '../../types.js';

/** One column: the result field it shows and its header. */
export type ColumnSpec = readonly [key: string, label: string];

/** The p-value column. */
export const P_COLUMN: ColumnSpec = ['pValue', 'p'];

/** The two columns of a confidence interval at a level written as "95%". */
export function ciColumns(pct: string): ColumnSpec[] {
  return [
    ['ciLow', `${pct} CI lower`],
    ['ciHigh', `${pct} CI upper`],
  ];
}

/** A table's columns from their specs. */
export function tableColumns(specs: readonly ColumnSpec[]): ResultTable['columns'] {
  return specs.map(([key, label]) => ({ key, label }));
}

/**
 * The row of `source`'s fields named by the columns (in their order): a field the source lacks is
 * empty (null); `shown` replaces a value as the table shows it.
 */
export function tableRow(specs: readonly ColumnSpec[], source: object, shown: Record<string, TableValue> = {}): Record<string, TableValue> {
  const fields = source as Record<string, TableValue | undefined>;
  return Object.fromEntries(specs.map(([key]) => [key, key in shown ? shown[key] : (fields[key] ?? null)]));
}

/** A table of one row: the columns and `source`'s fields under them. */
export function singleRowTable(
  title: string,
  specs: readonly ColumnSpec[],
  source: object,
  extra: { shown?: Record<string, TableValue>; note?: string } = {},
): ResultTable {
  return {
    title,
    columns: tableColumns(specs),
    rows: [tableRow(specs, source, extra.shown)],
    ...(extra.note !== undefined ? { note: extra.note } : {}),
  };
}
