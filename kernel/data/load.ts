/**
 * Loading the columns a task needs as typed arrays:
 * 1. open the source and its (cached) schema, which fixes each column's kind;
 * 2. check the requested and `--where` columns exist (`column-not-found` with a suggestion);
 * 3. select the normalized columns, in the dataset's order, with the `--where` conditions in SQL,
 *    from the table schema inference left in DuckDB (else from the file again); columns with known
 *    levels come back as ENUMs, so each row's text is a shared string rather than a fresh one;
 * 4. copy DuckDB's chunks into Float64Array (numeric, NaN = missing) or (string | null)[];
 * 5. hash what was read (the file's hash with the columns and `--where`) for provenance.
 */
import { quotedString, type DuckDBValue } from '@duckdb/node-api';
import { InferraError } from '../errors.js';
import type { Column, ColumnKind, ColumnSchema, DatasetFormat, ProgressEvent, RowFilter, Table } from '../types.js';
import { suggestName } from '../util/suggest.js';
import { getConnection } from './duckdb.js';
import { hashFileSelection } from './hash.js';
import { buildWhereConditions } from './plan/relation.js';
import { findMaterialized, inferSchema, type MaterializedTable } from './schema.js';
import { openSource, parseErrorFrom, sourceKey, type SourceColumn } from './source.js';

/** What to load. */
export interface LoadOptions {
  /** Column names to load (all when omitted); loaded in the dataset's order. */
  columns?: string[];
  /** Row conditions; all must hold. */
  where?: RowFilter[];
  /** Called with a short message before a slow load, and as its rows arrive (every `PROGRESS_STEP_ROWS`). */
  onProgress?: (message: string, event?: ProgressEvent) => void;
}

/** A loaded table and what provenance needs to know about it. */
export interface LoadedTable {
  table: Table;
  /** SHA-256 of the file's bytes. */
  sha256: string;
  /** SHA-256 of the file's hash with the loaded columns' names and kinds and the `--where` conditions (hashFileSelection). */
  tableHash: string;
  /** Rows of the dataset, before `where`. */
  rows: number;
  /** Rows the `where` conditions removed. */
  whereDropped: number;
  format: DatasetFormat;
  /** What the researcher should know about the loaded columns (infinite values treated as missing). */
  warnings: string[];
}

/** Datasets with at least this many rows get a progress message before loading. */
export const PROGRESS_ROWS = 200_000;

/** Files at least this large get a progress message before they are read. */
export const PROGRESS_BYTES = 10_000_000;

/** A large load reports the rows read so far each time this many more have arrived. */
export const PROGRESS_STEP_ROWS = 100_000;

/** Loads the requested columns of a dataset, filtered by `where`. */
export async function loadTable(path: string, options: LoadOptions = {}): Promise<LoadedTable> {
  const source = await openSource(path);
  const names = source.columns.map((c) => c.name);
  const requested = new Set(options.columns ?? names);
  for (const name of requested) requireColumn(name, names);
  const where = options.where ?? [];
  for (const filter of where) requireColumn(filter.column, names);
  const wasHeld = findMaterialized(sourceKey(source)) !== undefined;
  if (!wasHeld && source.size >= PROGRESS_BYTES) options.onProgress?.(`Reading ${source.name} (${(source.size / 1e6).toFixed(1)} MB)...`, { phase: 'read' });
  const schema = await inferSchema(path);

  const kinds = new Map(schema.columns.map((c) => [c.name, c.kind]));
  const large = schema.rows >= PROGRESS_ROWS;
  if (large) options.onProgress?.(`Loading ${formatRowCount(schema.rows)} rows...`, { phase: 'load', rows: 0, total: schema.rows });
  const onRows = large && options.onProgress
    ? (rows: number) => options.onProgress!(`Loading ${formatRowCount(schema.rows)} rows: ${formatRowCount(rows)} read...`, { phase: 'load', rows, total: schema.rows })
    : undefined;
  const read = (from: LoadSource) => {
    const selected = from.columns.filter((c) => requested.has(c.name));
    const { sql: whereSql, values } = buildWhere(where, from.columns, kinds);
    const select = selected.map((c) => selectExpression(c, schema.columns.find((s) => s.name === c.name)));
    return readColumns(`${select.join(', ') || 'NULL'} FROM ${from.table}${whereSql}`, values, selected, kinds, schema.rows, onRows);
  };
  const fromSource: LoadSource = { table: source.reader, columns: source.columns };
  const held = findMaterialized(sourceKey(source));
  let table: Table;
  try {
    // The held table may be dropped by a concurrent schema inference; then read the file again.
    table = held ? await read(materializedSource(held, source.columns)).catch(() => read(fromSource)) : await read(fromSource);
  } catch (error) {
    throw parseErrorFrom(error, path, source.format);
  }
  const loadedSchemas = table.columns.map((c) => schema.columns.find((s) => s.name === c.name));
  for (const [j, column] of table.columns.entries()) {
    const note = loadedSchemas[j]?.note;
    if (column.kind !== 'numeric' && note) column.note = note;
  }
  return {
    table,
    sha256: schema.sha256,
    warnings: loadedSchemas.flatMap((s) => (s?.nonFinite && s.note ? [s.note] : [])),
    tableHash: hashFileSelection(schema.sha256, table.columns, where),
    rows: schema.rows,
    whereDropped: schema.rows - table.rowCount,
    format: source.format,
  };
}

