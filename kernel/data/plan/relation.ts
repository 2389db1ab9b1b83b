/**
 * The relation a plan reads: the needed columns' normalized values under their own names, with the
 * `--where` conditions as parameters (never values written into SQL). One builder for every engine;
 * `load.ts` uses the same conditions when it loads rows from a file.
 */
import { InferraError } from '../../errors.js';
import type { ColumnKind, RowFilter } from '../../types.js';
import type { Dialect } from './dialect.js';
import type { PlanParameter, Relation } from './engine.js';

/** A column of a table: its name, whether it is stored as numbers, and the SQL of its normalized value. */
export interface NormalizedColumn {
  name: string;
  numeric: boolean;
  expression: string;
}

/**
 * The WHERE clause of `--where` conditions, with the values as parameters numbered from `first`. A
 * numeric column compares as a number (`year = 2007` matches 2007.0); others compare with their
 * normalized text (`true`, ISO dates). As in R's `subset()`, a missing value matches neither = nor !=.
 */
export function buildWhereConditions(
  where: readonly RowFilter[],
  columns: readonly NormalizedColumn[],
  kinds: ReadonlyMap<string, ColumnKind>,
  placeholder: (index: number, numeric: boolean) => string,
  first = 1,
): { sql: string; values: PlanParameter[] } {
  const conditions: string[] = [];
  const values: PlanParameter[] = [];
  for (const filter of where) {
    const column = columns.find((c) => c.name === filter.column)!;
    let value: PlanParameter = filter.value;
    if (column.numeric) {
      const number = Number(filter.value.trim());
      if (filter.value.trim() === '' || !Number.isFinite(number)) {
        throw new InferraError('invalid-option', {
          option: 'where',
          detail: `"${filter.column} ${filter.op} ${filter.value}": '${filter.column}' is ${kinds.get(filter.column) ?? 'numeric'} (numbers), but '${filter.value}' is not a number.`,
        });
      }
      value = number;
    }
    values.push(value);
    conditions.push(`(${column.expression}) ${filter.op === '=' ? '=' : '<>'} ${placeholder(first + values.length - 1, column.numeric)}`);
  }
  return { sql: conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '', values };
}

/** The name of the relation's row-order column (`Relation.order`). */
export const ROW_ORDER_COLUMN = '__inferra_row_order';

/**
 * SELECT the named columns' normalized values (by name) FROM a table, with the `--where` conditions;
 * `order`, an expression of the rows' order in the source (DuckDB's `rowid` of a table), is kept as
 * `ROW_ORDER_COLUMN`.
 */
export function buildRelation(
  dialect: Dialect,
  from: string,
  columns: readonly NormalizedColumn[],
  names: readonly string[],
  where: readonly RowFilter[],
  kinds: ReadonlyMap<string, ColumnKind>,
  order?: string,
): Relation {
  const wanted = [...new Set(names)];
  const select = wanted.map((name) => `${columns.find((c) => c.name === name)!.expression} AS ${dialect.identifier(name)}`);
  if (order) select.push(`${order} AS ${dialect.identifier(ROW_ORDER_COLUMN)}`);
  const { sql, values } = buildWhereConditions(where, columns, kinds, (i, numeric) => (numeric ? dialect.doubleParameter(i) : dialect.textParameter(i)));
  return { sql: `SELECT ${select.join(', ') || '1 AS one'} FROM ${from}${sql}`, params: values, ...(order ? { order: ROW_ORDER_COLUMN } : {}) };
}
