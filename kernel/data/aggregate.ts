/**
 * Aggregates computed where the data is: queries over a dataset's normalized columns (the same
 * expressions and `--where` conditions as `loadTable`), of which only the small result comes back
 * to JavaScript. The queries read the relation `d`, whose columns are the requested ones, named
 * `c0`, `c1`, ... in the order requested (so the caller needs no identifier quoting). They run on
 * one thread, so that their floating-point sums are the same on every run.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import type { RowFilter } from '../types.js';
import { getConnection } from './duckdb.js';
import { buildWhere, materializedSource, requireColumn, type LoadSource } from './load.js';
import { findMaterialized, inferSchema } from './schema.js';
import { openSource, parseErrorFrom, sourceKey } from './source.js';

/** A result row: column name to a plain JavaScript value (numbers as number, text as string, NULL as null). */
export type AggregateRow = Record<string, number | string | boolean | null>;

/** The alias of the i-th requested column inside `d`. */
export const aggregateAlias = (i: number): string => `c${i}`;

/**
 * Runs each query (SQL reading `d`) over the dataset's `columns`, filtered by `where`, and returns
 * each query's rows. The columns are checked as `loadTable` checks them (`column-not-found`).
 */
export async function aggregateDataset(path: string, columns: readonly string[], where: readonly RowFilter[], queries: readonly string[]): Promise<AggregateRow[][]> {
  const source = await openSource(path);
  const names = source.columns.map((c) => c.name);
  for (const name of columns) requireColumn(name, names);
  for (const filter of where) requireColumn(filter.column, names);
  const schema = await inferSchema(path);
  const kinds = new Map(schema.columns.map((c) => [c.name, c.kind]));
  const run = async (from: LoadSource): Promise<AggregateRow[][]> => {
    const { sql: whereSql, values } = buildWhere(where, from.columns, kinds);
    const select = columns.map((name, i) => `${from.columns.find((c) => c.name === name)!.expression} AS ${aggregateAlias(i)}`);
    const relation = `WITH d AS (SELECT ${select.join(', ') || 'NULL AS c'} FROM ${from.table}${whereSql}) `;
    const connection = await getConnection();
    const out: AggregateRow[][] = [];
    // Floating-point aggregates (avg, var_pop, regr_sxy, corr) summed by several threads depend on how
    // the rows were split among them: the last digits changed from run to run on a 1M-row file, and
    // with them the result's digest. One thread sums in the table's row order, the same every run.
    const threads = String((await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRowsJS()[0][0]);
    await connection.run('SET threads = 1');
    try {
      for (const query of queries) {
        const reader = await connection.runAndReadAll(relation + query, values as DuckDBValue[]);
        out.push(reader.getRowObjectsJS().map(plainRow));
      }
    } finally {
      await connection.run(`SET threads = ${Number(threads)}`);
    }
    return out;
  };
  const held = findMaterialized(sourceKey(source));
  const fromSource: LoadSource = { table: source.reader, columns: source.columns };
  try {
    // The held table may be dropped by a concurrent schema inference; then read the file again.
    return held ? await run(materializedSource(held, source.columns)).catch(() => run(fromSource)) : await run(fromSource);
  } catch (error) {
    throw parseErrorFrom(error, path, source.format);
  }
}

/** DuckDB's JS values as plain ones: BIGINT counts (bigint) and DECIMALs as numbers. */
function plainRow(row: Record<string, unknown>): AggregateRow {
  const out: AggregateRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'bigint' ? Number(value) : value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : String(value);
  }
  return out;
}
