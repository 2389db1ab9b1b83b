/** The plan on DuckDB, over a dataset file: the file's normalized columns (source.ts) as the relation. */
import type { DuckDBValue } from '@duckdb/node-api';
import type { ColumnKind, DatasetFormat, ProgressEvent, RowFilter } from '../../types.js';
import { getConnection } from '../duckdb.js';
import { hashFileSelection } from '../hash.js';
import { PROGRESS_BYTES, requireColumn } from '../load.js';
import { findMaterialized, inferSchema } from '../schema.js';
import { openSource, parseErrorFrom, sourceKey } from '../source.js';
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

/** What an analysis on a dataset file works with through the plan (the file's counterpart of `DatabaseTable`). */
export interface FileTable {
  engine: Engine;
  relation: Relation;
  /** The schema's kinds (classified: id, text, categorical, ...). */
  kinds: Map<string, ColumnKind>;
  classified: true;
  /** SHA-256 of the file's bytes, and its rows before `--where` (provenance). */
  sha256: string;
  rows: number;
  /** Every column of the file, in order. */
  tableColumns: string[];
  /** The analysis' columns, in the file's order (provenance). */
  columns: string[];
  /** Digest of the file's content with the selection read from it (`hashFileSelection`). */
  tableHash: string;
  format: DatasetFormat;
  /** What the researcher should know about the columns read (infinite values treated as missing). */
  warnings: string[];
}

/**
 * Opens a file's named columns (or all) with `--where` for the plan: the relation reads the table that
 * schema inference holds in DuckDB (schema.ts), else the file itself; a DuckDB error while reading the
 * file becomes `parse-failed`.
 */
export async function openFileTable(
  locator: string,
  names: readonly string[] | 'all',
  where: readonly RowFilter[],
  onProgress?: (message: string, event?: ProgressEvent) => void,
): Promise<FileTable> {
  const source = await openSource(locator);
  const known = source.columns.map((c) => c.name);
  const wanted = names === 'all' ? known : [...new Set(names)];
  for (const name of wanted) requireColumn(name, known);
  for (const filter of where) requireColumn(filter.column, known);
  // As load.ts says it: a large file not yet held in DuckDB is read (schema inference) first.
  if (!findMaterialized(sourceKey(source)) && source.size >= PROGRESS_BYTES) onProgress?.(`Reading ${source.name} (${(source.size / 1e6).toFixed(1)} MB)...`, { phase: 'read' });
  const schema = await inferSchema(locator);
  const kinds = new Map(schema.columns.map((c) => [c.name, c.kind]));
  const held = findMaterialized(sourceKey(source));
  const columns = source.columns.map((c, i) => ({ name: c.name, numeric: c.storage === 'numeric', expression: held ? held.columns[i] : c.expression }));
  // The held table's rowid is the file's row order: a sample that is a whole group keeps the file's order.
  const relation = buildRelation(duckdbDialect, held ? held.table : source.reader, columns, wanted, where, kinds, held ? 'rowid' : undefined);
  const ordered = known.filter((name) => wanted.includes(name));
  const read = schema.columns.filter((c) => ordered.includes(c.name));
  const base = duckdbEngine();
  const engine: Engine = {
    dialect: base.dialect,
    query: (sql, params) => base.query(sql, params).catch((error: unknown) => Promise.reject(parseErrorFrom(error, locator, source.format))),
  };
  return {
    engine,
    relation,
    kinds,
    classified: true,
    sha256: schema.sha256,
    rows: schema.rows,
    tableColumns: known,
    columns: ordered,
    tableHash: hashFileSelection(schema.sha256, read, where),
    format: source.format,
    warnings: read.flatMap((s) => (s.nonFinite && s.note ? [s.note] : [])),
  };
}
