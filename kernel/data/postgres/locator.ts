/**
 * A PostgreSQL table as a dataset: `postgres://USER@HOST:PORT/DATABASE?table=SCHEMA.TABLE`
 * (docs/CONTRACT.md, "Additions"). A notebook is untrusted input, so the locator is checked strictly:
 * no password in it (PGPASSWORD or ~/.pgpass give it), the table is `schema.table` of identifier
 * characters only, and both are only ever written into SQL as quoted identifiers.
 */
import { InferraError } from '../../errors.js';

/** A database server and database, without a table: `postgres://USER@HOST:PORT/DATABASE`. */
export interface PostgresServer {
  user: string;
  host: string;
  port: number;
  database: string;
  /** `sslmode=require` (Supabase and other hosted servers). */
  ssl: boolean;
}

/** A parsed database locator: a server's table. */
export interface PostgresLocator extends PostgresServer {
  schema: string;
  table: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_$]{0,62}$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[[0-9A-Fa-f:.]+\]$/;

/** Whether a dataset locator names a database table rather than a file. */
export function isDatabaseLocator(locator: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(locator.trim());
}

function invalidLocator(locator: string, detail: string, server = false): InferraError {
  return new InferraError('database-locator-invalid', { locator: shownDatabaseLocator(locator), detail, ...(server ? { server } : {}) });
}

/** Parses and checks a locator; throws `database-locator-invalid` saying what is wrong. */
export function parsePostgresLocator(locator: string): PostgresLocator {
  const { server, tables } = parseAddress(locator, 'table');
  if (tables.length !== 1) throw invalidLocator(locator, 'it needs exactly one table=SCHEMA.TABLE');
  const parts = tables[0].split('.');
  if (parts.length !== 2 || !parts.every((p) => IDENTIFIER.test(p))) {
    throw invalidLocator(locator, `the table '${tables[0]}' is not SCHEMA.TABLE made of letters, digits and _ (for example public.penguins)`);
  }
  return { ...server, schema: parts[0], table: parts[1] };
}

/**
 * Parses and checks a server's address without a table (`postgres://USER@HOST:PORT/DATABASE`,
 * optionally `?sslmode=require`), as a researcher types it to list the tables; a `table=` is refused.
 */
export function parsePostgresServer(address: string): PostgresServer {
  const { server, tables } = parseAddress(address, 'server');
  if (tables.length > 0) throw invalidLocator(address, 'give the server and database only, without table= (the tables are listed next)', true);
  return server;
}

/** The server part of an address and its `table=` values, checked. */
function parseAddress(locator: string, expect: 'table' | 'server'): { server: PostgresServer; tables: string[] } {
  const invalid = (address: string, detail: string) => invalidLocator(address, detail, expect === 'server');
  let url: URL;
  try {
    url = new URL(locator.trim());
  } catch {
    throw invalid(locator, 'it is not a valid address');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw invalid(locator, 'it does not start with postgres://');
  if (url.password !== '') throw invalid(locator, 'it contains a password; remove it and set PGPASSWORD or ~/.pgpass instead');
  const user = decodeURIComponent(url.username);
  if (!user) throw invalid(locator, 'it names no user (postgres://USER@HOST/...)');
  if (!IDENTIFIER.test(user) && !/^[A-Za-z0-9_.-]{1,63}$/.test(user)) throw invalid(locator, `the user name '${user}' has characters other than letters, digits, _ . -`);
  const host = url.hostname;
  if (!host || !HOST.test(host)) throw invalid(locator, 'it names no valid host');
  const port = url.port === '' ? 5432 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw invalid(locator, `the port '${url.port}' is not a port number`);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw invalid(locator, `it names no database (postgres://USER@HOST:PORT/DATABASE${expect === 'table' ? '?...' : ''})`);
  if (!/^[A-Za-z0-9_$-]{1,63}$/.test(database)) throw invalid(locator, `the database name '${database}' has characters other than letters, digits, _ $ -`);
  const keys = [...url.searchParams.keys()];
  const unknown = keys.filter((k) => k !== 'table' && k !== 'sslmode');
  if (unknown.length > 0) throw invalid(locator, `it has options Inferra does not use (${unknown.join(', ')}); only table= and sslmode= are read`);
  const sslmode = url.searchParams.get('sslmode') ?? 'prefer';
  if (!['disable', 'prefer', 'require'].includes(sslmode)) throw invalid(locator, `sslmode '${sslmode}' is not one of disable, prefer, require`);
  return { server: { user, host: host.replace(/^\[|\]$/g, ''), port, database, ssl: sslmode === 'require' }, tables: url.searchParams.getAll('table') };
}

/** Whether a name can be a table's schema or name in a locator (letters, digits and _). */
export function isLocatorIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** The locator as shown to a researcher (never with a password, which it cannot hold anyway). */
export function shownDatabaseLocator(locator: string): string {
  return locator.trim().replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** `schema.table` as shown, and as quoted SQL identifiers. */
export function tableName(l: Pick<PostgresLocator, 'schema' | 'table'>): string {
  return `${l.schema}.${l.table}`;
}

/** The canonical locator (what provenance records): no password, sorted options. */
export function canonicalLocator(l: PostgresLocator): string {
  return `postgres://${l.user}@${l.host.includes(':') ? `[${l.host}]` : l.host}:${l.port}/${l.database}?table=${l.schema}.${l.table}${l.ssl ? '&sslmode=require' : ''}`;
}
