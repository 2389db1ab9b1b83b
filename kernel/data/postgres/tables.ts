/**
 * The tables a researcher can choose on a PostgreSQL server (VS Code's "Choose Dataset…" for a
 * database): every table and view this user may read, outside the system schemas, with the planner's
 * row estimate, each with the locator that points a notebook at it. Names a locator cannot hold
 * (characters other than letters, digits and _) are counted, not listed, so the researcher learns why
 * a table is missing.
 */
import { withClient } from './connect.js';
import { canonicalLocator, isLocatorIdentifier, parsePostgresServer } from './locator.js';

/** One table or view that can be a notebook's dataset. */
export interface DatabaseTableEntry {
  schema: string;
  table: string;
  kind: 'table' | 'view';
  /** The planner's estimate (pg_class.reltuples); undefined for views and never-analysed tables. */
  estimatedRows?: number;
  /** `postgres://USER@HOST:PORT/DB?table=SCHEMA.TABLE`, as a notebook records it. */
  locator: string;
}

/** The tables of a server's database, and how many could not be listed because of their names. */
export interface DatabaseTableList {
  tables: DatabaseTableEntry[];
  /** Tables left out because a locator cannot hold their names. */
  unnamed: number;
  /** Whether the database has more than TABLE_LIST_LIMIT tables (the first ones are listed). */
  truncated: boolean;
}

/** At most this many tables are listed (a warehouse may hold thousands); the rest are counted. */
export const TABLE_LIST_LIMIT = 1000;

const LIST_TABLES = `
SELECT t.table_schema AS schema, t.table_name AS name, t.table_type AS type,
       CASE WHEN c.reltuples >= 0 THEN c.reltuples END AS estimate
FROM information_schema.tables t
LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = t.table_schema
LEFT JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.table_name
WHERE t.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_schema NOT LIKE 'pg\\_%'
  AND has_table_privilege(quote_ident(t.table_schema) || '.' || quote_ident(t.table_name), 'SELECT')
ORDER BY t.table_schema = 'public' DESC, t.table_schema, t.table_name
LIMIT ${TABLE_LIST_LIMIT + 1}`;

/** Lists the readable tables of `address` (`postgres://USER@HOST:PORT/DATABASE[?sslmode=require]`). */
export async function listDatabaseTables(address: string): Promise<DatabaseTableList> {
  const server = parsePostgresServer(address);
  const rows = await withClient(server, async (client) => (await client.query<{ schema: string; name: string; type: string; estimate: number | string | null }>(LIST_TABLES)).rows);
  const tables: DatabaseTableEntry[] = [];
  let unnamed = 0;
  for (const row of rows.slice(0, TABLE_LIST_LIMIT)) {
    if (!isLocatorIdentifier(row.schema) || !isLocatorIdentifier(row.name)) {
      unnamed++;
      continue;
    }
    const estimate = row.estimate === null ? undefined : Number(row.estimate);
    tables.push({
      schema: row.schema,
      table: row.name,
      kind: row.type === 'VIEW' ? 'view' : 'table',
      ...(estimate !== undefined && Number.isFinite(estimate) && row.type !== 'VIEW' ? { estimatedRows: Math.round(estimate) } : {}),
      locator: canonicalLocator({ ...server, schema: row.schema, table: row.name }),
    });
  }
  return { tables, unnamed, truncated: rows.length > TABLE_LIST_LIMIT };
}
