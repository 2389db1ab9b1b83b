/** The plan on DuckDB, over a dataset file: the file's normalized columns (source.ts) as the relation. */
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnKind, RowFilter } from '../../types.js';
import { getConnection } from '../duckdb.js';
import { inferSchema } from '../schema.js';
import { openSource } from '../source.js';
import { duckdbDialect } from './dialect.js';
import type { Engine, PlanParameter, Relation, TextRows } from './engine.js';
import { buildRelation } from './relation.js';

/** The process' DuckDB connection as an engine: every value comes back as text. */
export function duckdbEngine(): Engine {
  return {
    dialect: duckdbDialect,
    async query(sql: string, params: readonly PlanParameter[]): Promise<TextRows> {
      const connection = await getConnection();
      const result = await connection.runAndReadAll(sql, params as DuckDBValue[]);
      return result.getRowsJS().map((row) => row.map((v) => (v === null || v === undefined ? null : String(v))));
    },
    async stream(sql: string, params: readonly PlanParameter[], _size: number, onRows: (rows: TextRows) => void): Promise<void> {
      const connection = await getConnection();
      // DuckDB hands a streamed result over in its own vectors (2,048 rows).
      const result = await connection.stream(sql, params as DuckDBValue[]);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        onRows(chunk.getRows().map((row) => row.map((v) => (v === null || v === undefined ? null : String(v)))));
      }
    },
  };
}

/** The relation of a file's named columns with `--where`, and the columns' kinds. */
export async function fileRelation(locator: string, names: readonly string[], where: readonly RowFilter[]): Promise<{ relation: Relation; kinds: Map<string, ColumnKind> }> {
  const source = await openSource(locator);
  const schema = await inferSchema(locator);
  const kinds = new Map(schema.columns.map((c) => [c.name, c.kind]));
  const columns = source.columns.map((c) => ({ name: c.name, numeric: c.storage === 'numeric', expression: c.expression }));
  return { relation: buildRelation(duckdbDialect, source.reader, columns, names, where, kinds), kinds };
}
