/**
 * PostgreSQL tables as datasets: `postgres://USER@HOST:PORT/DB?table=SCHEMA.TABLE`. The schema and
 * the analyses run in the database (kernel/data/plan); only aggregates, counts and a bounded sample
 * for the assumption checks come back, so the client's memory stays flat whatever the table's size.
 */
import { createHash } from 'node:crypto';
import type { ColumnKind, DatasetSchema, RowFilter } from '../../types.js';
import { InferraError } from '../../errors.js';
import { suggestName } from '../../util/suggest.js';
import { postgresDialect } from '../plan/dialect.js';
import type { Engine, Relation } from '../plan/engine.js';
import { buildRelation } from '../plan/relation.js';
import { withClient } from './connect.js';
import { hashDatabaseTable } from './hash.js';
import { parsePostgresLocator, type PostgresLocator } from './locator.js';
import { inferPostgresSchema } from './schema.js';
import { describeTable, fromTable, postgresEngine, type PostgresColumn } from './source.js';

export { isDatabaseLocator, parsePostgresLocator, shownDatabaseLocator } from './locator.js';

/** The schema of a database table (its content hash in `sha256`). */
export function databaseSchema(locator: string): Promise<DatasetSchema> {
  const l = parsePostgresLocator(locator);
  return withClient(l, async (client) => inferPostgresSchema(client, l, await describeTable(client, l)));
}

/** What an analysis on a database table works with. */
export interface DatabaseTable {
  locator: PostgresLocator;
  engine: Engine;
  relation: Relation;
  /** Each column's kind as the analyses read it (numbers are numeric; other columns are labels). */
  kinds: Map<string, ColumnKind>;
  /** The table's content hash and rows (provenance). */
  sha256: string;
  rows: number;
  /** Every column of the table, in order. */
  tableColumns: string[];
  /** Digest of the query and its parameters with the content hash. */
  tableHash: string;
  query: string;
}

const KIND_OF_STORAGE: Record<PostgresColumn['storage'], ColumnKind> = { numeric: 'numeric', boolean: 'boolean', datetime: 'datetime', text: 'categorical' };

/** Opens a table for an analysis of some columns with `--where`; `use` runs while the connection is open. */
export function withDatabaseTable<T>(locator: string, names: readonly string[] | 'all', where: readonly RowFilter[], use: (table: DatabaseTable) => Promise<T>): Promise<T> {
  const l = parsePostgresLocator(locator);
  return withClient(l, async (client) => {
    const columns = await describeTable(client, l);
    const known = columns.map((c) => c.name);
    const wanted = names === 'all' ? known : names;
    for (const name of [...wanted, ...where.map((w) => w.column)]) {
      if (!known.includes(name)) throw new InferraError('column-not-found', { column: name, suggestion: suggestName(name, known) });
    }
    const kinds = new Map(columns.map((c) => [c.name, KIND_OF_STORAGE[c.storage]]));
    const relation = buildRelation(postgresDialect, fromTable(l), columns, wanted, where, kinds);
    const { sha256, rows } = await hashDatabaseTable(client, l, columns);
    const tableHash = createHash('sha256').update(JSON.stringify([sha256, relation.sql, relation.params])).digest('hex');
    return use({ locator: l, engine: postgresEngine(client), relation, kinds, sha256, rows, tableHash, query: relation.sql, tableColumns: known });
  });
}
