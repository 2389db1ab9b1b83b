/**
 * A PostgreSQL table as a source: its columns from information_schema, each with the SQL of its
 * normalized value (numbers as double precision with NaN and infinities missing, booleans as
 * 'true'/'false', dates and timestamps as ISO 8601 text, NA-like text as missing), as files get in
 * source.ts; and an `Engine` that runs the plan's queries on one connection.
 */
import type pg from 'pg';
import { InferraError } from '../../errors.js';
import { suggestName } from '../../util/suggest.js';
import { MISSING_MARKERS } from '../markers.js';
import { postgresDialect } from '../plan/dialect.js';
import type { Engine, PlanParameter, TextRows } from '../plan/engine.js';
import type { NormalizedColumn } from '../plan/relation.js';
import type { StorageClass } from '../source.js';
import { tableName, type PostgresLocator } from './locator.js';

/** One column of a database table. */
export interface PostgresColumn extends NormalizedColumn {
  /** PostgreSQL's type, e.g. DOUBLE PRECISION, TEXT. */
  storageType: string;
  storage: StorageClass;
}

const NUMERIC = new Set(['smallint', 'integer', 'bigint', 'real', 'double precision', 'numeric', 'decimal']);

/** How a PostgreSQL type is read: numbers, booleans, dates/times, or text (everything else). */
export function classifyPostgresType(dataType: string): StorageClass {
  if (NUMERIC.has(dataType)) return 'numeric';
  if (dataType === 'boolean') return 'boolean';
  if (/^(date|timestamp|time)\b/.test(dataType)) return 'datetime';
  return 'text';
}

/** A string literal of one of Inferra's own constants (the missing-value markers): quotes doubled. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The normalized SQL expression of a column. */
export function normalizedExpression(name: string, dataType: string): string {
  const id = postgresDialect.identifier(name);
  switch (classifyPostgresType(dataType)) {
    case 'numeric':
      return `CASE WHEN CAST(${id} AS DOUBLE PRECISION) IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8) THEN NULL ELSE CAST(${id} AS DOUBLE PRECISION) END`;
    case 'boolean':
      return `CASE WHEN ${id} THEN 'true' WHEN NOT ${id} THEN 'false' END`;
    case 'datetime':
      return dataType.startsWith('timestamp') ? `replace(CAST(${id} AS TEXT), ' ', 'T')` : `CAST(${id} AS TEXT)`;
    case 'text':
      return `CASE WHEN CAST(${id} AS TEXT) IN (${MISSING_MARKERS.map(literal).join(', ')}) THEN NULL ELSE CAST(${id} AS TEXT) END`;
  }
}

/** The table's columns in order; `table-not-found` (with a suggestion) when this user sees no such table. */
export async function describeTable(client: pg.Client, l: PostgresLocator): Promise<PostgresColumn[]> {
  const result = await client.query<{ column_name: string; data_type: string }>(
    'SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
    [l.schema, l.table],
  );
  if (result.rows.length === 0) {
    const tables = await client.query<{ name: string }>(
      `SELECT table_schema || '.' || table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const names = tables.rows.map((r) => r.name);
    throw new InferraError('table-not-found', { table: tableName(l), database: l.database, suggestion: suggestName(tableName(l), names) });
  }
  return result.rows.map((row) => ({
    name: row.column_name,
    numeric: classifyPostgresType(row.data_type) === 'numeric',
    expression: normalizedExpression(row.column_name, row.data_type),
    storageType: row.data_type.toUpperCase(),
    storage: classifyPostgresType(row.data_type),
  }));
}

/** The table as a FROM item: quoted identifiers only. */
export function fromTable(l: PostgresLocator): string {
  return `${postgresDialect.identifier(l.schema)}.${postgresDialect.identifier(l.table)}`;
}

/** An engine on one connection: every value comes back as text. */
export function postgresEngine(client: pg.Client): Engine {
  return {
    dialect: postgresDialect,
    async query(sql: string, params: readonly PlanParameter[]): Promise<TextRows> {
      const result = await client.query({ text: sql, values: params.map((p) => (typeof p === 'number' ? String(p) : p)), rowMode: 'array' });
      return (result.rows as unknown[][]).map((row) => row.map((v) => (v === null || v === undefined ? null : String(v))));
    },
    async stream(sql: string, params: readonly PlanParameter[], size: number, onRows: (rows: TextRows) => void): Promise<void> {
      // A server-side cursor in a read-only transaction: FETCH brings `size` rows at a time.
      await client.query('BEGIN READ ONLY');
      try {
        // Streamed results are sorted (GROUP BY key ORDER BY key): grouping by sorting gives the order at
        // once, where a hash aggregate (chosen on a low estimate of the groups) spills to disk and sorts again.
        await client.query('SET LOCAL enable_hashagg = off');
        await client.query({ text: `DECLARE inferra_rows NO SCROLL CURSOR FOR ${sql}`, values: params.map((p) => (typeof p === 'number' ? String(p) : p)) });
        for (;;) {
          const result = await client.query({ text: `FETCH ${Math.max(1, Math.floor(size))} FROM inferra_rows`, rowMode: 'array' });
          if (result.rows.length === 0) break;
          onRows((result.rows as unknown[][]).map((row) => row.map((v) => (v === null || v === undefined ? null : String(v)))));
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
  };
}