/** Where rows come from: the file's reader, or the materialized table, with each column's SQL. */
export interface LoadSource {
  table: string;
  columns: SourceColumn[];
}

export function materializedSource(held: MaterializedTable, columns: readonly SourceColumn[]): LoadSource {
  return { table: held.table, columns: columns.map((c, i) => ({ ...c, expression: held.columns[i] })) };
}

/** A column's select expression: an ENUM of its levels when the schema listed every one. */
function selectExpression(column: SourceColumn, schema: ColumnSchema | undefined): string {
  const levels = schema?.levels;
  if (!schema || schema.kind === 'numeric' || !levels || levels.length === 0) return column.expression;
  const counted = levels.reduce((sum, l) => sum + l.count, 0);
  if (counted !== schema.n) return column.expression;
  return `CAST(${column.expression} AS ENUM(${levels.map((l) => quotedString(l.value)).join(', ')}))`;
}

export function requireColumn(name: string, names: readonly string[]): void {
  if (!names.includes(name)) throw new InferraError('column-not-found', { column: name, suggestion: suggestName(name, names) });
}

/** The WHERE clause of `--where` conditions over the file's columns (plan/relation.ts), DuckDB's casts. */
export function buildWhere(
  where: readonly RowFilter[],
  columns: readonly SourceColumn[],
  kinds: ReadonlyMap<string, ColumnKind>,
): { sql: string; values: DuckDBValue[] } {
  const normalized = columns.map((c) => ({ name: c.name, numeric: c.storage === 'numeric', expression: c.expression }));
  return buildWhereConditions(where, normalized, kinds, (i, numeric) => (numeric ? `CAST($${i} AS DOUBLE)` : `CAST($${i} AS VARCHAR)`));
}

/** Runs `SELECT <query>` and copies its chunks into typed arrays. */
async function readColumns(
  query: string,
  values: DuckDBValue[],
  selected: readonly SourceColumn[],
  kinds: ReadonlyMap<string, ColumnKind>,
  capacity: number,
  onRows?: (rows: number) => void,
): Promise<Table> {
  const connection = await getConnection();
  const result = await connection.stream(`SELECT ${query}`, values);
  const numeric = selected.map((c) => kinds.get(c.name) === 'numeric');
  const numbers = selected.map((_, i) => (numeric[i] ? new Float64Array(capacity) : undefined));
  const texts = selected.map((_, i) => (numeric[i] ? undefined : ([] as (string | null)[])));
  let rowCount = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const count = chunk.rowCount;
    for (let j = 0; j < selected.length; j++) {
      const vector = chunk.getColumnVector(j);
      const target = numbers[j];
      if (target) {
        for (let r = 0; r < count; r++) {
          const v = vector.getItem(r);
          target[rowCount + r] = v === null ? NaN : Number(v);
        }
      } else {
        const list = texts[j]!;
        for (let r = 0; r < count; r++) {
          const v = vector.getItem(r);
          list.push(v === null ? null : String(v));
        }
      }
    }
    const before = rowCount;
    rowCount += count;
    if (onRows && Math.floor(rowCount / PROGRESS_STEP_ROWS) > Math.floor(before / PROGRESS_STEP_ROWS)) onRows(rowCount);
  }
  const columns: Column[] = selected.map((c, j) => {
    const kind = kinds.get(c.name) ?? 'text';
    if (kind === 'numeric') return { name: c.name, kind, values: numbers[j]!.slice(0, rowCount) };
    return { name: c.name, kind, values: texts[j]! };
  });
  return { rowCount, columns };
}

/** "850", "12.3 k", "1.2 M": a row count for progress messages. */
export function formatRowCount(rows: number): string {
  if (rows >= 1e6) return `${(rows / 1e6).toFixed(1)} M`;
  if (rows >= 1e4) return `${(rows / 1e3).toFixed(1)} k`;
  return String(rows);
}
